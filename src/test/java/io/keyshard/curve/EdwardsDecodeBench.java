package io.keyshard.curve;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

/**
 * Thread-CPU microseconds per strict {@code decodePoint} of a valid point, with the subgroup test by point
 * halving (as shipped) and by [ℓ]P = O (the multiplication it replaced), batches of the two alternating in one
 * JVM. By hand: {@code java -cp <test class path> io.keyshard.curve.EdwardsDecodeBench [pairs] [points]}, with
 * {@code -XX:TieredStopAtLevel=1} for the nodes' C1.
 */
final class EdwardsDecodeBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private EdwardsDecodeBench() {}

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        SecureRandom random = new SecureRandom();
        for (CurveName name : new CurveName[] {CurveName.ED25519, CurveName.ED448}) {
            EdwardsCurve curve = (EdwardsCurve) name.curve();
            byte[][] encodings = new byte[points][];
            for (int i = 0; i < points; i++) {
                encodings[i] = curve.multiplyBase(curve.randomScalar(random)).encode();
            }
            byte[] order = curve.order().toByteArray();
            ScalarCodec.reverse(order);
            int cofactorDoublings = name == CurveName.ED25519 ? 3 : 2;
            double[] halving = new double[pairs];
            double[] multiplication = new double[pairs];
            double[] decodeOnly = new double[pairs];
            for (int warm = 0; warm < 3; warm++) {
                byHalving(curve, encodings);
                byMultiplication(curve, encodings, order, cofactorDoublings);
            }
            for (int i = 0; i < pairs; i++) {
                multiplication[i] = byMultiplication(curve, encodings, order, cofactorDoublings);
                halving[i] = byHalving(curve, encodings);
                decodeOnly[i] = withoutSubgroupTest(curve, encodings);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s decodePoint µs/point, median of %d batches of %d: [ℓ]P %.1f, halving %.1f (no subgroup test %.1f)%n",
                    name,
                    pairs,
                    points,
                    median(multiplication),
                    median(halving),
                    median(decodeOnly));
        }
    }

    private static double byHalving(EdwardsCurve curve, byte[][] encodings) {
        long start = CPU.getCurrentThreadCpuTime();
        for (byte[] e : encodings) {
            curve.decodePoint(e);
        }
        return (CPU.getCurrentThreadCpuTime() - start) / 1_000.0 / encodings.length;
    }

    /** RFC 8032 decoding and the small-order doublings alone: what neither subgroup test costs. */
    private static double withoutSubgroupTest(EdwardsCurve curve, byte[][] encodings) {
        EdwardsGroup group = curve.group();
        long start = CPU.getCurrentThreadCpuTime();
        for (byte[] e : encodings) {
            ExtendedCoordinates small = group.decode(e, "bench");
            for (int i = 0; i < (curve == CurveName.ED25519.curve() ? 3 : 2); i++) {
                group.dbl(small, small, false);
            }
            if (group.isIdentity(small)) {
                throw new IllegalStateException("a valid point was refused");
            }
        }
        return (CPU.getCurrentThreadCpuTime() - start) / 1_000.0 / encodings.length;
    }

    /** The decoding as it was: small order by doublings, then [ℓ]P = O by the wNAF multiplier. */
    private static double byMultiplication(EdwardsCurve curve, byte[][] encodings, byte[] order, int doublings) {
        EdwardsGroup group = curve.group();
        long start = CPU.getCurrentThreadCpuTime();
        for (byte[] e : encodings) {
            ExtendedCoordinates p = group.decode(e, "bench");
            ExtendedCoordinates small = p.copy(group.f);
            for (int i = 0; i < doublings; i++) {
                group.dbl(small, small, false);
            }
            if (group.isIdentity(small)
                    || !group.isIdentity(
                            WnafMultiplier.multiSum(group, new byte[][] {order}, new ExtendedCoordinates[] {p}))) {
                throw new IllegalStateException("a valid point was refused");
            }
        }
        return (CPU.getCurrentThreadCpuTime() - start) / 1_000.0 / encodings.length;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
