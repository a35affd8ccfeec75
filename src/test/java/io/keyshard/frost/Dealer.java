package io.keyshard.frost;

import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Trusted-dealer Shamir sharing (RFC 9591 appendix C) and a whole signing run in one process, for tests. */
final class Dealer {
    static final SecureRandom RANDOM = new SecureRandom();

    private Dealer() {}

    /** Shares of a key for identifiers 1..n with threshold t. */
    record Keys(BigInteger secret, Map<Integer, KeyPackage> keys, PublicKeyPackage pub) {}

    static Keys split(Ciphersuite suite, BigInteger secret, int t, int n) {
        Curve curve = suite.curve();
        BigInteger order = curve.order();
        BigInteger[] coeffs = new BigInteger[t];
        coeffs[0] = secret;
        for (int k = 1; k < t; k++) {
            coeffs[k] = curve.randomScalar(RANDOM);
        }
        Point groupKey = curve.multiplyBase(secret);
        Map<Integer, KeyPackage> keys = new TreeMap<>();
        Map<Integer, Point> shares = new TreeMap<>();
        for (int i = 1; i <= n; i++) {
            BigInteger y = BigInteger.ZERO;
            for (int k = t - 1; k >= 0; k--) {
                y = y.multiply(BigInteger.valueOf(i)).add(coeffs[k]).mod(order);
            }
            Point yi = curve.multiplyBase(y);
            keys.put(i, new KeyPackage(i, suite.scalars().of(y), yi, groupKey, t));
            shares.put(i, yi);
        }
        return new Keys(secret, keys, new PublicKeyPackage(shares, groupKey, t));
    }

    static Keys random(Ciphersuite suite, int t, int n) {
        return split(suite, suite.curve().randomScalar(RANDOM), t, n);
    }

    /** The signatures shares of a run, before aggregation, so a test can alter them. */
    record Run(SigningPackage pkg, Map<Integer, SignatureShare> shares) {}

    static Run shares(Ciphersuite suite, List<KeyPackage> signers, byte[] msg) {
        Map<Integer, SigningNonces> nonces = new LinkedHashMap<>();
        List<SigningCommitments> commitments = new ArrayList<>();
        for (KeyPackage k : signers) {
            SigningNonces n = Round1.commit(suite, k, RANDOM::nextBytes);
            nonces.put(k.identifier(), n);
            commitments.add(n.commitments());
        }
        SigningPackage pkg = new SigningPackage(commitments, msg);
        Map<Integer, SignatureShare> shares = new TreeMap<>();
        for (KeyPackage k : signers) {
            shares.put(k.identifier(), Round2.sign(suite, pkg, nonces.get(k.identifier()), k));
        }
        return new Run(pkg, shares);
    }

    static Signature sign(Ciphersuite suite, List<KeyPackage> signers, PublicKeyPackage pub, byte[] msg) {
        Run run = shares(suite, signers, msg);
        return Aggregator.aggregate(suite, run.pkg(), run.shares(), pub);
    }

    /** Every subset of {@code size} identifiers out of 1..n, in lexicographic order. */
    static List<List<Integer>> subsets(int n, int size) {
        List<List<Integer>> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) == size) {
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
