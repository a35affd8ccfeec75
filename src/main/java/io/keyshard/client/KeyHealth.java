package io.keyshard.client;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Whether every server of one READY key still holds its share ({@code keyshard keys check}, the Keys
 * screen's Health column). A server that answers that it does not hold the share counts as a loss; a
 * server that does not answer (down, unreachable, refusing) counts as unknown, never as a loss.
 *
 * @param servers one entry per server of the key, in the key's order
 */
public record KeyHealth(UUID keyId, String label, int threshold, State state, List<ServerShare> servers) {
    /** The key as a whole. */
    public enum State {
        /** Every server answered that it holds its share. */
        HEALTHY,
        /** At least one server lost its share; the key can still be used (or may be, if unknown ones hold it). */
        DEGRADED,
        /** Fewer than {@code threshold} servers can hold a share, even counting the ones that did not answer. */
        UNUSABLE,
        /** No loss was seen, but at least one server did not answer. */
        UNKNOWN;

        /** The word the CLI and the JSON use: healthy, degraded, unusable, unknown. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One server's answer about its share. */
    public enum Share {
        /** It holds the share (READY, or PENDING with its commit still to come). */
        HELD,
        /** It answered that it has no share of this key (unknown to it, aborted, expired, another key). */
        LOST,
        /** It did not answer, or refused: nothing is known. */
        UNKNOWN;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One server's part in the key.
     *
     * @param detail what it answered or why it could not be asked (names no secret or keyId)
     */
    public record ServerShare(String name, Share share, String detail) {}

    public KeyHealth {
        servers = List.copyOf(servers);
    }

    /** The key's health from each server's answer. */
    static KeyHealth of(UUID keyId, String label, int threshold, List<ServerShare> servers) {
        int held = count(servers, Share.HELD);
        int lost = count(servers, Share.LOST);
        int unknown = count(servers, Share.UNKNOWN);
        State state;
        if (held + unknown < threshold) {
            state = State.UNUSABLE;
        } else if (lost > 0) {
            state = State.DEGRADED;
        } else if (unknown > 0) {
            state = State.UNKNOWN;
        } else {
            state = State.HEALTHY;
        }
        return new KeyHealth(keyId, label, threshold, state, servers);
    }

    /** Servers that answered that they hold their share. */
    public int held() {
        return count(servers, Share.HELD);
    }

    /**
     * How many more servers may lose their share before the key can no longer be used, counting only
     * servers that answered that they hold it; 0 when none may (or the key is already unusable).
     */
    public int canStillLose() {
        return Math.max(0, held() - threshold);
    }

    /** The servers whose answer is {@code share}, in the key's order. */
    public List<String> serversWith(Share share) {
        return servers.stream()
                .filter(s -> s.share() == share)
                .map(ServerShare::name)
                .toList();
    }

    /** One line fit for a table cell, a tooltip or stderr: what is wrong and what it means. */
    public String summary() {
        List<String> lost = serversWith(Share.LOST);
        List<String> unknown = serversWith(Share.UNKNOWN);
        String n = threshold + "-of-" + servers.size();
        String unanswered =
                unknown.isEmpty() ? "" : "; no answer from " + String.join(", ", unknown) + " (not counted as lost)";
        return switch (state) {
            case HEALTHY -> "every server holds its share (" + n + ")";
            case DEGRADED ->
                String.join(", ", lost) + " lost " + (lost.size() == 1 ? "its share" : "their shares")
                        + "; " + held() + " of " + threshold + " needed still hold it, "
                        + (canStillLose() == 0 ? "no further loss can be borne" : canStillLose() + " more may be lost")
                        + unanswered;
            case UNUSABLE ->
                (lost.isEmpty()
                                ? ""
                                : String.join(", ", lost) + " lost " + (lost.size() == 1 ? "its share" : "their shares")
                                        + "; ")
                        + "fewer than " + threshold + " servers hold a share, so this " + n + " key cannot sign"
                        + unanswered;
            case UNKNOWN -> "no loss seen" + unanswered;
        };
    }

    private static int count(List<ServerShare> servers, Share share) {
        return (int) servers.stream().filter(s -> s.share() == share).count();
    }
}
