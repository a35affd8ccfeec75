package io.keyshard.node;

import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.PeerEnvelope;
import io.keyshard.dkls.ProtocolAbort;
import io.keyshard.wire.SetupMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The envelopes of one setup at one server: each message HPKE-encrypted to its recipient and signed with
 * the sender's identity key under {@link #TAG}, both bound to curve, setupId, step, and the sender's and
 * recipient's identifiers and identity keys (the pair, not a key: the seeds serve every key of the two
 * servers). Incoming messages are checked against the identity keys the key generation recorded for each
 * server of the key that names the setup's servers; every refusal names the server it concerns.
 */
final class SetupRelay {
    /** Domain tag of setup signatures: never a key generation's or a signing's. */
    static final String TAG = "keyshard/ecdsa-setup/v1/message";

    private final NodeIdentity identity;
    private final int self;
    private final String curve;
    private final UUID setupId;
    private final Map<Integer, Participant> servers = new TreeMap<>();

    /** {@code participants}: the setup's servers as the key's record holds them. */
    SetupRelay(NodeIdentity identity, int self, String curve, UUID setupId, List<Participant> participants) {
        this.identity = identity;
        this.self = self;
        this.curve = curve;
        this.setupId = setupId;
        participants.forEach(p -> servers.put(p.id(), p));
    }

    /** The context both the encryption and the signature bind. */
    static byte[] context(String curve, UUID setupId, int step, Participant sender, Participant recipient) {
        return Framing.frame(
                "keyshard/ecdsa-setup/v2/envelope",
                curve.getBytes(StandardCharsets.US_ASCII),
                setupId.toString().getBytes(StandardCharsets.US_ASCII),
                BigEndian.u32(step),
                BigEndian.u32(sender.id()),
                sender.signingKey(),
                BigEndian.u32(recipient.id()),
                recipient.signingKey());
    }

    List<SetupMessage> seal(int step, Map<Integer, byte[]> byPeer) {
        List<SetupMessage> out = new ArrayList<>();
        byPeer.forEach((peer, plaintext) -> {
            PeerEnvelope.Sealed sealed = PeerEnvelope.seal(
                    identity.keys(),
                    servers.get(peer).encryptionKey(),
                    TAG,
                    context(curve, setupId, step, servers.get(self), servers.get(peer)),
                    plaintext);
            out.add(new SetupMessage(step, self, peer, sealed.ciphertext(), sealed.signature()));
        });
        return out;
    }

    /** One opened step-{@code step} message from every other server, or a refusal naming who sent the bad one. */
    Map<Integer, byte[]> open(int step, List<SetupMessage> messages) throws ApiException {
        Map<Integer, byte[]> out = new TreeMap<>();
        for (SetupMessage m : messages) {
            if (m == null || m.ciphertext() == null || m.signature() == null) {
                throw ApiException.malformed("a setup message lacks its ciphertext or signature");
            }
            Participant from = servers.get(m.sender());
            if (from == null || m.sender() == self || out.containsKey(m.sender())) {
                throw ApiException.protocol(
                        "the messages hold one from server id " + m.sender()
                                + ", which is not another server of the setup, or two from one server (culprit: the coordinator)");
            }
            if (m.recipient() != self || m.step() != step) {
                throw ApiException.protocol("a message from " + who(from) + " is for server id " + m.recipient()
                        + " at step " + m.step() + ", not this server at step " + step + " (culprit: the coordinator)");
            }
            byte[] context = context(curve, setupId, step, from, servers.get(self));
            if (!PeerEnvelope.verify(from.signingKey(), TAG, context, m.ciphertext(), m.signature())) {
                throw blame(
                        from,
                        null,
                        "its setup message is not signed by the identity key it had at key generation for this "
                                + "curve, setup, step, sender and recipient (changed, replayed or redirected)");
            }
            byte[] plain = PeerEnvelope.open(identity.keys(), context, m.ciphertext());
            if (plain == null) {
                throw blame(from, null, "its signed setup message does not open for this server");
            }
            out.put(m.sender(), plain);
        }
        for (int id : servers.keySet()) {
            if (id != self && !out.containsKey(id)) {
                throw ApiException.protocol("no setup message from " + who(servers.get(id))
                        + " (culprit: the coordinator, or that server)");
            }
        }
        return out;
    }

    /** The refusal of a failed protocol check, naming the server. */
    ApiException blame(ProtocolAbort e) {
        Participant p = servers.get(e.culprit());
        return p == null
                ? ApiException.blaming(
                        self,
                        null,
                        e.check().name(),
                        false,
                        "the setup failed the " + e.check().name() + " check (no single server to blame)")
                : blame(
                        p,
                        e.check().name(),
                        "its setup message failed the " + e.check().name() + " check");
    }

    private ApiException blame(Participant from, String check, String why) {
        return ApiException.blaming(self, from, check, false, "culprit " + who(from) + ": " + why);
    }

    private static String who(Participant p) {
        return "server " + p.name() + " (id " + p.id() + ")";
    }
}
