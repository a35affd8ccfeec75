package io.keyshard.dkls;

import io.keyshard.crypto.Digests;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.FixedBaseMultiplier;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.ScalarField;
import io.keyshard.curve.SharedScalarMultiplier;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * One of the four ECDSA curves with its constant-time scalar field and the DKLs23 sizes that follow
 * its order: the multiplication batch {@code ξ = |q| + 2·λ_s} (DKLs23 Section 5, Functionality 3.5).
 */
public final class Group {
    /** Statistical security λ_s of the multiplication's encoding and checks. */
    public static final int STATISTICAL_SECURITY = 80;
    /** Width κ of the OT extension (base OTs per ordered pair): one GF(2^256) element per row. */
    public static final int KAPPA = 256;

    private static final Map<CurveName, Group> CACHE = new EnumMap<>(CurveName.class);

    private final Curve curve;
    private final ScalarField field;
    private final FixedBaseMultiplier generatorTimes;

    private Group(Curve curve) {
        this.curve = curve;
        this.field = new ScalarField(curve.order(), curve.scalarLength(), false);
        this.generatorTimes = FixedBaseMultiplier.of(curve.generator());
    }

    /** Bouncy Castle's name of an ECDSA curve. */
    static String bcName(CurveName name) {
        return switch (name) {
            case SECP256K1 -> "secp256k1";
            case P256 -> "secp256r1";
            case P384 -> "secp384r1";
            case P521 -> "secp521r1";
            default -> throw new IllegalArgumentException("not an ECDSA curve: " + name);
        };
    }

    /** The group of an ECDSA curve (secp256k1, P-256, P-384, P-521). */
    public static synchronized Group of(CurveName name) {
        switch (name) {
            case SECP256K1, P256, P384, P521 -> {}
            default -> throw new IllegalArgumentException("DKLs23 signs ECDSA curves only, not " + name);
        }
        return CACHE.computeIfAbsent(name, n -> new Group(n.curve()));
    }

    /**
     * The group a pairwise setup's base OTs run on: the key's own curve when it is a 256-bit one, P-256 for
     * P-384 and P-521. A key on any curve is held at 128 bits already (its shares travel under X25519 HPKE and
     * every message is signed with Ed25519), which base OTs on a 256-bit curve keep, at a sixth of the cost of
     * P-521's arithmetic. Only the OTs' seeds come out of them: the multiplication still runs over the key's
     * own order, at the key's sizes.
     */
    public static Group forBaseOts(CurveName name) {
        return switch (name) {
            case P384, P521 -> of(CurveName.P256);
            default -> of(name);
        };
    }

    /** Length in bytes of the curve's ECDSA hash: SHA-256 (secp256k1, P-256), SHA-384 (P-384), SHA-512 (P-521). */
    public int digestLength() {
        return switch (curve.name()) {
            case P384 -> 48;
            case P521 -> 64;
            default -> 32;
        };
    }

    /** The curve's hash of a message: the digest ECDSA signs when the caller gives the message itself. */
    public byte[] hash(byte[] message) {
        return switch (curve.name()) {
            case P384 -> Digests.digest(new SHA384Digest(), message);
            case P521 -> Digests.digest(new SHA512Digest(), message);
            default -> Digests.digest(new SHA256Digest(), message);
        };
    }

    public Curve curve() {
        return curve;
    }

    public ScalarField field() {
        return field;
    }

    public BigInteger order() {
        return curve.order();
    }

    /** ξ = |q| + 2·λ_s: OTs per multiplication, and length of the gadget vector. */
    public int batchSize() {
        return curve.order().bitLength() + 2 * STATISTICAL_SECURITY;
    }

    /** A uniform scalar, drawn with 128 extra bits and reduced in constant time. */
    public Scalar random(SecureRandom random) {
        byte[] b = new byte[Oracle.wideLength(field)];
        random.nextBytes(b);
        return Oracle.wideScalar(field, b);
    }

    /** A uniform non-zero scalar. */
    public Scalar randomNonZero(SecureRandom random) {
        Scalar s = random(random);
        while (s.isZero()) {
            s = random(random);
        }
        return s;
    }

    /** {@code s·G} from the curve's constant-time table of G's multiples. */
    public Point base(Scalar s) {
        return generatorTimes.times(s);
    }

    /** {@code s_i·G} for many secret scalars, made affine with one inversion for them all. */
    Point[] baseAll(Scalar[] ss) {
        return generatorTimes.timesAll(ss);
    }

    /** {@code s·P} in variable time: for public scalars only (proof checks, simulated proof branches). */
    public Point times(Point p, Scalar s) {
        return p.multiply(s.toBigInteger());
    }

    /** {@code s·P} for one secret s and many public points, by a regular window ({@link SharedScalarMultiplier}). */
    Point[] timesSecretAll(Scalar s, List<Point> ps) {
        return SharedScalarMultiplier.times(s, ps);
    }

    /** A constant-time multiplier of P by secret scalars, for a P used many times (h, z of a base OT batch). */
    FixedBaseMultiplier multiplier(Point p) {
        return FixedBaseMultiplier.of(p);
    }

    public Scalar of(BigInteger v) {
        return field.of(v);
    }

    /** Strictly decodes a scalar below the order; the message names the sender. */
    public Scalar decodeScalar(byte[] encoded, int sender) {
        try {
            return field.of(curve.decodeScalar(encoded));
        } catch (IllegalArgumentException e) {
            throw new ProtocolAbort(sender, Check.ENCODING, "scalar: " + e.getMessage());
        }
    }

    /** Strictly decodes a point (never the identity); the message names the sender. */
    public Point decodePoint(byte[] encoded, int sender) {
        try {
            return curve.decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            throw new ProtocolAbort(sender, Check.ENCODING, "point: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return curve.name().apiName();
    }
}
