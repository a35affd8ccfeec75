package io.keyshard.derive;

import io.keyshard.bytes.BigEndian;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.DerivationScheme;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Non-hardened child key derivation from public data only (docs/derivation.md, Derivation schemes): BIP-32 CKDpub,
 * SLIP-10 CKDpub with its retry rule, and the Edwards additive scheme. The scheme follows the curve.
 */
public final class PublicDerivation {
    // Process-wide on purpose: a child is a pure function of public inputs, so a shared cache can skip
    // work but never change a result, and it holds nothing secret (see ChildCache).
    private static final ChildCache<Step> CHILDREN = new ChildCache<>();

    private PublicDerivation() {}

    /** Derives every level of {@code path} from {@code start} ({@code m} = {@code start}). */
    public static DerivedKey derive(ExtendedPublicKey start, DerivationPath path) {
        if (start.depth() + path.depth() > DerivationPath.MAX_DEPTH) {
            throw new IllegalArgumentException("the starting key is at depth " + start.depth() + " and the path adds "
                    + path.depth() + " levels: the result would be deeper than " + DerivationPath.MAX_DEPTH);
        }
        ExtendedPublicKey key = start;
        BigInteger tweak = BigInteger.ZERO;
        int retries = 0;
        int level = 0;
        for (int index : path.indices()) {
            level++;
            Step step = step(key, index, level);
            key = step.key;
            tweak = tweak.add(step.tweak);
            retries += step.retries;
        }
        return new DerivedKey(
                key,
                path,
                describe(start, path.depth(), retries),
                tweak.mod(start.curve().curve().order()));
    }

    /** One non-hardened step: the child of {@code parent} at {@code index} (below 2^31). */
    public static ExtendedPublicKey child(ExtendedPublicKey parent, int index) {
        return step(parent, index, 1).key;
    }

    private record Step(ExtendedPublicKey key, BigInteger tweak, int retries) {}

    private static Step step(ExtendedPublicKey parent, int index, int level) {
        if (index < 0) {
            throw new IllegalArgumentException("index " + Integer.toUnsignedString(index) + " is hardened: MPC keys "
                    + "can only derive without the private key");
        }
        byte[] encoded = parent.point().encode();
        ByteBuffer key = ChildCache.key(parent, encoded, index);
        Step known = CHILDREN.get(key);
        if (known != null) {
            return known;
        }
        Step step = switch (parent.scheme()) {
            case BIP32 -> weierstrass(parent, encoded, index, level, false);
            case SLIP10 -> weierstrass(parent, encoded, index, level, true);
            case EDWARDS_ADDITIVE -> edwards(parent, encoded, index, level);
        };
        CHILDREN.put(key, step);
        return step;
    }

    /** BIP-32 and SLIP-10 share the formula; SLIP-10 retries where BIP-32 gives up on the index. */
    private static Step weierstrass(ExtendedPublicKey parent, byte[] encoded, int index, int level, boolean retry) {
        Curve curve = parent.curve().curve();
        byte[] chain = parent.chainCode();
        byte[] i = hmacSha512(chain, encoded, BigEndian.u32(index));
        int retries = 0;
        while (true) {
            BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
            Point child = null;
            if (il.compareTo(curve.order()) < 0) {
                // il is public (it follows from the public key and chain code): the fast variable-time table.
                child = curve.generator().multiply(il).add(parent.point());
            }
            if (child != null && !child.isIdentity()) {
                return new Step(childKey(parent, child, Arrays.copyOfRange(i, 32, 64), index), il, retries);
            }
            if (!retry) {
                throw new IllegalArgumentException("level " + level + ": index " + index + " gives no valid BIP-32 "
                        + "child (a chance below 2^-127); BIP-32 says to use index " + (index + 1) + " instead");
            }
            // SLIP-10: I = HMAC-SHA512(c, 0x01 || I_R || ser32(i)), then test again.
            i = hmacSha512(chain, new byte[] {0x01}, Arrays.copyOfRange(i, 32, 64), BigEndian.u32(index));
            retries++;
        }
    }

    /** docs/derivation.md, edwards-additive: I = HMAC-SHA512(c, A || 0x00 || ser32be(i)), child A + (int_be(I_L) mod l)·B. */
    private static Step edwards(ExtendedPublicKey parent, byte[] encoded, int index, int level) {
        Curve curve = parent.curve().curve();
        byte[] i = hmacSha512(parent.chainCode(), encoded, new byte[] {0x00}, BigEndian.u32(index));
        BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(i, 0, 32)).mod(curve.order());
        Point child = parent.point().add(curve.generator().multiply(tweak));
        if (child.isIdentity()) {
            throw new IllegalArgumentException("level " + level + ": index " + index + " gives the identity "
                    + "(a negligible chance); use index " + (index + 1) + " instead");
        }
        return new Step(childKey(parent, child, Arrays.copyOfRange(i, 32, 64), index), tweak, 0);
    }

    private static ExtendedPublicKey childKey(ExtendedPublicKey parent, Point child, byte[] chainCode, int index) {
        return new ExtendedPublicKey(parent.curve(), child, chainCode, parent.depth() + 1, parent.fingerprint(), index);
    }

    private static byte[] hmacSha512(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }

    private static String describe(ExtendedPublicKey start, int steps, int retries) {
        CurveName curve = start.curve();
        if (steps == 0) {
            return "path m: the starting key itself, nothing derived";
        }
        String count = steps + " non-hardened step" + (steps == 1 ? "" : "s");
        DerivationScheme scheme = start.scheme();
        return switch (scheme) {
            case BIP32 -> "BIP-32 public derivation (CKDpub) on " + curve + ", " + count;
            case SLIP10 ->
                "SLIP-10 public derivation on " + curve + ", " + count
                        + (retries == 0
                                ? ""
                                : ", " + retries + " retr" + (retries == 1 ? "y" : "ies") + " by the SLIP-10 rule");
            case EDWARDS_ADDITIVE -> "Edwards additive derivation on " + curve + " (child = A + tweak·B), " + count;
        };
    }
}
