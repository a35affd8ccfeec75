package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A dudect-style timing test of the secret-scalar arithmetic (run by {@code mvn -Ptiming verify}, never
 * in the default build): for each operation, one class of inputs is a fixed extreme value (zero, one,
 * q-1, a value of few bits) and the other is uniformly random; the two classes are interleaved at
 * random and each measurement times a batch of calls. Welch's t-test compares the two classes, on
 * all measurements and on those below the 90th percentile (dudect's cropping of interrupts and GC).
 * An operation fails when |t| reaches {@link #THRESHOLD}: dudect's own bound for "not constant time"
 * (TVLA's 4.5 is stricter than the JVM's JIT and collector noise allows). A BigInteger control must
 * exceed it, so a run that could not see a leak fails instead of passing.
 */
class ScalarTimingRun {
    static final double THRESHOLD = 10.0;
    private static final int BATCH = 16;

    private final int samples = Integer.getInteger("timing.samples", 200_000);
    private final Path out = Path.of(System.getProperty("timing.out", "target/timing"));

    /** One operation under test: run {@code op(secret, other)}, where the secret is fixed or random. */
    private record Case(String name, ScalarField field, Scalar fixed, BinaryOperator<Scalar> op) {}

    @Test
    void secretScalarArithmeticShowsNoTimingDifferenceBetweenFixedAndRandomInputs() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (CurveName curve : List.of(CurveName.SECP256K1, CurveName.P521, CurveName.ED25519, CurveName.ED448)) {
            ScalarField f = curve.curve().scalars();
            BigInteger q = f.order();
            String c = curve.apiName();
            cases.add(new Case(c + " multiply, secret 0", f, f.zero(), Scalar::multiply));
            cases.add(new Case(c + " multiply, secret 1", f, f.of(1), Scalar::multiply));
            cases.add(new Case(c + " multiply, secret q-1", f, f.of(q.subtract(BigInteger.ONE)), Scalar::multiply));
            cases.add(new Case(c + " add, secret q-1", f, f.of(q.subtract(BigInteger.ONE)), Scalar::add));
            cases.add(new Case(c + " add, secret 0", f, f.zero(), Scalar::add));
            cases.add(new Case(c + " subtract, secret 0", f, f.zero(), Scalar::subtract));
            cases.add(new Case(c + " negate if, secret 0", f, f.zero(), (a, b) -> a.negateIf(true)));
            cases.add(new Case(c + " encode and decode, secret 1", f, f.of(1), (a, b) -> f.decode(a.encode())));
            cases.add(new Case(c + " reduce 2x wide, secret 2^8", f, f.of(256), (a, b) -> wideReduce(f, a, b)));
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "dudect-style timing, %d measurements of %d calls per case, |t| threshold %.1f%n",
                samples,
                BATCH,
                THRESHOLD));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            double[] t = measure(c.field(), c.fixed(), c.op(), samples);
            String line = String.format(Locale.ROOT, "%-44s t = %7.2f   cropped t = %7.2f", c.name(), t[0], t[1]);
            report.append(line).append('\n');
            System.out.println(line);
            if (Math.abs(t[0]) >= THRESHOLD || Math.abs(t[1]) >= THRESHOLD) {
                failures.add(line);
            }
        }
        double[] control = controlBigInteger(samples);
        String controlLine = String.format(
                Locale.ROOT,
                "%-44s t = %7.2f   cropped t = %7.2f (must exceed the threshold)",
                "control: BigInteger multiply-mod, secret 0",
                control[0],
                control[1]);
        report.append(controlLine).append('\n');
        System.out.println(controlLine);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.txt"), report.toString(), StandardCharsets.UTF_8);
        assertTrue(
                Math.max(Math.abs(control[0]), Math.abs(control[1])) >= THRESHOLD,
                "the run could not see BigInteger's timing difference, so it proves nothing: " + controlLine);
        assertTrue(failures.isEmpty(), "timing differences between fixed and random secrets:\n" + failures);
    }

    /** A 2·Ns-byte string built from both scalars, reduced mod q: the shape of every hash-to-scalar. */
    private static Scalar wideReduce(ScalarField f, Scalar a, Scalar b) {
        byte[] ea = a.encode();
        byte[] eb = b.encode();
        byte[] wide = Arrays.copyOf(ea, ea.length + eb.length);
        System.arraycopy(eb, 0, wide, ea.length, eb.length);
        return f.reduce(wide, false);
    }

    /**
     * Welch's t over all measurements and over those below the 90th percentile. As in dudect, every
     * measurement's inputs are prepared beforehand as separate objects in measurement order, by the
     * same calls for both classes: a class whose inputs were allocated differently (a shared object,
     * fewer temporaries) showed |t| up to 50 from heap layout alone, with no difference in the code.
     */
    private static double[] measure(ScalarField f, Scalar fixed, BinaryOperator<Scalar> op, int n) {
        SplittableRandom rnd = new SplittableRandom(1);
        boolean[] classes = new boolean[n];
        Scalar[] inputs = new Scalar[n];
        Scalar[] others = new Scalar[n];
        byte[] fixedBytes = fixed.encode();
        for (int i = 0; i < n; i++) {
            // the same calls for both classes, so their objects are allocated alike; only the bytes decoded differ
            classes[i] = rnd.nextBoolean();
            byte[] bytes = f.of(randomBelow(f.order(), rnd)).encode();
            if (classes[i]) {
                System.arraycopy(fixedBytes, 0, bytes, 0, bytes.length);
            }
            inputs[i] = f.decode(bytes);
            others[i] = f.decode(f.of(randomBelow(f.order(), rnd)).encode());
        }
        long sink = 0;
        // warm up the JIT on both classes before anything is measured
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < Math.min(n, 20_000); i++) {
                sink += op.apply(inputs[i], others[i]).isZero() ? 1 : 0;
            }
        }
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            Scalar a = inputs[i];
            Scalar b = others[i];
            long t0 = System.nanoTime();
            for (int k = 0; k < BATCH; k++) {
                sink += op.apply(a, b).isZero() ? 1 : 0;
            }
            times[i] = System.nanoTime() - t0;
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return welch(times, classes);
    }

    /** The same measurement of BigInteger multiply-mod with a zero secret: a known leak the run must see. */
    private static double[] controlBigInteger(int n) {
        BigInteger q = CurveName.SECP256K1.curve().order();
        SplittableRandom rnd = new SplittableRandom(2);
        boolean[] classes = new boolean[n];
        BigInteger[] inputs = new BigInteger[n];
        BigInteger[] others = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            classes[i] = rnd.nextBoolean();
            BigInteger random = randomBelow(q, rnd);
            inputs[i] = classes[i] ? new BigInteger(1, new byte[1]) : random;
            others[i] = randomBelow(q, rnd);
        }
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < Math.min(n, 20_000); i++) {
                sink += inputs[i].multiply(others[i]).mod(q).signum();
            }
        }
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            BigInteger a = inputs[i];
            BigInteger b = others[i];
            long t0 = System.nanoTime();
            for (int k = 0; k < BATCH; k++) {
                sink += a.multiply(b).mod(q).signum();
            }
            times[i] = System.nanoTime() - t0;
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return welch(times, classes);
    }

    private static BigInteger randomBelow(BigInteger q, SplittableRandom rnd) {
        byte[] b = new byte[(q.bitLength() + 64 + 7) / 8];
        rnd.nextBytes(b);
        return new BigInteger(1, b).mod(q);
    }

    static double[] welch(long[] times, boolean[] classes) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        long crop = sorted[(int) (sorted.length * 0.9)];
        return new double[] {tStatistic(times, classes, Long.MAX_VALUE), tStatistic(times, classes, crop)};
    }

    /** Welch's t of the two classes over the measurements at or below {@code limit} (Welford's running moments). */
    private static double tStatistic(long[] times, boolean[] classes, long limit) {
        double[] mean = new double[2];
        double[] m2 = new double[2];
        long[] count = new long[2];
        for (int i = 0; i < times.length; i++) {
            if (times[i] > limit) {
                continue;
            }
            int c = classes[i] ? 0 : 1;
            count[c]++;
            double delta = times[i] - mean[c];
            mean[c] += delta / count[c];
            m2[c] += delta * (times[i] - mean[c]);
        }
        double v0 = m2[0] / (count[0] - 1);
        double v1 = m2[1] / (count[1] - 1);
        return (mean[0] - mean[1]) / Math.sqrt(v0 / count[0] + v1 / count[1]);
    }
}
