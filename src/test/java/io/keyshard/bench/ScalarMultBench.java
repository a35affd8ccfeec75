package io.keyshard.bench;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Thread-CPU microseconds per k·G ({@code multiplyBase}, secret scalars) and per k·P
 * ({@code Point.multiply}, public scalars) for each curve: warm-up, then the median of several
 * batches (a batch plays the part of a JMH fork; the median drops one disturbed by a GC or the JIT).
 */
final class ScalarMultBench {
    private static final int BATCHES = 5;

    private ScalarMultBench() {}

    static List<BenchResults.ScalarMult> run(boolean quick) {
        int perBatch = quick ? 100 : 400;
        int warmup = quick ? 200 : 1000;
        SecureRandom random = new SecureRandom();
        List<BenchResults.ScalarMult> out = new ArrayList<>();
        for (CurveName name : CurveName.values()) {
            Curve curve = name.curve();
            BigInteger[] ks = new BigInteger[perBatch];
            for (int i = 0; i < perBatch; i++) {
                ks[i] = curve.randomScalar(random);
            }
            Point p = curve.multiplyBase(curve.randomScalar(random));
            for (int i = 0; i < warmup; i++) {
                curve.multiplyBase(ks[i % perBatch]);
                p.multiply(ks[i % perBatch]);
            }
            double base = medianOfBatches(
                    () -> {
                        for (BigInteger k : ks) {
                            curve.multiplyBase(k).isIdentity();
                        }
                    },
                    perBatch);
            double arbitrary = medianOfBatches(
                    () -> {
                        for (BigInteger k : ks) {
                            p.multiply(k).isIdentity();
                        }
                    },
                    perBatch);
            out.add(new BenchResults.ScalarMult(name.apiName(), Samples.round2(base), Samples.round2(arbitrary)));
        }
        return out;
    }

    // CPU time of this thread, not wall time: on a shared machine waiting for a core is not the curve's cost.
    private static double medianOfBatches(Runnable batch, int perBatch) {
        double[] micros = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long start = Samples.cpuNanos();
            batch.run();
            micros[b] = (Samples.cpuNanos() - start) / 1000.0 / perBatch;
        }
        Arrays.sort(micros);
        return micros[BATCHES / 2];
    }
}
