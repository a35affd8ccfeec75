package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.dkg.AgreedKey;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.Round3Message;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.KeyStatusAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Resolves what a crash left (docs/protocol.md, Commit and abort): a PENDING record is finished when
 * every server holds the same verified result, else aborted everywhere and marked FAILED (but a server
 * that answers 404 aborts nothing while another still has the key: see {@link #unknownSomewhere}); a READY
 * key that a server still reports PENDING gets its commit again. A record whose servers cannot be
 * reached stays as it is until the next try.
 */
final class PendingResolver {
    private final Vault vault;
    private final Function<List<String>, List<NodeConnection>> connect;
    private final Duration timeout;
    private final CommitLedger ledger;
    private final Set<UUID> running;

    /** @param running keys whose generation is still going in this process: their PENDING record is no leftover */
    PendingResolver(
            Vault vault,
            Function<List<String>, List<NodeConnection>> connect,
            Duration timeout,
            CommitLedger ledger,
            Set<UUID> running) {
        this.vault = vault;
        this.connect = connect;
        this.timeout = timeout;
        this.ledger = ledger;
        this.running = running;
    }

    List<ResolvedKey> resolveAll() {
        List<ResolvedKey> out = new ArrayList<>();
        // A server that failed once is not asked again in this pass: a hung one would otherwise cost a full
        // timeout per key (ServerHangIT); its records stay as they are until the next start.
        Map<String, String> failedServers = new HashMap<>();
        for (KeyRecord listed : vault.list()) {
            KeyRecord r = listed.status() == KeyStatus.PENDING ? current(listed) : listed;
            if (r == null) {
                continue; // gone since the list was read
            }
            if (r.status() == KeyStatus.FAILED || r.status() == KeyStatus.READY && ledger.confirmed(r.keyId())) {
                continue; // nothing to settle: failed, or every server confirmed its commit
            }
            if (r.status() == KeyStatus.PENDING && running.contains(r.keyId())) {
                continue; // a generation in progress here (the app settles while the user may already make a key)
            }
            String skip = r.servers().stream()
                    .filter(failedServers::containsKey)
                    .findFirst()
                    .orElse(null);
            if (skip != null) {
                out.add(new ResolvedKey(
                        r.keyId(),
                        r.status(),
                        ResolvedKey.Change.UNCHANGED,
                        "left for the next start: server " + skip + " failed earlier in this check ("
                                + failedServers.get(skip) + ")"));
                continue;
            }
            try {
                if (r.status() == KeyStatus.PENDING) {
                    out.add(resolvePending(r));
                } else {
                    recommit(r).ifPresent(out::add);
                }
            } catch (KeygenException e) {
                if (e.server() != null && e.exitCode() == ExitCoded.SERVER) {
                    failedServers.put(e.server(), e.getMessage());
                }
                out.add(new ResolvedKey(r.keyId(), r.status(), ResolvedKey.Change.UNCHANGED, e.getMessage()));
            } catch (IllegalArgumentException e) {
                // A record naming a server that was since removed must not stop the others from being
                // settled: this record keeps its status and is tried again next time.
                out.add(new ResolvedKey(r.keyId(), r.status(), ResolvedKey.Change.UNCHANGED, e.getMessage()));
            }
        }
        return out;
    }

    private ResolvedKey resolvePending(KeyRecord r) {
        List<NodeConnection> servers = connect.apply(r.servers());
        List<KeyStatusAnswer> statuses = ServerStatuses.fetch(r.keyId(), servers, timeout);
        Optional<ResolvedKey> unknown = unknownSomewhere(r, servers, statuses);
        String unfinished = unknown.isPresent() ? unknownNames(servers, statuses) + " does not know this key" : null;
        for (int i = 0; unknown.isEmpty() && i < servers.size(); i++) {
            KeyStatusAnswer st = statuses.get(i);
            if (st == null || !st.status().holdsShare()) {
                unfinished = "server " + servers.get(i).name() + " reports "
                        + (st == null ? "unknown" : st.status().name().toLowerCase(Locale.ROOT));
                break;
            }
        }
        if (unfinished == null) {
            try {
                AgreedKey agreed = ServerStatuses.agreed(r, servers, statuses);
                KeygenRun.markReady(vault, r.keyId(), agreed);
                List<String> missing = KeygenRun.commitEverywhere(
                        new Operation<>(),
                        r.keyId(),
                        servers,
                        ServerStatuses.commitProof(statuses).orElseThrow(),
                        timeout);
                if (missing.isEmpty()) {
                    ledger.confirm(r.keyId());
                }
                return new ResolvedKey(
                        r.keyId(),
                        KeyStatus.READY,
                        ResolvedKey.Change.FINISHED,
                        missing.isEmpty()
                                ? "finished after a restart"
                                : "finished after a restart; commit still pending on " + missing);
            } catch (ProtocolException e) {
                unfinished = e.getMessage();
            } catch (KeygenException e) {
                unfinished = e.getMessage();
            }
        }
        if (inFlightOrSettled(r.keyId())) {
            // A generation of this key started or finished while the servers were asked: what they said
            // may be stale, and aborting now could destroy shares the vault has just marked READY.
            return new ResolvedKey(
                    r.keyId(),
                    KeyStatus.PENDING,
                    ResolvedKey.Change.UNCHANGED,
                    "left alone: a key generation of this key is running or has just finished");
        }
        // Servers without a round-3 result abort and sign so; those holding one abort only on such a statement or
        // on signed results that differ (node-side), so a server that answers 404 under a replaced API key never
        // costs the others their shares, and a complete key is never dropped.
        List<Round3Message> stored = new ArrayList<>();
        KeygenAbort.Outcome out =
                KeygenAbort.everywhere(r.keyId(), servers, ServerStatuses.storedSession(statuses, stored), stored);
        List<String> kept = out.kept();
        if (!kept.isEmpty()) {
            List<String> waitFor = out.silent().isEmpty() ? kept : out.silent();
            return unknown.orElse(new ResolvedKey(
                    r.keyId(),
                    KeyStatus.PENDING,
                    ResolvedKey.Change.UNCHANGED,
                    "left PENDING, waiting for " + String.join(", ", waitFor) + ": " + String.join(", ", kept)
                            + " hold their round-3 result, and no server proved that the key can never be "
                            + "committed (" + unfinished + ")"));
        }
        String reason = "interrupted and not finished on every server (" + unfinished + "); aborted";
        vault.markFailed(r.keyId(), reason);
        return new ResolvedKey(r.keyId(), KeyStatus.FAILED, ResolvedKey.Change.ABORTED, reason);
    }

    /** The record as stored now: the list may predate a generation that finished meanwhile. */
    private KeyRecord current(KeyRecord listed) {
        return vault.get(listed.keyId()).orElse(null);
    }

    /** True when a generation of this key runs over this vault now, or the record is no longer PENDING. */
    private boolean inFlightOrSettled(UUID keyId) {
        return running.contains(keyId)
                || vault.get(keyId).map(k -> k.status() != KeyStatus.PENDING).orElse(true);
    }

    /**
     * A server that answers 404 does not know the key under this vault's API key: its data may be wiped or
     * restored, or the key the vault holds for it may belong to another client (a rotated or re-added
     * credential). That alone is no reason to abort the shares other servers hold: unless every other server
     * reports the key absent or ended too, the record stays PENDING with this note, and only shares that a
     * server's signed no-result statement lets go are aborted.
     */
    private static Optional<ResolvedKey> unknownSomewhere(
            KeyRecord r, List<NodeConnection> servers, List<KeyStatusAnswer> statuses) {
        List<String> unknown = new ArrayList<>();
        List<String> holding = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            KeyStatusAnswer st = statuses.get(i);
            if (st == null) {
                unknown.add(servers.get(i).name());
            } else if (st.status() != KeyState.ABORTED && st.status() != KeyState.EXPIRED) {
                holding.add(servers.get(i).name());
            }
        }
        if (unknown.isEmpty() || holding.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedKey(
                r.keyId(),
                KeyStatus.PENDING,
                ResolvedKey.Change.UNCHANGED,
                "left PENDING, nothing aborted: " + String.join(", ", unknown) + " does not know this key (its data "
                        + "was wiped or restored, or the API key the vault holds for it is another client's) while "
                        + String.join(", ", holding) + " still " + (holding.size() == 1 ? "has" : "have")
                        + " it; if the server's API key was replaced, add its new entry with "
                        + "'keyshard servers add --entry FILE' and the key is settled on the next start"));
    }

    private static String unknownNames(List<NodeConnection> servers, List<KeyStatusAnswer> statuses) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (statuses.get(i) == null) {
                names.add(servers.get(i).name());
            }
        }
        return "server " + String.join(", ", names);
    }

    /**
     * Re-sends commit where a server still holds the share PENDING; the key counts as confirmed once all
     * are READY. Says what it re-sent, or nothing when no server needed it.
     */
    private Optional<ResolvedKey> recommit(KeyRecord r) {
        List<NodeConnection> servers = connect.apply(r.servers());
        List<KeyStatusAnswer> statuses = ServerStatuses.fetch(r.keyId(), servers, timeout);
        List<NodeConnection> pending = new ArrayList<>();
        int ready = 0;
        for (int i = 0; i < servers.size(); i++) {
            KeyState status = statuses.get(i) == null ? null : statuses.get(i).status();
            if (status == KeyState.PENDING) {
                pending.add(servers.get(i));
            } else if (status == KeyState.READY) {
                ready++;
            }
        }
        Optional<CommitRequest> proof = ServerStatuses.commitProof(statuses);
        if (!pending.isEmpty() && proof.isEmpty()) {
            return Optional.of(new ResolvedKey(
                    r.keyId(),
                    KeyStatus.READY,
                    ResolvedKey.Change.UNCHANGED,
                    "commit still pending on "
                            + pending.stream().map(NodeConnection::name).toList()
                            + ": it needs every server's signed result, and not every server holds the key"));
        }
        List<String> missing = pending.isEmpty()
                ? List.of()
                : KeygenRun.commitEverywhere(new Operation<>(), r.keyId(), pending, proof.get(), timeout);
        if (missing.isEmpty() && ready + pending.size() == servers.size()) {
            ledger.confirm(r.keyId());
        }
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        ResolvedKey.Change change =
                missing.size() == pending.size() ? ResolvedKey.Change.UNCHANGED : ResolvedKey.Change.COMMIT_RESENT;
        List<String> sent = pending.stream()
                .map(NodeConnection::name)
                .filter(n -> !missing.contains(n))
                .toList();
        return Optional.of(new ResolvedKey(
                r.keyId(),
                KeyStatus.READY,
                change,
                (sent.isEmpty() ? "" : "commit re-sent to " + sent)
                        + (missing.isEmpty()
                                ? ""
                                : (sent.isEmpty() ? "" : "; ") + "commit still pending on " + missing)));
    }
}
