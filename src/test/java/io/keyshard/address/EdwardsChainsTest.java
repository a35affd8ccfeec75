package io.keyshard.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Ed25519 chains and did:key on RFC 8032 public keys (vectors/rfc8032_eddsa.json), through real points. */
class EdwardsChainsTest {
    private static final JsonNode RFC = TestVectors.load("rfc8032_eddsa.json");

    private static List<JsonNode> of(String algorithm) {
        return TestVectors.list(RFC.get("vectors")).stream()
                .filter(v -> v.get("algorithm").asText().equals(algorithm))
                .toList();
    }

    static List<JsonNode> ed25519() {
        return of("Ed25519");
    }

    static List<JsonNode> ed448() {
        return of("Ed448");
    }

    @ParameterizedTest
    @MethodSource("ed25519")
    void ed25519ChainsEncodeTheRfc8032Key(JsonNode v) {
        byte[] pk = Hex.decode(v.get("public_key").asText());
        Point p = CurveName.ED25519.curve().decodePublicKey(pk);
        assertEquals(
                Base58.encode(pk),
                Chain.SOLANA.address(CurveName.ED25519, p, Network.MAINNET).value());
        String g = Chain.STELLAR.address(CurveName.ED25519, p, Network.MAINNET).value();
        assertTrue(g.startsWith("G") && g.length() == 56, g);
        assertArrayEquals(pk, StrKey.decode(StrKey.ACCOUNT_ID, g));
        assertEquals(
                AccountAddresses.sui(pk),
                Chain.SUI.address(CurveName.ED25519, p, Network.MAINNET).value());
        assertEquals(
                AccountAddresses.aptos(pk),
                Chain.APTOS.address(CurveName.ED25519, p, Network.MAINNET).value());
        String did =
                Chain.DID_KEY.address(CurveName.ED25519, p, Network.MAINNET).value();
        assertTrue(did.startsWith("did:key:z6Mk"), did);
        assertArrayEquals(pk, DidKey.decode(did).key());
    }

    @ParameterizedTest
    @MethodSource("ed448")
    void ed448DidKeyCarriesThe57ByteKeyUnderEd448Pub(JsonNode v) {
        byte[] pk = Hex.decode(v.get("public_key").asText());
        Point p = CurveName.ED448.curve().decodePublicKey(pk);
        DidKey.Decoded d = DidKey.decode(
                Chain.DID_KEY.address(CurveName.ED448, p, Network.MAINNET).value());
        assertEquals(0x1203, d.codec());
        assertArrayEquals(pk, d.key());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Chain.SOLANA.address(CurveName.ED448, p, Network.MAINNET));
        assertTrue(e.getMessage().endsWith("chains for ED448: did-key"), e.getMessage());
    }
}
