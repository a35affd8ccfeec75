package io.keyshard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Throughput: callers on their own threads running one operation after another against one client. */
final class Callers {
    private Callers() {}

    /**
     * Operations completed per second by {@code concurrency} callers over {@code seconds}, after a warm-up
     * (connections for every caller) of half that, at most 2 s. A failed operation fails the measurement:
     * its number would mean nothing.
     */
    static double perSecond(int concurrency, double seconds, Runnable operation) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        try {
            runFor(callers, concurrency, Math.min(2.0, seconds / 2), operation);
            long start = System.nanoTime();
            int done = runFor(callers, concurrency, seconds, operation);
            return done / ((System.nanoTime() - start) / 1e9);
        } finally {
            callers.shutdownNow();
        }
    }

    private static int runFor(ExecutorService callers, int concurrency, double seconds, Runnable operation)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            running.add(callers.submit(() -> {
                while (!stop.get()) {
                    operation.run();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        return done.get();
    }
}
