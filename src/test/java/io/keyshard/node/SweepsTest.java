package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A node's periodic sweep keeps running after a run that throws, and its log line carries nothing of the failure's text. */
class SweepsTest {
    @Test
    void aSweepThatThrowsRunsAgainAtItsNextTurn() throws Exception {
        ScheduledExecutorService on = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            Sweeps.every(
                    on,
                    "expired nonces",
                    () -> {
                        thirdRun.countDown();
                        if (runs.incrementAndGet() <= 2) {
                            throw new IllegalStateException("store closed for key " + UUID.randomUUID());
                        }
                    },
                    10,
                    TimeUnit.MILLISECONDS);
            assertTrue(thirdRun.await(10, TimeUnit.SECONDS), "the sweep ran again after failing: " + runs.get());
        } finally {
            on.shutdownNow();
            System.setErr(err);
        }
        String log = said.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("internal failure: sweep expired nonces: java.lang.IllegalStateException"), log);
        assertFalse(log.contains("store closed"), "an exception's message can carry a keyId: " + log);
    }

    @Test
    void theChoreLineNamesTheSweepAndWhereItFailed() {
        String line = FailureLog.choreLine(
                "idle connections", new IllegalStateException("secret"), Instant.parse("2026-12-08T03:00:00.5Z"));
        assertTrue(
                line.startsWith("2026-12-08T03:00:00Z internal failure: sweep idle connections: "
                        + "java.lang.IllegalStateException at io.keyshard.node.SweepsTest."),
                line);
        assertFalse(line.contains("secret"), line);
    }
}
