package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** servers.json: round trip in order, strict reading with a message saying what to do. */
class ServersConfigTest {
    private static final String PIN = "ab".repeat(32);

    @TempDir
    Path home;

    @Test
    void roundTripKeepsOrderAndAMissingFileIsEmpty() throws Exception {
        assertTrue(ServersConfig.load(home).servers().isEmpty());
        ServersConfig.load(home)
                .with("ZULU", new ServerInfo("https://10.0.0.1:7443", 9, PIN, false))
                .with("OFFICIAL_1", new ServerInfo("https://127.0.0.1:4000", 1, PIN, true))
                .save();
        ServersConfig read = ServersConfig.load(home);
        assertEquals(List.of("ZULU", "OFFICIAL_1"), List.copyOf(read.servers().keySet()));
        assertEquals(new ServerInfo("https://10.0.0.1:7443", 9, PIN, false), read.get("ZULU"));
        read.without("ZULU").save();
        assertEquals(
                List.of("OFFICIAL_1"),
                List.copyOf(ServersConfig.load(home).servers().keySet()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> read.get("NOPE"));
        assertTrue(unknown.getMessage().contains("servers add"), unknown.getMessage());
    }

    @Test
    void aDamagedFileIsRefusedWithAClearMessage() throws Exception {
        for (String bad : List.of(
                "{",
                "[]",
                "{\"A\":{\"url\":\"https://h:1\",\"id\":1,\"certSha256\":\"" + PIN + "\",\"local\":false,\"extra\":1}}",
                "{\"A\":{\"url\":\"http://h:1\",\"id\":1,\"certSha256\":\"" + PIN + "\",\"local\":false}}",
                "{\"A\":{\"url\":\"https://h:1\",\"id\":1,\"certSha256\":\"" + PIN
                        + "\",\"local\":false},\"A\":{\"url\":\"https://h:1\",\"id\":1,\"certSha256\":\"" + PIN
                        + "\",\"local\":false}}",
                "{\"bad name\":{\"url\":\"https://h:1\",\"id\":1,\"certSha256\":\"" + PIN + "\",\"local\":false}}")) {
            Files.writeString(home.resolve("servers.json"), bad);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ServersConfig.load(home), bad);
            assertTrue(e.getMessage().contains("servers.json") || e.getMessage().contains("bad name"), e.getMessage());
        }
    }
}
