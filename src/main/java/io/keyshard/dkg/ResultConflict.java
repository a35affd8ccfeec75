package io.keyshard.dkg;

import static io.keyshard.dkg.ProtocolException.blame;
import static io.keyshard.dkg.ProtocolException.blameCoordinator;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The second proof that lets a server drop a share holding its round-3 result (docs/protocol.md, Commit and abort):
 * signed round-3 results of the session's participants, one of which differs from the server's own. A commit needs
 * every participant's signed result equal to the committing server's, and an honest participant signs one result
 * per session, so once two signed results differ no commit of the key can pass anywhere. A participant that signs
 * a result unlike the others' is the one a client names; it could as well have withheld its result.
 */
public final class ResultConflict {
    private ResultConflict() {}

    /**
     * The results among {@code results} that are of {@code session} and signed by the participant they name, when
     * two of them differ; else an empty list. What a client sends to the servers that hold a result.
     */
    public static List<Round3Message> evidence(Session session, List<Round3Message> results) {
        List<Round3Message> signed = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        for (Round3Message r : results) {
            Participant from = r == null ? null : session.participant(r.sender());
            if (from == null || !session.isThisSession(r.sessionId())) {
                continue;
            }
            byte[] hash;
            try {
                hash = r.payloadHash();
            } catch (RuntimeException e) {
                continue; // incomplete: proves nothing
            }
            if (Signatures.verify(from, r, hash)) {
                signed.add(r);
                if (hashes.stream().noneMatch(h -> MessageDigest.isEqual(h, hash))) {
                    hashes.add(hash);
                }
            }
        }
        return hashes.size() > 1 ? List.copyOf(signed) : List.of();
    }

    /**
     * True when one of {@code results} differs from {@code own}, the result this server stored for {@code session}.
     *
     * @throws ProtocolException naming the server whose result is incomplete, of another session, or not signed by
     *     the identity key the session lists for it (the coordinator for a result from a non-participant)
     */
    public static boolean disagrees(Session session, Round3Message own, List<Round3Message> results) {
        byte[] mine = own.payloadHash();
        boolean differs = false;
        for (Round3Message r : results) {
            Participant from = session.participant(r.sender());
            if (from == null) {
                throw blameCoordinator(
                        ProtocolCheck.MALFORMED,
                        "a result in the abort names a server that is not part of this key generation");
            }
            if (!session.isThisSession(r.sessionId())) {
                throw blame(ProtocolCheck.WRONG_SESSION, from, "its result in the abort is of another session");
            }
            byte[] hash;
            try {
                hash = r.payloadHash();
            } catch (RuntimeException e) {
                throw blame(ProtocolCheck.MALFORMED, from, "its result in the abort is incomplete");
            }
            if (!Signatures.verify(from, r, hash)) {
                throw blame(ProtocolCheck.SIGNATURE, from, "its result in the abort is not signed by its identity key");
            }
            differs |= !MessageDigest.isEqual(hash, mine);
        }
        return differs;
    }
}
