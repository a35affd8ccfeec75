package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.bytes.Hex;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.frost.Ciphersuite;
import io.keyshard.frost.SignatureShare;
import io.keyshard.frost.SigningCommitments;
import io.keyshard.frost.SigningException;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.SignTranscript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's checks of the signers' answers: each is the answering server's own (its id) and strictly
 * decoded, and, when the signing fails, signed by its identity key over this request. A failure names that
 * server (exit code 5).
 */
final class SignAnswers {
    private final Ciphersuite suite;
    private final byte[] requestHash;
    private final List<NodeConnection> signers;
    private final Map<Integer, byte[]> identities;

    SignAnswers(Ciphersuite suite, byte[] requestHash, List<NodeConnection> signers, Map<Integer, byte[]> identities) {
        this.suite = suite;
        this.requestHash = requestHash.clone();
        this.signers = signers;
        this.identities = identities;
    }

    /**
     * Round-1 answers, in the order of {@code signers}, as FROST commitments: each the answering server's own
     * and strictly decoded. Their identity signatures are {@link #commitmentSignatures}'.
     */
    List<SigningCommitments> commitments(List<SignCommitment> answers) {
        List<SigningCommitments> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            NodeConnection c = signers.get(i);
            SignCommitment a = answers.get(i);
            int id = own(c, a.sender());
            byte[] hiding = hex(c, a.hiding(), "hiding commitment");
            byte[] binding = hex(c, a.binding(), "binding commitment");
            try {
                out.add(SigningCommitments.decode(suite, id, hiding, binding));
            } catch (SigningException e) {
                throw blame(
                        c, "its commitments fail strict decoding: " + e.check().description());
            }
        }
        return out;
    }

    /**
     * The identity signatures of the round-1 answers, checked when a signing fails, to name its culprit. A
     * signing that succeeds needs no check here: every honest signer checked each co-signer's signature
     * before it answered round 2 (DESIGN 13.3), and each answer came over its server's pinned connection.
     */
    void commitmentSignatures(List<SignCommitment> answers) {
        for (int i = 0; i < answers.size(); i++) {
            NodeConnection c = signers.get(i);
            SignCommitment a = answers.get(i);
            int id = own(c, a.sender());
            signed(
                    c,
                    a.signature(),
                    SignTranscript.commitment(
                            requestHash,
                            id,
                            hex(c, a.hiding(), "hiding commitment"),
                            hex(c, a.binding(), "binding commitment")),
                    "round-1 commitments");
        }
    }

    /**
     * Round-2 answers, in the order of {@code signers}, as signature shares by server id: each the answering
     * server's own and strictly decoded. Their identity signatures are {@link #shareSignatures}'.
     */
    Map<Integer, SignatureShare> shares(List<SignShare> answers) {
        Map<Integer, SignatureShare> out = new TreeMap<>();
        for (int i = 0; i < answers.size(); i++) {
            NodeConnection c = signers.get(i);
            SignShare a = answers.get(i);
            int id = own(c, a.sender());
            byte[] share = hex(c, a.share(), "signature share");
            try {
                out.put(id, SignatureShare.decode(suite, id, share));
            } catch (SigningException e) {
                throw blame(
                        c,
                        "its signature share fails strict decoding: "
                                + e.check().description());
            }
        }
        return out;
    }

    /**
     * The identity signatures of the round-2 answers, checked when the aggregate fails (a share that passes
     * into a valid signature needs none: the chain's verifier checks the result).
     */
    void shareSignatures(List<SignShare> answers, byte[] commitmentsHash) {
        for (int i = 0; i < answers.size(); i++) {
            NodeConnection c = signers.get(i);
            SignShare a = answers.get(i);
            int id = own(c, a.sender());
            byte[] share = hex(c, a.share(), "signature share");
            signed(c, a.signature(), SignTranscript.share(requestHash, commitmentsHash, id, share), "signature share");
        }
    }

    /** The name of the signer with server id {@code id}. */
    String name(int id) {
        return signers.stream()
                .filter(c -> c.info().id() == id)
                .map(NodeConnection::name)
                .findFirst()
                .orElse("id " + id);
    }

    private static int own(NodeConnection c, int sender) {
        if (sender != c.info().id()) {
            throw blame(c, "its answer names server id " + sender);
        }
        return sender;
    }

    private static byte[] hex(NodeConnection c, String value, String what) {
        try {
            return Hex.decode(value, what);
        } catch (IllegalArgumentException e) {
            throw blame(c, e.getMessage());
        }
    }

    private void signed(NodeConnection c, String signature, byte[][] fields, String what) {
        byte[] sig = hex(c, signature, "signature");
        if (!IdentityKeys.verifySigningMessage(identities.get(c.info().id()), sig, fields)) {
            throw blame(c, "its " + what + " are not signed by its identity key for this request");
        }
    }

    private static KeygenException blame(NodeConnection c, String why) {
        return new KeygenException(
                c.name(), "signing failed, culprit server " + c.name() + ": " + why, ExitCoded.PROTOCOL, null);
    }
}
