package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.address.Base58;
import io.keyshard.bytes.Hex;
import io.keyshard.client.SharedCluster;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.payload.bitcoin.Psbt;
import io.keyshard.payload.bitcoin.PsbtFixtures;
import io.keyshard.payload.solana.SolanaFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to every payload subcommand of {@code sign} exits 2 with a message that says what is wrong,
 * prints nothing on stdout and signs nothing: no history entry, and the same refusals from a home whose
 * servers all point at a port that counts connections: a payload that is signed connects there (and fails
 * with exit 4), a refused one opens no connection at all.
 */
class PayloadRefusalIT {
    private static final String TX = "{\"chainId\":\"0x1\",\"nonce\":\"0x0\",\"maxPriorityFeePerGas\":\"0x1\","
            + "\"maxFeePerGas\":\"0x2\",\"gas\":\"0x5208\",\"to\":\"0x000000000000000000000000000000000000dEaD\","
            + "\"value\":\"0x1\",\"data\":\"0x\",\"accessList\":[]";

    @TempDir
    static Path dir;

    static SignCli cli;
    static String ed;
    static String k1;
    static String tr;

    @BeforeAll
    static void setUp() throws Exception {
        cli = SignCli.create(dir);
        ed = cli.keygen(CurveName.ED25519);
        k1 = cli.keygen(CurveName.SECP256K1, true);
        tr = cli.keygen(CurveName.SECP256K1_SCHNORR);
    }

    /** One refusal: the arguments after {@code sign} and a fragment the message must contain. */
    record Case(String expected, String... args) {}

    private static Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static Path file(String name, String content) throws Exception {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Case> cases() throws Exception {
        ExtendedPublicKey stranger = cli.root(cli.keygen(CurveName.SECP256K1_SCHNORR));
        byte[] edKey =
                Hex.decode(cli.derive(ed, "--chain", "solana").get("publicKey").asText(), "key");
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 0x33);
        byte[] notSigner = SolanaFixtures.transferMessage(List.of(other));
        byte[] big = new byte[PayloadInput.MAX_JSON + 1];
        Arrays.fill(big, (byte) ' ');
        return List.of(
                new Case(
                        "JSON",
                        "eth-typed",
                        "--key-id",
                        k1,
                        "--file",
                        file("bad.json", "{\"types\":").toString()),
                new Case(
                        "over 1048576 bytes",
                        "eth-typed",
                        "--key-id",
                        k1,
                        "--file",
                        file("big.json", big).toString()),
                new Case(
                        "chainId",
                        "eth-tx",
                        "--key-id",
                        k1,
                        "--file",
                        file("bool.json", TX.replace("\"0x1\",\"nonce\"", "true,\"nonce\"") + "}")
                                .toString()),
                new Case(
                        "chainId",
                        "eth-tx",
                        "--key-id",
                        k1,
                        "--file",
                        file("frac.json", TX.replace("\"0x1\",\"nonce\"", "1.5,\"nonce\"") + "}")
                                .toString()),
                new Case(
                        "is not this key's address",
                        "eth-tx",
                        "--key-id",
                        k1,
                        "--file",
                        file("from.json", TX + ",\"from\":\"0x000000000000000000000000000000000000bEEF\"}")
                                .toString()),
                new Case(
                        "not valid JSON",
                        "eth-tx",
                        "--key-id",
                        k1,
                        "--file",
                        file("cut.json", TX).toString()),
                new Case(
                        "chainId must not be negative",
                        "eth-tx",
                        "--key-id",
                        k1,
                        "--file",
                        file("negative.json", TX.replace("\"0x1\",\"nonce\"", "-1,\"nonce\"") + "}")
                                .toString()),
                new Case(
                        "chainId",
                        "eth-tx",
                        "--key-id",
                        k1,
                        "--file",
                        file("array.json", TX.replace("\"0x1\",\"nonce\"", "[1],\"nonce\"") + "}")
                                .toString()),
                new Case(
                        "over 1048576 bytes",
                        "eth-tx",
                        "--key-id",
                        k1,
                        "--file",
                        file("big-tx.json", big).toString()),
                new Case(
                        "SECP256k1",
                        "eth-tx",
                        "--key-id",
                        ed,
                        "--file",
                        file("ok.json", TX + "}").toString()),
                new Case("65537 bytes", "eth-message", "--key-id", k1, "--hex", "00".repeat(65_537)),
                new Case("--hex", "eth-message", "--key-id", k1, "--hex", "zz"),
                new Case("--chain evm", "eth-message", "--key-id", k1, "--chain", "bitcoin-p2wpkh", "--text", "x"),
                new Case(
                        "base64",
                        "psbt",
                        "--key-id",
                        tr,
                        "--file",
                        file("bad.psbt", "@@@ not a psbt").toString()),
                new Case(
                        "PSBT",
                        "psbt",
                        "--key-id",
                        tr,
                        "--file",
                        file("junk.psbt", new byte[] {0x70, 0x73, 0x62, 0x74, (byte) 0xff, 1, 2, 3})
                                .toString()),
                new Case(
                        "no input of this PSBT belongs to this key",
                        "psbt",
                        "--key-id",
                        tr,
                        "--file",
                        file(
                                        "foreign.psbt",
                                        PsbtFixtures.p2tr(stranger, "m/86/0/0/0/0", 2)
                                                .toBase64())
                                .toString()),
                new Case(
                        "name their own paths",
                        "psbt",
                        "--key-id",
                        tr,
                        "--path",
                        "m/1",
                        "--file",
                        file(
                                        "own.psbt",
                                        PsbtFixtures.p2tr(cli.root(tr), "m/86/0/0/0/0", 2)
                                                .toBase64())
                                .toString()),
                new Case(
                        "at most 16777216 are accepted",
                        "psbt",
                        "--key-id",
                        tr,
                        "--file",
                        file("huge.psbt", hugePsbt()).toString()),
                new Case("neither base64 nor base58", "solana-tx", "--key-id", ed, "--base64", "!!!"),
                new Case(
                        "is in the transaction but not as a signer",
                        "solana-tx",
                        "--key-id",
                        ed,
                        "--base64",
                        Base64.getEncoder()
                                .encodeToString(recipient(SolanaFixtures.transferMessage(List.of(other)), edKey))),
                new Case(
                        "is not in the transaction",
                        "solana-tx",
                        "--key-id",
                        ed,
                        "--base64",
                        Base64.getEncoder().encodeToString(notSigner)),
                new Case("at most 1232 bytes", "solana-tx", "--key-id", ed, "--base64", "A".repeat(5_000)),
                new Case(
                        "over 4096 bytes",
                        "solana-tx",
                        "--key-id",
                        ed,
                        "--file",
                        file("big.sol", new byte[5_000]).toString()),
                new Case(
                        "signs for the solana chain",
                        "solana-tx",
                        "--key-id",
                        ed,
                        "--chain",
                        "stellar",
                        "--base64",
                        Base58.encode(SolanaFixtures.transferMessage(List.of(edKey)))),
                new Case(
                        "pass --yes",
                        "solana-tx",
                        "--key-id",
                        ed,
                        "--base64",
                        Base58.encode(SolanaFixtures.transferMessage(List.of(edKey)))));
    }

    /** The transfer message with {@code key} as its recipient (the writable non-signer of bytes 0x77). */
    private static byte[] recipient(byte[] message, byte[] key) {
        byte[] out = message.clone();
        for (int i = 0; i + 32 <= out.length; i++) {
            int run = 0;
            while (run < 32 && out[i + run] == 0x77) {
                run++;
            }
            if (run == 32) {
                System.arraycopy(key, 0, out, i, 32);
                return out;
            }
        }
        throw new IllegalStateException("the fixture has no recipient of bytes 0x77");
    }

    /** A binary PSBT one byte over what the parser accepts: magic bytes, then zeros. */
    private static byte[] hugePsbt() {
        byte[] huge = new byte[Psbt.MAX_BYTES + 1];
        System.arraycopy(new byte[] {0x70, 0x73, 0x62, 0x74, (byte) 0xff}, 0, huge, 0, 5);
        return huge;
    }

    @Test
    void badInputExitsTwoSaysWhatIsWrongAndSignsNothing() throws Exception {
        List<Case> cases = cases();
        for (Case c : cases) {
            List<String> args = args(c);
            if (!c.expected().equals("pass --yes")) {
                args.add("--json");
            }
            CliHarness.Result r = cli.run(args.toArray(String[]::new));
            String what = String.join(" ", args.subList(0, 2)) + " expecting '" + c.expected() + "': " + r.err();
            assertEquals(2, r.exitCode(), what);
            assertTrue(r.err().contains(c.expected()), what);
            assertTrue(r.out().isEmpty(), what + r.out());
            for (String id : List.of(ed, k1, tr)) {
                assertFalse(r.err().contains(id), what);
            }
        }
        for (String id : List.of(ed, k1, tr)) {
            assertEquals(0, cli.history(id).size(), cli.history(id).toString());
        }
    }

    @Test
    void refusalsComeBeforeAnyServerIsContacted() throws Exception {
        try (ConnectionCounter servers = new ConnectionCounter()) {
            Path offline = unreachableCopy(servers.port());
            byte[] edKey = Hex.decode(
                    cli.derive(ed, "--chain", "solana").get("publicKey").asText(), "key");
            String good = Base58.encode(SolanaFixtures.transferMessage(List.of(edKey)));
            CliHarness.Result sent = run(offline, "sign", "solana-tx", "--key-id", ed, "--base64", good, "--json");
            assertEquals(4, sent.exitCode(), sent.err());
            assertTrue(servers.count() > 0, "a payload that is signed reaches the servers: " + sent.err());

            int before = servers.count();
            for (Case c : cases()) {
                CliHarness.Result r = run(offline, args(c).toArray(String[]::new));
                assertEquals(2, r.exitCode(), c.expected() + ": " + r.err());
                assertEquals(before, servers.count(), c.expected() + ": a refused payload opens no connection");
            }
        }
    }

    /**
     * The vault of the test home next to a servers.json whose servers are all at {@code port}, still local so
     * that the client has their credentials and a signing does connect.
     */
    private static Path unreachableCopy(int port) throws Exception {
        Path offline = SharedCluster.home(dir.resolve("offline"));
        try (Stream<Path> files = Files.list(cli.home.resolve("vault"))) {
            Files.createDirectories(offline.resolve("vault"));
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, offline.resolve("vault").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path servers = offline.resolve("servers.json");
        ObjectNode config = (ObjectNode) SignCli.JSON.readTree(servers.toFile());
        JsonNode entries = config.has("servers") ? config.get("servers") : config;
        entries.fields().forEachRemaining(e -> {
            if (e.getValue() instanceof ObjectNode o && o.has("url")) {
                o.put("url", "https://127.0.0.1:" + port);
            }
        });
        SignCli.JSON.writeValue(servers.toFile(), config);
        return offline;
    }

    private static List<String> args(Case c) {
        List<String> args = new ArrayList<>(List.of("sign"));
        args.addAll(List.of(c.args()));
        return args;
    }

    private static CliHarness.Result run(Path home, String... args) {
        List<String> all =
                new ArrayList<>(List.of("--home", home.toString(), "--password-file", cli.passwordFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }
}
