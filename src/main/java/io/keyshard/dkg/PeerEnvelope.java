package io.keyshard.dkg;

import io.keyshard.bytes.Framing;
import io.keyshard.crypto.Digests;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * A server-to-server message the coordinator relays but can neither read nor change: HPKE-encrypted to
 * the recipient's X25519 identity key (info and associated data are {@code context}), then signed with
 * the sender's Ed25519 identity key over the context and the ciphertext's hash under a domain tag of
 * the caller's purpose, never the key generation's or the FROST signing's. The context must bind
 * everything the message belongs to (key, session, round, sender, recipient).
 */
public final class PeerEnvelope {
    private PeerEnvelope() {}

    /** A sealed message and its sender's signature. */
    public record Sealed(byte[] ciphertext, byte[] signature) {}

    /** Encrypts {@code plaintext} to {@code recipientEncryptionKey} and signs the result with {@code sender}. */
    public static Sealed seal(
            IdentityKeys sender, byte[] recipientEncryptionKey, String tag, byte[] context, byte[] plaintext) {
        byte[] ct = ShareEncryption.seal(
                new X25519PublicKeyParameters(recipientEncryptionKey, 0), context, context, plaintext, null);
        return new Sealed(ct, sender.sign(signed(tag, context, ct)));
    }

    /** True when {@code signature} is the holder of {@code senderSigningKey}'s signature of this ciphertext in this context. */
    public static boolean verify(
            byte[] senderSigningKey, String tag, byte[] context, byte[] ciphertext, byte[] signature) {
        return ciphertext != null
                && signature != null
                && signature.length == Signatures.LENGTH
                && IdentityKeys.verify(senderSigningKey, signed(tag, context, ciphertext), signature);
    }

    /** The plaintext, or null when the ciphertext does not open for {@code recipient} in this context. */
    public static byte[] open(IdentityKeys recipient, byte[] context, byte[] ciphertext) {
        return ShareEncryption.open(recipient.encryptionKeyPair(), context, context, ciphertext);
    }

    private static byte[] signed(String tag, byte[] context, byte[] ciphertext) {
        return Framing.frame(tag, Digests.sha256(context), Digests.sha256(ciphertext));
    }
}
