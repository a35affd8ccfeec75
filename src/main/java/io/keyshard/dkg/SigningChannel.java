package io.keyshard.dkg;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.bytes.Framing;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/**
 * One direction of a threshold-ECDSA signing's sealed messages between two servers: one RFC 9180 HPKE context
 * (section 5.2) that seals, or opens, the sender's messages to the recipient in the order sent. The first
 * message carries the encapsulated key {@code enc ‖ ciphertext}, the later ones the ciphertext alone; the
 * context's sequence number makes a replayed, dropped or reordered message fail to open. A message that
 * does not open ends the channel. Each message's associated data is framed under
 * {@link IdentityKeys#SEALED_SIGNING_TAG}. Drop with {@link #destroy()}.
 */
public final class SigningChannel implements Destroyable {
    private final boolean sending;
    private HPKEContext context;
    /** Sender: the encapsulated key its first message carries, null once sent. */
    private byte[] enc;
    /** Recipient before its first message: its key pair and the context's info, to set it up from that enc. */
    private AsymmetricCipherKeyPair keys;

    private byte[] info;
    private boolean destroyed;

    private SigningChannel(
            boolean sending, HPKEContext context, byte[] enc, AsymmetricCipherKeyPair keys, byte[] info) {
        this.sending = sending;
        this.context = context;
        this.enc = enc;
        this.keys = keys;
        this.info = info;
    }

    static SigningChannel sending(HPKEContextWithEncapsulation context) {
        return new SigningChannel(true, context, context.getEncapsulation(), null, null);
    }

    static SigningChannel receiving(AsymmetricCipherKeyPair keys, byte[] info) {
        return new SigningChannel(false, null, null, keys, info);
    }

    /** The next message to the recipient: {@code enc ‖ ciphertext} the first time, the ciphertext after. */
    public byte[] seal(byte[][] associated, byte[] plaintext) {
        if (!sending || destroyed) {
            throw new IllegalStateException(
                    destroyed ? "the channel was destroyed" : "a receiving channel seals nothing");
        }
        byte[] ct = ShareEncryption.sealNext(
                context, Framing.frame(IdentityKeys.SEALED_SIGNING_TAG, associated), plaintext);
        if (enc == null) {
            return ct;
        }
        byte[] out = ByteArrays.concat(enc, ct);
        enc = null;
        return out;
    }

    /**
     * The plaintext of the sender's next message, or null when it does not open (another signing, pair or
     * round, out of order, replayed, tampered); then the channel opens nothing more.
     */
    public byte[] open(byte[][] associated, byte[] sealed) {
        if (sending || destroyed) {
            throw new IllegalStateException(
                    destroyed ? "the channel was destroyed" : "a sending channel opens nothing");
        }
        if (sealed == null) {
            destroy();
            return null;
        }
        int offset = 0;
        if (context == null) {
            context = ShareEncryption.receiver(ShareEncryption.relaySuite(), keys, info, sealed);
            keys = null;
            info = null;
            offset = ShareEncryption.ENC_LENGTH;
        }
        byte[] plain = context == null
                ? null
                : ShareEncryption.openNext(
                        context, Framing.frame(IdentityKeys.SEALED_SIGNING_TAG, associated), sealed, offset);
        if (plain == null) {
            destroy();
        }
        return plain;
    }

    /**
     * Drops the context; Bouncy Castle keeps its key and base nonce in private fields that only the
     * collector reclaims, so dropping is all that can be done.
     */
    @Override
    public void destroy() {
        destroyed = true;
        context = null;
        enc = null;
        keys = null;
        info = null;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
