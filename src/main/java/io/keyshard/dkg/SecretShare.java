package io.keyshard.dkg;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A server's secret share {@code x_j} of a key: what the node seals (AES-256-GCM) and stores.
 * Holds the curve's fixed-length scalar encoding; {@link #encoded()} hands out a copy for sealing.
 * Wipe with {@link #destroy()} as soon as it is stored. Never logged: {@link #toString()} hides it.
 */
public final class SecretShare implements Destroyable {
    private final CurveName curve;
    private final int id;
    private final byte[] scalar;
    private volatile boolean destroyed;

    private SecretShare(CurveName curve, int id, byte[] scalar) {
        this.curve = curve;
        this.id = id;
        this.scalar = scalar;
    }

    static SecretShare of(CurveName curve, int id, Scalar value) {
        return new SecretShare(curve, id, value.encode());
    }

    /**
     * Rebuilds a share from {@link #encoded()} (after unsealing); the caller wipes its array.
     *
     * @throws io.keyshard.curve.InvalidEncodingException when it is zero or not a canonical scalar
     */
    public static SecretShare fromEncoded(CurveName curve, int id, byte[] encoded) {
        curve.curve().scalars().decodeNonZero(encoded).destroy();
        return new SecretShare(curve, id, encoded.clone());
    }

    public CurveName curve() {
        return curve;
    }

    /** The id of the server holding this share (its x-coordinate in the sharing). */
    public int id() {
        return id;
    }

    /** A copy of the fixed-length scalar encoding; the caller wipes it after sealing. */
    public byte[] encoded() {
        live();
        return scalar.clone();
    }

    /** {@code x_j} in the curve's constant-time field, for signing; the caller destroys it after use. */
    public Scalar scalar() {
        live();
        return curve.curve().scalars().decode(scalar);
    }

    /**
     * {@code x_j} as a BigInteger, whose arithmetic is variable-time and which cannot be wiped: for
     * tests and one-off checks only, never for signing (use {@link #scalar()}).
     */
    public BigInteger value() {
        live();
        return curve.curve().decodeScalar(scalar);
    }

    /** The verification share {@code x_j·G} this share must match. */
    public Point publicShare() {
        Scalar x = scalar();
        try {
            return curve.curve().multiplyBase(x);
        } finally {
            x.destroy();
        }
    }

    private void live() {
        if (destroyed) {
            throw new IllegalStateException("the share was destroyed");
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(scalar, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "SecretShare[" + curve + ", id " + id + ", value hidden]";
    }
}
