package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.client.SharedCluster;
import io.keyshard.json.StrictJson;
import io.keyshard.node.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard keygen}, {@code servers add|remove} as a user runs them: a fresh home with the
 * local cluster already running (the shared one, as after {@code nodes up}) and a remote node added by its entry.
 */
class KeygenCommandIT {
    @TempDir
    static Path dir;

    static Path home;
    static Path passwordFile;
    static TestNode remote;

    @BeforeAll
    static void setUp() throws Exception {
        home = dir.resolve("home");
        passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, "cli-password-4567\n");
        SharedCluster.home(home);
        assertEquals(0, run("init").exitCode());
        remote = new TestNode(dir.resolve("remote"), "EDGE_B", 31, Duration.ofMinutes(5));
        SharedCluster.pinWith(remote.data);
    }

    @AfterAll
    static void tearDown() {
        remote.close();
    }

    static CliHarness.Result run(String... args) {
        List<String> all =
                new ArrayList<>(List.of("--home", home.toString(), "--password-file", passwordFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    @Test
    void keygenPrintsTheReadyRecordAndKeysListShowsIt() throws Exception {
        CliHarness.Result r = run(
                "keygen",
                "--curve",
                "ED25519",
                "--threshold",
                "2",
                "--servers",
                "OFFICIAL_1,OFFICIAL_2,OFFICIAL_3",
                "--label",
                "sol",
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode key = StrictJson.mapper().readTree(r.out());
        assertEquals("READY", key.get("status").asText());
        assertEquals("ED25519", key.get("curve").asText());
        assertEquals(64, key.get("rootPublicKey").asText().length());
        assertEquals(3, key.get("verificationShares").size());
        assertEquals("edwards-additive", key.get("derivationScheme").asText());
        assertEquals("ready", key.get("signing").asText(), "a FROST key needs no signing setup");
        assertTrue(r.err().contains("OFFICIAL_2: committed"), r.err());
        CliHarness.Result list = run("keys", "list", "--json");
        assertTrue(list.out().contains(key.get("keyId").asText()), list.out());
    }

    @Test
    void aRemoteServerAddedByItsEntryTakesPartAndCanBeRemoved() throws Exception {
        Path entry = dir.resolve("edge.json");
        Files.writeString(
                entry,
                StrictJson.mapper()
                        .writeValueAsString(remote.entry)
                        .replace("127.0.0.1:1", remote.url().substring("https://".length())));
        CliHarness.Result add = run("servers", "add", "--entry", entry.toString());
        assertEquals(0, add.exitCode(), add.err());
        assertFalse(
                Files.readString(home.resolve("servers.json")).contains(remote.entry.apiKey()),
                "the API key is sealed in the vault, not in servers.json");
        CliHarness.Result r =
                run("keygen", "--curve", "P256", "--threshold", "2", "--servers", "OFFICIAL_3,EDGE_B", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode made = StrictJson.mapper().readTree(r.out());
        assertEquals(
                List.of("OFFICIAL_3", "EDGE_B"), StrictJson.mapper().convertValue(made.get("servers"), List.class));
        // printed at READY, then the command finished the signing setup before it exited
        assertEquals("setting-up", made.get("signing").asText());
        assertTrue(r.err().contains("signing is set up: the key is ready to sign"), r.err());
        String keyId = made.get("keyId").asText();
        CliHarness.Result shown = run("keys", "show", keyId, "--json");
        assertEquals(0, shown.exitCode(), shown.err());
        assertEquals(
                "ready",
                StrictJson.mapper().readTree(shown.out()).get("signing").asText(),
                "from the servers");
        assertTrue(run("keys", "show", keyId).out().contains("signing:          ready to sign"));

        assertEquals(2, run("servers", "remove", "OFFICIAL_1").exitCode(), "the local cluster stays");
        assertEquals(0, run("servers", "remove", "EDGE_B").exitCode());
        CliHarness.Result gone = run("keygen", "--curve", "P256", "--threshold", "2", "--servers", "OFFICIAL_3,EDGE_B");
        assertEquals(2, gone.exitCode());
        assertTrue(gone.err().contains("EDGE_B"), gone.err());
    }

    @Test
    void badEntriesAndRequestsAreUsageErrors() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(
                bad,
                "{\"name\":\"X1\",\"id\":40,\"url\":\"https://127.0.0.1:9\",\"certSha256\":\"00\",\"apiKey\":\"k\"}");
        assertEquals(2, run("servers", "add", "--entry", bad.toString()).exitCode());
        Files.writeString(bad, "{\"name\":\"X1\",\"name\":\"X2\"}");
        assertEquals(2, run("servers", "add", "--entry", bad.toString()).exitCode());
        assertEquals(
                2,
                run("servers", "add", "--entry", dir.resolve("missing.json").toString())
                        .exitCode());
        assertEquals(2, run("keygen", "--curve", "ED25519", "--threshold", "4").exitCode());
        assertEquals(2, run("keygen", "--curve", "CURVE9", "--threshold", "2").exitCode());
        assertEquals(
                2,
                run("keygen", "--curve", "P384", "--threshold", "2", "--servers", "OFFICIAL_1,OFFICIAL_1")
                        .exitCode());
    }

    @Test
    void anUnreachableServerExitsFourNamingIt() throws Exception {
        TestNode down = new TestNode(dir.resolve("down"), "EDGE_DOWN", 33, Duration.ofMinutes(5));
        Path entry = dir.resolve("down.json");
        Files.writeString(
                entry,
                StrictJson.mapper()
                        .writeValueAsString(down.entry)
                        .replace("127.0.0.1:1", down.url().substring("https://".length())));
        assertEquals(0, run("servers", "add", "--entry", entry.toString()).exitCode());
        down.close();
        CliHarness.Result r =
                run("keygen", "--curve", "SECP256k1", "--threshold", "2", "--servers", "OFFICIAL_1,EDGE_DOWN");
        assertEquals(4, r.exitCode(), r.err());
        assertTrue(r.err().contains("EDGE_DOWN"), r.err());
        CliHarness.Result check = run("servers", "check");
        assertEquals(4, check.exitCode());
        assertTrue(check.out().contains("EDGE_DOWN"));
        assertEquals(0, run("servers", "remove", "EDGE_DOWN").exitCode());
    }
}
