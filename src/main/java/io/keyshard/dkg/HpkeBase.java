package io.keyshard.dkg;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * RFC 9180 HPKE, base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, one message per context
 * (sequence number 0): the key schedule of sections 4.1 and 5.1 here, the AEAD the JDK's AES-GCM, whose
 * intrinsics make a threshold-ECDSA round message (~100 kB) several times cheaper to seal than a software
 * GCM. Checked against RFC 9180 A.1.1 in {@code ShareEncryptionTest}.
 */
final class HpkeBase {
    static final int ENC_LENGTH = 32;
    static final int TAG_LENGTH = 16;
    private static final byte[] VERSION = ascii("HPKE-v1");
    // kem_id 0x0020 DHKEM(X25519, HKDF-SHA256); kdf_id 0x0001 HKDF-SHA256; aead_id 0x0001 AES-128-GCM
    private static final byte[] KEM_SUITE = {'K', 'E', 'M', 0x00, 0x20};
    private static final byte[] SUITE = {'H', 'P', 'K', 'E', 0x00, 0x20, 0x00, 0x01, 0x00, 0x01};
    private static final SecureRandom RANDOM = new SecureRandom();

    private HpkeBase() {}

    /** {@code enc ‖ ciphertext ‖ tag}; {@code ephemeral} fixed for known-answer tests, null draws a fresh one. */
    static byte[] seal(
            X25519PublicKeyParameters recipient,
            byte[] info,
            byte[] aad,
            byte[] plaintext,
            AsymmetricCipherKeyPair ephemeral) {
        X25519PrivateKeyParameters skE = ephemeral == null
                ? new X25519PrivateKeyParameters(RANDOM)
                : (X25519PrivateKeyParameters) ephemeral.getPrivate();
        byte[] enc = skE.generatePublicKey().getEncoded();
        byte[] pkR = recipient.getEncoded();
        byte[] dh = agree(skE, recipient);
        byte[] out = new byte[ENC_LENGTH + plaintext.length + TAG_LENGTH];
        System.arraycopy(enc, 0, out, 0, ENC_LENGTH);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, sharedSecret(dh, enc, pkR), info);
            c.updateAAD(aad);
            c.doFinal(plaintext, 0, plaintext.length, out, ENC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HPKE sealing failed", e);
        }
        return out;
    }

    /** The plaintext, or null when {@code sealed} does not open for these keys, info and aad. */
    static byte[] open(AsymmetricCipherKeyPair recipient, byte[] info, byte[] aad, byte[] sealed) {
        if (sealed == null || sealed.length < ENC_LENGTH + TAG_LENGTH) {
            return null;
        }
        byte[] enc = Arrays.copyOfRange(sealed, 0, ENC_LENGTH);
        byte[] pkR = ((X25519PublicKeyParameters) recipient.getPublic()).getEncoded();
        byte[] dh;
        try {
            dh = agree((X25519PrivateKeyParameters) recipient.getPrivate(), new X25519PublicKeyParameters(enc, 0));
        } catch (IllegalStateException e) {
            // a low-order enc gives an all-zero agreement (RFC 9180 section 7.1.4): an unopenable message
            return null;
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, sharedSecret(dh, enc, pkR), info);
            c.updateAAD(aad);
            return c.doFinal(sealed, ENC_LENGTH, sealed.length - ENC_LENGTH);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HPKE opening failed", e);
        }
    }

    private static byte[] agree(X25519PrivateKeyParameters sk, X25519PublicKeyParameters pk) {
        X25519Agreement a = new X25519Agreement();
        a.init(sk);
        byte[] dh = new byte[a.getAgreementSize()];
        a.calculateAgreement(pk, dh, 0);
        return dh;
    }

    /** DHKEM's ExtractAndExpand (section 4.1) over {@code enc ‖ pkR}. */
    private static byte[] sharedSecret(byte[] dh, byte[] enc, byte[] pkR) throws GeneralSecurityException {
        byte[] prk = labeledExtract(KEM_SUITE, new byte[0], "eae_prk", dh);
        Arrays.fill(dh, (byte) 0);
        return labeledExpand(KEM_SUITE, prk, "shared_secret", concat(enc, pkR), 32);
    }

    /** The key schedule of section 5.1, base mode (empty psk and psk_id), then the AEAD at sequence 0. */
    private static Cipher cipher(int mode, byte[] sharedSecret, byte[] info) throws GeneralSecurityException {
        byte[] pskIdHash = labeledExtract(SUITE, new byte[0], "psk_id_hash", new byte[0]);
        byte[] infoHash = labeledExtract(SUITE, new byte[0], "info_hash", info);
        byte[] context = concat(new byte[] {0x00}, concat(pskIdHash, infoHash));
        byte[] secret = labeledExtract(SUITE, sharedSecret, "secret", new byte[0]);
        Arrays.fill(sharedSecret, (byte) 0);
        byte[] key = labeledExpand(SUITE, secret, "key", context, 16);
        byte[] nonce = labeledExpand(SUITE, secret, "base_nonce", context, 12);
        Arrays.fill(secret, (byte) 0);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * TAG_LENGTH, nonce));
        Arrays.fill(key, (byte) 0);
        return c;
    }

    private static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        // HKDF-Extract with an empty salt uses HashLen zero bytes (RFC 5869 section 2.2)
        mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
        mac.update(VERSION);
        mac.update(suite);
        mac.update(ascii(label));
        return mac.doFinal(ikm);
    }

    private static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        // every length here is at most one HMAC output: T(1) alone
        mac.update(new byte[] {(byte) (length >>> 8), (byte) length});
        mac.update(VERSION);
        mac.update(suite);
        mac.update(ascii(label));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
