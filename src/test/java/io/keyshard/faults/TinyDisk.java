package io.keyshard.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only: a small real filesystem (tmpfs of a few MiB) mounted on a folder, that a test fills
 * to the last byte and frees again, so the code under test meets a real "No space left on device".
 * Mounting needs root (or CAP_SYS_ADMIN); {@link #mountable()} says whether this machine allows it.
 */
final class TinyDisk implements AutoCloseable {
    private final Path dir;
    private final Path filler;

    private TinyDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve(".filler");
    }

    /** Mounts a tmpfs of {@code mib} MiB on {@code dir} (created if needed). */
    static TinyDisk mount(Path dir, int mib) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run("mount", "-t", "tmpfs", "-o", "size=" + mib + "m,mode=0700", "tmpfs", dir.toString());
        return new TinyDisk(dir);
    }

    /** True when this process may mount a tmpfs (tried once on a scratch folder). */
    static boolean mountable() {
        try {
            Path probe = Files.createTempDirectory("tinydisk-probe");
            try (TinyDisk d = mount(probe, 1)) {
                return true;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Writes a filler file until the filesystem refuses with "no space"; returns the bytes it took. */
    long fill() throws IOException {
        long written = 0;
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            if (dir.getFileSystem().provider().getFileStore(dir).getUsableSpace() > block.length) {
                throw full;
            }
        }
        // the last partial block: byte by byte until nothing fits
        try (OutputStream out = Files.newOutputStream(dir.resolve(".filler-tail"))) {
            while (true) {
                out.write(block, 0, 512);
                out.flush();
                written += 512;
            }
        } catch (IOException full) {
            return written;
        }
    }

    /** Deletes the filler: space is back. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
        Files.deleteIfExists(dir.resolve(".filler-tail"));
    }

    long usable() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
        }
    }

    /** Unmounts (lazily, so a process still holding a file cannot keep the mount alive). */
    @Override
    public void close() throws IOException {
        try {
            run("umount", "-l", dir.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
