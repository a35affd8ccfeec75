package io.keyshard.frost;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/** The hash functions of the suites over concatenated parts, and byte concatenation. */
final class Digests {
    private Digests() {
    }

    static byte[] sha256(byte[]... parts) {
        return fixed(new SHA256Digest(), parts);
    }

    static byte[] sha512(byte[]... parts) {
        return fixed(new SHA512Digest(), parts);
    }

    static byte[] shake256(int outputLength, byte[]... parts) {
        SHAKEDigest d = absorb(new SHAKEDigest(256), parts);
        byte[] out = new byte[outputLength];
        d.doFinal(out, 0, outputLength);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] fixed(Digest d, byte[]... parts) {
        absorb(d, parts);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    private static <D extends Digest> D absorb(D d, byte[]... parts) {
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        return d;
    }
}
