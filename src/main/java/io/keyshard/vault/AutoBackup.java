package io.keyshard.vault;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the automatic backup after a key becomes READY, off the caller's path and coalesced.
 * The record itself is already durable in the vault when this is asked; the backup re-seals every
 * record, so doing it inside markReady made each keygen cost time in proportion to the vault's size
 * and made concurrent keygens queue behind it. A burst of READY keys now costs one backup.
 */
final class AutoBackup {
    private final Vault vault;
    private ExecutorService writer;
    private Future<?> last;
    private boolean queued;
    private boolean finished;
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
            writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "keyshard-auto-backup");
                t.setDaemon(true);
                return t;
            });
        }
        last = writer.submit(this::write);
    }

    private void write() {
        synchronized (this) {
            queued = false;
        }
        // Under the vault's lock, as the writes are: a password change or close cannot interleave.
        synchronized (vault) {
            if (!vault.isClosed()) {
                problem = VaultBackup.writeAutomatic(vault);
            }
        }
    }

    /** Waits until every backup asked for so far is written. Never call it holding the vault's lock. */
    void flush() {
        Future<?> f;
        synchronized (this) {
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
