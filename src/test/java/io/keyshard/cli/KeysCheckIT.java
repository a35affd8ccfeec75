package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeyHealth;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard keys check} against the local cluster's node processes: every key healthy (exit 0),
 * then one server's share store wiped as a lost disk or an old restore would: the 2-of-3 key is
 * degraded with that server named and no loss to spare, the 3-of-3 key unusable, exit 4.
 */
class KeysCheckIT {
    private static final String PASSWORD = "keys-check-password";

    @TempDir
    Path tmp;

    private CliHarness.Result run(Path home, String... args) throws Exception {
        Path pw = tmp.resolve("pw.txt");
        Files.writeString(pw, PASSWORD + "\n");
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--password-file", pw.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    @Test
    void aWipedServerMakesItsKeysDegradedOrUnusableAndExitsFour() throws Exception {
        Path home = tmp.resolve("home");
        UUID twoOfThree;
        UUID threeOfThree;
        try (Vault vault = Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault)) {
            twoOfThree = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.SECP256K1, 2, LocalCluster.NAMES, "two of three"))
                    .promise()
                    .join()
                    .keyId();
            threeOfThree = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.ED25519, 3, LocalCluster.NAMES, "three of three"))
                    .promise()
                    .join()
                    .keyId();
            List<KeyHealth> health = ws.keyHealth();
            assertEquals(2, health.size());
            assertTrue(health.stream().allMatch(h -> h.state() == KeyHealth.State.HEALTHY), health.toString());
            assertEquals(1, health.get(0).canStillLose(), "a healthy 2-of-3 key may lose one server");
        }

        CliHarness.Result healthy = run(home, "keys", "check", "--json");
        assertEquals(0, healthy.exitCode(), healthy.err());
        Map<String, JsonNode> byId = byKeyId(healthy.out());
        assertEquals("healthy", byId.get(twoOfThree.toString()).get("state").asText());
        assertEquals("healthy", byId.get(threeOfThree.toString()).get("state").asText());

        // The CLI run stopped the nodes it started; OFFICIAL_2 comes back with an empty share store.
        Path store = home.resolve("nodes").resolve("OFFICIAL_2").resolve("data").resolve("shares.mv.db");
        assertTrue(Files.exists(store), "the node keeps its shares in " + store.getFileName());
        Files.delete(store);

        CliHarness.Result wiped = run(home, "keys", "check", "--json");
        assertEquals(4, wiped.exitCode(), wiped.out() + wiped.err());
        byId = byKeyId(wiped.out());
        JsonNode degraded = byId.get(twoOfThree.toString());
        assertEquals("degraded", degraded.get("state").asText(), wiped.out());
        assertEquals(0, degraded.get("canStillLose").asInt(), "2 of 2 needed left: no further loss can be borne");
        assertEquals(
                List.of("held", "lost", "held"),
                shares(degraded),
                "the server that lost its share is named; the others still hold theirs");
        assertEquals("OFFICIAL_2", degraded.get("servers").get(1).get("name").asText());
        JsonNode unusable = byId.get(threeOfThree.toString());
        assertEquals("unusable", unusable.get("state").asText(), wiped.out());
        assertEquals(List.of("held", "lost", "held"), shares(unusable));
        assertTrue(wiped.err().contains("2 of 2 keys not healthy"), wiped.err());

        CliHarness.Result one = run(home, "keys", "check", twoOfThree.toString());
        assertEquals(4, one.exitCode(), one.err());
        assertTrue(one.out().contains("degraded"), one.out());
        assertTrue(one.out().contains("OFFICIAL_2 lost its share"), one.out());
        assertTrue(one.out().contains("no further loss can be borne"), one.out());

        CliHarness.Result notAKey = run(home, "keys", "check", UUID.randomUUID().toString());
        assertEquals(2, notAKey.exitCode(), notAKey.err());
    }

    private static Map<String, JsonNode> byKeyId(String json) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode k : StrictJson.mapper().readTree(json).get("keys")) {
            out.put(k.get("keyId").asText(), k);
        }
        return out;
    }

    private static List<String> shares(JsonNode key) {
        List<String> out = new ArrayList<>();
        key.get("servers").forEach(s -> out.add(s.get("share").asText()));
        return out;
    }
}
