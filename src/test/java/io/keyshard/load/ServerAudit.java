package io.keyshard.load;

import io.keyshard.bytes.Hex;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServerException;
import io.keyshard.dkg.Round3Message;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.KeyStatusAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * After the load: every key a client was told about is READY in its vault and READY, with the same
 * root public key, on every server it chose (and unknown to the others); no vault record is left
 * PENDING; every abandoned session is in memory only (IN_PROGRESS) or EXPIRED, and EXPIRED once its
 * idle timeout has passed.
 */
final class ServerAudit {
    /** What the audit found. {@code problems} names each lost or inconsistent key. */
    record Findings(
            int acknowledged,
            int readyOnEveryChosenServer,
            int vaultReady,
            int vaultPending,
            int vaultFailed,
            int abandonedInProgress,
            int abandonedExpired,
            List<String> problems) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int IN_FLIGHT = 16;
    /** How long past the TTL a sweep may come: the node sweeps every min(30 s, TTL/2). */
    static final Duration SWEEP_SLACK = Duration.ofSeconds(45);

    private ServerAudit() {}

    static Findings run(
            List<LoadClient> clients, AbandonedKeygens abandoned, LoadClient abandonedOwner, Duration sessionTtl)
            throws Exception {
        List<String> problems = new ArrayList<>();
        int acknowledged = 0;
        int ready = 0;
        int vaultReady = 0;
        int vaultPending = 0;
        int vaultFailed = 0;
        for (LoadClient c : clients) {
            Map<String, NodeConnection> conns = connections(c);
            List<LoadClient.Acknowledged> keys = List.copyOf(c.acknowledged);
            acknowledged += keys.size();
            for (int from = 0; from < keys.size(); from += IN_FLIGHT) {
                List<LoadClient.Acknowledged> batch = keys.subList(from, Math.min(keys.size(), from + IN_FLIGHT));
                Map<LoadClient.Acknowledged, Map<String, CompletableFuture<KeyStatusAnswer>>> asked =
                        new LinkedHashMap<>();
                for (LoadClient.Acknowledged k : batch) {
                    Map<String, CompletableFuture<KeyStatusAnswer>> perServer = new LinkedHashMap<>();
                    conns.forEach((name, conn) -> perServer.put(name, conn.keyStatus(k.keyId(), TIMEOUT)));
                    asked.put(k, perServer);
                }
                for (var e : asked.entrySet()) {
                    List<String> found = checkKey(c, e.getKey(), e.getValue());
                    if (found.isEmpty()) {
                        ready++;
                    }
                    problems.addAll(found);
                }
            }
            // the audit's own sockets go before the next client's: 8 clients' idle ones would reach the node's cap of
            // connections from one address (all clients here are 127.0.0.1), and it would turn the next ones away
            conns.values().forEach(NodeConnection::wipe);
            for (KeyRecord r : c.vault.list()) {
                switch (r.status()) {
                    case READY -> vaultReady++;
                    case PENDING -> vaultPending++;
                    case FAILED -> vaultFailed++;
                    default -> {}
                }
            }
            if (!c.vault.problems().isEmpty()) {
                problems.add("client " + c.index + ": the vault reports " + c.vault.problems());
            }
        }
        Map<String, NodeConnection> owner = connections(abandonedOwner);
        int[] sessions = abandonedSessions(abandoned, owner, sessionTtl, problems);
        owner.values().forEach(NodeConnection::wipe);
        return new Findings(
                acknowledged, ready, vaultReady, vaultPending, vaultFailed, sessions[0], sessions[1], problems);
    }

    private static Map<String, NodeConnection> connections(LoadClient c) throws Exception {
        Map<String, NodeConnection> out = new LinkedHashMap<>();
        for (String name : LocalCluster.NAMES) {
            out.put(name, c.connection(name));
        }
        return out;
    }

    /** The problems with one acknowledged key; none means it is READY everywhere it should be. */
    private static List<String> checkKey(
            LoadClient c, LoadClient.Acknowledged k, Map<String, CompletableFuture<KeyStatusAnswer>> answers) {
        List<String> found = new ArrayList<>();
        String who = "client " + c.index + " key " + k.keyId();
        Optional<KeyRecord> record = c.vault.get(k.keyId());
        if (record.isEmpty()
                || record.get().status() != KeyStatus.READY
                || !record.get().rootPublicKey().equals(k.rootPublicKey())) {
            found.add(who + ": acknowledged but not READY with its root key in the vault ("
                    + record.map(r -> r.status().name()).orElse("missing") + ")");
        }
        answers.forEach((server, answer) -> {
            try {
                KeyStatusAnswer status = answer.join();
                if (!k.servers().contains(server)) {
                    found.add(who + ": " + server + " was not chosen but knows the key");
                    return;
                }
                Round3Message result = status.result();
                if (status.status() != KeyState.READY
                        || result == null
                        || !Hex.encode(result.rootPublicKey()).equals(k.rootPublicKey())) {
                    found.add(who + ": " + server + " reports " + status.status() + " or another root key");
                }
            } catch (Exception e) {
                Throwable t = NodeConnection.unwrap(e);
                boolean unknown = t instanceof ServerException s && s.status() == 404;
                if (!(unknown && !k.servers().contains(server))) {
                    found.add(who + ": " + server + " -> " + t.getMessage());
                }
            }
        });
        return found;
    }

    /** Counts abandoned sessions still in memory and expired; flags any that stored a share or outlived its TTL. */
    private static int[] abandonedSessions(
            AbandonedKeygens abandoned, Map<String, NodeConnection> conns, Duration ttl, List<String> problems) {
        int inProgress = 0;
        int expired = 0;
        long now = System.nanoTime();
        for (AbandonedKeygens.Abandoned a : List.copyOf(abandoned.started)) {
            boolean overdue = now - a.lastTouchedNanos() > ttl.plus(SWEEP_SLACK).toNanos();
            for (var e : conns.entrySet()) {
                String status;
                try {
                    status = e.getValue()
                            .keyStatus(a.keyId(), TIMEOUT)
                            .join()
                            .status()
                            .name();
                } catch (RuntimeException ex) {
                    status = NodeConnection.unwrap(ex).getMessage();
                }
                if (status.equals("EXPIRED")) {
                    expired++;
                } else if (status.equals("IN_PROGRESS") && !overdue) {
                    inProgress++;
                } else {
                    problems.add("abandoned keygen " + a.keyId() + " (after round " + a.rounds() + ") is " + status
                            + " on " + e.getKey() + (overdue ? ", past its session timeout" : ""));
                }
            }
        }
        return new int[] {inProgress, expired};
    }
}
