package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.client.ResolvedKey;
import io.keyshard.client.Workspace;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A node process killed with SIGKILL in each round of the protocol (1, 2, 3) and at commit: the
 * failure names the server and the round, no server holds a READY share, and after a restart the same
 * key generation succeeds. Killed in rounds 1-2 the vault record is FAILED at once; killed in round 3,
 * once the others stored their result, it stays PENDING waiting for the killed server, and the next
 * start marks it FAILED on that server's signed word that it holds no result (FAILED at once when the
 * abort overtook a round-3 request). Killed at commit, the
 * key is already READY; the next start re-sends the commit.
 */
class ServerKilledInRoundIT extends SharedNodesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "BRAVO killed -9 in round {0}")
    @ValueSource(ints = {1, 2, 3})
    void aServerKilledInARoundFailsTheRunCleanlyAndARetrySucceeds(int round) throws Exception {
        FaultBench.Run run = bench.keygen(TIMEOUT, FaultBench.onSent(round, "BRAVO", () -> bench.nodes.kill("BRAVO")));
        bench.nodes.start("BRAVO");
        assertNull(run.key(), "a run without BRAVO cannot finish");
        assertEquals("BRAVO", run.failure().server(), run.failure().getMessage());
        assertTrue(
                run.failure().getMessage().contains("in round " + round)
                        && run.failure().getMessage().contains("server BRAVO"),
                run.failure().getMessage());
        assertEquals(ExitCoded.SERVER, run.failure().exitCode());
        if (run.record().status() == KeyStatus.PENDING) {
            // ALPHA and CHARLIE stored their round-3 result; only BRAVO can say whether the key could be complete
            assertEquals(3, round, "before round 3 no server holds anything that must wait");
            assertTrue(
                    run.failure().pendingNote().contains("it waits for BRAVO"),
                    run.failure().getMessage());
            assertEquals(
                    List.of("PENDING", "UNKNOWN", "PENDING"),
                    bench.states(run.record().keyId()),
                    "no share is dropped while BRAVO cannot be asked");
            try (Vault vault = bench.openVault();
                    Workspace ws = Workspace.open(bench.home, vault, TIMEOUT)) {
                ResolvedKey settled = ws.resolvePending().stream()
                        .filter(r -> r.keyId().equals(run.record().keyId()))
                        .findFirst()
                        .orElseThrow();
                assertEquals(KeyStatus.FAILED, settled.status(), settled.note());
                assertTrue(settled.note().contains("BRAVO"), settled.note());
                assertEquals(
                        KeyStatus.FAILED,
                        vault.get(run.record().keyId()).orElseThrow().status());
            }
            assertEquals(
                    List.of("ABORTED", "ABORTED", "ABORTED"),
                    bench.states(run.record().keyId()),
                    "restarted without the session, BRAVO signs that it holds no result, and the others abort on it");
        } else {
            // in round 3 too when the abort overtook CHARLIE's round 3: it signed that it holds no result
            assertEquals(KeyStatus.FAILED, run.record().status());
            assertTrue(
                    run.record().failureReason().contains("BRAVO"), run.record().failureReason());
            assertEquals(
                    List.of("ABORTED", "UNKNOWN", "ABORTED"),
                    bench.states(run.record().keyId()),
                    "the others aborted; the killed server lost its in-memory session and never stored a share");
        }

        FaultBench.Run retry = bench.keygen(TIMEOUT, p -> {});
        assertNotNull(retry.key(), () -> "retry: " + retry.failure());
        assertEquals(KeyStatus.READY, retry.record().status());
        assertEquals(
                List.of("READY", "READY", "READY"), bench.states(retry.key().keyId()));
    }

    @Test
    void aServerKilledAtCommitGetsTheCommitOnTheNextStart() throws Exception {
        FaultBench.Run run = bench.keygen(TIMEOUT, FaultBench.onSent(4, "BRAVO", () -> bench.nodes.kill("BRAVO")));
        assertNotNull(run.key(), () -> "every server answered round 3, so the key is made: " + run.failure());
        assertEquals(KeyStatus.READY, run.record().status());
        assertEquals(List.of("BRAVO"), run.key().commitPending());
        bench.nodes.start("BRAVO");
        assertEquals(
                List.of("READY", "PENDING", "READY"),
                bench.states(run.key().keyId()),
                "BRAVO kept its share PENDING across the kill");
        try (Vault vault = bench.openVault();
                Workspace ws = Workspace.open(bench.home, vault, TIMEOUT)) {
            List<ResolvedKey> resolved = ws.resolvePending();
            assertEquals(
                    List.of(run.key().keyId()),
                    resolved.stream().map(ResolvedKey::keyId).toList(),
                    "only the key whose commit BRAVO missed is touched: " + resolved);
            assertEquals(ResolvedKey.Change.COMMIT_RESENT, resolved.get(0).change(), resolved.toString());
            assertEquals(KeyStatus.READY, resolved.get(0).status());
        }
        assertEquals(List.of("READY", "READY", "READY"), bench.states(run.key().keyId()), "the commit was re-sent");
        assertNotEquals(null, bench.keygen(TIMEOUT, p -> {}).key(), "and the next key generation works");
    }
}
