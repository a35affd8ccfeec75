package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.cli.CliHarness;
import io.keyshard.client.ResolvedKey;
import io.keyshard.client.Workspace;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server that hangs: the node process frozen with SIGSTOP, so the kernel still accepts its
 * connections and nothing ever answers. The client times out naming that server (the CLI exits 4),
 * the record is FAILED, nothing READY is left, and once the server runs again a retry succeeds.
 */
class ServerHangIT extends SharedNodesTest {
    static Path passwordFile;

    @BeforeAll
    static void setUp() throws Exception {
        passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, FaultBench.PASSWORD + "\n");
    }

    private static CliHarness.Result keygenCli() {
        return CliHarness.run(
                "--home",
                bench.home.toString(),
                "--password-file",
                passwordFile.toString(),
                "keygen",
                "--curve",
                "P256",
                "--threshold",
                "2",
                "--servers",
                "ALPHA,BRAVO,CHARLIE",
                "--round-timeout",
                "2",
                "--no-signing-setup");
    }

    @Test
    void theCliNamesAHungServerAndExits4ThenARetrySucceeds() throws Exception {
        Set<UUID> before;
        try (Vault vault = bench.openVault()) {
            before = FaultBench.ids(vault);
        }
        bench.nodes.signal("BRAVO", "STOP");
        CliHarness.Result hung = keygenCli();
        System.out.println("ServerHangIT, CLI: " + hung.err().trim());
        assertEquals(ExitCoded.SERVER, hung.exitCode(), hung.err());
        try (Vault vault = bench.openVault()) {
            assertEquals(before, FaultBench.ids(vault), "no record: the run stopped before round 1");
        }
        assertTrue(
                hung.err().contains("error: ")
                        && hung.err().contains("server BRAVO")
                        && hung.err().contains("in time"),
                hung.err());
        bench.nodes.signal("BRAVO", "CONT");
        CliHarness.Result retry = keygenCli();
        assertEquals(0, retry.exitCode(), retry.err());
        assertTrue(retry.out().contains("READY"), retry.out());
    }

    @Test
    void aServerThatHangsMidProtocolIsNamedAndLeavesNothingReady() throws Exception {
        FaultBench.Run run = bench.keygen(
                Duration.ofSeconds(2), FaultBench.onSent(2, "BRAVO", () -> bench.nodes.signal("BRAVO", "STOP")));
        bench.nodes.signal("BRAVO", "CONT");
        assertNotNull(run.failure(), "a run with a hung server cannot finish");
        assertEquals("BRAVO", run.failure().server(), run.failure().getMessage());
        assertTrue(
                run.failure().getMessage().contains("in round 2")
                        && run.failure().getMessage().contains("in time"),
                run.failure().getMessage());
        assertEquals(ExitCoded.SERVER, run.failure().exitCode());
        assertEquals(KeyStatus.FAILED, run.record().status());
        List<String> states = bench.states(run.record().keyId());
        assertEquals("ABORTED", states.get(0));
        assertEquals("ABORTED", states.get(2));
        assertNotEquals("READY", states.get(1), "the hung server never got past round 2");
        FaultBench.Run retry = bench.keygen(Duration.ofSeconds(30), p -> {});
        assertNotNull(retry.key(), () -> "retry: " + retry.failure());
    }

    @Test
    void aHungServerIsAskedOnceWhenManyKeysAreResolved() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertNotNull(bench.keygen(Duration.ofSeconds(30), p -> {}).key());
        }
        bench.nodes.signal("BRAVO", "STOP");
        try (Vault vault = bench.openVault();
                Workspace ws = Workspace.open(bench.home, vault, Duration.ofSeconds(2))) {
            // every server confirmed these commits (the client's ledger says so): nobody is asked, nothing waits
            assertEquals(List.of(), ws.resolvePending());
            // a client that crashed before writing its ledger (or a vault from before it) asks about every key
            vault.removeSecret("keyshard.commits-confirmed");
        }
        try (Vault vault = bench.openVault();
                Workspace ws = Workspace.open(bench.home, vault, Duration.ofSeconds(2))) {
            List<ResolvedKey> outcomes = ws.resolvePending();
            assertTrue(outcomes.size() >= 3, outcomes.toString());
            long waited = outcomes.stream()
                    .filter(o -> !o.note().startsWith("left for the next start"))
                    .count();
            assertEquals(
                    1,
                    waited,
                    "only the first key waits for the hung server; the rest are left for the next " + "start at once: "
                            + outcomes);
            assertTrue(
                    outcomes.get(0).note().contains("in time"), outcomes.get(0).note());
            assertTrue(
                    outcomes.stream().allMatch(o -> o.note().contains("BRAVO") && o.status() == KeyStatus.READY),
                    outcomes.toString());
        }
    }
}
