package io.keyshard.dkg;

import io.keyshard.bytes.ByteArrays;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Point-to-point shares under RFC 9180 HPKE, base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * AES-128-GCM. The info and the associated data both bind sessionId, sender and recipient, so a
 * share can neither be replayed into another session nor redirected to another recipient. The
 * threshold-ECDSA round messages use the same KEM and KDF with ChaCha20-Poly1305 ({@link #relaySuite}), one
 * context per ordered pair of servers per signing ({@link SigningChannel}).
 */
final class ShareEncryption {
    static final int ENC_LENGTH = 32;
    static final int TAG_LENGTH = 16;

    private ShareEncryption() {}

    static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
    }

    /**
     * The suite of the threshold-ECDSA round messages (relay version 2): AEAD ChaCha20-Poly1305 (0x0003), which
     * Bouncy Castle computes in about half the time of its AES-GCM on nodes without C2 (~100 kB bodies).
     */
    static HPKE relaySuite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
    }

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
        return seal(suite(), recipientKey, info, aad, plaintext, ephemeral);
    }

    /** {@code enc ‖ ciphertext} under {@code hpke}, one of this class's suites. */
    static byte[] seal(
            HPKE hpke,
            X25519PublicKeyParameters recipientKey,
            byte[] info,
            byte[] aad,
            byte[] plaintext,
            AsymmetricCipherKeyPair ephemeral) {
        HPKEContextWithEncapsulation ctx = ephemeral == null
                ? hpke.setupBaseS(recipientKey, info)
                : hpke.setupBaseS(recipientKey, info, ephemeral);
        return ByteArrays.concat(ctx.getEncapsulation(), sealNext(ctx, aad, plaintext));
    }

    /** The next ciphertext of {@code ctx} (RFC 9180 section 5.2 ContextS.Seal). */
    static byte[] sealNext(HPKEContext ctx, byte[] aad, byte[] plaintext) {
        try {
            return ctx.seal(aad, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE sealing failed", e);
        }
    }

    /** The plaintext, or null when the sealed share does not open (wrong key, session, sender or tampering). */
    static byte[] open(
            byte[] sessionId, int sender, int recipient, AsymmetricCipherKeyPair recipientKeys, byte[] sealed) {
        byte[] context = context(sessionId, sender, recipient);
        return open(recipientKeys, context, context, sealed);
    }

    static byte[] open(AsymmetricCipherKeyPair recipientKeys, byte[] info, byte[] aad, byte[] sealed) {
        return open(suite(), recipientKeys, info, aad, sealed);
    }

    /** The plaintext of {@code enc ‖ ciphertext} under {@code hpke}, or null when it does not open. */
    static byte[] open(HPKE hpke, AsymmetricCipherKeyPair recipientKeys, byte[] info, byte[] aad, byte[] sealed) {
        HPKEContext ctx = receiver(hpke, recipientKeys, info, sealed);
        return ctx == null ? null : openNext(ctx, aad, sealed, ENC_LENGTH);
    }

    /** The receiver's context from the {@code enc} that {@code sealed} opens with, or null when it is not one. */
    static HPKEContext receiver(HPKE hpke, AsymmetricCipherKeyPair recipientKeys, byte[] info, byte[] sealed) {
        if (sealed == null || sealed.length < ENC_LENGTH + TAG_LENGTH) {
            return null;
        }
        try {
            return hpke.setupBaseR(Arrays.copyOfRange(sealed, 0, ENC_LENGTH), recipientKeys, info);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A low-order enc makes the X25519 agreement fail; to the recipient that is just an unopenable message.
            return null;
        }
    }

    /** The next plaintext of {@code ctx} from {@code sealed} after {@code offset} (ContextR.Open), or null. */
    static byte[] openNext(HPKEContext ctx, byte[] aad, byte[] sealed, int offset) {
        if (sealed.length - offset < TAG_LENGTH) {
            return null;
        }
        try {
            return ctx.open(aad, sealed, offset, sealed.length - offset);
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private static byte[] context(byte[] sessionId, int sender, int recipient) {
        return ProtocolHash.frame("share", sessionId, ProtocolHash.u32(sender), ProtocolHash.u32(recipient));
    }
}
