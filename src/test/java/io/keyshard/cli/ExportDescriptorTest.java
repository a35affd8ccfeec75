package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.address.Chain;
import io.keyshard.address.TestVectors;
import io.keyshard.address.Xpub;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export descriptor}: the descriptor's checksum passes BIP-380's own check (itself run on the
 * BIP's vectors), and the first receive address it describes is the one {@code derive --key-id} prints.
 */
class ExportDescriptorTest {
    private static final JsonNode MASTER = TestVectors.load("bip32.json")
            .get("test_vectors")
            .get(0)
            .get("chains")
            .get(0)
            .get("decoded_xpub");
    private static final Pattern SHAPE = Pattern.compile(
            "(pkh|wpkh|tr)\\(\\[([0-9a-f]{8})/(\\d+)/(\\d+)/(\\d+)\\]([1-9A-HJ-NP-Za-km-z]+)/(<0;1>|0|1)/\\*\\)#(.{8})");

    @TempDir
    Path tmp;

    Path home;
    Path pwFile;
    UUID ecdsa;
    UUID schnorr;
    UUID ed25519;

    @BeforeEach
    void vault() throws Exception {
        home = tmp.resolve("home");
        pwFile = tmp.resolve("pw.txt");
        Files.writeString(pwFile, new String(VaultFixtures.PASSWORD) + "\n");
        String compressed = MASTER.get("key").asText();
        String chainCode = MASTER.get("chain_code").asText();
        try (Vault v = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT)) {
            ecdsa = ready(v, CurveName.SECP256K1, compressed, chainCode);
            schnorr = ready(v, CurveName.SECP256K1_SCHNORR, compressed.substring(2), chainCode);
            ed25519 = ready(
                    v,
                    CurveName.ED25519,
                    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                    chainCode);
        }
    }

    private static UUID ready(Vault v, CurveName curve, String root, String chainCode) {
        KeyRecord k = KeyRecord.pending(
                UUID.randomUUID(),
                curve.apiName(),
                curve,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                Instant.now());
        v.createPending(k);
        v.markReady(k.keyId(), root, chainCode, Map.of());
        return k.keyId();
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--password-file", pwFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    @Test
    void theReferenceCheckAcceptsAndRefusesTheBip380Vectors() {
        JsonNode vectors = TestVectors.load("bitcoin/bip380_checksums.json");
        vectors.get("valid").forEach(v -> assertTrue(descsumCheck(v.asText()), v.asText()));
        vectors.get("invalid").forEach(v -> assertFalse(descsumCheck(v.asText()), v.asText()));
    }

    @Test
    void theFirstReceiveAddressOfTheDescriptorIsTheOneDerivePrints() throws Exception {
        Object[][] cases = {
            {ecdsa, Chain.BITCOIN_P2WPKH, "wpkh", "0", "mainnet"},
            {ecdsa, Chain.BITCOIN_P2WPKH, "wpkh", "3", "testnet"},
            {ecdsa, Chain.BITCOIN_P2PKH, "pkh", "1", "mainnet"},
            {schnorr, Chain.BITCOIN_P2TR, "tr", "2", "mainnet"},
        };
        for (Object[] c : cases) {
            UUID keyId = (UUID) c[0];
            Chain chain = (Chain) c[1];
            String account = (String) c[3];
            String network = (String) c[4];
            CliHarness.Result r = run(
                    "export",
                    "descriptor",
                    "--key-id",
                    keyId.toString(),
                    "--chain",
                    chain.id(),
                    "--account",
                    account,
                    "--network",
                    network,
                    "--json");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode o = new ObjectMapper().readTree(r.out());
            assertEquals(keyId.toString(), o.get("keyId").asText());
            assertEquals(chain.id(), o.get("chain").asText());
            assertEquals(network, o.get("network").asText());
            assertEquals(Integer.parseInt(account), o.get("account").asInt());
            String descriptor = o.get("descriptor").asText();
            for (String field : List.of("descriptor", "receive", "change")) {
                assertTrue(
                        descsumCheck(o.get(field).asText()),
                        field + ": " + o.get(field).asText());
            }
            Matcher m = SHAPE.matcher(descriptor);
            assertTrue(m.matches(), descriptor);
            assertEquals(c[2], m.group(1));
            assertEquals("<0;1>", m.group(7));
            List<Integer> accountPath = chain.accountPath(Integer.parseInt(account), Network.parse(network))
                    .indices();
            assertEquals(
                    accountPath,
                    List.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))),
                    "non-hardened key origin");
            assertTrue(o.get("receive").asText().contains(m.group(6) + "/0/*)"), o.toString());
            assertTrue(o.get("change").asText().contains(m.group(6) + "/1/*)"), o.toString());

            CurveName curve = chain == Chain.BITCOIN_P2TR ? CurveName.SECP256K1_SCHNORR : CurveName.SECP256K1;
            ExtendedPublicKey accountKey = Xpub.decode(m.group(6), curve).key();
            assertEquals(m.group(2), String.format(Locale.ROOT, "%08x", rootFingerprint(curve)));
            ExtendedPublicKey firstReceive =
                    PublicDerivation.derive(accountKey, DerivationPath.of(0, 0)).key();
            String described = chain.address(curve, firstReceive.point(), Network.parse(network))
                    .value();

            CliHarness.Result d = run(
                    "derive",
                    "--key-id",
                    keyId.toString(),
                    "--chain",
                    chain.id(),
                    "--account",
                    account,
                    "--index",
                    "0",
                    "--network",
                    network,
                    "--json");
            assertEquals(0, d.exitCode(), d.err());
            assertEquals(new ObjectMapper().readTree(d.out()).get("address").asText(), described, descriptor);
        }
    }

    @Test
    void aKeyOnTheWrongCurveOrAnotherChainIsRefusedWithExitTwo() {
        CliHarness.Result tr = run("export", "descriptor", "--key-id", ecdsa.toString(), "--chain", "bitcoin-p2tr");
        assertEquals(2, tr.exitCode(), tr.err());
        assertTrue(tr.err().contains("needs a SECP256K1_SCHNORR key"), tr.err());
        assertTrue(tr.err().contains("bitcoin-p2wpkh or bitcoin-p2pkh"), tr.err());
        assertTrue(tr.out().isEmpty());

        CliHarness.Result wpkh =
                run("export", "descriptor", "--key-id", schnorr.toString(), "--chain", "bitcoin-p2wpkh");
        assertEquals(2, wpkh.exitCode(), wpkh.err());
        assertTrue(wpkh.err().contains("needs a SECP256k1 key"), wpkh.err());
        assertTrue(wpkh.err().contains("--chain bitcoin-p2tr"), wpkh.err());

        CliHarness.Result ed = run("export", "descriptor", "--key-id", ed25519.toString(), "--chain", "bitcoin-p2pkh");
        assertEquals(2, ed.exitCode(), ed.err());
        assertTrue(ed.err().contains("no Bitcoin descriptor"), ed.err());

        CliHarness.Result evm = run("export", "descriptor", "--key-id", ecdsa.toString(), "--chain", "evm");
        assertEquals(2, evm.exitCode(), evm.err());
        assertTrue(evm.err().contains("Bitcoin chains"), evm.err());

        String unknown = UUID.randomUUID().toString();
        CliHarness.Result missing = run("export", "descriptor", "--key-id", unknown, "--chain", "bitcoin-p2wpkh");
        assertEquals(2, missing.exitCode(), missing.err());
        assertFalse(missing.err().contains(unknown), missing.err());
    }

    @Test
    void theHelpSaysThePathIsNonHardened() {
        String help = CliHarness.run("export", "descriptor", "--help").out();
        assertTrue(help.contains("non-hardened"), help);
        assertTrue(help.contains("84/0/0, not 84h/0h/0h"), help);
    }

    private static long rootFingerprint(CurveName curve) {
        String key = MASTER.get("key").asText();
        byte[] pub = Hex.decode(curve == CurveName.SECP256K1 ? key : key.substring(2), "key");
        byte[] cc = Hex.decode(MASTER.get("chain_code").asText(), "chain code");
        return ExtendedPublicKey.root(curve, pub, cc).fingerprint() & 0xffffffffL;
    }

    // ---- BIP-380's descsum_check, transcribed from the BIP's Python ----

    private static final String INPUT_CHARSET =
            "0123456789()[],'/*abcdefgh@:$%{}IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~ijklmnopqrstuvwxyzABCDEFGH`#\"\\ ";
    private static final String CHECKSUM_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final long[] GENERATOR = {0xf5dee51989L, 0xa9fdca3312L, 0x1bab10e32dL, 0x3706b1677aL, 0x644d626ffdL};

    static boolean descsumCheck(String s) {
        if (s.length() < 9 || s.charAt(s.length() - 9) != '#') {
            return false;
        }
        String sum = s.substring(s.length() - 8);
        if (!sum.chars().allMatch(ch -> CHECKSUM_CHARSET.indexOf(ch) >= 0)) {
            return false;
        }
        List<Integer> symbols = expand(s.substring(0, s.length() - 9));
        if (symbols == null) {
            return false;
        }
        sum.chars().forEach(ch -> symbols.add(CHECKSUM_CHARSET.indexOf(ch)));
        return polymod(symbols) == 1;
    }

    private static List<Integer> expand(String s) {
        List<Integer> groups = new ArrayList<>();
        List<Integer> symbols = new ArrayList<>();
        for (char ch : s.toCharArray()) {
            int v = INPUT_CHARSET.indexOf(ch);
            if (v < 0) {
                return null;
            }
            symbols.add(v & 31);
            groups.add(v >> 5);
            if (groups.size() == 3) {
                symbols.add(groups.get(0) * 9 + groups.get(1) * 3 + groups.get(2));
                groups.clear();
            }
        }
        if (groups.size() == 1) {
            symbols.add(groups.get(0));
        } else if (groups.size() == 2) {
            symbols.add(groups.get(0) * 3 + groups.get(1));
        }
        return symbols;
    }

    private static long polymod(List<Integer> symbols) {
        long chk = 1;
        for (int value : symbols) {
            long top = chk >>> 35;
            chk = ((chk & 0x7ffffffffL) << 5) ^ value;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= GENERATOR[i];
                }
            }
        }
        return chk;
    }
}
