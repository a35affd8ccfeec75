package io.keyshard.curve;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * edwards25519 and edwards448 (RFC 8032 / RFC 7748 parameters) on our own extended-coordinate
 * arithmetic: Bouncy Castle keeps its Edwards point operations private. Points encode as RFC 8032,
 * scalars little-endian.
 */
final class EdwardsCurve extends BaseCurve {
    private final EdwardsGroup group;
    private final EdwardsHalving halving;
    private final BigInteger order;
    private final int cofactorDoublings;
    private final EdwardsPoint identity;
    private final EdwardsPoint generator;
    private volatile FixedBaseTable table;

    private EdwardsCurve(
            CurveName name,
            EdwardsField field,
            boolean aIsMinusOne,
            BigInteger d,
            BigInteger order,
            int cofactorDoublings,
            String generatorHex) {
        super(name, new ScalarCodec(order, (field.prime().bitLength() + 1 + 7) / 8, true));
        this.group = new EdwardsGroup(field, aIsMinusOne, d);
        this.halving = new EdwardsHalving(field, aIsMinusOne, d, cofactorDoublings);
        this.order = order;
        this.cofactorDoublings = cofactorDoublings;
        this.identity = new EdwardsPoint(this, group.identity());
        this.generator =
                new EdwardsPoint(this, group.decode(Hex.decode(generatorHex, "generator"), name + " generator"));
    }

    /** edwards25519: -x² + y² = 1 - (121665/121666)·x²·y², ℓ = 2^252 + 27742...8493, cofactor 8. */
    static EdwardsCurve ed25519() {
        BigInteger p = Field25519.INSTANCE.prime();
        BigInteger d = BigInteger.valueOf(-121665)
                .multiply(BigInteger.valueOf(121666).modInverse(p))
                .mod(p);
        BigInteger order = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
        // RFC 8032 5.1: B = (x, 4/5) with x positive (even).
        return new EdwardsCurve(
                CurveName.ED25519,
                Field25519.INSTANCE,
                true,
                d,
                order,
                3,
                "5866666666666666666666666666666666666666666666666666666666666666");
    }

    /** edwards448: x² + y² = 1 - 39081·x²·y², ℓ = 2^446 - 13818...3885, cofactor 4. */
    static EdwardsCurve ed448() {
        BigInteger order = BigInteger.ONE
                .shiftLeft(446)
                .subtract(new BigInteger("13818066809895115352007386748515426880336692474882178609894547503885"));
        // RFC 8032 5.2: the base point's encoding (y little-endian, x even).
        return new EdwardsCurve(
                CurveName.ED448,
                Field448.INSTANCE,
                false,
                BigInteger.valueOf(-39081),
                order,
                2,
                "14fa30f25b790898adc8d74e2c13bdfdc4397ce61cffd33ad7c2a0051e9c78874098a36c7373ea4b62c7c9563"
                        + "720768824bcb66e71463f6900");
    }

    EdwardsGroup group() {
        return group;
    }

    @Override
    public Point generator() {
        return generator;
    }

    @Override
    public Point identity() {
        return identity;
    }

    @Override
    public Point multiplyBase(BigInteger k) {
        byte[] le = encodeScalar(k.mod(order));
        try {
            return new EdwardsPoint(this, table().multiply(le));
        } finally {
            Arrays.fill(le, (byte) 0);
        }
    }

    @Override
    public Point multiplyBase(Scalar k) {
        byte[] le = own(k).encode();
        try {
            return new EdwardsPoint(this, table().multiply(le));
        } finally {
            Arrays.fill(le, (byte) 0);
        }
    }

    private FixedBaseTable table() {
        FixedBaseTable t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = new FixedBaseTable(group, generator.coordinates(), order);
                    table = t;
                }
            }
        }
        return t;
    }

    @Override
    public Point multiSum(BigInteger[] scalars, Point[] points) {
        checkSameCount(scalars, points);
        // Terms of 1 or −1 (each D_i of a FROST group commitment, −R in a verification) are added or subtracted
        // rather than multiplied: their table of odd multiples and NAF digits would cost more than the term.
        BigInteger minusOne = order.subtract(BigInteger.ONE);
        List<byte[]> les = new ArrayList<>();
        List<ExtendedCoordinates> coords = new ArrayList<>();
        List<ExtendedCoordinates> plain = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            BigInteger k = scalars[i].mod(order);
            ExtendedCoordinates c = own(points[i], EdwardsPoint.class).coordinates();
            if (k.equals(BigInteger.ONE)) {
                plain.add(c);
            } else if (k.equals(minusOne)) {
                plain.add(group.negate(c));
            } else if (k.signum() != 0) {
                les.add(encodeScalar(k));
                coords.add(c);
            }
        }
        ExtendedCoordinates r =
                WnafMultiplier.multiSum(group, les.toArray(new byte[0][]), coords.toArray(new ExtendedCoordinates[0]));
        for (ExtendedCoordinates c : plain) {
            group.add(r, group.cached(c), false, r);
        }
        return new EdwardsPoint(this, r);
    }

    @Override
    public int pointLength() {
        return group.encodedLength();
    }

    @Override
    public Point decodePoint(byte[] encoded) {
        String who = name() + " point";
        ExtendedCoordinates p = group.decode(encoded, who);
        ExtendedCoordinates small = p.copy(group.f);
        for (int i = 0; i < cofactorDoublings; i++) {
            group.dbl(small, small, false);
        }
        if (group.isIdentity(small)) {
            throw new InvalidEncodingException(who + ": a point of small order (outside the prime-order subgroup)");
        }
        // RFC 9591 DeserializeElement: the prime-order subgroup only; halving is exact and cheaper than [ℓ]P.
        // The decoded point has Z = 1, so its Y is the affine y.
        if (!halving.inPrimeOrderSubgroup(p.y)) {
            throw new InvalidEncodingException(who + ": has a torsion component (outside the prime-order subgroup)");
        }
        return new EdwardsPoint(this, p, encoded);
    }

    @Override
    public byte[] encodePublicKey(Point p) {
        return own(p, EdwardsPoint.class).encode();
    }

    @Override
    public Point decodePublicKey(byte[] encoded) {
        return decodePoint(encoded);
    }

    /** True when a point has this encoding's y: {@link Ed25519Encodings#hasPointWithY}. */
    boolean hasPointWithY(byte[] encoded) {
        return group.hasPointWithY(encoded);
    }

    @Override
    public DerivationScheme derivationScheme() {
        return DerivationScheme.EDWARDS_ADDITIVE;
    }
}
