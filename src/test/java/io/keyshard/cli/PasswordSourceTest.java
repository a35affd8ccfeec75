package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {
    @TempDir
    Path tmp;

    @Test
    void theEnvironmentVariableIsUsedWhenNoFileIsGiven() {
        assertArrayEquals(
                "from env".toCharArray(),
                PasswordSource.VAULT.read(null, Map.of("KEYSHARD_PASSWORD", "from env"), null, false));
        assertArrayEquals(
                "backup".toCharArray(),
                PasswordSource.BACKUP.read(null, Map.of("KEYSHARD_BACKUP_PASSWORD", "backup"), null, true));
    }

    @Test
    void aFileOptionWinsOverTheEnvironmentAndOnlyItsFirstLineCounts() throws Exception {
        Path f = tmp.resolve("pw");
        Files.writeString(f, "pässword with spaces \r\nsecond line\n");
        assertArrayEquals(
                "pässword with spaces ".toCharArray(),
                PasswordSource.VAULT.read(f, Map.of("KEYSHARD_PASSWORD", "from env"), null, false));
    }

    @Test
    void missingOrEmptySourcesSayWhatToDo() throws Exception {
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class, () -> PasswordSource.NEW_VAULT.read(null, Map.of(), null, true));
        assertTrue(none.getMessage().contains("KEYSHARD_NEW_PASSWORD")
                && none.getMessage().contains("--new-password-file"));
        Path empty = tmp.resolve("empty");
        Files.writeString(empty, "\n");
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> PasswordSource.VAULT.read(empty, Map.of(), null, false))
                .getMessage()
                .contains("empty"));
        assertThrows(
                IllegalArgumentException.class,
                () -> PasswordSource.VAULT.read(tmp.resolve("missing"), Map.of(), null, false));
        Files.write(tmp.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        assertThrows(
                IllegalArgumentException.class,
                () -> PasswordSource.VAULT.read(tmp.resolve("binary"), Map.of(), null, false));
    }
}
