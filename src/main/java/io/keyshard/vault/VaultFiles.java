package io.keyshard.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** File-system steps the vault needs to be crash-safe: owner-only files, fsync, atomic replace. */
final class VaultFiles {
    static final String HEADER = "header.json";
    static final String DB_NAME = "keyshard";
    static final String DB_FILE = DB_NAME + ".mv.db";
    static final String LOCK = "vault.lock";

    private VaultFiles() {}

    static Path vaultDir(Path home) {
        return home.resolve("vault");
    }

    /** Creates or truncates {@code file} owner-only, writes {@code bytes} and fsyncs it. */
    static void writeDurably(Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        ownerOnly(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(
                    file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwx------" : "rw-------"));
        }
    }

    /** Restricts every file H2 created in {@code dir} to the owner. */
    static void ownerOnlyAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                ownerOnly(f);
            }
        }
    }
}
