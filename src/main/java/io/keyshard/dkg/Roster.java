package io.keyshard.dkg;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that a relayed list holds exactly one message of this key generation from every server, before
 * anything in the messages is looked at. What fails here is the relay's doing, so it blames the coordinator.
 */
final class Roster {
    private Roster() {}

    /**
     * @param own this server's id and the payload hash it emitted, or null for the coordinator's view
     * @return the messages in ascending sender id order
     */
    static <T extends SignedMessage> Map<Integer, T> byId(Session s, int round, List<T> messages, Own own) {
        if (messages == null) {
            throw ProtocolException.blameCoordinator(
                    ProtocolCheck.MISSING_OR_DUPLICATE, "the round-" + round + " message list is missing");
        }
        for (T m : messages) {
            if (m == null) {
                throw ProtocolException.blameCoordinator(
                        ProtocolCheck.MALFORMED, "a round-" + round + " message is empty");
            }
            if (!s.isThisSession(m.sessionId())) {
                throw ProtocolException.blameCoordinator(
                        ProtocolCheck.WRONG_SESSION,
                        "the round-" + round + " message attributed to server id " + m.sender()
                                + " carries another session's id");
            }
        }
        Map<Integer, T> sorted = new TreeMap<>();
        for (T m : messages) {
            int id = m.sender();
            if (s.participant(id) == null) {
                throw ProtocolException.blameCoordinator(
                        ProtocolCheck.MALFORMED,
                        "a round-" + round + " message claims sender id " + id
                                + ", which is not part of this key generation");
            }
            if (sorted.put(id, m) != null) {
                throw ProtocolException.blameCoordinator(
                        ProtocolCheck.MISSING_OR_DUPLICATE,
                        "two round-" + round + " messages claim to come from server "
                                + s.participant(id).name());
            }
        }
        for (Participant p : s.participants()) {
            if (!sorted.containsKey(p.id())) {
                throw ProtocolException.blameCoordinator(
                        ProtocolCheck.MISSING_OR_DUPLICATE,
                        "the round-" + round + " message of server " + p.name() + " is missing");
            }
        }
        if (own != null) {
            T mine = sorted.get(own.id());
            byte[] hash;
            try {
                hash = mine.payloadHash();
            } catch (RuntimeException e) {
                hash = null;
            }
            if (hash == null || !MessageDigest.isEqual(hash, own.payloadHash())) {
                throw ProtocolException.blameCoordinator(
                        ProtocolCheck.OWN_MESSAGE_ALTERED,
                        "the round-" + round + " message relayed as this server's own is not the one it sent");
            }
        }
        return new LinkedHashMap<>(sorted);
    }

    /** This server's id and the payload hash of the message it emitted in the round being relayed back. */
    record Own(int id, byte[] payloadHash) {}
}
