package io.keyshard.address;

import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Measures EVM addresses derived per second on one thread (not a test: timings are never asserted).
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.keyshard.address.EvmThroughputHarness [seconds]}.
 */
public final class EvmThroughputHarness {
    private EvmThroughputHarness() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        SecureRandom random = new SecureRandom();
        byte[] chainCode = new byte[32];
        random.nextBytes(chainCode);
        byte[] root = CurveName.SECP256K1.curve().multiplyBase(new BigInteger(250, random).add(BigInteger.ONE)).encode();
        ExtendedPublicKey start = ExtendedPublicKey.root(CurveName.SECP256K1, root, chainCode);
        KeyPipeline.Start pipelineStart = new KeyPipeline.Start(start, null);

        run("full path m/44/60/0/0/i from the root (5 CKDpub steps + address + xpub)", seconds, i ->
                KeyPipeline.run(pipelineStart, Chain.EVM, Chain.EVM.defaultPath(0, i, Network.MAINNET), Network.MAINNET)
                        .address().value());
        ExtendedPublicKey change = PublicDerivation.derive(start, DerivationPath.parse("m/44/60/0/0")).key();
        run("index step only from a cached m/44/60/0/0 (1 CKDpub step + address)", seconds, i ->
                Chain.EVM.address(CurveName.SECP256K1, PublicDerivation.child(change, i).point(), Network.MAINNET).value());
    }

    private interface Job {
        String run(int index);
    }

    private static void run(String what, double seconds, Job job) {
        for (int i = 0; i < 2000; i++) {
            job.run(i); // warm-up for the JIT
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int n = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            sink += job.run(n++).length();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // On a shared machine wall time includes waiting for a core; CPU time is what the work costs.
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%-72s %7.0f /s wall, %7.0f /s of thread CPU (%d in %.2f s)%s%n",
                what, n / elapsed, n / cpu, n, elapsed, sink == 0 ? "!" : "");
    }
}
