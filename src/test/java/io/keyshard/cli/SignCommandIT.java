package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.bytes.Hex;
import io.keyshard.client.SharedCluster;
import io.keyshard.curve.CurveName;
import io.keyshard.sign.EcdsaVerifiers;
import io.keyshard.sign.Verifiers;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard sign message} and {@code sign digest} against the shared local cluster: the JSON fields,
 * signatures a standard verifier accepts under the key {@code derive} prints, and the exit codes of the
 * refusals (EdDSA digest, an ECDSA digest of the wrong length, oversized message, a server that holds no
 * share); ECDSA keys add r, s, v and DER.
 */
class SignCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path home;
    static Path passwordFile;

    @BeforeAll
    static void setUp() throws Exception {
        home = dir.resolve("home");
        passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, new String(VaultFixtures.PASSWORD) + "\n");
        SharedCluster.home(home);
        Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT).close();
    }

    private static CliHarness.Result run(String... args) {
        List<String> all =
                new ArrayList<>(List.of("--home", home.toString(), "--password-file", passwordFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    private static String keygen(CurveName curve) throws Exception {
        CliHarness.Result gen = run("keygen", "--curve", curve.apiName(), "--threshold", "2", "--json");
        assertEquals(0, gen.exitCode(), gen.err());
        return JSON.readTree(gen.out()).get("keyId").asText();
    }

    @Test
    void signMessagePrintsTheFieldsAndASignatureUnderTheDerivedKey() throws Exception {
        String keyId = keygen(CurveName.ED25519);
        CliHarness.Result r = run(
                "sign", "message", "--key-id", keyId, "--chain", "solana", "--index", "4", "--text", "hello", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        assertEquals(
                List.of(
                        "keyId",
                        "curve",
                        "scheme",
                        "derivationPath",
                        "publicKey",
                        "address",
                        "signers",
                        "payload",
                        "signature"),
                fields);
        assertEquals(keyId, o.get("keyId").asText());
        assertEquals("ED25519", o.get("curve").asText());
        assertEquals("Ed25519", o.get("scheme").asText());
        assertEquals("m/44/501/0/4", o.get("derivationPath").asText());
        assertEquals("[\"OFFICIAL_1\",\"OFFICIAL_2\"]", o.get("signers").toString());
        assertEquals(
                Hex.encode("hello".getBytes(StandardCharsets.UTF_8)),
                o.get("payload").asText());
        JsonNode derived = JSON.readTree(run("derive", "--key-id", keyId, "--chain", "solana", "--index", "4", "--json")
                .out());
        assertEquals(derived.get("publicKey").asText(), o.get("publicKey").asText());
        assertEquals(derived.get("address").asText(), o.get("address").asText());
        assertTrue(Verifiers.accepts(
                CurveName.ED25519,
                o.get("publicKey").asText(),
                "hello".getBytes(StandardCharsets.UTF_8),
                o.get("signature").asText()));

        CliHarness.Result chosen = run(
                "sign",
                "message",
                "--key-id",
                keyId,
                "--path",
                "m/1/2",
                "--hex",
                "00ff",
                "--servers",
                "OFFICIAL_3,OFFICIAL_2",
                "--json");
        assertEquals(0, chosen.exitCode(), chosen.err());
        JsonNode c = JSON.readTree(chosen.out());
        assertEquals("[\"OFFICIAL_3\",\"OFFICIAL_2\"]", c.get("signers").toString());
        assertTrue(Verifiers.accepts(
                CurveName.ED25519,
                c.get("publicKey").asText(),
                new byte[] {0, (byte) 0xff},
                c.get("signature").asText()));
    }

    @Test
    void signDigestWithATaprootKeyVerifiesUnderTheOutputKey() throws Exception {
        String keyId = keygen(CurveName.SECP256K1_SCHNORR);
        String digest = "11".repeat(32);
        CliHarness.Result r = run(
                "sign",
                "digest",
                "--key-id",
                keyId,
                "--chain",
                "bitcoin-p2tr",
                "--index",
                "1",
                "--hex",
                digest,
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("BIP-340", o.get("scheme").asText());
        assertEquals(digest, o.get("digest").asText());
        assertFalse(o.has("payload"));
        JsonNode derived =
                JSON.readTree(run("derive", "--key-id", keyId, "--chain", "bitcoin-p2tr", "--index", "1", "--json")
                        .out());
        assertEquals(derived.get("outputKey").asText(), o.get("publicKey").asText());
        assertEquals(derived.get("address").asText(), o.get("address").asText());
        assertTrue(Verifiers.accepts(
                CurveName.SECP256K1_SCHNORR,
                derived.get("outputKey").asText(),
                Hex.decode(digest, "digest"),
                o.get("signature").asText()));

        // the vault's sealed signing history holds exactly what was printed
        JsonNode history =
                JSON.readTree(run("keys", "show", keyId, "--json").out()).get("signatures");
        assertEquals(1, history.size(), history.toString());
        JsonNode entry = history.get(0);
        assertEquals("digest", entry.get("payload").asText());
        assertEquals(digest, entry.get("digest").asText());
        assertEquals(o.get("signature").asText(), entry.get("signature").asText());
        assertEquals(o.get("address").asText(), entry.get("address").asText());
        assertEquals(
                o.get("derivationPath").asText(), entry.get("derivationPath").asText());
        assertEquals(o.get("signers"), entry.get("signers"));
    }

    @Test
    void ecdsaKeysSignMessagesAndDigestsAndPrintRSVAndDer() throws Exception {
        String keyId = keygen(CurveName.P256);
        CliHarness.Result r = run("sign", "message", "--key-id", keyId, "--path", "m/3/1", "--text", "hi", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("ECDSA", o.get("scheme").asText());
        for (String field : List.of("r", "s", "v", "der")) {
            assertTrue(o.has(field), field + " in " + o);
        }
        assertEquals(
                o.get("signature").asText(), o.get("r").asText() + o.get("s").asText());
        byte[] digest = EcdsaVerifiers.hash(CurveName.P256, "hi".getBytes(StandardCharsets.UTF_8));
        assertTrue(EcdsaVerifiers.jca(
                CurveName.P256,
                o.get("publicKey").asText(),
                digest,
                o.get("der").asText()));

        byte[] given = new byte[32];
        Arrays.fill(given, (byte) 0xa5);
        CliHarness.Result d =
                run("sign", "digest", "--key-id", keyId, "--path", "m/3/1", "--hex", Hex.encode(given), "--json");
        assertEquals(0, d.exitCode(), d.err());
        JsonNode g = JSON.readTree(d.out());
        assertEquals(Hex.encode(given), g.get("digest").asText());
        assertTrue(EcdsaVerifiers.bouncyCastle(
                CurveName.P256, g.get("publicKey").asText(), given, g.get("der").asText()));

        CliHarness.Result wrongLength = run("sign", "digest", "--key-id", keyId, "--hex", "22".repeat(48));
        assertEquals(2, wrongLength.exitCode(), wrongLength.err());
        assertTrue(wrongLength.err().contains("digest is 32 bytes"), wrongLength.err());
    }

    @Test
    void refusalsExitWithTheirCodesAndNameNoKeyId() throws Exception {
        String ed = keygen(CurveName.ED448);
        CliHarness.Result digest = run("sign", "digest", "--key-id", ed, "--hex", "22".repeat(32));
        assertEquals(2, digest.exitCode(), digest.err());
        assertTrue(digest.err().contains("sign message"), digest.err());

        String ecdsa = JSON.readTree(
                        run("keygen", "--curve", "SECP256k1", "--threshold", "2", "--no-signing-setup", "--json")
                                .out())
                .get("keyId")
                .asText();
        CliHarness.Result e = run("sign", "digest", "--key-id", ecdsa, "--hex", "22".repeat(31));
        assertEquals(2, e.exitCode(), e.err());
        assertTrue(e.err().contains("digest is 32 bytes"), e.err());

        CliHarness.Result big = run("sign", "message", "--key-id", ed, "--hex", "00".repeat(65_537));
        assertEquals(2, big.exitCode(), big.err());
        assertTrue(big.err().contains("65537 bytes"), big.err());
        Path file = dir.resolve("big.bin");
        Files.write(file, new byte[65_537]);
        CliHarness.Result bigFile = run("sign", "message", "--key-id", ed, "--file", file.toString());
        assertEquals(2, bigFile.exitCode(), bigFile.err());

        CliHarness.Result max = run("sign", "message", "--key-id", ed, "--hex", "ab".repeat(65_536), "--json");
        assertEquals(0, max.exitCode(), max.err());
        JsonNode m = JSON.readTree(max.out());
        byte[] bytes = new byte[65_536];
        Arrays.fill(bytes, (byte) 0xab);
        assertTrue(Verifiers.accepts(
                CurveName.ED448,
                m.get("publicKey").asText(),
                bytes,
                m.get("signature").asText()));

        CliHarness.Result stranger =
                run("sign", "message", "--key-id", ed, "--text", "x", "--servers", "OFFICIAL_1,NOPE");
        assertEquals(2, stranger.exitCode(), stranger.err());
        assertTrue(stranger.err().contains("NOPE holds no share"), stranger.err());

        for (CliHarness.Result r : List.of(digest, e, big, bigFile, stranger)) {
            assertFalse(r.err().contains(ed) || r.err().contains(ecdsa), r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
    }
}
