package io.keyshard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The one way files holding keys, settings or server lists are written: readable by their owner
 * only (0600 from creation), and atomically: the bytes go to a temp file in the same folder, are
 * forced to disk, renamed over the target (a file system that cannot rename atomically is refused,
 * never silently used), and the rename itself is forced to disk, so a crash leaves the old file or
 * the new one. A read-modify-write that other processes may run at the same time goes through
 * {@link #update}.
 */
public final class OwnerOnlyFiles {
    /** What the temp file of {@code name} is called: {@code name + ".tmp" + random digits}. */
    private static final String TEMP_INFIX = ".tmp";

    /** What the lock file beside {@code name} is called: {@code name + ".lock"}. */
    public static final String LOCK_SUFFIX = ".lock";

    /**
     * One lock per lock file in this JVM: a file lock is held per process, so two threads (or a nested
     * update of the same file) would otherwise collide on it with an OverlappingFileLockException.
     */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private OwnerOnlyFiles() {}

    /** A read-modify-write of a file; may throw what reading or writing it throws. */
    @FunctionalInterface
    public interface Update<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code update} (which reads {@code target} and writes it with {@link #write}) while holding
     * an exclusive lock on {@code target + ".lock"}, so concurrent updates by other processes and threads
     * run one after the other and none is lost. Readers need no lock: each write is an atomic rename.
     * Nested updates of the same file in one thread are allowed.
     */
    public static <T> T update(Path target, Update<T> update) throws IOException {
        Path lockFile = target.toAbsolutePath().normalize().resolveSibling(target.getFileName() + LOCK_SUFFIX);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return update.run();
            }
            try (FileChannel ch = FileChannel.open(
                            lockFile,
                            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            ownerOnly(lockFile.getParent()));
                    FileLock lock = ch.lock()) {
                return update.run();
            }
        } finally {
            local.unlock();
        }
    }

    /** True when {@code file} is a temp file {@link #write} left behind for a target named {@code name}. */
    private static boolean isTempOf(Path file, String name) {
        return file.getFileName().toString().startsWith(name + TEMP_INFIX);
    }

    /** Deletes the temp files a crash during {@link #write} of {@code target} left behind. */
    public static void deleteTemps(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (isTempOf(p, target.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Atomically and durably replaces (or creates) {@code target} with {@code bytes}, mode 0600. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, target.getFileName() + TEMP_INFIX, "", ownerOnly(dir));
        try {
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates {@code target} with {@code bytes}, mode 0600; fails if it already exists. */
    public static void create(Path target, byte[] bytes) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        write(target, bytes);
    }

    /** Renames {@code from} over {@code to} atomically, then makes the rename durable. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot replace files atomically", e);
        }
        fsyncDir(to.toAbsolutePath().getParent());
    }

    /** Makes a rename or delete in {@code dir} durable (a no-op where directories cannot be opened). */
    public static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; its renames are journalled by NTFS.
        }
    }

    /** Deletes {@code root} and everything under it, deepest first; a missing root is not an error. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
            };
        }
        return new FileAttribute<?>[0];
    }
}
