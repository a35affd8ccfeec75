package io.keyshard.payload.bitcoin;

import java.math.BigInteger;
import java.util.Arrays;

/** Strict DER ECDSA signatures as BIP-66 requires them, and encoding (r, s). */
public final class Der {
    private Der() {}

    /** BIP-66 IsValidSignatureEncoding, for the signature without its hash type byte. */
    public static boolean isStrict(byte[] sig) {
        int n = sig.length;
        if (n < 8 || n > 72 || (sig[0] & 0xff) != 0x30 || (sig[1] & 0xff) != n - 2) {
            return false;
        }
        int lenR = sig[3] & 0xff;
        if (5 + lenR >= n) {
            return false;
        }
        int lenS = sig[5 + lenR] & 0xff;
        if (lenR + lenS + 6 != n || sig[2] != 0x02 || lenR == 0 || (sig[4] & 0x80) != 0) {
            return false;
        }
        if (lenR > 1 && sig[4] == 0 && (sig[5] & 0x80) == 0) {
            return false;
        }
        if (sig[lenR + 4] != 0x02 || lenS == 0 || (sig[lenR + 6] & 0x80) != 0) {
            return false;
        }
        return !(lenS > 1 && sig[lenR + 6] == 0 && (sig[lenR + 7] & 0x80) == 0);
    }

    /** DER SEQUENCE { INTEGER r, INTEGER s } in minimal form. */
    public static byte[] encode(BigInteger r, BigInteger s) {
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        byte[] out = new byte[6 + rb.length + sb.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + rb.length + sb.length);
        out[2] = 0x02;
        out[3] = (byte) rb.length;
        System.arraycopy(rb, 0, out, 4, rb.length);
        out[4 + rb.length] = 0x02;
        out[5 + rb.length] = (byte) sb.length;
        System.arraycopy(sb, 0, out, 6 + rb.length, sb.length);
        return out;
    }

    /** The (r, s) of a strict DER signature. */
    public static BigInteger[] decode(byte[] sig) {
        if (!isStrict(sig)) {
            throw new IllegalArgumentException("not a strict DER signature");
        }
        int lenR = sig[3] & 0xff;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 4, 4 + lenR));
        int lenS = sig[5 + lenR] & 0xff;
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 6 + lenR, 6 + lenR + lenS));
        return new BigInteger[] {r, s};
    }
}
