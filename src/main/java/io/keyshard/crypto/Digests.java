package io.keyshard.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256 and HASH160, one implementation for every caller (certificate pins, indexes, addresses, fingerprints). */
public final class Digests {
    private Digests() {
    }

    /** SHA-256 of the parts, one after another. */
    public static byte[] sha256(byte[]... parts) {
        return digest(new SHA256Digest(), parts);
    }

    /** RIPEMD-160 of SHA-256: Bitcoin's key hash, and BIP-32's fingerprint source. */
    public static byte[] hash160(byte[] data) {
        return digest(new RIPEMD160Digest(), sha256(data));
    }

    /** {@code d} over the parts, one after another. */
    public static byte[] digest(Digest d, byte[]... parts) {
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }
}
