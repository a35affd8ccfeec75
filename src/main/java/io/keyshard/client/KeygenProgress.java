package io.keyshard.client;

import io.keyshard.vault.KeyStatus;

/**
 * A progress event of a key generation, for listeners (the wizard's per-server, per-phase view).
 *
 * @param stage  what is happening
 * @param phase  the part of the run it belongs to
 * @param server the server concerned, or null for an event about the whole run
 * @param record for {@link Stage#RECORD}: the status the vault record now has; else null
 * @param detail a short human-readable line (names no secret and no keyId)
 */
public record KeygenProgress(Stage stage, Phase phase, String server, KeyStatus record, String detail) {
    /** The kinds of event. */
    public enum Stage {
        /** a request was sent to {@code server} */
        SENT,
        /** {@code server} answered in this phase */
        DONE,
        /** {@code server} failed; the run is being aborted */
        FAILED,
        /** the whole run: the vault record was written with status {@code record} */
        RECORD
    }

    /** The parts of a key generation, in order. */
    public enum Phase {
        /** every server's identity keys are fetched and the session is set up */
        IDENTITY,
        /** protocol round 1: commitments */
        ROUND1,
        /** protocol round 2: encrypted shares */
        ROUND2,
        /** protocol round 3: each server stores its share and reports the result */
        ROUND3,
        /** the servers are told to keep the share (READY) */
        COMMIT
    }

    /** An event about one server. */
    static KeygenProgress of(Stage stage, Phase phase, String server, String detail) {
        return new KeygenProgress(stage, phase, server, null, detail);
    }

    /** The vault record was written with {@code status} during {@code phase}. */
    static KeygenProgress record(Phase phase, String server, KeyStatus status, String detail) {
        return new KeygenProgress(Stage.RECORD, phase, server, status, detail);
    }
}
