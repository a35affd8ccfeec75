package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningTest {

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void everyTwoOfThreeSubsetSignsAndBouncyCastleVerifies(CurveName name) throws Exception {
        signWithEverySubset(name, 2, 3);
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void everyThreeOfFiveSubsetSignsAndBouncyCastleVerifies(CurveName name) throws Exception {
        signWithEverySubset(name, 3, 5);
    }

    @Test
    void aKeyWhosePairsRanTheRealBaseOtSigns() throws Exception {
        Group g = Group.of(CurveName.SECP256K1);
        Committee c = new Committee(g, 2, 3, true, "base ot then sign");
        byte[] digest = hash(CurveName.SECP256K1, "end to end".getBytes(StandardCharsets.UTF_8));
        for (List<Integer> set : subsets(3, 2)) {
            assertTrue(c.sign(set, digest, "real " + set).get(set.get(1)).verify(g, c.publicKey, digest));
        }
    }

    @Test
    void theCoordinatorsVerifierIsTheSignaturesCheckAndItsRefusalReturnsNoSignature() throws Exception {
        Group g = Group.of(CurveName.P256);
        Committee c = new Committee(g, 2, 3, false, "the caller's verifier");
        byte[] digest = hash(CurveName.P256, "checked once".getBytes(StandardCharsets.UTF_8));
        EcdsaSignature signed = c.sign(List.of(1, 3), digest, "verifier").get(1);
        List<EcdsaSignature> seen = new ArrayList<>();
        EcdsaSignature combined = Signer.combine(g, c.lastRequest, c.lastNonce, c.lastPartials, s -> seen.add(s));
        assertEquals(signed, combined);
        assertEquals(List.of(signed), seen, "the caller's verifier saw the signature, once");
        ProtocolAbort refused = assertThrows(
                ProtocolAbort.class, () -> Signer.combine(g, c.lastRequest, c.lastNonce, c.lastPartials, s -> false));
        assertEquals(Check.SIGNATURE, refused.check());
        assertEquals(ProtocolAbort.UNATTRIBUTED, refused.culprit());
    }

    private static void signWithEverySubset(CurveName name, int t, int n) throws Exception {
        Group g = Group.of(name);
        Committee c = new Committee(g, t, n, false, "sign " + name + " " + t + "/" + n);
        byte[] digest = hash(name, ("pay 1 coin, " + name).getBytes(StandardCharsets.UTF_8));
        for (List<Integer> set : subsets(n, t)) {
            Map<Integer, EcdsaSignature> sigs = c.sign(set, digest, "session " + set);
            EcdsaSignature sig = sigs.get(set.get(0));
            for (EcdsaSignature other : sigs.values()) {
                assertEquals(sig, other, "every signer ends with the same signature");
            }
            assertTrue(sig.verify(g, c.publicKey, digest), name + " " + set);
            if (name == CurveName.SECP256K1) {
                assertTrue(sig.s().compareTo(g.order().shiftRight(1)) <= 0, "low s");
            }
            assertEquals(c.publicKey, recover(g, sig, digest), "the recovery id gives back the key");
        }
    }

    static byte[] hash(CurveName name, byte[] message) throws NoSuchAlgorithmException {
        String alg = switch (name) {
            case P384 -> "SHA-384";
            case P521 -> "SHA-512";
            default -> "SHA-256";
        };
        return MessageDigest.getInstance(alg).digest(message);
    }

    /** Q = r^-1·(s·R - e·G), with R lifted from r and the recovery id. */
    static Point recover(Group g, EcdsaSignature sig, byte[] digest) {
        BigInteger q = g.order();
        BigInteger x = sig.r().add((sig.recoveryId() & 2) != 0 ? q : BigInteger.ZERO);
        byte[] xb = x.toByteArray();
        int len = g.curve().pointLength() - 1;
        byte[] enc = new byte[len + 1];
        enc[0] = (byte) (2 + (sig.recoveryId() & 1));
        int copy = Math.min(xb.length, len);
        System.arraycopy(xb, xb.length - copy, enc, 1 + len - copy, copy);
        Point bigR = g.curve().decodePoint(enc);
        BigInteger e = new SignRequest(new byte[0], List.of(1), digest, bigR).digestScalar(g);
        BigInteger rInv = sig.r().modInverse(q);
        return bigR.multiply(sig.s().multiply(rInv).mod(q))
                .subtract(g.curve().multiplyBase(e.multiply(rInv).mod(q)));
    }

    static List<List<Integer>> subsets(int n, int t) {
        List<List<Integer>> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) == t) {
                List<Integer> s = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s.add(i + 1);
                    }
                }
                out.add(s);
            }
        }
        return out;
    }
}
