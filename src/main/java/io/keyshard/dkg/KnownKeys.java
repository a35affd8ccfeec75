package io.keyshard.dkg;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Servers' long-term identity keys that already passed their checks, remembered so a key
 * generation does not repeat them: the full Ed25519 check (a point of the prime-order group) and
 * the X25519 low-order check each cost a scalar multiplication, and the same few keys come back in
 * every session (repeating them was a large part of the protocol's CPU). A check is a pure function of the
 * key's bytes, so a remembered pass means the same as a repeated one; failures are never
 * remembered. Bounded, least recently used first out.
 *
 * <p>Process-wide on purpose: it memoises a pure check of public bytes, so sharing it between
 * sessions, nodes or clients in one process can skip work but never change an answer, and it
 * holds nothing secret. An instance per caller would only lose the hits that are its reason.
 */
final class KnownKeys {
    private static final int CAPACITY = 1024;
    private static final Map<ByteBuffer, Ed25519PublicKeyParameters> SIGNING = lru();
    private static final Map<ByteBuffer, Boolean> ENCRYPTION = lru();

    private KnownKeys() {}

    private static <V> Map<ByteBuffer, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    /** The decoded key if {@code key} is a valid Ed25519 public key of the prime-order group, else null. */
    static Ed25519PublicKeyParameters validSigningKey(byte[] key) {
        if (key == null || key.length != Ed25519.PUBLIC_KEY_SIZE) {
            return null;
        }
        ByteBuffer id = ByteBuffer.wrap(key.clone());
        synchronized (SIGNING) {
            Ed25519PublicKeyParameters known = SIGNING.get(id);
            if (known != null) {
                return known;
            }
        }
        if (!Ed25519.validatePublicKeyFull(key, 0)) {
            return null;
        }
        Ed25519PublicKeyParameters decoded = new Ed25519PublicKeyParameters(key, 0);
        synchronized (SIGNING) {
            SIGNING.put(id, decoded);
        }
        return decoded;
    }

    /** A 32-byte X25519 key that is not a low-order point (X25519 of it with any scalar gives all zeros exactly then). */
    static boolean validEncryptionKey(byte[] u) {
        if (u == null || u.length != X25519.POINT_SIZE) {
            return false;
        }
        ByteBuffer id = ByteBuffer.wrap(u.clone());
        synchronized (ENCRYPTION) {
            if (ENCRYPTION.get(id) != null) {
                return true;
            }
        }
        byte[] k = new byte[X25519.SCALAR_SIZE];
        k[0] = 9;
        if (!X25519.calculateAgreement(k, 0, u, 0, new byte[X25519.POINT_SIZE], 0)) {
            return false;
        }
        synchronized (ENCRYPTION) {
            ENCRYPTION.put(id, Boolean.TRUE);
        }
        return true;
    }
}
