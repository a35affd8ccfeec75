package io.keyshard.node;

import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsTranscript;

/**
 * The threshold-ECDSA messages as they pass through the coordinator, seen from one signer: each must come
 * from a co-signer of the request, be signed by the identity key recorded for it at key generation over
 * this request and round, and (point-to-point) open under this server's HPKE key in that same context.
 * A failure names the sender as the culprit (422); nothing is computed from a message that fails.
 */
final class DklsRelay {
    private final NodeIdentity identity;
    private final SigningKeys.Request req;
    private final int self;

    DklsRelay(NodeIdentity identity, SigningKeys.Request req, int self) {
        this.identity = identity;
        this.req = req;
        this.self = self;
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
        byte[] sealed = verified(m, round);
        byte[] plain = identity.keys()
                .openSigningMessage(DklsTranscript.sealContext(req.requestHash(), round, from, self), sealed);
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

    /** {@code plaintext} sealed to co-signer {@code to} for this request and round. */
    static byte[] seal(SigningKeys.Request req, int round, int from, int to, byte[] plaintext) {
        return IdentityKeys.sealSigningMessage(
                req.participant(to).encryptionKey(),
                DklsTranscript.sealContext(req.requestHash(), round, from, to),
                plaintext);
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
