package io.keyshard.client;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a local server keeps its files and the last lines of its log, for the Servers screen: when
 * OFFICIAL_1..3 does not start, its log says why. The node never logs a share, nonce, password or keyId,
 * so the lines can be shown as they are.
 *
 * @param lastLines the log's last lines, oldest first; empty when there is no log yet
 * @param problem   why the log could not be read, else null
 */
public record LocalServerLog(String name, Path folder, Path log, List<String> lastLines, String problem) {
    /** How many of the log's last lines are shown. */
    public static final int LINES = 40;

    /** How much of the log's end is read at most, so a log grown large is never read whole. */
    static final int TAIL_BYTES = 16 * 1024;

    /** The log of local server {@code name} under {@code home}, read now. */
    public static LocalServerLog read(Path home, String name) {
        Path folder = LocalCluster.dataFolder(home, name).getParent();
        Path log = folder.resolve("node.log");
        if (!Files.isRegularFile(log)) {
            return new LocalServerLog(name, folder, log, List.of(), null);
        }
        try {
            return new LocalServerLog(name, folder, log, tail(log, LINES), null);
        } catch (IOException e) {
            return new LocalServerLog(name, folder, log, List.of(), "could not read " + log + ": " + e.getMessage());
        }
    }

    /** The last {@code lines} lines of {@code file}, from at most its last {@link #TAIL_BYTES} bytes. */
    static List<String> tail(Path file, int lines) throws IOException {
        byte[] end;
        boolean cut;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            int n = (int) Math.min(size, TAIL_BYTES);
            cut = size > n;
            end = new byte[n];
            f.seek(size - n);
            f.readFully(end);
        }
        // a cut can fall inside a line or a character: that first piece is dropped, and bad bytes show as U+FFFD
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(end))
                .toString();
        List<String> all = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (cut && !all.isEmpty()) {
            all.remove(0);
        }
        if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
            all.remove(all.size() - 1);
        }
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
