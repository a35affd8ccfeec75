package io.keyshard.client;

import io.keyshard.dkg.AbortStatement;
import io.keyshard.dkg.ResultConflict;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Session;
import io.keyshard.wire.AbortAnswer;
import io.keyshard.wire.AbortRequest;
import io.keyshard.wire.AbortResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Aborts a key generation on every server (docs/protocol.md, Commit and abort). A server without its round-3 result
 * aborts on the empty request and answers its signed statement; a server holding its result refuses that (409), so
 * it is asked again with a proof that the key can never be committed: a statement from one that had no result, or
 * else signed results that differ. Without either it keeps its share PENDING: the key may be complete.
 */
final class KeygenAbort {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private KeygenAbort() {}

    /**
     * What an abort left: the servers still holding a share, and those that gave no answer (unreachable, or the key
     * unknown to them under this client's API key).
     */
    record Outcome(List<String> kept, List<String> silent) {}

    /**
     * Aborts {@code keyId} on {@code servers}; {@code known} are the signed round-3 results the caller holds (any
     * number, of {@code session}; none when {@code session} is null), used as proof when no server signs a statement.
     */
    static Outcome everywhere(UUID keyId, List<NodeConnection> servers, Session session, List<Round3Message> known) {
        List<CompletableFuture<AbortAnswer>> sent = new ArrayList<>();
        for (NodeConnection c : servers) {
            sent.add(c.abort(keyId, null, TIMEOUT));
        }
        AbortStatement statement = null;
        List<NodeConnection> holding = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                AbortAnswer a = sent.get(i).join();
                if (statement == null && a.statement() != null) {
                    statement = a.statement();
                }
            } catch (RuntimeException e) {
                if (NodeConnection.unwrap(e) instanceof ServerException se && se.status() == 409) {
                    holding.add(servers.get(i)); // it holds its result (or the key is READY there)
                } else {
                    silent.add(servers.get(i).name()); // unreachable or unknown there: nothing more to send
                }
            }
        }
        if (holding.isEmpty()) {
            return new Outcome(List.of(), silent);
        }
        if (statement != null) {
            return new Outcome(withProof(keyId, holding, new AbortRequest(statement)), silent);
        }
        List<Round3Message> evidence = session == null ? List.of() : ResultConflict.evidence(session, known);
        if (!evidence.isEmpty()) {
            return new Outcome(withProof(keyId, holding, new AbortResults(evidence)), silent);
        }
        return new Outcome(holding.stream().map(NodeConnection::name).toList(), silent);
    }

    /** Sends {@code proof} to {@code holding}; returns the names of those that still hold a share. */
    static List<String> withProof(UUID keyId, List<NodeConnection> holding, Object proof) {
        List<CompletableFuture<AbortAnswer>> again = new ArrayList<>();
        for (NodeConnection c : holding) {
            again.add(c.abort(keyId, proof, TIMEOUT));
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < again.size(); i++) {
            try {
                again.get(i).join();
            } catch (RuntimeException e) {
                kept.add(holding.get(i).name());
            }
        }
        return kept;
    }
}
