package io.keyshard.bench;

import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.Network;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses per second per chain on one thread, the way {@code keyshard derive} and the pipeline
 * view make them: the chain's whole default path from the root key (every CKDpub step), then the
 * address (and the xpub on secp256k1 chains), index after index.
 */
final class DeriveBench {
    private DeriveBench() {
    }

    static List<BenchResults.Derive> run(boolean quick) {
        double seconds = quick ? 0.5 : 3;
        int warmup = quick ? 300 : 2000;
        SecureRandom random = new SecureRandom();
        byte[] chainCode = new byte[32];
        random.nextBytes(chainCode);
        List<BenchResults.Derive> out = new ArrayList<>();
        for (Chain chain : Chain.values()) {
            CurveName curveName = chain.curves().contains(CurveName.SECP256K1) ? CurveName.SECP256K1
                    : chain.curves().iterator().next();
            byte[] root = curveName.curve().encodePublicKey(
                    curveName.curve().multiplyBase(curveName.curve().randomScalar(random)));
            KeyPipeline.Start start = KeyPipeline.Start.of(curveName, root, chainCode);
            int[] sink = new int[1];
            java.util.function.IntConsumer derive = i -> sink[0] += KeyPipeline.run(start, chain,
                    chain.defaultPath(0, i, Network.MAINNET), Network.MAINNET).address().value().length();
            for (int i = 0; i < warmup; i++) {
                derive.accept(i);
            }
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long cpuStart = Samples.cpuNanos();
            int n = 0;
            while (System.nanoTime() < end) {
                derive.accept(n++);
            }
            // Per second of this thread's CPU: on a loaded machine wall time counts the waits for a core.
            double cpuSeconds = (Samples.cpuNanos() - cpuStart) / 1e9;
            out.add(new BenchResults.Derive(chain.id(), Math.round(n / cpuSeconds)));
            if (sink[0] == 0) {
                throw new IllegalStateException("no address was derived");
            }
        }
        return out;
    }
}
