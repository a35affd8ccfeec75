package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.dkg.AgreedKey;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.KeygenCoordinator;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Session;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.IdentityAnswer;
import io.keyshard.wire.KeyStatusAnswer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What the servers report about a key in {@code GET /v1/keys/{keyId}} when a run ended without the client (a crash,
 * an interrupted run), and what those answers prove: a commit (every server's signed result, checked against the
 * vault record and the identities the servers publish) or an abort (signed results that differ).
 */
final class ServerStatuses {
    private ServerStatuses() {}

    /**
     * The session the servers stored (null when none holds a result), adding each stored signed result to
     * {@code results}: the proof an abort carries when two of them differ.
     */
    static Session storedSession(List<KeyStatusAnswer> statuses, List<Round3Message> results) {
        Session session = null;
        for (KeyStatusAnswer st : statuses) {
            if (st != null && st.result() != null && st.setup() != null) {
                results.add(st.result());
                try {
                    session = session == null ? Session.of(st.setup()) : session;
                } catch (IllegalArgumentException e) {
                    // a stored setup that breaks a rule proves nothing
                }
            }
        }
        return session;
    }

    /** Checks the servers' stored setups match the record and the identities they publish now, then agrees on the result. */
    static AgreedKey agreed(KeyRecord r, List<NodeConnection> servers, List<KeyStatusAnswer> statuses) {
        SessionSetup setup = null;
        List<Round3Message> results = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            NodeConnection c = servers.get(i);
            SessionSetup s = statuses.get(i).setup();
            Round3Message result = statuses.get(i).result();
            if (s == null || result == null) {
                throw new KeygenException(
                        c.name(), "server " + c.name() + ": its stored result is malformed", ExitCoded.PROTOCOL, null);
            }
            results.add(result);
            if (setup == null) {
                setup = s;
            } else if (!sameSetup(setup, s)) {
                throw new KeygenException(
                        c.name(),
                        "server " + c.name() + ": its session setup differs from the others'",
                        ExitCoded.PROTOCOL,
                        null);
            }
        }
        if (!r.keyId().toString().equals(setup.keyId())
                || !r.curve().apiName().equals(setup.curve())
                || r.threshold() != setup.threshold()
                || !setup.participants().stream()
                        .map(Participant::name)
                        .toList()
                        .equals(r.servers())) {
            throw new KeygenException(
                    null, "the servers' session does not match the vault record", ExitCoded.PROTOCOL, null);
        }
        List<IdentityAnswer> identities = ParallelRound.run(
                new Operation<>(), KeygenProgress.Phase.IDENTITY, servers, c -> c.identity(Duration.ofSeconds(10)));
        for (int i = 0; i < servers.size(); i++) {
            Participant now = KeygenRun.participant(servers.get(i), identities.get(i));
            Participant then = setup.participants().get(i);
            if (!Arrays.equals(now.signingKey(), then.signingKey())
                    || !Arrays.equals(now.encryptionKey(), then.encryptionKey())) {
                throw new KeygenException(
                        now.name(),
                        "server " + now.name() + ": the session lists identity keys it " + "does not publish",
                        ExitCoded.PROTOCOL,
                        null);
            }
        }
        return KeygenCoordinator.agree(new KeygenCoordinator(setup).session(), results);
    }

    private static boolean sameSetup(SessionSetup a, SessionSetup b) {
        try {
            return Arrays.equals(
                    StrictJson.mapper().writeValueAsBytes(a),
                    StrictJson.mapper().writeValueAsBytes(b));
        } catch (IOException e) {
            return false;
        }
    }

    /** The commit proof these answers make: every server's signed result, or empty when one has none. */
    static Optional<CommitRequest> commitProof(List<KeyStatusAnswer> statuses) {
        List<Round3Message> results = new ArrayList<>();
        for (KeyStatusAnswer st : statuses) {
            if (st == null || st.result() == null) {
                return Optional.empty();
            }
            results.add(st.result());
        }
        return Optional.of(new CommitRequest(results));
    }

    /** Each server's view of the key; null where it does not know the key (404). Unreachable: throws. */
    static List<KeyStatusAnswer> fetch(UUID keyId, List<NodeConnection> servers, Duration timeout) {
        List<CompletableFuture<KeyStatusAnswer>> sent = new ArrayList<>();
        for (NodeConnection c : servers) {
            sent.add(c.keyStatus(keyId, timeout).exceptionallyCompose(err -> {
                Throwable t = NodeConnection.unwrap(err);
                return t instanceof ServerException se && se.status() == 404
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.failedFuture(t);
            }));
        }
        List<KeyStatusAnswer> out = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                out.add(sent.get(i).join());
            } catch (RuntimeException e) {
                Throwable cause = NodeConnection.unwrap(e);
                String name = servers.get(i).name();
                throw cause instanceof ServerException se
                        ? new KeygenException(
                                name, "checking an earlier key generation: " + se.getMessage(), se.exitCode(), se)
                        : ParallelRound.failure(name, KeygenProgress.Phase.IDENTITY, cause);
            }
        }
        return out;
    }
}
