package io.keyshard.payload.evm;

import io.keyshard.address.AccountAddresses;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import java.math.BigInteger;
import java.util.Locale;

/**
 * secp256k1 public key recovery (SEC 1 v2, 4.1.6) as Ethereum's {@code ecrecover}: the key that
 * made a signature over a digest, from (r, s) and the recovery id. It is how a chain learns the
 * sender, so it is how the result of signing is checked against the derived address.
 */
public final class EcRecover {
    private static final Curve CURVE = CurveName.SECP256K1.curve();

    private EcRecover() {}

    /** The public key Q with {@code s·R = e·G + r·Q}, where R has x = r and the parity of the recovery id. */
    public static Point recover(byte[] digest, EvmSignature sig) {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("the digest must be 32 bytes");
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 + sig.recoveryId());
        System.arraycopy(Bytes.word(sig.r()), 0, compressed, 1, 32);
        Point bigR;
        try {
            bigR = CURVE.decodePoint(compressed);
        } catch (InvalidEncodingException e) {
            throw new IllegalArgumentException(
                    "signature r is not the x-coordinate of a curve point: no key recovers from it");
        }
        BigInteger n = CURVE.order();
        BigInteger rInv = sig.r().modInverse(n);
        BigInteger e = new BigInteger(1, digest).mod(n);
        Point q = CURVE.multiSum(
                new BigInteger[] {
                    sig.s().multiply(rInv).mod(n), e.negate().multiply(rInv).mod(n)
                },
                new Point[] {bigR, CURVE.generator()});
        if (q.isIdentity()) {
            throw new IllegalArgumentException("the signature recovers to the point at infinity: no key made it");
        }
        return q;
    }

    /** The EIP-55 address of the key that made the signature. */
    public static String recoverAddress(byte[] digest, EvmSignature sig) {
        return address(recover(digest, sig));
    }

    /** The EIP-55 address of a secp256k1 key. */
    public static String address(Point key) {
        return AccountAddresses.evm(CurveName.SECP256K1, key, Network.MAINNET).value();
    }

    /** Whether two addresses name the same account, whatever their letter case. */
    public static boolean sameAddress(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
