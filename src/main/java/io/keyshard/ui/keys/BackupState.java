package io.keyshard.ui.keys;

import io.keyshard.vault.KeyRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the automatic backups in {@code <home>/backups} say about a key: the vault writes one after
 * every key that becomes READY (keeping the newest ten), each holding every key the vault had then.
 *
 * @param folder the backups folder
 * @param latest when the newest automatic backup was written, if there is one
 */
public record BackupState(Path folder, Optional<Instant> latest) {

    /** Looks at the backups folder of {@code home}; no folder means no backup yet. */
    public static BackupState of(Path home) {
        Path folder = home.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return new BackupState(folder, Optional.empty());
        }
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Instant> latest = files.filter(
                            p -> p.getFileName().toString().matches("auto-.*\\.ksbackup"))
                    .map(BackupState::modified)
                    .flatMap(Optional::stream)
                    .max(Comparator.naturalOrder());
            return new BackupState(folder, latest);
        } catch (IOException e) {
            return new BackupState(folder, Optional.empty());
        }
    }

    /** True when a backup was written after the key was created, so it holds the key's keyId. */
    public boolean covers(KeyRecord key) {
        return latest.isPresent() && !latest.get().isBefore(key.createdAt());
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
