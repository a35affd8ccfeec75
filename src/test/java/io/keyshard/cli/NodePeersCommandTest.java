package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.json.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyshard node peers add|list|remove|export} as an operator runs them. */
class NodePeersCommandTest {
    @TempDir
    Path dir;

    private String init(String name, int port) throws Exception {
        CliHarness.Result r = CliHarness.run(
                "node",
                "init",
                "--name",
                name,
                "--port",
                Integer.toString(port),
                "--data",
                data(name).toString());
        assertEquals(0, r.exitCode(), r.err());
        return r.out();
    }

    private Path data(String name) {
        return dir.resolve(name);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private CliHarness.Result add(String node, Path entry) {
        return CliHarness.run("node", "peers", "add", "--data", data(node).toString(), "--entry", entry.toString());
    }

    private JsonNode list(String node) throws Exception {
        CliHarness.Result r =
                CliHarness.run("node", "peers", "list", "--data", data(node).toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        return StrictJson.mapper().readTree(r.out());
    }

    @Test
    void theEntryNodeInitPrintsIsPinnedListedAndRemoved() throws Exception {
        init("OFFICIAL_1", 7401);
        String bravoEntry = init("OFFICIAL_2", 7402);
        JsonNode printed = StrictJson.mapper().readTree(bravoEntry);
        assertEquals(0, list("OFFICIAL_1").get("peers").size(), "a new node pins no peers");

        CliHarness.Result added = add("OFFICIAL_1", file("b.json", bravoEntry));
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.err().contains("pinned peer OFFICIAL_2"), added.err());
        JsonNode peer = list("OFFICIAL_1").get("peers").get(0);
        assertEquals("OFFICIAL_2", peer.get("name").asText());
        assertEquals(2, peer.get("id").asInt());
        assertEquals(printed.get("signingKey").asText(), peer.get("signingKey").asText());
        assertEquals(
                printed.get("encryptionKey").asText(), peer.get("encryptionKey").asText());
        assertFalse(
                Files.readString(data("OFFICIAL_1").resolve("peers.json"))
                        .contains(printed.get("apiKey").asText()),
                "the API key in the entry is never stored at a peer");

        assertEquals(0, add("OFFICIAL_1", file("b.json", bravoEntry)).exitCode(), "pinning again changes nothing");
        assertEquals(1, list("OFFICIAL_1").get("peers").size());

        CliHarness.Result table = CliHarness.run(
                "node", "peers", "list", "--data", data("OFFICIAL_1").toString());
        assertTrue(table.out().contains("OFFICIAL_2")
                && table.out().contains(peer.get("signingKey").asText()));

        CliHarness.Result removed = CliHarness.run(
                "node", "peers", "remove", "--data", data("OFFICIAL_1").toString(), "OFFICIAL_2");
        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals(0, list("OFFICIAL_1").get("peers").size());
        CliHarness.Result again = CliHarness.run(
                "node", "peers", "remove", "--data", data("OFFICIAL_1").toString(), "OFFICIAL_2");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("no pinned peer OFFICIAL_2"), again.err());
    }

    @Test
    void exportPrintsThePinnableEntryWithoutTheApiKey() throws Exception {
        init("OFFICIAL_1", 7411);
        String printed = init("EDGE", 7412);
        CliHarness.Result exported =
                CliHarness.run("node", "peers", "export", "--data", data("EDGE").toString());
        assertEquals(0, exported.exitCode(), exported.err());
        JsonNode entry = StrictJson.mapper().readTree(exported.out());
        assertFalse(entry.has("apiKey"));
        assertEquals(StrictJson.mapper().readTree(printed).get("signingKey"), entry.get("signingKey"));
        assertEquals(0, add("OFFICIAL_1", file("edge.json", exported.out())).exitCode());
        assertEquals("EDGE", list("OFFICIAL_1").get("peers").get(0).get("name").asText());
    }

    @Test
    void anEntryWithoutIdentityKeysSaysHowToGetOne() throws Exception {
        init("OFFICIAL_1", 7421);
        ObjectNode old = (ObjectNode) StrictJson.mapper().readTree(init("OFFICIAL_2", 7422));
        old.remove("signingKey");
        old.remove("encryptionKey");
        CliHarness.Result r = add("OFFICIAL_1", file("old.json", old.toString()));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("has no identity keys") && r.err().contains("node peers export"), r.err());
        assertEquals(0, list("OFFICIAL_1").get("peers").size(), "nothing pinned");
    }

    @Test
    void ownEntryOtherKeysForAPinnedNameAndBadFoldersAreRefused() throws Exception {
        String own = init("OFFICIAL_1", 7431);
        String bravo = init("OFFICIAL_2", 7432);
        CliHarness.Result self = add("OFFICIAL_1", file("self.json", own));
        assertEquals(2, self.exitCode());
        assertTrue(self.err().contains("this node's own"), self.err());

        assertEquals(0, add("OFFICIAL_1", file("b.json", bravo)).exitCode());
        ObjectNode swapped = (ObjectNode) StrictJson.mapper().readTree(bravo);
        swapped.put(
                "signingKey",
                StrictJson.mapper().readTree(own).get("signingKey").asText());
        CliHarness.Result changed = add("OFFICIAL_1", file("swapped.json", swapped.toString()));
        assertEquals(2, changed.exitCode());
        assertTrue(changed.err().contains("already pinned with another id or other identity keys"), changed.err());
        assertEquals(
                StrictJson.mapper().readTree(bravo).get("signingKey"),
                list("OFFICIAL_1").get("peers").get(0).get("signingKey"),
                "the first pin stays");

        CliHarness.Result notANode = CliHarness.run(
                "node", "peers", "list", "--data", dir.resolve("nothing").toString());
        assertEquals(2, notANode.exitCode());
        assertTrue(notANode.err().contains("node init"), notANode.err());
        CliHarness.Result garbage = add("OFFICIAL_1", file("garbage.json", "{\"name\": \"X\""));
        assertEquals(2, garbage.exitCode(), garbage.err());
    }
}
