package io.keyshard.dkg;

import static io.keyshard.dkg.ProtocolException.blame;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every check on the round-2 messages that needs no secret, shared by the servers (round 3) and the
 * coordinator: roster, shape, signatures, the echoes against this party's own view of round 1
 * (equivocation) and the chain-code reveals against their commitments.
 */
final class Round2Checks {
    private Round2Checks() {}

    /**
     * @param round1 this party's accepted round-1 view, in id order
     * @param own    this server's id and round-2 payload hash; null when the coordinator checks
     */
    static Map<Integer, Round2Message> verify(
            Session s, Map<Integer, Round1Checks.Accepted> round1, List<Round2Message> messages, Roster.Own own) {
        Map<Integer, Round2Message> byId = Roster.byId(s, Round2Message.ROUND, messages, own);
        for (Round2Message m : byId.values()) {
            checkShape(s, m);
        }
        for (Round2Message m : byId.values()) {
            if (own != null && m.sender() == own.id()) {
                continue; // Roster matched it to the payload this server emitted itself
            }
            if (!Signatures.verify(s.participant(m.sender()), m, m.payloadHash())) {
                throw blame(
                        ProtocolCheck.SIGNATURE,
                        s.participant(m.sender()),
                        "its round-2 message is not signed by its identity key");
            }
        }
        for (Round2Message m : byId.values()) {
            checkEcho(s, round1, m, own);
        }
        for (Round2Message m : byId.values()) {
            byte[] expected = round1.get(m.sender()).chainCodeCommitment();
            if (!MessageDigest.isEqual(expected, ChainCode.commit(m.sessionId(), m.sender(), m.chainCodeReveal()))) {
                throw blame(
                        ProtocolCheck.REVEAL_MISMATCH,
                        s.participant(m.sender()),
                        "its revealed chain-code contribution does not hash to what it committed in round 1");
            }
        }
        return byId;
    }

    /** The echo of this party's own view: the digest of every accepted round-1 message in id order. */
    static List<byte[]> echo(Map<Integer, Round1Checks.Accepted> round1) {
        List<byte[]> echo = new ArrayList<>();
        for (Round1Checks.Accepted a : round1.values()) {
            echo.add(a.digest().clone());
        }
        return echo;
    }

    private static void checkEcho(
            Session s, Map<Integer, Round1Checks.Accepted> round1, Round2Message m, Roster.Own own) {
        Participant echoer = s.participant(m.sender());
        int index = 0;
        for (Round1Checks.Accepted a : round1.values()) {
            if (MessageDigest.isEqual(a.digest(), m.echo().get(index++))) {
                continue;
            }
            if (own == null) {
                // The coordinator handed every server this very list, so an echo of anything else is false.
                throw blame(
                        ProtocolCheck.EQUIVOCATION,
                        echoer,
                        "its signed echo lists a round-1 message from "
                                + a.sender().name() + " other than the one the coordinator relayed to every server");
            }
            if (a.sender().id() == own.id()) {
                // This server signed exactly one round-1 message, and nobody else can sign in its name:
                // an echo that lists another one for it is false.
                throw blame(
                        ProtocolCheck.EQUIVOCATION,
                        echoer,
                        "its signed echo lists a round-1 message from "
                                + a.sender().name() + " (this server) that this server never sent");
            }
            // Both views passed signature checks, so the sender of the differing message signed two
            // versions (and the relay showed them to different servers), unless the echoer lies.
            throw blame(
                    ProtocolCheck.EQUIVOCATION,
                    a.sender(),
                    "server " + echoer.name() + "'s signed echo shows a "
                            + "different round-1 message from " + a.sender().name() + " than this server accepted: "
                            + a.sender().name() + " signed two versions, or " + echoer.name() + "'s echo is false");
        }
    }

    private static void checkShape(Session s, Round2Message m) {
        Participant from = s.participant(m.sender());
        if (m.echo() == null || m.echo().size() != s.size()) {
            throw blame(ProtocolCheck.MALFORMED, from, "its echo does not list exactly " + s.size() + " digests");
        }
        for (byte[] d : m.echo()) {
            if (d == null || d.length != ProtocolHash.LENGTH) {
                throw blame(ProtocolCheck.MALFORMED, from, "an echo digest is not " + ProtocolHash.LENGTH + " bytes");
            }
        }
        Set<Integer> expected = new TreeSet<>();
        for (Participant p : s.participants()) {
            if (p.id() != m.sender()) {
                expected.add(p.id());
            }
        }
        if (m.encryptedShares() == null || !new TreeSet<>(m.encryptedShares().keySet()).equals(expected)) {
            throw blame(
                    ProtocolCheck.MALFORMED,
                    from,
                    "its encrypted shares are not addressed to exactly the servers " + expected + " (got "
                            + (m.encryptedShares() == null
                                    ? "none"
                                    : new TreeSet<>(m.encryptedShares().keySet())) + ")");
        }
        int sealed = ShareEncryption.sealedLength(s.curve().scalarLength());
        for (Map.Entry<Integer, byte[]> e : m.encryptedShares().entrySet()) {
            if (e.getValue() == null || e.getValue().length != sealed) {
                throw blame(
                        ProtocolCheck.MALFORMED,
                        from,
                        "its encrypted share for server id " + e.getKey() + " is not " + sealed + " bytes");
            }
        }
        if (m.chainCodeReveal() == null || m.chainCodeReveal().length != ChainCode.LENGTH) {
            throw blame(ProtocolCheck.MALFORMED, from, "its chain-code reveal is not " + ChainCode.LENGTH + " bytes");
        }
        if (m.signature() == null || m.signature().length != Signatures.LENGTH) {
            throw blame(ProtocolCheck.SIGNATURE, from, "the signature is not " + Signatures.LENGTH + " bytes");
        }
    }
}
