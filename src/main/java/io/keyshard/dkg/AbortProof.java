package io.keyshard.dkg;

import io.keyshard.bytes.Framing;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The proof an abort of a share with a round-3 result carries: an {@link AbortStatement} from another participant.
 * A server signs one only once its share of the key is gone for good: it aborted before its own round 3 (so its
 * signed result never existed), or its PENDING share was itself aborted on such a statement or on signed results
 * that differ ({@link ResultConflict}). Either way no commit proof can ever be complete, no server can hold the key
 * READY, and dropping a PENDING share loses nothing. Signed under its own domain tag, so neither a
 * key generation's nor a signing message passes as one.
 */
public final class AbortProof {
    /** Domain tag of abort statements: distinct from {@link IdentityKeys#SIGNING_TAG} and from every DKG tag. */
    public static final String TAG = "keyshard/abort/v1/no-result";

    private static final byte[] NO_SESSION = new byte[0];

    private AbortProof() {}

    /** Server {@code sender}'s statement, signed over {@code keyId}, that it aborted without a result; {@code sessionId} may be null. */
    public static AbortStatement sign(IdentityKeys keys, String keyId, int sender, byte[] sessionId) {
        byte[] session = sessionId == null ? NO_SESSION : sessionId.clone();
        return new AbortStatement(sender, session, keys.sign(signed(keyId, sender, session)));
    }

    /**
     * Why {@code statement} does not let server {@code selfId} abort its share of the session {@code setup}, or empty
     * when it comes from another participant of that setup, names (if any) its session, and is signed over the
     * setup's keyId by the identity key the setup lists for it.
     */
    public static Optional<String> refusal(SessionSetup setup, int selfId, AbortStatement statement) {
        if (statement == null || statement.sessionId() == null || statement.signature() == null) {
            return Optional.of("the abort carries no signed statement from another server");
        }
        Session session = Session.of(setup);
        Participant from = session.participant(statement.sender());
        if (from == null || statement.sender() == selfId) {
            return Optional.of("the abort statement is not from another participant of this key generation");
        }
        if (statement.sessionId().length != 0 && !MessageDigest.isEqual(statement.sessionId(), session.sessionId())) {
            return Optional.of("the abort statement is about another session");
        }
        if (statement.signature().length != Signatures.LENGTH
                || !IdentityKeys.verify(
                        from.signingKey(),
                        signed(setup.keyId(), statement.sender(), statement.sessionId()),
                        statement.signature())) {
            return Optional.of("the abort statement is not signed by server " + from.name() + "'s identity key");
        }
        return Optional.empty();
    }

    private static byte[] signed(String keyId, int sender, byte[] sessionId) {
        return Framing.frame(TAG, ProtocolHash.utf8(keyId), ProtocolHash.u32(sender), sessionId);
    }
}
