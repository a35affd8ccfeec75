package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.cli.CliHarness;
import io.keyshard.json.StrictJson;
import io.keyshard.testing.NodeClassArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded cluster: three node processes, servers.json entries, reuse by a second client, servers check. */
class LocalClusterIT {
    @TempDir
    Path home;

    @Test
    void startsOnceIsReusedAndIsReportedByServersCheck() throws Exception {
        assertFalse(LocalCluster.isRunning(home));
        try (LocalCluster first = LocalCluster.ensureRunning(home)) {
            assertEquals(LocalCluster.NAMES, first.startedServers());
            assertTrue(LocalCluster.isRunning(home));
            ServersConfig config = ServersConfig.load(home);
            for (int i = 0; i < 3; i++) {
                ServerInfo info = config.get(LocalCluster.NAMES.get(i));
                assertTrue(info.local());
                assertEquals(i + 1, info.id());
                assertTrue(info.url().startsWith("https://127.0.0.1:"));
                Path folder = home.resolve("nodes").resolve(LocalCluster.NAMES.get(i));
                assertEquals(
                        "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("client.key"))));
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            }
            assertFalse(Files.readString(home.resolve("servers.json")).contains("ksk_"), "no API key in servers.json");

            try (LocalCluster second = LocalCluster.ensureRunning(home)) {
                assertTrue(second.startedServers().isEmpty(), "a running cluster (e.g. 'nodes up') is reused");
            }
            assertTrue(LocalCluster.isRunning(home), "closing a client that reused the cluster leaves it running");

            CliHarness.Result check = CliHarness.run("--home", home.toString(), "servers", "check", "--json");
            assertEquals(0, check.exitCode(), check.err());
            JsonNode servers = StrictJson.mapper().readTree(check.out()).get("servers");
            assertEquals(3, servers.size());
            for (JsonNode s : servers) {
                assertTrue(s.get("ok").asBoolean(), s.toString());
                assertTrue(s.get("latencyMs").asLong() >= 0);
                assertTrue(s.get("error").isNull());
                assertEquals(8, s.size(), "name, url, id, certSha256, local, ok, latencyMs, error");
            }
        }
        assertFalse(LocalCluster.isRunning(home), "the nodes it started stop with it");
        CliHarness.Result down = CliHarness.run("--home", home.toString(), "servers", "check", "--json");
        assertEquals(0, down.exitCode(), "local servers that were stopped are no fault: " + down.err());
        JsonNode first = StrictJson.mapper().readTree(down.out()).get("servers").get(0);
        assertFalse(first.get("ok").asBoolean());
        assertEquals(ServerStatus.STOPPED, first.get("error").asText(), first.toString());
        assertEquals(
                0, CliHarness.run("--home", home.toString(), "servers", "list").exitCode());
    }

    @Test
    void aServerWhoseCreationWasStoppedBeforeItsEntryWasKeptIsCreatedAgain() throws Exception {
        // what a client killed between 'node init' and writing entry.json leaves: a complete data folder
        Path folder = home.resolve("nodes").resolve("OFFICIAL_2");
        Files.createDirectories(folder);
        CliHarness.Result init = CliHarness.run(
                "node",
                "init",
                "--name",
                "OFFICIAL_2",
                "--port",
                "1",
                "--data",
                folder.resolve("data").toString());
        assertEquals(0, init.exitCode(), init.err());
        try (LocalCluster cluster = LocalCluster.ensureRunning(home)) {
            assertEquals(LocalCluster.NAMES, cluster.startedServers());
            assertTrue(Files.exists(folder.resolve("entry.json")));
            try (var listing = Files.list(folder)) {
                assertEquals(
                        1,
                        listing.filter(f -> f.getFileName().toString().startsWith("data.unfinished-"))
                                .count(),
                        "the unfinished folder is kept aside, not deleted");
            }
        }
    }

    @Test
    void nodesUpInAnotherProcessIsReusedAndItsNodesStopWithIt() throws Exception {
        List<String> cmd = NodeClassArchive.command(List.of(), "io.keyshard.Main");
        cmd.addAll(List.of("--home", home.toString(), "nodes", "up"));
        Process up = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!LocalCluster.isRunning(home) && System.nanoTime() < deadline && up.isAlive()) {
                Thread.sleep(500);
            }
            assertTrue(LocalCluster.isRunning(home), "nodes up starts the cluster");
            try (LocalCluster reused = LocalCluster.ensureRunning(home)) {
                assertTrue(reused.startedServers().isEmpty(), "a client reuses the cluster of 'nodes up'");
            }
            assertTrue(LocalCluster.isRunning(home));
        } finally {
            up.destroy();
            assertTrue(up.waitFor(60, TimeUnit.SECONDS));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LocalCluster.isRunning(home) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertFalse(LocalCluster.isRunning(home), "stopping 'nodes up' stops its nodes");
    }
}
