package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.json.StrictJson;
import io.keyshard.node.ClientRegistry;
import io.keyshard.node.NodeFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyshard node init|add-client|revoke-client|rotate-client} as a user runs them. */
class NodeCommandTest {
    @TempDir
    Path dir;

    private static JsonNode json(String out) throws Exception {
        return StrictJson.mapper().readTree(out);
    }

    @Test
    void initPrintsTheEntryOnceAndRefusesAnExistingFolder() throws Exception {
        Path data = dir.resolve("n1");
        CliHarness.Result r =
                CliHarness.run("node", "init", "--name", "OFFICIAL_2", "--port", "7443", "--data", data.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode entry = json(r.out());
        List<String> fields = List.of("name", "id", "url", "certSha256", "apiKey", "signingKey", "encryptionKey");
        assertEquals(fields, iterate(entry));
        assertEquals("OFFICIAL_2", entry.get("name").asText());
        assertEquals(2, entry.get("id").asInt());
        assertEquals("https://127.0.0.1:7443", entry.get("url").asText());
        assertTrue(entry.get("certSha256").asText().matches("[0-9a-f]{64}"));
        String apiKey = entry.get("apiKey").asText();
        assertFalse(r.err().contains(apiKey), "the key goes to stdout only");
        for (Path f : Files.list(data).toList()) {
            assertFalse(
                    Files.readString(f, StandardCharsets.ISO_8859_1).contains(apiKey),
                    f + " must not hold the API key");
        }

        CliHarness.Result again =
                CliHarness.run("node", "init", "--name", "OFFICIAL_2", "--port", "7443", "--data", data.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals("", again.out());
    }

    @Test
    void initTakesJsonAndPrintsTheSameEntryObject() throws Exception {
        CliHarness.Result r = CliHarness.run(
                "node",
                "init",
                "--json",
                "--name",
                "EDGE",
                "--port",
                "7444",
                "--data",
                dir.resolve("n-json").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode entry = json(r.out());
        assertEquals(
                List.of("name", "id", "url", "certSha256", "apiKey", "signingKey", "encryptionKey"), iterate(entry));
        assertEquals("EDGE", entry.get("name").asText());
    }

    @Test
    void badNamesIdsAndPortsAreUsageErrors() {
        assertEquals(
                2,
                CliHarness.run(
                                "node",
                                "init",
                                "--name",
                                "bad name",
                                "--port",
                                "7443",
                                "--data",
                                dir.resolve("a").toString())
                        .exitCode());
        CliHarness.Result wrongId = CliHarness.run(
                "node",
                "init",
                "--name",
                "OFFICIAL_1",
                "--id",
                "5",
                "--port",
                "7443",
                "--data",
                dir.resolve("b").toString());
        assertEquals(2, wrongId.exitCode());
        assertTrue(wrongId.err().contains("OFFICIAL_1"), wrongId.err());
        assertEquals(
                2,
                CliHarness.run(
                                "node",
                                "init",
                                "--name",
                                "EDGE",
                                "--port",
                                "70000",
                                "--data",
                                dir.resolve("c").toString())
                        .exitCode());
        assertEquals(
                2,
                CliHarness.run(
                                "node",
                                "init",
                                "--name",
                                "EDGE",
                                "--port",
                                "7443",
                                "--bind",
                                "0.0.0.0",
                                "--data",
                                dir.resolve("d").toString())
                        .exitCode(),
                "a wildcard bind needs --host");
        assertFalse(
                Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")) || Files.exists(dir.resolve("c")),
                "a refused init leaves nothing behind");
        CliHarness.Result custom = CliHarness.run(
                "node",
                "init",
                "--name",
                "EDGE",
                "--port",
                "7443",
                "--data",
                dir.resolve("e").toString());
        assertEquals(0, custom.exitCode(), custom.err());
        assertTrue(custom.out().contains("\"id\""));
    }

    @Test
    void addAndRevokeClients() throws Exception {
        Path data = dir.resolve("n2");
        CliHarness.Result init = CliHarness.run(
                "node", "init", "--name", "EDGE", "--id", "40", "--port", "7444", "--data", data.toString());
        CliHarness.Result added = CliHarness.run("node", "add-client", "--data", data.toString());
        assertEquals(0, added.exitCode(), added.err());
        JsonNode first = json(init.out());
        JsonNode second = json(added.out());
        assertEquals(first.get("certSha256"), second.get("certSha256"));
        assertEquals(40, second.get("id").asInt());
        assertNotEquals(first.get("apiKey"), second.get("apiKey"));
        Matcher m = Pattern.compile("revoke-client --client (client-[0-9a-f]+)").matcher(added.err());
        assertTrue(m.find(), added.err());
        assertEquals(
                0,
                CliHarness.run("node", "revoke-client", "--data", data.toString(), "--client", m.group(1))
                        .exitCode());
        CliHarness.Result again =
                CliHarness.run("node", "revoke-client", "--data", data.toString(), "--client", m.group(1));
        assertEquals(2, again.exitCode());
        assertEquals(
                2,
                CliHarness.run(
                                "node",
                                "add-client",
                                "--data",
                                dir.resolve("none").toString())
                        .exitCode());
    }

    @Test
    void rotateClientKeepsTheClientIdAndRefusesTheOldKey() throws Exception {
        Path data = dir.resolve("n3");
        CliHarness.Result init = CliHarness.run(
                "node", "init", "--name", "EDGE", "--id", "41", "--port", "7445", "--data", data.toString());
        Matcher m = Pattern.compile("revoke-client --client (client-[0-9a-f]+)").matcher(init.err());
        assertTrue(m.find(), init.err());
        String clientId = m.group(1);
        String oldKey = json(init.out()).get("apiKey").asText();

        CliHarness.Result rotated =
                CliHarness.run("node", "rotate-client", "--data", data.toString(), "--client", clientId);
        assertEquals(0, rotated.exitCode(), rotated.err());
        JsonNode entry = json(rotated.out());
        assertEquals(json(init.out()).get("certSha256"), entry.get("certSha256"));
        assertEquals(41, entry.get("id").asInt());
        String newKey = entry.get("apiKey").asText();
        assertNotEquals(oldKey, newKey);
        assertTrue(rotated.err().contains("client " + clientId), rotated.err());
        assertTrue(rotated.err().contains("only time the API key is shown"), rotated.err());

        ClientRegistry clients = new ClientRegistry(new NodeFiles(data));
        assertEquals(Optional.of(clientId), clients.authenticate(newKey.toCharArray()), "same client, new key");
        assertEquals(Optional.empty(), clients.authenticate(oldKey.toCharArray()), "the old key is refused");
        assertEquals(1, clients.list().size(), "no second client was made");

        assertEquals(
                2,
                CliHarness.run("node", "rotate-client", "--data", data.toString(), "--client", "client-000000000000")
                        .exitCode(),
                "an unknown client is bad input");
        CliHarness.run("node", "revoke-client", "--data", data.toString(), "--client", clientId);
        CliHarness.Result revoked =
                CliHarness.run("node", "rotate-client", "--data", data.toString(), "--client", clientId);
        assertEquals(2, revoked.exitCode(), "a revoked client cannot come back with a new key");
        assertTrue(revoked.err().contains("no active client " + clientId), revoked.err());
    }

    private static List<String> iterate(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
