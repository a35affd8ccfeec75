package io.keyshard.client;

/**
 * A progress event of a key generation, for listeners (the wizard's per-server, per-round view).
 *
 * @param stage  what is happening
 * @param round  1..3 for the protocol rounds, 0 for identity and setup, 4 for commit
 * @param server the server concerned, or null for an event about the whole run
 * @param detail a short human-readable line (names no secret and no keyId)
 */
public record KeygenProgress(Stage stage, int round, String server, String detail) {
    /** The kinds of event. */
    public enum Stage {
        /** a request was sent to {@code server} */
        SENT,
        /** {@code server} answered this round */
        DONE,
        /** {@code server} failed; the run is being aborted */
        FAILED,
        /** the whole run: the vault record was written (PENDING, READY or FAILED) */
        RECORD
    }
}
