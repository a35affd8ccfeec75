package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.json.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code servers list|check} on a home where nothing was started yet. */
class ServersCliTest {
    @TempDir
    Path home;

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    @Test
    void aFreshHomeListsTheLocalClusterAsNotStarted() throws Exception {
        CliHarness.Result list = run("servers", "list");
        assertEquals(0, list.exitCode(), "a local server that is simply not started is no error: " + list.err());
        for (String name : List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3")) {
            assertTrue(list.out().contains(name), list.out());
        }
        assertTrue(list.out().contains("not started yet"), list.out());
        assertTrue(list.err().contains("'keyshard nodes up' runs it"), "says how to start it: " + list.err());

        CliHarness.Result json = run("servers", "list", "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode servers = StrictJson.mapper().readTree(json.out()).get("servers");
        assertEquals(3, servers.size());
        for (int i = 0; i < 3; i++) {
            JsonNode s = servers.get(i);
            assertEquals("OFFICIAL_" + (i + 1), s.get("name").asText());
            assertEquals(i + 1, s.get("id").asInt());
            assertTrue(s.get("local").asBoolean());
            assertFalse(s.get("ok").asBoolean());
            assertTrue(s.get("error").asText().startsWith("not started yet"), s.toString());
            assertEquals(8, s.size(), "name, url, id, certSha256, local, ok, latencyMs, error");
        }
        assertFalse(Files.exists(home.resolve("nodes")), "listing starts and creates nothing");
    }

    @Test
    void checkOnAFreshHomeReportsTheLocalClusterDownWithoutStartingIt() {
        CliHarness.Result check = run("servers", "check");
        assertEquals(4, check.exitCode(), check.err());
        assertTrue(check.out().contains("OFFICIAL_1") && check.out().contains("not started yet"), check.out());
        assertFalse(Files.exists(home.resolve("nodes")), "a check starts nothing");
    }
}
