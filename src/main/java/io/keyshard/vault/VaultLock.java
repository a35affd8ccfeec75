package io.keyshard.vault;

import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time: an OS lock on {@code vault/vault.lock}, released by the OS if the process
 * dies. A second process (or a second open in this one) gets "the vault is in use".
 */
final class VaultLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private VaultLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static VaultLock acquire(Path vaultDir) {
        Path file = vaultDir.resolve(VaultFiles.LOCK);
        FileChannel ch = null;
        try {
            boolean fresh = !Files.exists(file);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (fresh) {
                VaultFiles.ownerOnly(file);
            }
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                throw inUse();
            }
            return new VaultLock(ch, l);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw inUse();
        } catch (IOException e) {
            closeQuietly(ch);
            throw new VaultException(Reason.IO, "cannot lock the vault: " + e.getMessage());
        }
    }

    private static VaultException inUse() {
        return new VaultException(
                Reason.IN_USE,
                "the vault is in use by another Keyshard process (the app or a command); close it and try again");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock when the channel or process goes away
        }
    }
}
