package io.keyshard.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BIP-32 (bitcoin/bips bip-0032.mediawiki, vectors/bip32.json): CKDpub, xpub export/import, vector 5. */
class Bip32Test {
    private static final JsonNode V = TestVectors.load("bip32.json");

    static List<JsonNode> officialPairs() {
        return TestVectors.list(V.get("official_ckdpub_pairs_flat"));
    }

    static List<JsonNode> computedPairs() {
        return TestVectors.list(V.get("computed_additional_ckdpub_pairs").get("pairs"));
    }

    static List<JsonNode> invalidKeys() {
        return TestVectors.list(V.get("invalid_extended_keys_tv5").get("keys"));
    }

    static Stream<JsonNode> allChains() {
        return TestVectors.list(V.get("test_vectors")).stream()
                .flatMap(tv -> TestVectors.list(tv.get("chains")).stream());
    }

    private static void checkStep(JsonNode pair) {
        ExtendedPublicKey parent = Xpub.decode(pair.get("parent_xpub").asText(), CurveName.SECP256K1)
                .key();
        ExtendedPublicKey child =
                PublicDerivation.child(parent, pair.get("index").asInt());
        assertEquals(
                pair.get("child_xpub").asText(),
                Xpub.encode(child, XpubVersion.XPUB),
                pair.get("child_path").asText());
        if (pair.has("child_pubkey")) {
            assertEquals(pair.get("child_pubkey").asText(), Hex.toHexString(child.publicKey()));
            assertEquals(pair.get("child_chain_code").asText(), Hex.toHexString(child.chainCode()));
        }
    }

    @ParameterizedTest
    @MethodSource("officialPairs")
    void officialCkdPubStepsGiveTheChildXpub(JsonNode pair) {
        checkStep(pair);
    }

    @ParameterizedTest
    @MethodSource("computedPairs")
    void computedCkdPubPairsGiveTheChildXpub(JsonNode pair) {
        checkStep(pair);
    }

    @ParameterizedTest
    @MethodSource("allChains")
    void everyOfficialXpubImportsAndExportsUnchanged(JsonNode chain) {
        String xpub = chain.get("xpub").asText();
        Xpub.Imported imported = Xpub.decode(xpub, CurveName.SECP256K1);
        JsonNode d = chain.get("decoded_xpub");
        assertEquals(d.get("depth").asInt(), imported.key().depth());
        assertEquals(
                d.get("parent_fingerprint").asText(),
                String.format("%08x", imported.key().parentFingerprint()));
        assertEquals(
                d.get("child_number").asLong(),
                Integer.toUnsignedLong(imported.key().childNumber()));
        assertEquals(d.get("key").asText(), Hex.toHexString(imported.key().publicKey()));
        assertEquals(xpub, Xpub.encode(imported.key(), imported.version()));
    }

    @Test
    void pathDerivationFillsDepthFingerprintAndChildNumber() {
        // Vector 1: m/0H/1 -> m/0H/1/2H is hardened, so use m/0H/1/2H/2 -> /1000000000 (two public steps).
        JsonNode tv1 = V.get("test_vectors").get(0).get("chains");
        ExtendedPublicKey start = Xpub.decode(tv1.get(3).get("xpub").asText(), CurveName.SECP256K1)
                .key();
        DerivedKey d = PublicDerivation.derive(start, DerivationPath.parse("m/2/1000000000"));
        assertEquals(tv1.get(5).get("xpub").asText(), Xpub.encode(d.key(), XpubVersion.XPUB));
        assertEquals(5, d.key().depth());
        assertEquals(1000000000, d.key().childNumber());
        assertTrue(
                d.description().contains("BIP-32") && d.description().contains("2 non-hardened steps"),
                d.description());
    }

    /** The message fragment each reason of test vector 5 must produce. */
    private static String expectedFragment(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.startsWith("pubkey version / prvkey mismatch")) {
            return "pubkey version / prvkey mismatch";
        }
        if (r.startsWith("prvkey version / pubkey mismatch")) {
            return "prvkey version / pubkey mismatch";
        }
        if (r.startsWith("invalid pubkey prefix")) {
            return "invalid public key prefix " + r.substring(r.length() - 2);
        }
        if (r.startsWith("invalid prvkey prefix")) {
            return "invalid private key prefix " + r.substring(r.length() - 2);
        }
        if (r.contains("non-zero parent fingerprint")) {
            return "zero depth with non-zero parent fingerprint";
        }
        if (r.contains("non-zero index")) {
            return "zero depth with non-zero child number";
        }
        if (r.startsWith("unknown extended key version")) {
            return "unknown extended key version";
        }
        if (r.startsWith("private key") && r.contains("not in 1..n-1")) {
            return "private key not in 1..n-1";
        }
        if (r.startsWith("invalid pubkey")) {
            return "invalid public key in the extended key";
        }
        if (r.startsWith("invalid checksum")) {
            return "invalid checksum";
        }
        throw new AssertionError("no expectation for reason " + reason);
    }

    @ParameterizedTest
    @MethodSource("invalidKeys")
    void everyInvalidKeyOfVector5IsRefusedWithItsReason(JsonNode bad) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Xpub.decode(bad.get("key").asText(), CurveName.SECP256K1));
        String fragment = expectedFragment(bad.get("reason").asText());
        assertTrue(e.getMessage().contains(fragment), bad.get("reason").asText() + " -> " + e.getMessage());
    }

    @Test
    void aValidPrivateKeyIsRefusedAsPrivate() {
        String xprv =
                V.get("test_vectors").get(0).get("chains").get(0).get("xprv").asText();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Xpub.decode(xprv, CurveName.SECP256K1));
        assertTrue(e.getMessage().contains("private extended key (xprv)"), e.getMessage());
        assertTrue(!e.getMessage().contains(xprv.substring(4, 20)), "message must not echo the private key");
    }

    @Test
    void exportOfTestnetKeyIsTpubAndImportsBack() {
        ExtendedPublicKey k = Xpub.decode(
                        V.get("test_vectors")
                                .get(0)
                                .get("chains")
                                .get(0)
                                .get("xpub")
                                .asText(),
                        CurveName.SECP256K1)
                .key();
        String tpub = Xpub.encode(k, XpubVersion.TPUB);
        assertTrue(tpub.startsWith("tpub"), tpub);
        Xpub.Imported back = Xpub.decode(tpub, CurveName.SECP256K1);
        assertEquals(XpubVersion.TPUB, back.version());
        assertEquals(k, back.key());
    }

    @Test
    void emptyOrHugeInputIsRefusedBeforeDecoding() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Xpub.decode("  ", CurveName.SECP256K1))
                .getMessage()
                .contains("empty"));
        String huge = "x".repeat(1_000_000);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Xpub.decode(huge, CurveName.SECP256K1))
                .getMessage()
                .contains("1000000 characters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Xpub.decode("xpub0OIl", CurveName.SECP256K1))
                .getMessage()
                .contains("not Base58"));
    }
}
