package io.keyshard.dkg;

import static io.keyshard.dkg.ProtocolException.blame;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * The proof a commit carries (docs/protocol.md, Commit and abort): one result from every participant of
 * the session, each signed by that participant's identity key, all with this server's own payload. A
 * server that checks it before marking its share READY knows that every other server holds a share of
 * the same key, so READY on a server is evidence that the key exists.
 */
public final class CommitProof {
    private CommitProof() {}

    /**
     * Checks {@code results} against the session and this server's own stored result.
     *
     * @throws ProtocolException naming the server whose result is missing, unsigned or different
     */
    public static void verify(Session session, Round3Message own, List<Round3Message> results) {
        byte[] expected = own.payloadHash();
        Map<Integer, Round3Message> byId = Roster.byId(session, Round3Message.ROUND, results, null);
        for (Round3Message r : byId.values()) {
            Participant from = session.participant(r.sender());
            byte[] hash;
            try {
                hash = r.payloadHash();
            } catch (RuntimeException e) {
                throw blame(ProtocolCheck.MALFORMED, from, "its result in the commit is incomplete");
            }
            if (!MessageDigest.isEqual(hash, expected)) {
                throw blame(ProtocolCheck.RESULT_MISMATCH, from, "its result in the commit differs from this server's");
            }
            if (!Signatures.verify(from, r, hash)) {
                throw blame(
                        ProtocolCheck.SIGNATURE, from, "its result in the commit is not signed by its identity key");
            }
        }
    }
}
