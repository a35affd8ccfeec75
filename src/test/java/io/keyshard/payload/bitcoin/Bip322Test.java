package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Base58;
import io.keyshard.address.SegwitAddress;
import io.keyshard.address.TestVectors;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.frost.Bip340;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/** BIP-322 simple signatures against the BIP's published vectors (bip322_basic_test_vectors.json). */
class Bip322Test {
    private static final JsonNode VECTORS = TestVectors.load("bitcoin/bip322_basic_test_vectors.json");
    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");

    private static byte[] challenge(String address) {
        return SegwitAddress.decode(address.startsWith("bc1") ? "bc" : "tb", address)
                .scriptPubKey();
    }

    private static byte[] utf8(JsonNode v) {
        return v.get("message").asText().getBytes(StandardCharsets.UTF_8);
    }

    /** The private scalar of a compressed-key WIF (0x80 ‖ key ‖ 0x01). */
    private static BigInteger wif(String text) {
        byte[] payload = Base58.decodeCheck(text);
        return new BigInteger(1, Arrays.copyOfRange(payload, 1, 33));
    }

    @Test
    void theMessageHashAndBothVirtualTransactionsAreTheBipsOwn() {
        for (JsonNode v : TestVectors.list(VECTORS.get("tx_hashes"))) {
            byte[] challenge = challenge(v.get("address").asText());
            assertEquals(v.get("message_hash").asText(), Hex.encode(Bip322.messageHash(utf8(v))));
            Transaction toSpend = Bip322.toSpend(challenge, utf8(v));
            assertEquals(v.get("to_spend_tx_hash").asText(), toSpend.txidHex());
            assertEquals(
                    v.get("to_sign_tx_hash").asText(),
                    Bip322.toSign(toSpend, List.of()).txidHex());
        }
    }

    @Test
    void everyPublishedP2wpkhAndP2trSimpleSignatureChecksAndFailsForAnotherMessage() {
        int checked = 0;
        for (JsonNode v : TestVectors.list(VECTORS.get("simple"))) {
            String type = v.get("type").asText();
            if (!type.equals("p2wpkh") && !type.equals("p2tr")) {
                continue; // P2WSH multisig is not a key Keyshard signs with
            }
            byte[] challenge = challenge(v.get("address").asText());
            for (JsonNode sig : v.get("bip322_signatures")) {
                assertNull(Bip322.check(challenge, utf8(v), sig.asText()), v.toString());
                assertNotNull(Bip322.check(challenge, "another".getBytes(StandardCharsets.UTF_8), sig.asText()));
                checked++;
            }
        }
        assertEquals(5, checked);
    }

    @Test
    void everyPublishedBadSignatureIsRefused() {
        for (JsonNode v : TestVectors.list(VECTORS.get("error"))) {
            assertNotNull(
                    Bip322.check(
                            challenge(v.get("address").asText()),
                            utf8(v),
                            v.get("signature").asText()),
                    v.get("description").asText());
        }
    }

    @Test
    void aP2wpkhSignatureMadeHereIsTheBipsOwnForTheSameDeterministicNonce() {
        JsonNode v = VECTORS.get("simple").get(0); // P2WPKH, the empty message
        BigInteger d = wif(v.get("private_keys").get(0).asText());
        byte[] key = org.bouncycastle.util.Arrays.clone(SECP.getG().multiply(d).getEncoded(true));
        byte[] challenge = challenge(v.get("address").asText());
        assertArrayEquals(Scripts.p2wpkh(Digests.hash160(key)), challenge);

        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(
                true,
                new ECPrivateKeyParameters(
                        d, new ECDomainParameters(SECP.getCurve(), SECP.getG(), SECP.getN(), SECP.getH())));
        BigInteger[] rs = signer.generateSignature(Bip322.sighash(challenge, utf8(v)));
        BigInteger s =
                rs[1].compareTo(SECP.getN().shiftRight(1)) > 0 ? SECP.getN().subtract(rs[1]) : rs[1];
        String made = Bip322.p2wpkhSignature(key, rs[0], s);
        assertTrue(made.startsWith("smp"), made);
        assertNull(Bip322.check(challenge, utf8(v), made));
        List<String> published = List.of(
                v.get("bip322_signatures").get(0).asText(),
                v.get("bip322_signatures").get(1).asText());
        assertTrue(published.contains(made), made + " not in " + published);
    }

    @Test
    void aP2trSignatureMadeHereUnderTheTweakedKeyChecks() {
        JsonNode v = VECTORS.get("simple").get(3); // P2TR, BIP-86 output key of the given private key
        BigInteger d = wif(v.get("private_keys").get(0).asText());
        Curve c = CurveName.SECP256K1_SCHNORR.curve();
        byte[] internal = Bip340.x(c.multiplyBase(d));
        byte[] challenge = challenge(v.get("address").asText());
        assertArrayEquals(Scripts.p2tr(Taproot.outputKey(internal, null)), challenge);

        byte[] hash = Bip322.sighash(challenge, utf8(v));
        String made = Bip322.p2trSignature(TestWallet.schnorr(TestWallet.tweaked(d, internal, null), hash));
        assertNull(Bip322.check(challenge, utf8(v), made));
        // the published one carries no prefix, as tools before the final BIP write it; it is read as simple
        assertNull(Bip322.check(
                challenge, utf8(v), v.get("bip322_signatures").get(0).asText()));
        // one bit off in the signature fails
        byte[] raw = Base64.getDecoder().decode(made.substring(3));
        raw[10] ^= 1;
        assertNotNull(
                Bip322.check(challenge, utf8(v), "smp" + Base64.getEncoder().encodeToString(raw)));
    }

    @Test
    void aP2wpkhSignatureWithAHighSOrAnotherKeyIsRefused() {
        JsonNode v = VECTORS.get("simple").get(1);
        byte[] challenge = challenge(v.get("address").asText());
        byte[] witness = Base64.getDecoder()
                .decode(v.get("bip322_signatures").get(0).asText().substring(3));
        List<byte[]> stack = Witness.parse(witness);
        byte[] der = Arrays.copyOf(stack.get(0), stack.get(0).length - 1);
        BigInteger[] rs = Der.decode(der);
        String high = Bip322.p2wpkhSignature(stack.get(1), rs[0], SECP.getN().subtract(rs[1]));
        assertTrue(Bip322.check(challenge, utf8(v), high).contains("high"));
        byte[] otherKey = SECP.getG().multiply(BigInteger.TWO).getEncoded(true);
        assertTrue(Bip322.check(challenge, utf8(v), Bip322.p2wpkhSignature(otherKey, rs[0], rs[1]))
                .contains("not the key of this address"));
    }
}
