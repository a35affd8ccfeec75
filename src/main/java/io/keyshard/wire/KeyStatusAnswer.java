package io.keyshard.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.SessionSetup;

/**
 * The answer to {@code GET /v1/keys/{keyId}}. IN_PROGRESS carries the rounds done ({@code round});
 * a stored key carries the session setup and this server's signed result when it holds a share.
 * Fields that do not apply are left out of the JSON, not sent as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyStatusAnswer(KeyState status, String curve, Integer round, SessionSetup setup, Round3Message result) {
    public KeyStatusAnswer {
        if (status == null || curve == null) {
            throw new IllegalArgumentException("a key status answer needs a status and a curve");
        }
        // Readers let this answer's own fields be absent; the setup and result inside stay as complete
        // as the round messages must be, so a node cannot leave out a field the client relies on.
        if (setup != null && incomplete(setup)) {
            throw new IllegalArgumentException("the stored session setup is incomplete");
        }
        if (result != null && incomplete(result)) {
            throw new IllegalArgumentException("the stored result is incomplete");
        }
    }

    private static boolean incomplete(SessionSetup s) {
        return s.keyId() == null
                || s.nonce() == null
                || s.curve() == null
                || s.participants() == null
                || s.participants().stream()
                        .anyMatch(p ->
                                p == null || p.name() == null || p.signingKey() == null || p.encryptionKey() == null);
    }

    private static boolean incomplete(Round3Message r) {
        return r.sessionId() == null
                || r.curve() == null
                || r.rootPublicKey() == null
                || r.chainCode() == null
                || r.verificationShares() == null
                || r.transcriptHash() == null
                || r.signature() == null;
    }

    /** A key generation still before round 3 on this server. */
    public static KeyStatusAnswer inProgress(String curve, int roundsDone) {
        return new KeyStatusAnswer(KeyState.IN_PROGRESS, curve, roundsDone, null, null);
    }

    /** A stored key; {@code setup} and {@code result} are null for a tombstone. */
    public static KeyStatusAnswer stored(KeyState status, String curve, SessionSetup setup, Round3Message result) {
        return new KeyStatusAnswer(status, curve, null, setup, result);
    }
}
