package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote server's entry that lacks a field is refused with the field's name and the entry's shape, not parser internals. */
class RemoteServersEntryTest {
    @TempDir
    Path home;

    @Test
    void aMissingFieldIsNamedAndTheEntryShapeShown() {
        String entry = "{\"name\":\"ALPHA\",\"url\":\"https://10.0.0.1:7443\",\"certSha256\":\"" + "ab".repeat(32)
                + "\",\"apiKey\":\"k\"}";
        try (Vault vault = Vault.create(home, "correct horse battery staple".toCharArray(), new KdfParams(256, 1, 1))) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> RemoteServers.add(home, vault, entry.getBytes(StandardCharsets.UTF_8)));
            String m = e.getMessage();
            assertTrue(m.contains("the field 'id' is missing"), m);
            assertTrue(m.contains("\"id\": 4"), "the message shows what a whole entry looks like: " + m);
            assertFalse(m.contains("creator"), m);
            assertFalse(m.contains("DeserializationFeature"), m);
            assertFalse(m.contains("index 1"), m);
        }
    }
}
