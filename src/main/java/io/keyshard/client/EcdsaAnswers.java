package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.curve.Point;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.EcdsaSignature;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.ProtocolAbort;
import io.keyshard.dkls.SignMessages.Partial;
import io.keyshard.dkls.SignRequest;
import io.keyshard.dkls.Signer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsTranscript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The coordinator's checks of the threshold-ECDSA signers' answers: each is the answering server's own and
 * holds exactly the messages its round sends (a broadcast, or one sealed message to each co-signer), as the
 * relay needs them; when the signing fails, each message is signed by its identity key over this request
 * and round; and the signature from the round-3 broadcasts. A failure names the server (exit code 5).
 */
final class EcdsaAnswers {
    private final Group g;
    private final byte[] requestHash;
    private final List<NodeConnection> signers;
    private final SignerPick.Picked picked;
    private final SignRequest protocol;

    EcdsaAnswers(
            Group g,
            byte[] requestHash,
            List<NodeConnection> signers,
            SignerPick.Picked picked,
            byte[] digest,
            Point derivedKey) {
        this.g = g;
        this.requestHash = requestHash.clone();
        this.signers = signers;
        this.picked = picked;
        this.protocol = new SignRequest(requestHash, ids(signers), digest, derivedKey);
    }

    private static List<Integer> ids(List<NodeConnection> signers) {
        return signers.stream().map(c -> c.info().id()).sorted().toList();
    }

    /**
     * Checks one round's answers (in the order of {@code signers}): round 1 and 2 give one sealed message
     * to each co-signer, round 1 and 3 one broadcast. Returns every message, in signer order. Their identity
     * signatures are {@link #signatures}'.
     */
    List<RelayedMessage> check(int round, List<RelayedMessage.Answer> answers) {
        List<RelayedMessage> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            NodeConnection c = signers.get(i);
            RelayedMessage.Answer a = answers.get(i);
            int id = c.info().id();
            if (a.sender() != id || a.messages() == null) {
                throw blame(c, "its answer names server id " + a.sender() + " or holds no messages");
            }
            Set<Integer> to = new HashSet<>();
            for (RelayedMessage m : a.messages()) {
                if (m == null || m.sender() != id || !to.add(m.recipient())) {
                    throw blame(
                            c,
                            "its round-" + round + " answer holds a message of another sender or two for one "
                                    + "recipient");
                }
                if (m.body() == null || m.signature() == null) {
                    throw blame(c, "its round-" + round + " answer holds a message without a body or signature");
                }
            }
            Set<Integer> expected = new HashSet<>();
            if (round != 2) {
                expected.add(DklsMessage.BROADCAST);
            }
            if (round != 3) {
                ids(signers).stream().filter(j -> j != id).forEach(expected::add);
            }
            if (!to.equals(expected)) {
                throw blame(c, "its round-" + round + " answer does not hold one message for each recipient");
            }
            out.addAll(a.messages());
        }
        return out;
    }

    /**
     * The identity signatures of every message of rounds 1, 2, ... ({@code rounds}, as {@link #check}
     * returned them), checked when a signing fails, to name its culprit first. A signing that succeeds needs
     * none here: every honest signer checks the signature of each message relayed to it before it uses it
     * (DESIGN 13.5), each answer came over its server's pinned connection, and the round-3 broadcasts, which
     * no signer sees, must give a signature that verifies under the derived key.
     */
    void signatures(List<List<RelayedMessage>> rounds) {
        for (int r = 0; r < rounds.size(); r++) {
            for (RelayedMessage m : rounds.get(r)) {
                signed(signer(m.sender()), r + 1, decoded(m, r + 1));
            }
        }
    }

    /** The messages of {@code all} for signer {@code id}: every broadcast (when asked) and those addressed to it. */
    static List<RelayedMessage> forSigner(List<RelayedMessage> all, int id, boolean broadcasts) {
        return all.stream()
                .filter(m -> m.recipient() == id || (broadcasts && m.recipient() == DklsMessage.BROADCAST))
                .toList();
    }

    /**
     * The signature from the round-3 broadcasts: every signer's R (they must agree: each checked the others'
     * openings), its partial (u_i, w_i), and {@code s = Σw / Σu}, which {@code verifier} must accept under the
     * derived key.
     */
    EcdsaSignature combine(List<RelayedMessage> broadcasts, Predicate<EcdsaSignature> verifier) {
        DklsCodec codec = new DklsCodec(g);
        int pointLength = g.curve().pointLength();
        List<Partial> partials = new ArrayList<>();
        Point bigR = null;
        for (RelayedMessage m : broadcasts) {
            NodeConnection c = signer(m.sender());
            byte[] body = decoded(m, 3).body();
            if (body.length < pointLength) {
                throw blame(c, "its partial signature is too short");
            }
            try {
                Point r = g.decodePoint(Arrays.copyOf(body, pointLength), m.sender());
                if (bigR != null && !bigR.equals(r)) {
                    throw new KeygenException(
                            null,
                            "signing failed: the signers report different nonce points R (a split view); no "
                                    + "signature is returned",
                            ExitCoded.PROTOCOL,
                            null);
                }
                bigR = r;
                partials.add(codec.decodePartial(Arrays.copyOfRange(body, pointLength, body.length), m.sender()));
            } catch (ProtocolAbort e) {
                throw blame(c, "its partial signature fails strict decoding (" + e.check() + ")");
            }
        }
        try {
            return Signer.combine(g, protocol, bigR, partials, verifier);
        } catch (ProtocolAbort e) {
            if (e.culprit() == ProtocolAbort.UNATTRIBUTED) {
                throw new KeygenException(
                        null,
                        "signing failed: the partial signatures give no signature that verifies under the derived "
                                + "key (" + e.check() + "); no single server can be named, none is returned",
                        ExitCoded.PROTOCOL,
                        e);
            }
            throw blame(signer(e.culprit()), "its partial signature failed the " + e.check() + " check");
        }
    }

    private void signed(NodeConnection c, int round, DklsMessage m) {
        byte[][] fields = DklsTranscript.signed(requestHash, round, m.sender(), m.recipient(), m.body());
        if (!IdentityKeys.verifySigningMessage(picked.identities().get(c.info().id()), m.signature(), fields)) {
            throw blame(c, "its round-" + round + " message is not signed by its identity key for this request");
        }
    }

    /** A relayed message's bytes; text that the JDK's base64 decoder refuses names its sender. */
    private DklsMessage decoded(RelayedMessage m, int round) {
        try {
            return m.decoded();
        } catch (IllegalArgumentException e) {
            throw blame(signer(m.sender()), "its round-" + round + " answer holds a message that is not base64");
        }
    }

    private NodeConnection signer(int id) {
        return signers.stream().filter(c -> c.info().id() == id).findFirst().orElseThrow();
    }

    static KeygenException blame(NodeConnection c, String why) {
        return new KeygenException(
                c.name(), "signing failed, culprit server " + c.name() + ": " + why, ExitCoded.PROTOCOL, null);
    }
}
