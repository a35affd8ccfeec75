package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.WeierstrassPoint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every curve x {2-of-2, 2-of-3, 3-of-3}: the shares really are a t-of-n sharing of the root key. */
class KeygenCorrectnessTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (CurveName c : CurveName.values()) {
            out.add(Arguments.of(c, 2, List.of(1, 2)));
            out.add(Arguments.of(c, 2, List.of(1, 2, 3)));
            out.add(Arguments.of(c, 3, List.of(1, 2, 3)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}-of-{2}")
    @MethodSource("cases")
    void sharesInterpolateToTheRootKey(CurveName name, int t, List<Integer> ids) {
        InMemoryDkg.Run run = InMemoryDkg.run(name, t, ids);
        Curve curve = name.curve();
        Point root = curve.decodePublicKey(run.agreed().rootPublicKey());
        Map<Integer, Round3Output> outputs = run.outputs();

        for (List<Integer> subset : subsets(ids, t)) {
            assertEquals(root, curve.multiplyBase(interpolateSecret(curve, outputs, subset)), "shares " + subset);
        }
        for (List<Integer> subset : subsets(ids, t - 1)) {
            assertNotEquals(
                    root,
                    curve.multiplyBase(interpolateSecret(curve, outputs, subset)),
                    "t-1 shares " + subset + " must not give the key");
        }
        for (List<Integer> subset : subsets(ids, t)) {
            BigInteger[] l = new BigInteger[t];
            Point[] pts = new Point[t];
            for (int k = 0; k < t; k++) {
                l[k] = Lagrange.coefficient(curve.order(), subset, subset.get(k), 0);
                pts[k] = curve.decodePoint(run.agreed().verificationShares().get(InMemoryDkg.nameFor(subset.get(k))));
            }
            assertEquals(root, curve.multiSum(l, pts), "verification shares " + subset);
        }
        for (Round3Output out : outputs.values()) {
            assertEquals(
                    curve.decodePoint(run.agreed()
                            .verificationShares()
                            .get(InMemoryDkg.nameFor(out.share().id()))),
                    out.share().publicShare(),
                    "each share matches its verification share");
            assertEquals(32, out.message().chainCode().length);
            assertArrayEquals(run.agreed().chainCode(), out.message().chainCode(), "chain code equal everywhere");
            assertArrayEquals(run.agreed().rootPublicKey(), out.message().rootPublicKey());
        }
        assertEquals(curve.encodePublicKey(root).length, run.agreed().rootPublicKey().length);
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void schnorrKeysHaveEvenYAndSharesFollowTheNegation(int run) {
        // Half of all runs need the negation; eight runs miss it with probability 1/256.
        InMemoryDkg.Run r = InMemoryDkg.run(CurveName.SECP256K1_SCHNORR, 2, List.of(1, 2, 3));
        Curve curve = CurveName.SECP256K1_SCHNORR.curve();
        assertEquals(32, r.agreed().rootPublicKey().length, "x-only key");
        Point fromShares = curve.multiplyBase(interpolateSecret(curve, r.outputs(), List.of(2, 3)));
        assertTrue(((WeierstrassPoint) fromShares).hasEvenY(), "secret·G has even y");
        assertArrayEquals(r.agreed().rootPublicKey(), ((WeierstrassPoint) fromShares).xBytes());
        for (byte[] v : r.agreed().verificationShares().values()) {
            assertEquals(33, v.length);
        }
    }

    static Stream<Integer> runs() {
        return Stream.of(1, 2, 3, 4, 5, 6, 7, 8);
    }

    static BigInteger interpolateSecret(Curve curve, Map<Integer, Round3Output> outputs, List<Integer> subset) {
        BigInteger s = BigInteger.ZERO;
        for (int i : subset) {
            s = s.add(Lagrange.coefficient(curve.order(), subset, i, 0)
                    .multiply(outputs.get(i).share().value()));
        }
        return s.mod(curve.order());
    }

    static List<List<Integer>> subsets(List<Integer> ids, int size) {
        List<List<Integer>> out = new ArrayList<>();
        collect(ids, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static void collect(List<Integer> ids, int size, int from, List<Integer> acc, List<List<Integer>> out) {
        if (acc.size() == size) {
            out.add(List.copyOf(acc));
            return;
        }
        for (int i = from; i < ids.size(); i++) {
            acc.add(ids.get(i));
            collect(ids, size, i + 1, acc, out);
            acc.remove(acc.size() - 1);
        }
    }
}
