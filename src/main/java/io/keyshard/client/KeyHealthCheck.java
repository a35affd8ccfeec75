package io.keyshard.client;

import io.keyshard.bytes.Hex;
import io.keyshard.client.KeyHealth.ServerShare;
import io.keyshard.client.KeyHealth.Share;
import io.keyshard.dkg.Round3Message;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.KeyStatusAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * One run of the share check behind {@link Workspace#keyHealth}: every server of the given READY keys
 * is connected once (local ones started, as a key generation would), asked whether it answers at all,
 * then asked about each of its keys, a few requests at a time, all servers in parallel. A server that
 * does not answer its first question is not asked about its other keys: each would cost a timeout.
 */
final class KeyHealthCheck {
    /** Requests in flight per server: enough to hide latency, few enough not to flood a small node. */
    private static final int PER_SERVER = 8;

    private final Function<List<String>, List<NodeConnection>> connect;
    private final Duration timeout;
    private final ExecutorService workers;

    KeyHealthCheck(Function<List<String>, List<NodeConnection>> connect, Duration timeout, ExecutorService workers) {
        this.connect = connect;
        this.timeout = timeout;
        this.workers = workers;
    }

    /** The health of each READY key of {@code keys}, in their order; other keys are left out. */
    List<KeyHealth> run(List<KeyRecord> keys) {
        List<KeyRecord> ready =
                keys.stream().filter(k -> k.status() == KeyStatus.READY).toList();
        Set<String> names = new LinkedHashSet<>();
        ready.forEach(k -> names.addAll(k.servers()));
        Map<String, CompletableFuture<Map<UUID, ServerShare>>> answers = new HashMap<>();
        for (String name : names) {
            List<KeyRecord> its =
                    ready.stream().filter(k -> k.servers().contains(name)).toList();
            answers.put(name, CompletableFuture.supplyAsync(() -> askServer(name, its), workers));
        }
        List<KeyHealth> out = new ArrayList<>();
        for (KeyRecord k : ready) {
            List<ServerShare> shares = new ArrayList<>();
            for (String name : k.servers()) {
                shares.add(answers.get(name).join().get(k.keyId()));
            }
            out.add(KeyHealth.of(k.keyId(), k.displayLabel(), k.threshold(), shares));
        }
        return out;
    }

    /** What one server says about each of {@code keys}; never throws. */
    private Map<UUID, ServerShare> askServer(String name, List<KeyRecord> keys) {
        Map<UUID, ServerShare> out = new HashMap<>();
        NodeConnection c;
        try {
            c = connect.apply(List.of(name)).get(0);
            c.health(timeout).join();
        } catch (RuntimeException e) {
            String why = reason(name, e);
            keys.forEach(k -> out.put(k.keyId(), new ServerShare(name, Share.UNKNOWN, why)));
            return out;
        }
        Semaphore slots = new Semaphore(PER_SERVER);
        Map<UUID, CompletableFuture<ServerShare>> sent = new HashMap<>();
        for (KeyRecord k : keys) {
            slots.acquireUninterruptibly();
            CompletableFuture<ServerShare> one = c.keyStatus(k.keyId(), timeout)
                    .handle((answer, err) -> err == null ? judge(name, k, answer) : failed(name, err));
            one.whenComplete((s, e) -> slots.release());
            sent.put(k.keyId(), one);
        }
        sent.forEach((id, f) -> out.put(id, f.join()));
        return out;
    }

    /**
     * A server that answered: it holds this key's share, or says it does not. A result whose root public key or
     * chain code is not the vault's is another key: with another chain code every derived key, and so every
     * address but the root's, would differ from what the app shows, and the server could not sign for them.
     */
    static ServerShare judge(String name, KeyRecord key, KeyStatusAnswer answer) {
        KeyState st = answer.status();
        if (!st.holdsShare()) {
            return new ServerShare(
                    name, Share.LOST, "reports the key " + st.name().toLowerCase(Locale.ROOT));
        }
        Round3Message result = answer.result();
        if (result != null
                && key.rootPublicKey() != null
                && !Hex.encode(result.rootPublicKey()).equalsIgnoreCase(key.rootPublicKey())) {
            return new ServerShare(name, Share.LOST, "holds a share of another key under this keyId");
        }
        if (result != null
                && key.chainCode() != null
                && result.chainCode() != null
                && !Hex.encode(result.chainCode()).equalsIgnoreCase(key.chainCode())) {
            return new ServerShare(
                    name,
                    Share.LOST,
                    "holds this key with another chain code than the vault's, so its derived keys are not the "
                            + "ones whose addresses the app shows");
        }
        return new ServerShare(
                name,
                Share.HELD,
                st == KeyState.PENDING ? "holds its share; its commit is still to be re-sent" : "holds its share");
    }

    /** A request that failed: 404 is the server saying it has no such key; anything else says nothing. */
    private static ServerShare failed(String name, Throwable err) {
        Throwable t = NodeConnection.unwrap(err);
        if (t instanceof ServerException se && se.status() == 404) {
            return new ServerShare(name, Share.LOST, "does not know this key (404)");
        }
        return new ServerShare(name, Share.UNKNOWN, reason(name, t));
    }

    private static String reason(String name, Throwable e) {
        Throwable t = NodeConnection.unwrap(e);
        String prefix = "server " + name + ": ";
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
