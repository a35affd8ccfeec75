package io.keyshard.dkg;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.bytes.Framing;
import java.util.Arrays;
import org.bouncycastle.crypto.hpke.HPKEContext;

/**
 * Test-only: the HPKE context of one ordered pair of a threshold-ECDSA signing ({@link SigningChannel}) rebuilt
 * from the recipient's identity key and the pair's first message, as whoever holds that key can: it opens the
 * pair's message number {@code seq} (0: the first, which carries enc) and seals another in its place, as a
 * modified sender would.
 */
public final class PairContexts {
    private PairContexts() {}

    /** The plaintext of the pair's message number {@code seq}, or null when it does not open. */
    public static byte[] open(
            IdentityKeys recipient, byte[][] info, byte[] first, int seq, byte[][] associated, byte[] sealed) {
        HPKEContext ctx = at(recipient, info, first, seq);
        return ShareEncryption.openNext(
                ctx,
                Framing.frame(IdentityKeys.SEALED_SIGNING_TAG, associated),
                sealed,
                seq == 0 ? ShareEncryption.ENC_LENGTH : 0);
    }

    /** A message in the place of the pair's message number {@code seq}: for 0, with the first message's enc. */
    public static byte[] seal(
            IdentityKeys recipient, byte[][] info, byte[] first, int seq, byte[][] associated, byte[] plaintext) {
        HPKEContext ctx = at(recipient, info, first, seq);
        byte[] ct =
                ShareEncryption.sealNext(ctx, Framing.frame(IdentityKeys.SEALED_SIGNING_TAG, associated), plaintext);
        return seq == 0 ? ByteArrays.concat(Arrays.copyOf(first, ShareEncryption.ENC_LENGTH), ct) : ct;
    }

    /** The context with its sequence number at {@code seq}: each seal moves it on by one. */
    private static HPKEContext at(IdentityKeys recipient, byte[][] info, byte[] first, int seq) {
        HPKEContext ctx = ShareEncryption.receiver(
                ShareEncryption.relaySuite(),
                recipient.encryptionKeyPair(),
                Framing.frame(IdentityKeys.SEALED_SIGNING_TAG, info),
                first);
        if (ctx == null) {
            throw new IllegalArgumentException("the pair's first message carries no usable enc");
        }
        for (int i = 0; i < seq; i++) {
            ShareEncryption.sealNext(ctx, new byte[0], new byte[0]);
        }
        return ctx;
    }
}
