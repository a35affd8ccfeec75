package io.keyshard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a full disk apart from other write failures, so an error can say what ran out. Java has no
 * exception type for ENOSPC, and H2 wraps it: look for the system's message in the causes, else
 * check whether the folder's file system has (almost) no usable space left.
 */
public final class DiskSpace {
    /** Below this much usable space a failed write is put down to a full disk. */
    static final long NEARLY_FULL = 1L << 20;

    private DiskSpace() {}

    /** True when {@code failure} (a write that failed in {@code dir}) most likely ran out of disk space. */
    public static boolean isFull(Throwable failure, Path dir) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null
                    && (m.contains("No space left on device")
                            || m.contains("not enough space on the disk")
                            || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        try {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < NEARLY_FULL;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
