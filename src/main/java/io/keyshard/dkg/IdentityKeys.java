package io.keyshard.dkg;

import io.keyshard.bytes.Framing;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A server's long-term secret identity: an Ed25519 signing key and an X25519 HPKE key. The node
 * makes one at {@code node init}, stores {@link #encoded()} sealed, and publishes
 * {@link #participant(String, int)} at {@code GET /v1/identity}. Wipe with {@link #destroy()}.
 */
public final class IdentityKeys implements Destroyable {
    /** Length of {@link #encoded()}: the 32-byte Ed25519 seed, then the 32-byte X25519 private key. */
    public static final int ENCODED_LENGTH = 64;

    private final byte[] secret;
    private final Ed25519PrivateKeyParameters signing;
    private final X25519PrivateKeyParameters encryption;
    private final byte[] signingPublic;
    private final byte[] encryptionPublic;
    private volatile boolean destroyed;

    private IdentityKeys(byte[] secret) {
        this.secret = secret;
        this.signing = new Ed25519PrivateKeyParameters(secret, 0);
        this.encryption = new X25519PrivateKeyParameters(secret, 32);
        this.signingPublic = signing.generatePublicKey().getEncoded();
        this.encryptionPublic = encryption.generatePublicKey().getEncoded();
    }

    public static IdentityKeys generate(SecureRandom random) {
        byte[] secret = new byte[ENCODED_LENGTH];
        random.nextBytes(secret);
        return new IdentityKeys(secret);
    }

    /** Rebuilds the keys from {@link #encoded()}; the caller wipes its array. */
    public static IdentityKeys fromEncoded(byte[] encoded) {
        if (encoded == null || encoded.length != ENCODED_LENGTH) {
            throw new IllegalArgumentException("identity keys must be " + ENCODED_LENGTH + " bytes");
        }
        return new IdentityKeys(encoded.clone());
    }

    /** A copy of the secret keys for sealed storage; the caller wipes it. */
    public byte[] encoded() {
        live();
        return secret.clone();
    }

    public byte[] signingPublicKey() {
        return signingPublic.clone();
    }

    public byte[] encryptionPublicKey() {
        return encryptionPublic.clone();
    }

    /** This server as it appears in a session's participant list. */
    public Participant participant(String name, int id) {
        return new Participant(name, id, signingPublicKey(), encryptionPublicKey());
    }

    /** Whether a session's entry for this server carries exactly these public keys. */
    boolean matches(Participant p) {
        return Arrays.equals(p.signingKey(), signingPublic) && Arrays.equals(p.encryptionKey(), encryptionPublic);
    }

    /** Domain tag of every threshold-signing message: distinct from the key generation's, so neither passes as the other. */
    public static final String SIGNING_TAG = "keyshard/sign/v1/message";

    /** Signs the framed fields of a threshold-signing message under {@link #SIGNING_TAG}. */
    public byte[] signSigningMessage(byte[]... fields) {
        return sign(Framing.frame(SIGNING_TAG, fields));
    }

    /** True when {@code signature} is {@code publicKey}'s signature of these threshold-signing fields. */
    public static boolean verifySigningMessage(byte[] publicKey, byte[] signature, byte[]... fields) {
        return signature != null
                && signature.length == Signatures.LENGTH
                && verify(publicKey, Framing.frame(SIGNING_TAG, fields), signature);
    }

    /** Domain tag of the HPKE info and associated data of a threshold-signing message sent to one peer. */
    public static final String SEALED_SIGNING_TAG = "keyshard/sign/v1/sealed";

    /**
     * The HPKE context that seals this server's threshold-signing messages to one peer's encryption key in one
     * signing (the key generation's KEM and KDF, AEAD ChaCha20-Poly1305: relay version 2; one context per
     * ordered pair and signing: relay version 4, {@code wire.DklsRound1Request}); {@code info} (framed under
     * {@link #SEALED_SIGNING_TAG}) binds the signing, the sender and the recipient.
     */
    public static SigningChannel sendingChannel(byte[] recipientEncryptionKey, byte[][] info) {
        return SigningChannel.sending(ShareEncryption.relaySuite()
                .setupBaseS(
                        new X25519PublicKeyParameters(recipientEncryptionKey, 0),
                        Framing.frame(SEALED_SIGNING_TAG, info)));
    }

    /** The context that opens a peer's {@link #sendingChannel} to this identity, set up by its first message. */
    public SigningChannel receivingChannel(byte[][] info) {
        return SigningChannel.receiving(encryptionKeyPair(), Framing.frame(SEALED_SIGNING_TAG, info));
    }

    byte[] sign(byte[] message) {
        live();
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, signing);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** False for a signature that does not verify, and for a key that is not a valid prime-order-group point. */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519PublicKeyParameters key = KnownKeys.validSigningKey(publicKey);
        if (key == null) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    AsymmetricCipherKeyPair encryptionKeyPair() {
        live();
        return new AsymmetricCipherKeyPair(new X25519PublicKeyParameters(encryptionPublic, 0), encryption);
    }

    private void live() {
        if (destroyed) {
            throw new IllegalStateException("identity keys were destroyed");
        }
    }

    /** Wipes this object's copy of the secret (Bouncy Castle's key objects keep their own until collected). */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
