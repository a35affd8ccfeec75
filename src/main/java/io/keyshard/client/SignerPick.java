package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.KeygenProgress.Stage;
import io.keyshard.dkg.Participant;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.IdentityAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The signers of one signing: the servers asked for, or the first t of the key's servers (in the key's
 * order) whose identity answers over the pinned connection. Fewer than t reachable fails with exit code 4
 * naming the ones that did not answer.
 */
final class SignerPick {
    private final KeyRecord key;
    private final List<String> requested;
    private final Map<String, NodeConnection> servers;
    private final Operation<?> op;
    private final Duration timeout;

    /** The signers in the key's order, every configured key server's id, and each signer's identity signing key. */
    record Picked(List<NodeConnection> signers, Map<String, Integer> ids, Map<Integer, byte[]> identities) {}

    SignerPick(
            KeyRecord key,
            List<String> requested,
            Map<String, NodeConnection> servers,
            Operation<?> op,
            Duration timeout) {
        this.key = key;
        this.requested = requested;
        this.servers = servers;
        this.op = op;
        this.timeout = timeout.compareTo(ServerHealth.TIMEOUT) < 0 ? timeout : ServerHealth.TIMEOUT;
    }

    Picked pick() {
        List<String> asked = requested == null ? key.servers() : checkedRequest();
        Map<String, CompletableFuture<IdentityAnswer>> sent = new LinkedHashMap<>();
        for (String name : asked) {
            NodeConnection c = servers.get(name);
            if (c != null) {
                op.emit(KeygenProgress.of(Stage.SENT, Phase.IDENTITY, name, "identity requested"));
                sent.put(name, c.cachedIdentity(timeout));
            }
        }
        int wanted = requested == null ? key.threshold() : asked.size();
        List<NodeConnection> chosen = new ArrayList<>();
        Map<Integer, byte[]> identities = new LinkedHashMap<>();
        List<String> down = new ArrayList<>();
        List<String> downNames = new ArrayList<>();
        for (String name : asked) {
            NodeConnection c = servers.get(name);
            if (c == null) {
                down.add(name + " (no longer in servers.json)");
                downNames.add(name);
                continue;
            }
            try {
                Participant p = KeygenRun.participant(c, sent.get(name).join());
                op.emit(KeygenProgress.of(Stage.DONE, Phase.IDENTITY, name, "identity answered"));
                if (chosen.size() < wanted) {
                    chosen.add(c);
                    identities.put(p.id(), p.signingKey());
                }
            } catch (RuntimeException e) {
                String reason = NodeConnection.unwrap(e).getMessage();
                op.emit(KeygenProgress.of(Stage.FAILED, Phase.IDENTITY, name, reason));
                c.forgetIdentity();
                down.add(name + " (" + reason + ")");
                downNames.add(name);
            }
        }
        boolean enough = requested == null ? chosen.size() >= key.threshold() : down.isEmpty();
        if (!enough) {
            throw new KeygenException(
                    downNames.isEmpty() ? null : downNames.get(0),
                    "signing needs " + key.threshold() + " of the key's servers; not reachable: "
                            + String.join("; ", down),
                    ExitCoded.SERVER,
                    null);
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        servers.forEach((name, c) -> ids.put(name, c.info().id()));
        return new Picked(List.copyOf(chosen), ids, identities);
    }

    /** The servers asked for: distinct holders of the key, at least t of them. */
    private List<String> checkedRequest() {
        Set<String> seen = new HashSet<>();
        for (String name : requested) {
            if (!key.servers().contains(name)) {
                throw new IllegalArgumentException(
                        "server " + name + " holds no share of this key (its servers: " + key.servers() + ")");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("server " + name + " is named twice");
            }
        }
        if (requested.size() < key.threshold()) {
            throw new IllegalArgumentException(
                    "the key needs " + key.threshold() + " signers; --servers names " + requested.size());
        }
        return requested;
    }
}
