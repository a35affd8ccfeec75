package io.keyshard.client;

import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.dkg.AgreedKey;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.KeygenCoordinator;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.ResultConflict;
import io.keyshard.dkg.Round3Message;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.wire.AbortResults;
import io.keyshard.wire.KeyStatusAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * How a key generation that failed or was cancelled ends (docs/protocol.md, Commit and abort). No share is
 * destroyed while the key could be complete: servers without a round-3 result abort, and those holding one abort
 * only on proof that the key can never be committed. Without such proof, when every server holds the same result
 * the key is complete and is kept (READY in the vault, committed everywhere, the user told why); when a server
 * cannot be asked, the record stays PENDING naming it, and the next start settles it.
 */
final class FailedRun {
    private final UUID keyId;
    private final Vault vault;
    private final List<NodeConnection> servers;
    private final Operation<?> op;
    private final Duration timeout;

    FailedRun(UUID keyId, Vault vault, List<NodeConnection> servers, Operation<?> op, Duration timeout) {
        this.keyId = keyId;
        this.vault = vault;
        this.servers = servers;
        this.op = op;
        this.timeout = timeout;
    }

    /**
     * Ends a run that failed with {@code e} after its PENDING record was written. {@code coordinator} is the run's
     * (null before round 3 was prepared), {@code known} the round-3 answers it holds (null when it holds none).
     * Returns the kept key when it was complete; otherwise throws {@code e}, saying when the record stays PENDING.
     */
    Kept end(KeygenException e, Phase reached, KeygenCoordinator coordinator, List<Round3Message> known) {
        boolean pastRoundTwo = coordinator != null && reached == Phase.ROUND3;
        KeygenAbort.Outcome out = KeygenAbort.everywhere(
                keyId, servers, pastRoundTwo ? coordinator.session() : null, known == null ? List.of() : known);
        List<String> kept = out.kept();
        if (kept.isEmpty()) {
            throw failed(e, reached);
        }
        if (!pastRoundTwo || kept.size() < servers.size()) {
            throw pending(e, reached, kept, out.silent().isEmpty() ? kept : out.silent());
        }
        // Every server holds its round-3 result and none proved that the key can never be committed.
        List<Round3Message> results = known != null ? known : new ArrayList<>();
        List<String> unasked = known != null ? List.of() : fetch(results);
        if (!unasked.isEmpty()) {
            throw pending(e, reached, kept, unasked);
        }
        List<Round3Message> evidence = ResultConflict.evidence(coordinator.session(), results);
        if (!evidence.isEmpty()) {
            List<String> still = KeygenAbort.withProof(keyId, servers, new AbortResults(evidence));
            if (still.isEmpty()) {
                throw failed(e, reached);
            }
            throw pending(e, reached, still, still);
        }
        AgreedKey agreed;
        try {
            agreed = coordinator.finish(results);
        } catch (ProtocolException bad) {
            // the results agree with each other but not with the relayed messages: nothing to prove an abort with
            throw pending(e, reached, kept, kept);
        }
        KeyRecord ready = KeygenRun.markReady(vault, keyId, agreed);
        op.emit(KeygenProgress.record(Phase.ROUND3, null, KeyStatus.READY, "vault record READY (kept)"));
        List<String> missing = KeygenRun.commitEverywhere(op, keyId, servers, new CommitRequest(results), timeout);
        return new Kept(new GeneratedKey(ready, missing, keptNote(e)), missing.isEmpty());
    }

    /** A key kept although its run failed; {@code confirmed} when every server confirmed the commit. */
    record Kept(GeneratedKey key, boolean confirmed) {}

    private String keptNote(KeygenException e) {
        String what = op.isCancelled()
                ? "The key generation was cancelled"
                : "The key generation failed (" + e.getMessage() + ")";
        return what + " after every server had already stored its part of the key: the key was complete on every "
                + "server, so it was kept and is READY. Archive or delete it if you do not want it.";
    }

    private KeygenException failed(KeygenException e, Phase reached) {
        vault.markFailed(keyId, e.getMessage());
        op.emit(KeygenProgress.record(reached, e.server(), KeyStatus.FAILED, "vault record marked FAILED"));
        return e;
    }

    private KeygenException pending(KeygenException e, Phase reached, List<String> holding, List<String> waitFor) {
        String note = "the key's record stays PENDING: " + String.join(", ", holding)
                + (holding.size() == 1 ? " holds its share" : " hold their shares")
                + " with a round-3 result, which are never dropped while the key could be complete; it waits for "
                + String.join(", ", waitFor) + " and is settled when "
                + (waitFor.size() == 1 ? "it answers" : "they answer")
                + " (on the next start, or with Resolve now)";
        op.emit(KeygenProgress.record(reached, e.server(), KeyStatus.PENDING, "vault record left PENDING"));
        return e.leftPending(note);
    }

    /** Adds every server's stored result to {@code results}, in server order; returns the servers that gave none. */
    private List<String> fetch(List<Round3Message> results) {
        List<CompletableFuture<KeyStatusAnswer>> sent = new ArrayList<>();
        for (NodeConnection c : servers) {
            sent.add(c.keyStatus(keyId, timeout));
        }
        List<String> unasked = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                Round3Message r = sent.get(i).join().result();
                if (r == null) {
                    unasked.add(servers.get(i).name());
                } else {
                    results.add(r);
                }
            } catch (RuntimeException err) {
                unasked.add(servers.get(i).name());
            }
        }
        return unasked;
    }
}
