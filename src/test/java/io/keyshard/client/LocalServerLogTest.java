package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a local server's log as the Servers screen shows it: whole lines, the newest last, bounded. */
class LocalServerLogTest {
    @TempDir
    Path home;

    @Test
    void aServerThatNeverRanHasItsFolderAndNoLines() {
        LocalServerLog log = LocalServerLog.read(home, "OFFICIAL_2");
        assertEquals(home.resolve("nodes").resolve("OFFICIAL_2"), log.folder());
        assertEquals(log.folder().resolve("node.log"), log.log());
        assertEquals(List.of(), log.lastLines());
        assertNull(log.problem());
    }

    @Test
    void aShortLogIsShownWhole() throws IOException {
        write("node OFFICIAL_1 listening on https://127.0.0.1:40121 (Ctrl-C stops it)\n"
                + "cannot open the share store (database error 90020)\n");
        assertEquals(
                List.of(
                        "node OFFICIAL_1 listening on https://127.0.0.1:40121 (Ctrl-C stops it)",
                        "cannot open the share store (database error 90020)"),
                LocalServerLog.read(home, "OFFICIAL_1").lastLines());
    }

    @Test
    void aLongLogGivesItsLastLinesWholeFromItsEndAlone() throws IOException {
        List<String> lines = new ArrayList<>();
        IntStream.range(0, 20_000).forEach(i -> lines.add("line " + i + " " + "x".repeat(i % 90)));
        write(String.join("\n", lines) + "\n");
        List<String> shown = LocalServerLog.read(home, "OFFICIAL_1").lastLines();
        assertEquals(lines.subList(lines.size() - LocalServerLog.LINES, lines.size()), shown);
    }

    @Test
    void aCutInsideALineDropsThatPieceAndBadBytesDoNotStopTheRest() throws IOException {
        // one line longer than the part that is read: what is left of it is not shown as if it were whole
        String longLine = "y".repeat(LocalServerLog.TAIL_BYTES + 100);
        Path log = Files.createDirectories(home.resolve("nodes").resolve("OFFICIAL_3"))
                .resolve("node.log");
        byte[] bad = {'b', 'a', 'd', ' ', (byte) 0xC3, '\n'};
        Files.write(log, (longLine + "\nlast\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("last"), LocalServerLog.read(home, "OFFICIAL_3").lastLines());
        Files.write(log, bad);
        String shown = LocalServerLog.read(home, "OFFICIAL_3").lastLines().get(0);
        assertTrue(shown.startsWith("bad ") && shown.endsWith("\uFFFD"), shown);
    }

    private void write(String text) throws IOException {
        Path folder = Files.createDirectories(home.resolve("nodes").resolve("OFFICIAL_1"));
        Files.writeString(folder.resolve("node.log"), text, StandardCharsets.UTF_8);
    }
}
