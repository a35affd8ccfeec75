package io.keyshard.dkg;

import static io.keyshard.dkg.ProtocolException.blame;

import io.keyshard.curve.Curve;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every check on the round-1 messages, shared by the servers (round 2) and the coordinator: the
 * roster, then lengths and counts of every message, then signatures, strict decoding and the
 * proofs of possession. The first failure names its sender.
 */
final class Round1Checks {
    private Round1Checks() {}

    /** A round-1 message that passed every check, with its points decoded. */
    record Accepted(Participant sender, Point[] commitments, byte[] digest, byte[] chainCodeCommitment) {}

    /** The coordinator's check of every message; @return the accepted messages in ascending id order */
    static Map<Integer, Accepted> verify(Session s, List<Round1Message> messages) {
        return verify(s, messages, null, null);
    }

    /**
     * A server's check: its own message (matched by Roster to the payload it emitted) is taken as it
     * made it, with the points it computed; @return the accepted messages in ascending id order
     */
    static Map<Integer, Accepted> verify(
            Session s, List<Round1Message> messages, Roster.Own own, Point[] ownCommitments) {
        Map<Integer, Round1Message> byId = Roster.byId(s, Round1Message.ROUND, messages, own);
        for (Round1Message m : byId.values()) {
            checkShape(s, m);
        }
        Map<Integer, byte[]> digests = new LinkedHashMap<>();
        for (Round1Message m : byId.values()) {
            byte[] digest = m.payloadHash();
            if (isOwn(m, own)) {
                // Roster matched it to the payload this server emitted itself: nothing to learn from its
                // signature or proof (a third of a server's round-2 checks in a 2-of-3 run).
                digests.put(m.sender(), digest);
                continue;
            }
            if (!Signatures.verify(s.participant(m.sender()), m, digest)) {
                throw blame(
                        ProtocolCheck.SIGNATURE,
                        s.participant(m.sender()),
                        "its round-1 message is not signed by its identity key");
            }
            digests.put(m.sender(), digest);
        }
        Map<Integer, Accepted> accepted = new LinkedHashMap<>();
        for (Round1Message m : byId.values()) {
            accepted.put(
                    m.sender(),
                    isOwn(m, own)
                            ? new Accepted(
                                    s.participant(m.sender()),
                                    ownCommitments.clone(),
                                    digests.get(m.sender()),
                                    m.chainCodeCommitment().clone())
                            : decodeAndProve(s, m, digests.get(m.sender())));
        }
        return accepted;
    }

    private static boolean isOwn(Round1Message m, Roster.Own own) {
        return own != null && m.sender() == own.id();
    }

    private static void checkShape(Session s, Round1Message m) {
        Participant from = s.participant(m.sender());
        Curve curve = s.curve();
        if (m.commitments() == null || m.commitments().size() != s.threshold()) {
            throw blame(
                    ProtocolCheck.COMMITMENT_COUNT,
                    from,
                    "it sent "
                            + (m.commitments() == null ? "no" : m.commitments().size())
                            + " commitments, the session needs exactly t = " + s.threshold()
                            + " (a longer vector would silently raise the threshold)");
        }
        for (int k = 0; k < m.commitments().size(); k++) {
            byte[] c = m.commitments().get(k);
            if (c == null || c.length != curve.pointLength()) {
                throw blame(
                        ProtocolCheck.INVALID_POINT,
                        from,
                        "commitment " + k + " is not a " + curve.pointLength() + "-byte compressed point");
            }
        }
        if (m.proofR() == null || m.proofR().length != curve.pointLength()) {
            throw blame(
                    ProtocolCheck.INVALID_POINT,
                    from,
                    "the proof's R is not a " + curve.pointLength() + "-byte compressed point");
        }
        if (m.proofZ() == null || m.proofZ().length != curve.scalarLength()) {
            throw blame(
                    ProtocolCheck.INVALID_SCALAR,
                    from,
                    "the proof's z is not a " + curve.scalarLength() + "-byte scalar");
        }
        if (m.chainCodeCommitment() == null || m.chainCodeCommitment().length != ProtocolHash.LENGTH) {
            throw blame(
                    ProtocolCheck.MALFORMED,
                    from,
                    "the chain-code commitment is not " + ProtocolHash.LENGTH + " bytes");
        }
        if (m.signature() == null || m.signature().length != Signatures.LENGTH) {
            throw blame(ProtocolCheck.SIGNATURE, from, "the signature is not " + Signatures.LENGTH + " bytes");
        }
    }

    private static Accepted decodeAndProve(Session s, Round1Message m, byte[] digest) {
        Participant from = s.participant(m.sender());
        Curve curve = s.curve();
        Point[] commitments = new Point[s.threshold()];
        for (int k = 0; k < commitments.length; k++) {
            commitments[k] = point(curve, from, m.commitments().get(k), "commitment " + k);
        }
        BigInteger z;
        try {
            z = curve.decodeNonZeroScalar(m.proofZ());
        } catch (InvalidEncodingException e) {
            throw blame(ProtocolCheck.INVALID_SCALAR, from, "the proof's z: " + e.getMessage());
        }
        if (!ProofOfPossession.verify(curve, m.sessionId(), m.sender(), commitments[0], m.proofR(), z)) {
            throw blame(
                    ProtocolCheck.PROOF_OF_POSSESSION,
                    from,
                    "its proof does not show knowledge of the secret behind its first commitment in this key generation");
        }
        return new Accepted(from, commitments, digest, m.chainCodeCommitment().clone());
    }

    private static Point point(Curve curve, Participant from, byte[] encoded, String what) {
        try {
            return curve.decodePoint(encoded);
        } catch (InvalidEncodingException e) {
            throw blame(ProtocolCheck.INVALID_POINT, from, what + ": " + e.getMessage());
        }
    }
}
