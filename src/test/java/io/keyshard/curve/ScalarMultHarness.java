package io.keyshard.curve;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Prints CPU µs per k·G (multiplyBase, secret scalars), per k·P (Point.multiply, public scalars)
 * and per strict decodePublicKey for each of the seven curves (or those named as arguments). Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:<deps> io.keyshard.curve.ScalarMultHarness}.
 */
public final class ScalarMultHarness {
    private static final int WARMUP = 300;
    private static final int RUNS = 1000;

    private ScalarMultHarness() {
    }

    public static void main(String[] args) {
        SecureRandom random = new SecureRandom();
        System.out.printf("%-18s %14s %14s %14s%n", "curve", "k*G (us)", "k*P (us)", "decode (us)");
        // Optional arguments: the curves to run (API names), all seven by default.
        CurveName[] names = args.length == 0 ? CurveName.values()
                : java.util.Arrays.stream(args).map(CurveName::parse).toArray(CurveName[]::new);
        for (CurveName name : names) {
            Curve curve = name.curve();
            BigInteger[] ks = new BigInteger[RUNS];
            for (int i = 0; i < RUNS; i++) {
                ks[i] = curve.randomScalar(random);
            }
            Point p = curve.multiplyBase(curve.randomScalar(random));
            byte[] encoded = curve.encodePublicKey(p);
            for (int i = 0; i < WARMUP; i++) {
                curve.multiplyBase(ks[i]);
                p.multiply(ks[i]);
                curve.decodePublicKey(encoded);
            }
            double base = time(() -> {
                for (BigInteger k : ks) {
                    curve.multiplyBase(k).isIdentity();
                }
            });
            double arbitrary = time(() -> {
                for (BigInteger k : ks) {
                    p.multiply(k).isIdentity();
                }
            });
            double decode = time(() -> {
                for (int i = 0; i < RUNS; i++) {
                    curve.decodePublicKey(encoded);
                }
            });
            System.out.printf("%-18s %14.1f %14.1f %14.1f%n", name.apiName(), base, arbitrary, decode);
        }
    }

    // CPU time of this thread, not wall time: on a shared, loaded machine waiting for a core is not our cost.
    private static double time(Runnable loop) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long start = bean.getCurrentThreadCpuTime();
        loop.run();
        return (bean.getCurrentThreadCpuTime() - start) / 1000.0 / RUNS;
    }
}
