package io.keyshard.wire;

import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the signers' identity keys sign in a FROST signing (docs/protocol.md, Signing), computed the same
 * way by node and client: every field framed with its length, under tags of their own, so a signing
 * message never reads as a key generation message or as the other round's.
 */
public final class SignTranscript {
    private SignTranscript() {}

    /** SHA-256 of the message: what the audit keeps and the request hash binds. */
    public static byte[] messageHash(byte[] message) {
        return Digests.sha256(message);
    }

    /**
     * The request as every signer must see it: signId, keyId, path, taproot tweak, the signer set in
     * ascending order and the message's hash.
     */
    public static byte[] requestHash(UUID signId, SignRound1Request r, byte[] message) {
        List<byte[]> f = new ArrayList<>();
        f.add(utf8(signId.toString()));
        f.add(utf8(r.keyId()));
        f.add(utf8(r.path()));
        f.add(utf8(r.taproot()));
        List<Integer> ids = r.signers().stream().sorted().toList();
        f.add(BigEndian.u32(ids.size()));
        for (int id : ids) {
            f.add(BigEndian.u32(id));
        }
        f.add(messageHash(message));
        return Digests.sha256(Framing.frame("keyshard/sign/v1/request", f.toArray(new byte[0][])));
    }

    /** The fields a signer's round-1 answer is signed over. */
    public static byte[][] commitment(byte[] requestHash, int sender, byte[] hiding, byte[] binding) {
        return new byte[][] {utf8("round1"), requestHash, BigEndian.u32(sender), hiding, binding};
    }

    /** One hash of every signer's commitments, in ascending id order: what round 2 signs with. */
    public static byte[] commitmentsHash(List<SignCommitment> commitments) {
        List<byte[]> f = new ArrayList<>();
        commitments.stream()
                .sorted(Comparator.comparingInt(SignCommitment::sender))
                .forEach(c -> {
                    f.add(BigEndian.u32(c.sender()));
                    f.add(Hex.decode(c.hiding(), "hiding commitment"));
                    f.add(Hex.decode(c.binding(), "binding commitment"));
                });
        return Digests.sha256(Framing.frame("keyshard/sign/v1/commitments", f.toArray(new byte[0][])));
    }

    /** The fields a signer's round-2 answer is signed over. */
    public static byte[][] share(byte[] requestHash, byte[] commitmentsHash, int sender, byte[] share) {
        return new byte[][] {utf8("round2"), requestHash, commitmentsHash, BigEndian.u32(sender), share};
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
