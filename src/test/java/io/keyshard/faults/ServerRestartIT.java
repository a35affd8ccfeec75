package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.vault.KeyStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server restarted in the middle of a key generation. Before round 3 its session lived only in
 * memory: the next round is refused with a reason that says the server lost the session, the
 * run fails naming it, and a retry succeeds. After round 3 its share is on disk: the restart
 * costs nothing and the commit completes.
 */
class ServerRestartIT extends SharedNodesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "BRAVO restarted ({1}) before round {0}")
    @CsvSource({"2,KILL", "3,TERM"})
    void aRestartBeforeRound3LosesTheSessionAndIsNamed(int round, String signal) throws Exception {
        FaultBench.Run run = bench.keygen(TIMEOUT, FaultBench.onSent(round, "BRAVO", () -> {
            if (signal.equals("KILL")) {
                bench.nodes.kill("BRAVO");
            } else {
                bench.nodes.stop("BRAVO");
            }
            bench.nodes.start("BRAVO");
        }));
        assertNotNull(run.failure(), "BRAVO forgot the session; the run cannot finish");
        String message = run.failure().getMessage();
        assertEquals("BRAVO", run.failure().server(), message);
        assertTrue(message.contains("in round " + round) && message.contains("restart"), message);
        assertEquals(ExitCoded.SERVER, run.failure().exitCode(), message);
        assertEquals(KeyStatus.FAILED, run.record().status());
        List<String> states = bench.states(run.record().keyId());
        assertEquals(
                List.of("ABORTED", "ABORTED", "ABORTED"),
                states,
                "the abort reached the restarted server too, so the keyId is never started there again");
        FaultBench.Run retry = bench.keygen(TIMEOUT, p -> {});
        assertNotNull(retry.key(), () -> "retry: " + retry.failure());
    }

    @Test
    void aRestartAfterRound3KeepsTheShareAndTheCommitCompletes() throws Exception {
        FaultBench.Run run = bench.keygen(TIMEOUT, FaultBench.onSent(4, "BRAVO", () -> {
            bench.nodes.kill("BRAVO");
            bench.nodes.start("BRAVO");
        }));
        assertNotNull(run.key(), () -> "failure: " + run.failure());
        assertEquals(List.of(), run.key().commitPending(), "the restarted server took the commit");
        assertEquals(List.of("READY", "READY", "READY"), bench.states(run.key().keyId()));
    }
}
