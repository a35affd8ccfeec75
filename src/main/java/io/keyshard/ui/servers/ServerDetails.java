package io.keyshard.ui.servers;

import io.keyshard.client.LocalServerLog;
import io.keyshard.client.ServerStatus;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Servers screen says of the server picked in its table: its state in words (the whole problem
 * when it does not answer), its address and pinned certificate, the ready keys that hold a share on it and
 * whether each still signs without it, and for a local server its folder and the last lines of its log.
 *
 * @param log null for a remote server
 */
public record ServerDetails(
        String name, String where, String state, String url, String certSha256, List<KeyUse> keys, LocalServerLog log) {

    /** A ready key with a share on this server, and whether its other servers are enough to sign. */
    public record KeyUse(String key, String line, boolean signsWithout) {}

    /** How many keys the pane lists one by one; the rest are counted. */
    static final int KEYS_LISTED = 12;

    /** How many keys that need this server the summary names; the rest are counted. */
    static final int NEEDING_NAMED = 5;

    /** The details of {@code status}, with the vault's {@code keys} and the local server's {@code log} (or null). */
    public static ServerDetails of(ServerStatus status, List<KeyRecord> keys, LocalServerLog log) {
        List<KeyUse> uses = keys.stream()
                .filter(k -> k.status() == KeyStatus.READY && k.servers().contains(status.name()))
                .map(ServerDetails::use)
                .toList();
        return new ServerDetails(
                status.name(),
                status.local() ? "This computer (the local cluster)" : "Remote",
                state(status),
                status.url(),
                status.certSha256(),
                uses,
                log);
    }

    /** The server's state as a sentence: what a person reads to decide what to do next. */
    static String state(ServerStatus s) {
        if (s.ok()) {
            return "Answering over its pinned TLS connection, in " + s.latencyMs() + " ms.";
        }
        if (s.notStarted()) {
            return "Not created yet: the local cluster makes it with the first key.";
        }
        if (s.stopped()) {
            return "Stopped: nothing listens at its address. Start above starts it, and so does making a key or "
                    + "signing with one.";
        }
        return "Not answering: " + s.error();
    }

    /** One sentence over the key list: how many keys hold a share here and which cannot sign without it. */
    public String keysSummary() {
        if (keys.isEmpty()) {
            return "No ready key in this vault holds a share on " + name + ".";
        }
        List<String> needing =
                keys.stream().filter(k -> !k.signsWithout()).map(KeyUse::key).toList();
        if (needing.isEmpty()) {
            return keys.size() == 1
                    ? "1 ready key holds a share on " + name + " and can sign without it, with its other servers."
                    : keys.size() + " ready keys hold a share on " + name + "; each can sign without it, with its "
                            + "other servers.";
        }
        String named = needing.size() <= NEEDING_NAMED
                ? String.join(", ", needing)
                : String.join(", ", needing.subList(0, NEEDING_NAMED)) + " and " + (needing.size() - NEEDING_NAMED)
                        + " more";
        return (keys.size() == 1 ? "1 ready key holds" : keys.size() + " ready keys hold") + " a share on " + name
                + "; " + named + (needing.size() == 1 ? " needs" : " need") + " it to sign.";
    }

    /** The keys listed one by one: those that need this server first, at most {@link #KEYS_LISTED}. */
    public List<KeyUse> listedKeys() {
        List<KeyUse> first =
                new ArrayList<>(keys.stream().filter(k -> !k.signsWithout()).toList());
        first.addAll(keys.stream().filter(KeyUse::signsWithout).toList());
        return List.copyOf(first.subList(0, Math.min(KEYS_LISTED, first.size())));
    }

    /** How many keys are not listed one by one. */
    public int keysNotListed() {
        return Math.max(0, keys.size() - KEYS_LISTED);
    }

    private static KeyUse use(KeyRecord k) {
        int others = k.servers().size() - 1;
        boolean without = others >= k.threshold();
        // a key without a label is named by its curve already
        String line = (k.label().isEmpty() ? "" : k.curve().apiName() + " · ")
                + k.threshold() + " of " + k.servers().size() + " · "
                + (without
                        ? "can sign without it: its other " + others + " servers are enough"
                        : "needs it to sign: all " + k.servers().size() + " must sign together");
        return new KeyUse(k.nameInText(), line, without);
    }
}
