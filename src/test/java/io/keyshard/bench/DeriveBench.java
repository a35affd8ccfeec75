package io.keyshard.bench;

import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Addresses per second per chain on one thread, two ways: the whole default path from the root key
 * as {@code keyshard derive} and the pipeline view do it (every CKDpub step, the address, and the
 * xpub on secp256k1 chains; this is {@code perSecond} in results.json), the same with every level
 * computed (a new chain code each time, so derive's cache of recent children never answers), and
 * only the last index step from a parent the caller holds (scanning many addresses of one account).
 */
final class DeriveBench {
    private DeriveBench() {}

    /** One chain's rates: full path from the root, and index step from the cached parent. */
    record Rates(String chain, double fullPathPerSecond, double coldPathPerSecond, double indexStepPerSecond) {}

    static List<Rates> run(boolean quick) {
        double seconds = quick ? 0.4 : 3;
        int warmup = quick ? 300 : 2000;
        SecureRandom random = new SecureRandom();
        byte[] chainCode = new byte[32];
        random.nextBytes(chainCode);
        List<Rates> out = new ArrayList<>();
        for (Chain chain : Chain.values()) {
            CurveName curveName = chain.curves().contains(CurveName.SECP256K1)
                    ? CurveName.SECP256K1
                    : chain.curves().iterator().next();
            byte[] root = curveName
                    .curve()
                    .encodePublicKey(
                            curveName.curve().multiplyBase(curveName.curve().randomScalar(random)));
            KeyPipeline.Start start = KeyPipeline.Start.of(curveName, root, chainCode);
            double full = perCpuSecond(
                    seconds,
                    warmup,
                    i -> KeyPipeline.run(start, chain, chain.defaultPath(0, i, Network.MAINNET), Network.MAINNET)
                            .address()
                            .value());
            // A new chain code per derivation: no level can come from derive's cache of recent children.
            double cold = perCpuSecond(seconds, warmup, i -> {
                byte[] cc = chainCode.clone();
                cc[0] ^= (byte) i;
                cc[1] ^= (byte) (i >>> 8);
                cc[2] ^= (byte) (i >>> 16);
                ExtendedPublicKey key =
                        new ExtendedPublicKey(curveName, start.key().point(), cc, 0, 0, 0);
                return KeyPipeline.run(
                                new KeyPipeline.Start(key, start.xpubVersion()),
                                chain,
                                chain.defaultPath(0, i, Network.MAINNET),
                                Network.MAINNET)
                        .address()
                        .value();
            });
            String fullPath = chain.defaultPath(0, 0, Network.MAINNET).toString();
            ExtendedPublicKey parent = PublicDerivation.derive(
                            start.key(), DerivationPath.parse(fullPath.substring(0, fullPath.lastIndexOf('/'))))
                    .key();
            double step = perCpuSecond(
                    seconds,
                    warmup,
                    i -> chain.address(
                                    curveName, PublicDerivation.child(parent, i).point(), Network.MAINNET)
                            .value());
            out.add(new Rates(chain.id(), Math.round(full), Math.round(cold), Math.round(step)));
        }
        return out;
    }

    // Per second of this thread's CPU: on a loaded machine wall time counts the waits for a core.
    private static double perCpuSecond(double seconds, int warmup, IntFunction<String> derive) {
        int sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += derive.apply(i).length();
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long cpuStart = Samples.cpuNanos();
        int n = 0;
        while (System.nanoTime() < end) {
            sink += derive.apply(n++).length();
        }
        if (sink == 0) {
            throw new IllegalStateException("no address was derived");
        }
        return n / ((Samples.cpuNanos() - cpuStart) / 1e9);
    }
}
