package io.keyshard.node;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node's periodic chores (expiring idle keygen sessions, signing nonces, pairwise setups and idle
 * connections), scheduled so that one failing run does not end them: a task that throws is never run
 * again by a {@link ScheduledExecutorService}, which would leave expired nonces held until a request
 * touches them and slow connections open for the rest of the node's life. A failure is written to the
 * node's log as {@link FailureLog} writes one (class and frames, never a message) and the chore runs
 * again at its next turn.
 */
final class Sweeps {
    private Sweeps() {}

    /** Runs {@code task}, called {@code chore} in the log, every {@code period}; its failures do not end it. */
    static void every(ScheduledExecutorService on, String chore, Runnable task, long period, TimeUnit unit) {
        on.scheduleWithFixedDelay(surviving(chore, task), period, period, unit);
    }

    /** {@code task}, with any RuntimeException it throws reported instead of propagated. */
    static Runnable surviving(String chore, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                FailureLog.reportChore(chore, e);
            }
        };
    }
}
