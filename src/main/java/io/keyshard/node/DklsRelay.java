package io.keyshard.node;

import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.SigningChannel;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsTranscript;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The threshold-ECDSA messages as they pass through the coordinator, seen from one signer: each must come
 * from a co-signer of the request, be signed by the identity key recorded for it at key generation over
 * this request and round, and (point-to-point) open, in the order sent, under the one HPKE context of its
 * sender's messages to this server in this signing. A failure names the sender as the culprit (422); nothing
 * is computed from a message that fails.
 */
final class DklsRelay {
    private final NodeIdentity identity;
    private final SigningKeys.Request req;
    private final int self;
    /** The signing's receiving contexts by sender, kept in its state from round to round. */
    private final Map<Integer, SigningChannel> receiving;
    /** The senders whose point-to-point message this round has opened. */
    private final Set<Integer> openedNow = new HashSet<>();

    DklsRelay(NodeIdentity identity, SigningKeys.Request req, int self, Map<Integer, SigningChannel> receiving) {
        this.identity = identity;
        this.req = req;
        this.self = self;
        this.receiving = receiving;
    }

    /** The sender of a message, when it is a co-signer of this request. */
    int sender(DklsMessage m) throws ApiException {
        if (m == null || m.sender() == self || !req.signers().contains(m.sender())) {
            throw ApiException.protocol("a relayed message comes from outside the signer set or from this server "
                    + "itself (culprit: the coordinator)");
        }
        return m.sender();
    }

    /** The body of a co-signer's signed broadcast of {@code round}. */
    byte[] broadcastBody(DklsMessage m, int round) throws ApiException {
        int from = m == null ? 0 : m.sender();
        if (m == null || !req.signers().contains(from)) {
            throw ApiException.protocol(
                    "a relayed broadcast comes from outside the signer set (culprit: the coordinator)");
        }
        return verified(m, round);
    }

    /** The plaintext of a co-signer's signed point-to-point message of {@code round} to this server. */
    byte[] opened(DklsMessage m, int round) throws ApiException {
        int from = sender(m);
        if (m.recipient() != self) {
            throw ApiException.protocol("a relayed message is addressed to server id " + m.recipient()
                    + ", not to this server (culprit: the coordinator)");
        }
        if (!openedNow.add(from)) {
            throw ApiException.protocol("a relayed round-" + round + " message of server id " + from
                    + " to this server comes twice (culprit: the coordinator)");
        }
        byte[] sealed = verified(m, round);
        // the pair's context is set up by the sender's first message (it carries enc) and opens the later ones
        SigningChannel channel = receiving.computeIfAbsent(
                from, id -> identity.keys().receivingChannel(DklsTranscript.pairContext(req.requestHash(), id, self)));
        byte[] plain = channel.open(DklsTranscript.sealContext(req.requestHash(), round, from, self), sealed);
        if (plain == null) {
            throw blame(from, "its signed message does not open under this server's key for this signing and round");
        }
        return plain;
    }

    private byte[] verified(DklsMessage m, int round) throws ApiException {
        Participant p = req.participant(m.sender());
        byte[] body = m.body() == null ? new byte[0] : m.body();
        if (!IdentityKeys.verifySigningMessage(
                p.signingKey(),
                m.signature() == null ? new byte[0] : m.signature(),
                DklsTranscript.signed(req.requestHash(), round, m.sender(), m.recipient(), body))) {
            throw blame(
                    m.sender(),
                    "its round-" + round
                            + " message is not signed by the identity key it had at key generation for this signing");
        }
        return body;
    }

    /** A refusal of co-signer {@code from}'s message, naming it in the text and the typed culprit. */
    private ApiException blame(int from, String why) {
        return ApiException.blaming(
                self, participant(req, from), null, false, "culprit " + named(req, from) + ": " + why);
    }

    /** A message of this server, signed by its identity key. */
    static DklsMessage signed(
            NodeIdentity identity, SigningKeys.Request req, int round, int from, int to, byte[] body) {
        byte[] signature = identity.signSigningMessage(DklsTranscript.signed(req.requestHash(), round, from, to, body));
        return new DklsMessage(from, to, body, signature);
    }

    /**
     * {@code plaintext} sealed to co-signer {@code to} for this request and round, under the signing's one
     * context for that co-signer in {@code sending} (set up, with a fresh ephemeral key, at the first message).
     */
    static byte[] seal(
            SigningKeys.Request req,
            Map<Integer, SigningChannel> sending,
            int round,
            int from,
            int to,
            byte[] plaintext) {
        SigningChannel channel = sending.computeIfAbsent(
                to,
                id -> IdentityKeys.sendingChannel(
                        req.participant(id).encryptionKey(), DklsTranscript.pairContext(req.requestHash(), from, id)));
        return channel.seal(DklsTranscript.sealContext(req.requestHash(), round, from, to), plaintext);
    }

    /** "server NAME (id N)" for a signer of the request: how an answer names a culprit. */
    static String named(SigningKeys.Request req, int id) {
        Participant p = participant(req, id);
        return "server " + (p == null ? "?" : p.name()) + " (id " + id + ")";
    }

    /** The server of the key with {@code id}, or null when the key has none. */
    static Participant participant(SigningKeys.Request req, int id) {
        return req.key().setup().participants().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElse(null);
    }
}
