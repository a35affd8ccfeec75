package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.dkg.AgreedKey;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.KeygenCoordinator;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.ProtocolCheck;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.dkg.SignedMessage;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.wire.IdentityAnswer;
import io.keyshard.wire.StateAnswer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * One key generation as the coordinator runs it (docs/architecture.md, Keygen flow): identities, rounds 1-3 in
 * parallel with the relay checks (the vault record PENDING is written during rounds 1-2 and is
 * durable before round 3, the first time a server stores anything), READY in the vault once the
 * results agree, then commit. A failure or cancel before every server stored its round-3 result aborts on
 * every server and marks the record FAILED with the reason, naming the server; after that, {@link FailedRun}
 * decides, and never drops a share of a key that could be complete.
 */
final class KeygenRun {
    private static final Executor VAULT_WRITER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keyshard-vault-record");
        t.setDaemon(true);
        return t;
    });
    private final UUID keyId;
    private final Vault vault;
    private final KeygenRequest request;
    private final List<NodeConnection> servers;
    private final Operation<GeneratedKey> op;
    private final Duration roundTimeout;
    private final SecureRandom random;
    private final CommitLedger ledger;
    private Phase reached = Phase.IDENTITY;

    KeygenRun(
            UUID keyId,
            Vault vault,
            KeygenRequest request,
            List<NodeConnection> servers,
            Operation<GeneratedKey> op,
            Duration roundTimeout,
            SecureRandom random,
            CommitLedger ledger) {
        this.keyId = keyId;
        this.vault = vault;
        this.request = request;
        this.servers = servers;
        this.op = op;
        this.roundTimeout = roundTimeout;
        this.random = random;
        this.ledger = ledger;
    }

    GeneratedKey run() {
        SessionSetup setup;
        KeygenCoordinator coordinator;
        try {
            setup = setup(keyId);
            coordinator = new KeygenCoordinator(setup);
        } catch (RuntimeException e) {
            servers.forEach(NodeConnection::forgetIdentity);
            throw e;
        }
        // The record is written while rounds 1 and 2 run (they leave nothing durable on a server) and is
        // durable before round 3, when the servers first store a share: the keyId is never held by a
        // server without being in the vault, and the vault's fsync is off the critical path.
        CompletableFuture<Void> pending = CompletableFuture.runAsync(
                () -> vault.createPending(KeyRecord.pending(
                        keyId,
                        request.label(),
                        request.curve(),
                        request.threshold(),
                        request.servers(),
                        Instant.now())),
                VAULT_WRITER);
        AgreedKey agreed;
        List<Round3Message> r3 = null;
        try {
            reached = Phase.ROUND1;
            List<Round1Message> r1 = ParallelRound.run(
                    op,
                    Phase.ROUND1,
                    servers,
                    c -> c.keygen(keyId, "round1", setup, Round1Message.class, roundTimeout));
            Round2Request req2 = checked(
                    Phase.ROUND1,
                    () -> coordinator.round2Request(
                            ownAnswers(r1, coordinator.session().sessionId())));
            reached = Phase.ROUND2;
            List<Round2Message> r2 = ParallelRound.run(
                    op, Phase.ROUND2, servers, c -> c.keygen(keyId, "round2", req2, Round2Message.class, roundTimeout));
            Round3Request req3 = checked(
                    Phase.ROUND2,
                    () -> coordinator.round3Request(
                            ownAnswers(r2, coordinator.session().sessionId())));
            recordWritten(pending);
            reached = Phase.ROUND3;
            r3 = ParallelRound.run(
                    op, Phase.ROUND3, servers, c -> c.keygen(keyId, "round3", req3, Round3Message.class, roundTimeout));
            if (op.isCancelled()) {
                throw new KeygenException(null, "key generation cancelled after round 3", ExitCoded.OTHER, null);
            }
            List<Round3Message> results = r3;
            agreed = checked(
                    Phase.ROUND3,
                    () -> coordinator.finish(
                            ownAnswers(results, coordinator.session().sessionId())));
        } catch (KeygenException e) {
            // A server whose identity keys changed fails here: the next run fetches every identity again.
            servers.forEach(NodeConnection::forgetIdentity);
            if (!settled(pending)) {
                KeygenAbort.everywhere(keyId, servers, null, List.of()); // no record, so no server stored anything
                throw e;
            }
            FailedRun.Kept kept =
                    new FailedRun(keyId, vault, servers, op, roundTimeout).end(e, reached, coordinator, r3);
            if (kept.confirmed()) {
                ledger.confirm(keyId);
            }
            return kept.key();
        } catch (RuntimeException e) {
            // the vault could not write the record (named in e), or a defect: no server stored anything yet
            KeygenAbort.everywhere(keyId, servers, null, List.of());
            if (settled(pending)) {
                vault.markFailed(
                        keyId, "key generation stopped: " + e.getClass().getSimpleName());
            }
            throw e;
        }
        KeyRecord ready = markReady(vault, keyId, agreed);
        op.emit(KeygenProgress.record(Phase.ROUND3, null, KeyStatus.READY, "vault record READY"));
        List<String> missing = commitEverywhere(op, keyId, servers, new CommitRequest(r3), roundTimeout);
        if (missing.isEmpty()) {
            ledger.confirm(keyId);
        }
        return new GeneratedKey(ready, missing);
    }

    /** Waits for the PENDING record; a vault that could not write it ends the run with its own message. */
    private void recordWritten(CompletableFuture<Void> pending) {
        try {
            pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        op.emit(KeygenProgress.record(Phase.ROUND2, null, KeyStatus.PENDING, "vault record written PENDING"));
    }

    /** Waits for the PENDING record's write to end; true if the record is in the vault. */
    private static boolean settled(CompletableFuture<Void> pending) {
        try {
            pending.join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every server's identity (fetched once per pinned connection) and the session setup built from them. */
    private SessionSetup setup(UUID keyId) {
        List<IdentityAnswer> identities =
                ParallelRound.run(op, Phase.IDENTITY, servers, c -> c.cachedIdentity(roundTimeout));
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            NodeConnection c = servers.get(i);
            participants.add(participant(c, identities.get(i)));
        }
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        return new SessionSetup(keyId.toString(), nonce, request.curve().apiName(), request.threshold(), participants);
    }

    /** The participant a server's identity answer describes, after checking it is the server we meant. */
    static Participant participant(NodeConnection c, IdentityAnswer identity) {
        if (!c.name().equals(identity.name()) || identity.id() != c.info().id()) {
            throw new KeygenException(
                    c.name(),
                    "server " + c.name() + ": its identity names another server ('" + identity.name() + "', id "
                            + identity.id() + ")",
                    ExitCoded.SERVER,
                    null);
        }
        try {
            return identity.participant();
        } catch (IllegalArgumentException e) {
            throw new KeygenException(
                    c.name(),
                    "server " + c.name() + ": its identity is malformed (" + e.getMessage() + ")",
                    ExitCoded.SERVER,
                    null);
        }
    }

    /**
     * Answers come back in the order of the servers asked, so each must be that server's own message of
     * this key generation: one that claims another sender or key generation is the answering server's fault, and is
     * blamed on it before the relay checks would blame the coordinator for an inconsistent set.
     */
    private <M extends SignedMessage> List<M> ownAnswers(List<M> answers, byte[] sessionId) {
        for (int i = 0; i < answers.size(); i++) {
            NodeConnection server = servers.get(i);
            M m = answers.get(i);
            int id = server.info().id();
            if (m.sender() != id) {
                throw new ProtocolException(
                        ProtocolCheck.WRONG_SENDER, id, server.name(), "its answer names server id " + m.sender());
            }
            if (!Arrays.equals(m.sessionId(), sessionId)) {
                throw new ProtocolException(
                        ProtocolCheck.WRONG_SESSION, id, server.name(), "its answer carries another session's id");
            }
        }
        return answers;
    }

    private interface Check<T> {
        T run();
    }

    /** Runs a relay check; a failed check becomes a KeygenException naming the culprit. */
    private static <T> T checked(Phase phase, Check<T> check) {
        try {
            return check.run();
        } catch (ProtocolException e) {
            throw new KeygenException(
                    e.culpritName(),
                    "key generation failed after round " + phase.ordinal() + ": " + e.getMessage(),
                    ExitCoded.PROTOCOL,
                    e);
        }
    }

    static KeyRecord markReady(Vault vault, UUID keyId, AgreedKey agreed) {
        Map<String, String> shares = new LinkedHashMap<>();
        agreed.verificationShares().forEach((name, bytes) -> shares.put(name, Hex.encode(bytes)));
        return vault.markReady(keyId, Hex.encode(agreed.rootPublicKey()), Hex.encode(agreed.chainCode()), shares);
    }

    /**
     * Sends commit, with every server's signed result as its proof, to {@code servers}; returns those that did
     * not confirm (commit is re-sent on the next start).
     */
    static List<String> commitEverywhere(
            Operation<?> op, UUID keyId, List<NodeConnection> servers, CommitRequest proof, Duration timeout) {
        List<String> missing = new ArrayList<>();
        Map<String, CompletableFuture<StateAnswer>> sent = new LinkedHashMap<>();
        for (NodeConnection c : servers) {
            op.emit(KeygenProgress.of(KeygenProgress.Stage.SENT, Phase.COMMIT, c.name(), "commit sent"));
            sent.put(c.name(), c.keygen(keyId, "commit", proof, StateAnswer.class, timeout));
        }
        sent.forEach((name, f) -> {
            try {
                f.join();
                op.emit(KeygenProgress.of(KeygenProgress.Stage.DONE, Phase.COMMIT, name, "committed"));
            } catch (RuntimeException e) {
                missing.add(name);
                op.emit(KeygenProgress.of(
                        KeygenProgress.Stage.FAILED,
                        Phase.COMMIT,
                        name,
                        NodeConnection.unwrap(e).getMessage() + " (commit is re-sent on the next start)"));
            }
        });
        return missing;
    }
}
