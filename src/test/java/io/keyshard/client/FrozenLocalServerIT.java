package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.cli.CliHarness;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One local server frozen with SIGSTOP (its process alive, its port accepting, nothing answering, its
 * share store still locked): the other two are shown healthy within seconds, a 2-of-2 key on them is
 * made, and the frozen one is named with the reason in words. A server whose process died is the
 * only one started again. Once all nodes are stopped, a check reports them "stopped" and exits 0.
 */
class FrozenLocalServerIT {
    private static final char[] PASSWORD = "it-password-123".toCharArray();
    private static final long FEW_SECONDS_MS = 20_000;

    @TempDir
    Path home;

    @Test
    void aFrozenServerIsNamedAndTheOthersStillMakeKeys() throws Exception {
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                LocalClusterControl app = new LocalClusterControl(home)) {
            app.start();
            Process frozen = app.process("OFFICIAL_2");
            assertNotNull(frozen, "the handle started OFFICIAL_2");
            signal(frozen.pid(), "STOP");
            try {
                try (Workspace own = Workspace.open(home, vault, app)) {
                    long start = System.nanoTime();
                    Map<String, ServerStatus> seen = byName(own.checkServers(true));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertTrue(ms < FEW_SECONDS_MS, "the check took " + ms + " ms");
                    assertTrue(
                            seen.get("OFFICIAL_1").ok()
                                    && seen.get("OFFICIAL_3").ok(),
                            seen.toString());
                    ServerStatus hung = seen.get("OFFICIAL_2");
                    assertFalse(hung.ok(), hung.toString());
                    assertTrue(
                            hung.error().startsWith("server OFFICIAL_2: ")
                                    && hung.error().contains("in time"),
                            hung.error());
                }
                // another process's view (a CLI command, a second app): it tries to start OFFICIAL_2 itself
                try (Workspace other = Workspace.open(home, vault)) {
                    long start = System.nanoTime();
                    Map<String, ServerStatus> seen = byName(other.checkServers(true));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertTrue(ms < FEW_SECONDS_MS, "the check took " + ms + " ms");
                    assertTrue(
                            seen.get("OFFICIAL_1").ok()
                                    && seen.get("OFFICIAL_3").ok(),
                            seen.toString());
                    String why = seen.get("OFFICIAL_2").error();
                    assertTrue(
                            why.startsWith("server OFFICIAL_2: ")
                                    && why.contains("in use by another node process (pid " + frozen.pid() + "?)"),
                            why);
                    assertFalse(why.contains("90020"), why);

                    GeneratedKey key = other.call(
                                    ComponentModule.GENERATE_KEY_SHARE,
                                    new KeygenRequest(CurveName.SECP256K1, 2, List.of("OFFICIAL_1", "OFFICIAL_3")))
                            .promise()
                            .get(120, TimeUnit.SECONDS);
                    assertEquals(KeyStatus.READY, key.record().status());
                    assertEquals(
                            List.of("OFFICIAL_1", "OFFICIAL_3"), key.record().servers());
                }
            } finally {
                signal(frozen.pid(), "CONT");
            }
            long first = app.process("OFFICIAL_1").pid();
            Process dead = app.process("OFFICIAL_3");
            dead.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertTrue(app.start(LocalCluster.NAMES).isEmpty());
            assertEquals(first, app.process("OFFICIAL_1").pid(), "a running server is left alone");
            assertEquals(frozen.pid(), app.process("OFFICIAL_2").pid(), "a thawed server is left alone");
            assertTrue(app.process("OFFICIAL_3").pid() != dead.pid(), "only the dead server is started again");
            assertTrue(byName(ServerHealth.check(home)).values().stream().allMatch(ServerStatus::ok));
        }
        CliHarness.Result check = CliHarness.run("--home", home.toString(), "servers", "check", "--json");
        assertEquals(0, check.exitCode(), "local servers that are not running are no fault: " + check.err());
        JsonNode servers = StrictJson.mapper().readTree(check.out()).get("servers");
        assertEquals(3, servers.size());
        for (JsonNode s : servers) {
            assertFalse(s.get("ok").asBoolean(), s.toString());
            assertEquals(ServerStatus.STOPPED, s.get("error").asText(), s.toString());
            assertEquals(8, s.size(), "name, url, id, certSha256, local, ok, latencyMs, error");
        }
    }

    private static Map<String, ServerStatus> byName(List<ServerStatus> statuses) {
        return statuses.stream().collect(Collectors.toMap(ServerStatus::name, s -> s));
    }

    private static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }
}
