package io.keyshard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one owner-only atomic write and the one tree delete. */
class OwnerOnlyFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileOwnerOnlyAndLeavesNoTemp() throws Exception {
        Path f = dir.resolve("servers.json");
        Files.writeString(f, "old");
        OwnerOnlyFiles.write(f, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void createRefusesAnExistingFile() throws Exception {
        Path f = dir.resolve("master.key");
        OwnerOnlyFiles.create(f, new byte[] {1});
        assertThrows(FileAlreadyExistsException.class, () -> OwnerOnlyFiles.create(f, new byte[] {2}));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(f));
    }

    @Test
    void leftoverTempsOfOneTargetAreRecognisedAndDeleted() throws Exception {
        Path target = dir.resolve("header.json.next");
        Path temp = Files.writeString(dir.resolve("header.json.next.tmp123"), "half");
        Path other = Files.writeString(dir.resolve("header.json"), "keep");
        OwnerOnlyFiles.deleteTemps(target);
        assertFalse(Files.exists(temp));
        assertTrue(Files.exists(other));
    }

    @Test
    void deleteTreeRemovesEverythingAndToleratesAMissingRoot() throws Exception {
        Path root = dir.resolve("staging");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/c.txt"), "x");
        OwnerOnlyFiles.deleteTree(root);
        assertFalse(Files.exists(root));
        OwnerOnlyFiles.deleteTree(root);
    }
}
