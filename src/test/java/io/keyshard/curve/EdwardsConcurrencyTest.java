package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A fresh curve used from several threads at once: the lazily built table and per-thread temporaries hold up. */
class EdwardsConcurrencyTest {
    @Test
    void concurrentMultiplicationsOnAFreshCurveAgree() throws Exception {
        for (EdwardsCurve curve : List.of(EdwardsCurve.ed25519(), EdwardsCurve.ed448())) {
            SecureRandom random = new SecureRandom();
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Void>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    BigInteger[] ks = new BigInteger[10];
                    for (int i = 0; i < ks.length; i++) {
                        ks[i] = curve.randomScalar(random);
                    }
                    results.add(pool.submit(() -> {
                        start.await();
                        for (BigInteger k : ks) {
                            Point base = curve.multiplyBase(k);
                            assertEquals(curve.generator().multiply(k), base);
                            assertEquals(base, curve.decodePoint(base.encode()));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<Void> f : results) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
