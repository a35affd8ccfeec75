package io.keyshard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Where Keyshard keeps its data: {@code --home}, else {@code KEYSHARD_HOME}, else {@code ~/.keyshard}. */
public final class Home {
    private Home() {}

    /** Resolves the home folder from an explicit value (may be null), the environment, then the default. */
    public static Path resolve(Path explicit) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String env = System.getenv("KEYSHARD_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".keyshard")
                .toAbsolutePath()
                .normalize();
    }

    /** Creates {@code dir} (and parents) if missing, owner-only where the file system has POSIX permissions. */
    public static Path ensureOwnerOnlyDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }
}
