package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.TestVectors;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC 9591 Appendix E vector and every Zcash Foundation vector (small and big identifiers)
 * reproduced value by value: nonces from the given randomness, commitments, binding factor inputs
 * and factors, signature shares and the signature, which the suite's standard verifier accepts.
 */
class FrostVectorsTest {
    private static final Map<String, Ciphersuite> ZF = new LinkedHashMap<>();

    static {
        ZF.put("ed25519", Ciphersuite.ED25519_SHA512);
        ZF.put("ed448", Ciphersuite.ED448_SHAKE256);
        ZF.put("p256", Ciphersuite.P256_SHA256);
        ZF.put("secp256k1", Ciphersuite.SECP256K1_SHA256);
        ZF.put("secp256k1-tr", Ciphersuite.SECP256K1_TR);
    }

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(Ciphersuite.ED25519_SHA512, "rfc9591/frost-ed25519-sha512.json"));
        out.add(Arguments.of(Ciphersuite.ED448_SHAKE256, "rfc9591/frost-ed448-shake256.json"));
        out.add(Arguments.of(Ciphersuite.P256_SHA256, "rfc9591/frost-p256-sha256.json"));
        out.add(Arguments.of(Ciphersuite.SECP256K1_SHA256, "rfc9591/frost-secp256k1-sha256.json"));
        ZF.forEach((dir, suite) -> {
            out.add(Arguments.of(suite, "zf/" + dir + "/vectors.json"));
            out.add(Arguments.of(suite, "zf/" + dir + "/vectors-big-identifier.json"));
        });
        return out.stream();
    }

    static Stream<Arguments> elements() {
        return ZF.entrySet().stream().map(e -> Arguments.of(e.getValue(), "zf/" + e.getKey() + "/elements.json"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("vectors")
    void reproducesEveryIntermediateValueAndTheSignature(Ciphersuite suite, String file) {
        JsonNode v = TestVectors.load("frost/" + file);
        JsonNode in = v.get("inputs");
        byte[] msg = hex(in.get("message"));
        Point groupKey = suite.deserializeElement(
                hex(in.has("group_public_key") ? in.get("group_public_key") : in.get("verifying_key_key")));
        Scalar secret = suite.deserializeScalar(hex(in.get("group_secret_key")));
        assertEquals(groupKey, suite.curve().multiplyBase(secret.toBigInteger()), "group key = s·G");

        Map<Integer, Scalar> shares = new LinkedHashMap<>();
        Scalar a1 = suite.deserializeScalar(
                hex(in.get("share_polynomial_coefficients").get(0)));
        for (JsonNode s : in.get("participant_shares")) {
            int id = s.get("identifier").asInt();
            Scalar share = suite.deserializeScalar(hex(s.get("participant_share")));
            // f(i) = s + a1·i, computed in the constant-time field.
            assertTrue(share.sameValue(secret.add(a1.multiply(suite.identifier(id)))), "share " + id + " = f(i)");
            shares.put(id, share);
        }
        int minSigners =
                Integer.parseInt(v.get("config").get("MIN_PARTICIPANTS").asText());

        Map<Integer, SigningNonces> nonces = new LinkedHashMap<>();
        Map<Integer, JsonNode> round1 = new LinkedHashMap<>();
        for (JsonNode o : v.get("round_one_outputs").get("outputs")) {
            int id = o.get("identifier").asInt();
            Scalar hiding = Round1.nonceFromRandomness(suite, shares.get(id), hex(o.get("hiding_nonce_randomness")));
            Scalar binding = Round1.nonceFromRandomness(suite, shares.get(id), hex(o.get("binding_nonce_randomness")));
            assertHex(o.get("hiding_nonce"), hiding.encode(), "hiding nonce " + id);
            assertHex(o.get("binding_nonce"), binding.encode(), "binding nonce " + id);
            SigningNonces n = Round1.withNonces(suite, id, hiding, binding);
            assertHex(
                    o.get("hiding_nonce_commitment"),
                    suite.serializeElement(n.commitments().hiding()),
                    "D_" + id);
            assertHex(
                    o.get("binding_nonce_commitment"),
                    suite.serializeElement(n.commitments().binding()),
                    "E_" + id);
            nonces.put(id, n);
            round1.put(id, o);
        }
        List<SigningCommitments> list = new ArrayList<>();
        round1.forEach((id, o) -> list.add(SigningCommitments.decode(
                suite, id, hex(o.get("hiding_nonce_commitment")), hex(o.get("binding_nonce_commitment")))));
        SigningPackage pkg = new SigningPackage(list, msg);
        List<Integer> signers = new ArrayList<>();
        in.get("participant_list").forEach(n -> signers.add(n.asInt()));
        assertEquals(signers, pkg.signers());

        SigningContext ctx = SigningContext.of(suite, pkg, groupKey);
        for (Map.Entry<Integer, JsonNode> e : round1.entrySet()) {
            assertHex(
                    e.getValue().get("binding_factor_input"),
                    ctx.bindingFactorInput(e.getKey()),
                    "rho input " + e.getKey());
            assertHex(
                    e.getValue().get("binding_factor"),
                    ctx.bindingFactor(e.getKey()).encode(),
                    "rho " + e.getKey());
        }

        Map<Integer, Point> verifying = new LinkedHashMap<>();
        shares.forEach((id, s) -> verifying.put(id, suite.curve().multiplyBase(s.toBigInteger())));
        PublicKeyPackage pub = new PublicKeyPackage(verifying, groupKey, minSigners);
        Map<Integer, SignatureShare> sigShares = new LinkedHashMap<>();
        for (JsonNode o : v.get("round_two_outputs").get("outputs")) {
            int id = o.get("identifier").asInt();
            KeyPackage key = new KeyPackage(id, shares.get(id), verifying.get(id), groupKey, minSigners);
            SignatureShare z = Round2.sign(suite, pkg, nonces.get(id), key);
            assertHex(o.get("sig_share"), z.encode(), "z_" + id);
            assertTrue(Aggregator.verifyShare(suite, pkg, z, pub), "share " + id + " verifies");
            sigShares.put(id, z);
        }

        byte[] sig = Aggregator.aggregate(suite, pkg, sigShares, pub).encode(suite);
        assertHex(v.get("final_output").get("sig"), sig, "signature");
        assertTrue(Signature.decode(suite, sig).verify(suite, groupKey, msg));
        Boolean standard = StandardVerifiers.accepts(suite, groupKey, msg, sig);
        assertTrue(standard == null || standard, "the standard verifier accepts the signature");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("elements")
    void refusesTheInvalidElement(Ciphersuite suite, String file) {
        byte[] bad = hex(TestVectors.load("frost/" + file).get("elements").get("invalid_element"));
        assertThrows(InvalidEncodingException.class, () -> suite.deserializeElement(bad));
        assertThrows(SigningException.class, () -> SigningCommitments.decode(suite, 1, bad, bad));
    }

    static byte[] hex(JsonNode n) {
        return Hex.decode(n.asText());
    }

    private static void assertHex(JsonNode expected, byte[] actual, String what) {
        assertEquals(expected.asText().toLowerCase(Locale.ROOT), Hex.toHexString(actual), what);
    }
}
