package io.keyshard.dkg;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Point-to-point shares under RFC 9180 HPKE, base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * AES-128-GCM. The info and the associated data both bind sessionId, sender and recipient, so a
 * share can neither be replayed into another session nor redirected to another recipient.
 */
final class ShareEncryption {
    static final int ENC_LENGTH = HpkeBase.ENC_LENGTH;
    static final int TAG_LENGTH = HpkeBase.TAG_LENGTH;

    private ShareEncryption() {}

    /** Length of {@code enc ‖ ciphertext} for a plaintext of this length. */
    static int sealedLength(int plaintextLength) {
        return ENC_LENGTH + plaintextLength + TAG_LENGTH;
    }

    static byte[] seal(byte[] sessionId, int sender, Participant recipient, byte[] plaintext) {
        byte[] context = context(sessionId, sender, recipient.id());
        return seal(new X25519PublicKeyParameters(recipient.encryptionKey(), 0), context, context, plaintext, null);
    }

    /** @param ephemeral a fixed ephemeral key pair for known-answer tests; null draws a fresh one */
    static byte[] seal(
            X25519PublicKeyParameters recipientKey,
            byte[] info,
            byte[] aad,
            byte[] plaintext,
            AsymmetricCipherKeyPair ephemeral) {
        return HpkeBase.seal(recipientKey, info, aad, plaintext, ephemeral);
    }

    /** The plaintext, or null when the sealed share does not open (wrong key, session, sender or tampering). */
    static byte[] open(
            byte[] sessionId, int sender, int recipient, AsymmetricCipherKeyPair recipientKeys, byte[] sealed) {
        byte[] context = context(sessionId, sender, recipient);
        return open(recipientKeys, context, context, sealed);
    }

    static byte[] open(AsymmetricCipherKeyPair recipientKeys, byte[] info, byte[] aad, byte[] sealed) {
        return HpkeBase.open(recipientKeys, info, aad, sealed);
    }

    private static byte[] context(byte[] sessionId, int sender, int recipient) {
        return ProtocolHash.frame("share", sessionId, ProtocolHash.u32(sender), ProtocolHash.u32(recipient));
    }
}
