package io.keyshard.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/** SHA-256, SHA-512, SHAKE256, BLAKE3 and HASH160 over byte parts, one implementation for every caller. */
public final class Digests {
    private Digests() {}

    /** SHA-256 of the parts, one after another. */
    public static byte[] sha256(byte[]... parts) {
        return digest(new SHA256Digest(), parts);
    }

    /** SHA-512 of the parts, one after another. */
    public static byte[] sha512(byte[]... parts) {
        return digest(new SHA512Digest(), parts);
    }

    /** The 32-byte BLAKE3 hash of the parts, one after another (unkeyed). */
    public static byte[] blake3(byte[]... parts) {
        Blake3 d = new Blake3();
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.finish(Blake3.OUT_LENGTH);
    }

    /** {@code outputLength} bytes of SHAKE256 over the parts, one after another. */
    public static byte[] shake256(int outputLength, byte[]... parts) {
        SHAKEDigest d = new SHAKEDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[outputLength];
        d.doFinal(out, 0, outputLength);
        return out;
    }

    /** BIP-340's tagged hash: SHA-256(SHA-256(tag) ‖ SHA-256(tag) ‖ data), the tag as UTF-8. */
    public static byte[] taggedHash(String tag, byte[] data) {
        byte[] t = sha256(tag.getBytes(StandardCharsets.UTF_8));
        return sha256(t, t, data);
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
