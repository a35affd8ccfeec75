package io.keyshard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * What every load run must show, whatever its size: nothing failed, nothing lost, no vault record
 * left PENDING, every abandoned session in memory or expired, and no node's live heap grown by more
 * than {@link #LIVE_HEAP_SLACK}; every signing verified, no R repeated, a client's live signings per
 * server stopped at the quota, and each node's nonce table left holding only the signings abandoned on
 * purpose (H2's page cache of 16 MB by default fills as keys are written; a
 * leak per key or per session grows without bound). Timings are never checked.
 */
final class LoadChecks {
    static final long LIVE_HEAP_SLACK = 32L * 1024 * 1024;

    private LoadChecks() {}

    static void assertHeld(LoadResults r) {
        ServerAudit.Findings a = r.audit();
        assertEquals(0, r.failed(), "failed keygens: " + r.failures());
        assertTrue(a.problems().isEmpty(), "lost or inconsistent keys: " + a.problems());
        assertEquals(r.sequential().acknowledged() + r.concurrent().acknowledged(), a.acknowledged());
        assertEquals(a.acknowledged(), a.readyOnEveryChosenServer(), "acknowledged keys not READY everywhere");
        assertEquals(a.acknowledged(), a.vaultReady(), "READY vault records other than the acknowledged keys");
        assertEquals(0, a.vaultPending(), "vault records left PENDING");
        assertEquals(0, a.vaultFailed(), "vault records FAILED");
        assertTrue(r.abandonedStarted() > 0, "the run abandoned no keygen, so session clean-up went unchecked");
        assertEquals(
                3L * r.abandonedStarted(),
                a.abandonedInProgress() + a.abandonedExpired(),
                "every abandoned session is in memory or expired on each of the 3 servers");
        ServerAudit.Findings later = r.afterExpiry();
        if (later != null) {
            assertTrue(later.problems().isEmpty(), "after the session timeout: " + later.problems());
            assertEquals(a.acknowledged(), later.readyOnEveryChosenServer(), "keys lost while idle");
            assertEquals(0, later.abandonedInProgress(), "abandoned sessions outlived their timeout");
            assertEquals(3L * r.abandonedStarted(), later.abandonedExpired());
        }
        SignLoad.Result sign = r.signing();
        assertEquals(0, sign.failed(), "failed signings: " + sign.failures());
        assertTrue(sign.signatures() > 0, "no signature was made");
        assertEquals(List.of(), sign.nonceRepeats(), "two signatures share their R");
        assertEquals(
                SignLoad.PER_CLIENT_NONCES, sign.quotaAccepted(), "a client's live signings per server are bounded");
        assertTrue(sign.quotaRefusedWith503() && sign.acceptedAfterAborts(), "the quota refuses with 503 and frees");
        for (Map<String, Integer> outcomes : sign.outcomes().values()) {
            int holding = outcomes.getOrDefault("COMMITTED", 0) + outcomes.getOrDefault("EXPIRED", 0);
            assertEquals(
                    sign.abandoned(), holding, "nonces held or expired beyond the abandoned signings: " + outcomes);
            assertEquals(0, outcomes.getOrDefault("REFUSED", 0), "refused round 2s under load: " + outcomes);
        }
        assertEquals(3, sign.outcomes().size(), "every node's signing audit was read");
        for (NodeMemoryProbe.NodeMemory m : r.memory()) {
            var c = m.checkpoints();
            assertTrue(c.size() >= 2, "too few memory checkpoints for " + m.name());
            long growth = c.get(c.size() - 1).liveHeapBytes() - c.get(0).liveHeapBytes();
            assertTrue(growth < LIVE_HEAP_SLACK, m.name() + " live heap grew by " + growth + " bytes over the run");
        }
    }
}
