package io.keyshard.dkls;

import io.keyshard.curve.CurveName;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A harness, never a test: in-memory DKLs23 signings in a loop, for a profiler. Run:
 * {@code java -cp <test class path> io.keyshard.dkls.SignLoop [curve] [signatures] [t] [n]}.
 */
public final class SignLoop {
    private SignLoop() {}

    public static void main(String[] args) {
        CurveName curve = args.length > 0 ? CurveName.valueOf(args[0]) : CurveName.SECP256K1;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int t = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Group g = Group.of(curve);
        Committee c = new Committee(g, t, n, false, "loop");
        List<Integer> signers = new ArrayList<>();
        for (int i = 1; i <= t; i++) {
            signers.add(i);
        }
        byte[] digest = new byte[g.digestLength()];
        double[] ms = new double[count];
        double[] cpu = new double[count];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < count; k++) {
            digest[0] = (byte) k;
            long s = System.nanoTime();
            long sc = threads.getCurrentThreadCpuTime();
            c.sign(signers, digest, "loop-" + k);
            ms[k] = (System.nanoTime() - s) / 1e6;
            cpu[k] = (threads.getCurrentThreadCpuTime() - sc) / 1e6;
        }
        System.out.printf(
                Locale.ROOT,
                "%s %d-of-%d in memory: p50 %.1f ms wall, %.1f ms cpu (second half of %d)%n",
                curve,
                t,
                n,
                median(ms),
                median(cpu),
                count);
    }

    private static double median(double[] all) {
        double[] tail = Arrays.copyOfRange(all, all.length / 2, all.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
