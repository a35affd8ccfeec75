package io.keyshard.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from each chain's own reference tests (vectors/chain_addresses.json names the
 * repository and path of every list): tronprotocol/tronweb test/index.test.ts,
 * cosmos/cosmjs packages/amino/src/addresses.spec.ts, solana-web3.js test/publickey.test.js,
 * StellarCN/py-stellar-base tests/test_strkey.py, MystenLabs/sui
 * sdk/typescript/test/unit/cryptography/ed25519-publickey.test.ts, aptos-labs/aptos-ts-sdk
 * tests/unit/helper.ts, w3c-ccg/did-method-key test-vectors/*.json.
 */
class ChainKnownAnswersTest {
    private static final JsonNode V = TestVectors.load("chain_addresses.json");

    private static List<JsonNode> cases(String chain) {
        return TestVectors.list(V.get(chain).get("cases"));
    }

    static List<JsonNode> solana() {
        return cases("solana");
    }

    static List<JsonNode> sui() {
        return cases("sui");
    }

    static List<JsonNode> didKey() {
        return cases("did_key");
    }

    @Test
    void tronAddressOfPrivateKeyOne() {
        for (JsonNode c : cases("tron")) {
            Point pub = CurveName.SECP256K1
                    .curve()
                    .multiplyBase(new BigInteger(c.get("private_key").asText(), 16));
            assertEquals(
                    c.get("address").asText(),
                    Chain.TRON
                            .address(CurveName.SECP256K1, pub, Network.MAINNET)
                            .value());
        }
    }

    @Test
    void cosmosAddressOfACompressedKey() {
        for (JsonNode c : cases("cosmos")) {
            Point pub = CurveName.SECP256K1
                    .curve()
                    .decodePoint(Hex.decode(c.get("public_key").asText()));
            assertEquals(
                    c.get("address").asText(),
                    Chain.COSMOS
                            .address(CurveName.SECP256K1, pub, Network.MAINNET)
                            .value());
        }
    }

    @ParameterizedTest
    @MethodSource("solana")
    void solanaIsBase58OfTheKey(JsonNode c) {
        byte[] key = Hex.decode(c.get("public_key").asText());
        assertEquals(c.get("address").asText(), Base58.encode(key));
        assertArrayEquals(key, Base58.decode(c.get("address").asText()));
    }

    @Test
    void stellarStrKey() {
        for (JsonNode c : cases("stellar")) {
            byte[] key = Hex.decode(c.get("public_key").asText());
            assertEquals(c.get("address").asText(), StrKey.encode(StrKey.ACCOUNT_ID, key));
            assertArrayEquals(
                    key, StrKey.decode(StrKey.ACCOUNT_ID, c.get("address").asText()));
        }
        JsonNode zero = V.get("stellar").get("also");
        assertEquals(
                zero.get("address").asText(),
                StrKey.encode(
                        StrKey.ACCOUNT_ID, Hex.decode(zero.get("public_key").asText())));
    }

    @ParameterizedTest
    @MethodSource("sui")
    void suiAddress(JsonNode c) {
        assertEquals(
                c.get("address").asText(),
                AccountAddresses.sui(Hex.decode(c.get("public_key").asText())));
    }

    @Test
    void aptosAddress() {
        for (JsonNode c : cases("aptos")) {
            assertEquals(
                    c.get("address").asText(),
                    AccountAddresses.aptos(Hex.decode(c.get("public_key").asText())));
        }
    }

    @ParameterizedTest
    @MethodSource("didKey")
    void didKeyOfEveryPublishedKey(JsonNode c) {
        CurveName curve = CurveName.parse(c.get("curve").asText());
        byte[] key = Hex.decode(c.get("public_key").asText());
        String did = c.get("did").asText();
        Point p = curve.curve().decodePoint(key);
        assertEquals(did, Chain.DID_KEY.address(curve, p, Network.MAINNET).value());
        DidKey.Decoded d = DidKey.decode(did);
        assertEquals(DidKey.multicodec(curve), d.codec());
    }

    @Test
    void multicodecCodesMatchTheTable() {
        JsonNode codes = V.get("did_key").get("multicodec_source").get("codes");
        assertEquals(Integer.decode(codes.get("secp256k1-pub").asText()), DidKey.multicodec(CurveName.SECP256K1));
        assertEquals(
                Integer.decode(codes.get("secp256k1-pub").asText()), DidKey.multicodec(CurveName.SECP256K1_SCHNORR));
        assertEquals(Integer.decode(codes.get("ed25519-pub").asText()), DidKey.multicodec(CurveName.ED25519));
        assertEquals(Integer.decode(codes.get("p256-pub").asText()), DidKey.multicodec(CurveName.P256));
        assertEquals(Integer.decode(codes.get("p384-pub").asText()), DidKey.multicodec(CurveName.P384));
        assertEquals(Integer.decode(codes.get("p521-pub").asText()), DidKey.multicodec(CurveName.P521));
        assertEquals(Integer.decode(codes.get("ed448-pub").asText()), DidKey.multicodec(CurveName.ED448));
        // Multicodec prefixes are unsigned varints: 0x1203 is written 83 24.
        assertArrayEquals(new byte[] {(byte) 0x83, 0x24}, DidKey.varint(0x1203));
        assertArrayEquals(new byte[] {(byte) 0xe7, 0x01}, DidKey.varint(0xe7));
    }
}
