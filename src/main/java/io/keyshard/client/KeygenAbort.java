package io.keyshard.client;

import io.keyshard.dkg.AbortStatement;
import io.keyshard.wire.AbortAnswer;
import io.keyshard.wire.AbortRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Aborts a key generation on every server (docs/protocol.md, Commit and abort). A server without its round-3 result
 * aborts on the empty request and answers its signed statement; a server holding its result refuses that (409), so
 * it is asked again with a statement from one that had none. Best effort: a server that misses both keeps a PENDING
 * share that never becomes READY.
 */
final class KeygenAbort {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private KeygenAbort() {}

    /** Aborts {@code keyId} on {@code servers}; returns the names of those that still hold a share afterwards. */
    static List<String> everywhere(UUID keyId, List<NodeConnection> servers) {
        List<CompletableFuture<AbortAnswer>> sent = new ArrayList<>();
        for (NodeConnection c : servers) {
            sent.add(c.abort(keyId, null, TIMEOUT));
        }
        AbortStatement statement = null;
        List<NodeConnection> holding = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                AbortAnswer a = sent.get(i).join();
                if (statement == null && a.statement() != null) {
                    statement = a.statement();
                }
            } catch (RuntimeException e) {
                if (NodeConnection.unwrap(e) instanceof ServerException se && se.status() == 409) {
                    holding.add(servers.get(i)); // it holds its result (or the key is READY there)
                }
                // anything else: unreachable or unknown there, nothing more to send
            }
        }
        if (holding.isEmpty() || statement == null) {
            return holding.stream().map(NodeConnection::name).toList();
        }
        AbortRequest proof = new AbortRequest(statement);
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
