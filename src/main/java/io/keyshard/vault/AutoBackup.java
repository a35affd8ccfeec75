package io.keyshard.vault;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the automatic backup after a key becomes READY, off the caller's path, coalesced and spaced.
 * The record itself is already durable in the vault when this is asked; the backup re-seals every
 * record, so it costs time in proportion to the vault's size. Doing it inside markReady made each
 * keygen slower as the vault grew; doing it after every key kept a core a quarter busy during a run
 * of keygens in a vault of a few hundred keys. So a burst of READY keys costs one
 * backup, and backups are spaced by at least {@link #MIN_GAP_NANOS} or ten times the last one's
 * duration (at most a tenth of a core). {@link #flush()} (close, the Keys screen) writes a waiting
 * backup at once, so a closed vault always has a backup with every key.
 */
final class AutoBackup {
    static final long MIN_GAP_NANOS = TimeUnit.SECONDS.toNanos(2);
    private final Vault vault;
    private ScheduledExecutorService writer;
    private Future<?> last;
    private boolean queued;
    private boolean finished;
    private long notBefore;
    private volatile String problem;

    AutoBackup(Vault vault) {
        this.vault = vault;
    }

    /** Asks for a backup of the vault as it will be when the writer runs; one queued request covers many. */
    synchronized void request() {
        if (finished || queued) {
            return;
        }
        queued = true;
        if (writer == null) {
            writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "keyshard-auto-backup");
                t.setDaemon(true);
                return t;
            });
            notBefore = System.nanoTime();
        }
        last = writer.schedule(this::write, Math.max(0, notBefore - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void write() {
        long start = System.nanoTime();
        synchronized (this) {
            if (!queued) {
                // Written already: a flush replaced this request's task after it had started (FutureTask.cancel
                // still succeeds while a started task waits for this lock), and the one of the two that runs second
                // finds nothing queued. Writing again would leave a second file of the same vault state.
                return;
            }
            queued = false;
            notBefore = start + MIN_GAP_NANOS; // a request while this one runs waits its turn too
        }
        // Under the vault's lock, as the writes are: a password change or close cannot interleave.
        synchronized (vault) {
            if (!vault.isClosed()) {
                problem = VaultBackup.writeAutomatic(vault);
            }
        }
        long end = System.nanoTime();
        synchronized (this) {
            notBefore = end + Math.max(MIN_GAP_NANOS, 10 * (end - start));
        }
    }

    /** Writes a backup that is waiting for its turn now, and waits until every backup asked for so far is written. */
    void flush() {
        Future<?> f;
        synchronized (this) {
            if (queued && last != null && last.cancel(false)) {
                last = writer.submit(this::write);
            }
            f = last;
        }
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (ExecutionException e) {
            problem = VaultBackup.notWritten(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what was asked for, then stops the writer: the vault is closing. */
    void finish() {
        flush();
        synchronized (this) {
            finished = true;
            if (writer != null) {
                writer.shutdown();
            }
        }
    }

    /** Why the last automatic backup could not be written, or null. */
    String problem() {
        return problem;
    }
}
