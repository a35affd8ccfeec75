package io.keyshard.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for values at rest (vault records and secrets, backups, node shares). It draws a
 * fresh random 96-bit nonce for every seal itself, so a caller can never reuse one; keep to well
 * under 2^32 seals per key. Sealed form: {@code 0x01 ‖ nonce ‖ ciphertext ‖ tag}. The associated
 * data binds a value to where it belongs, so a value moved elsewhere does not open.
 */
public final class Sealer implements AutoCloseable {
    /** The AES-256 key length. */
    public static final int KEY_LENGTH = 32;

    private static final byte FORMAT = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    /**
     * Ciphers between uses, each used by one thread at a time and initialised again with a fresh nonce for
     * every seal or open: getting a new one per call cost about a third of a small open on the C1-only nodes.
     */
    private final Queue<Cipher> idle = new ConcurrentLinkedQueue<>();

    private volatile boolean closed;

    /** A sealer with a copy of {@code key} (32 bytes); {@link #close()} wipes the copy. */
    public Sealer(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = key.clone();
    }

    /** Encrypts and authenticates {@code plaintext} together with {@code associatedData}. */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        Cipher c = take();
        try {
            init(c, Cipher.ENCRYPT_MODE, nonce);
            c.updateAAD(associatedData);
            byte[] ct = c.doFinal(plaintext);
            byte[] out = new byte[1 + NONCE + ct.length];
            out[0] = FORMAT;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(ct, 0, out, 1 + NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            give(c);
        }
    }

    /** The plaintext, or {@code null} when the value was modified, moved or sealed under another key. */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed == null || sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != FORMAT) {
            return null;
        }
        Cipher c = take();
        try {
            init(c, Cipher.DECRYPT_MODE, Arrays.copyOfRange(sealed, 1, 1 + NONCE));
            c.updateAAD(associatedData);
            return c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            give(c);
        }
    }

    private Cipher take() {
        Cipher c = idle.poll();
        if (c != null) {
            return c;
        }
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private void give(Cipher c) {
        if (!closed) {
            idle.offer(c);
        }
    }

    private void init(Cipher c, int mode, byte[] nonce) throws GeneralSecurityException {
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    }

    @Override
    public void close() {
        closed = true;
        idle.clear();
        Arrays.fill(key, (byte) 0);
    }
}
