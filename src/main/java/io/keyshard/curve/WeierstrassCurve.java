package io.keyshard.curve;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/** secp256k1, P-256, P-384 and P-521 on Bouncy Castle's {@code CustomNamedCurves}; also the BIP-340 flavour. */
final class WeierstrassCurve extends BaseCurve {
    private final ECCurve curve;
    private final ECPoint g;
    private final BigInteger n;
    private final int fieldLength;
    private final WeierstrassPoint generator;
    private final WeierstrassPoint identity;
    private volatile PublicBaseTable publicTable;
    private volatile FixedBaseMultiplier generatorTable;

    WeierstrassCurve(CurveName name, String bcName) {
        this(name, CustomNamedCurves.getByName(bcName));
    }

    private WeierstrassCurve(CurveName name, X9ECParameters params) {
        super(name, new ScalarCodec(params.getN(), (params.getN().bitLength() + 7) / 8, false));
        this.curve = params.getCurve();
        this.g = params.getG().normalize();
        this.n = params.getN();
        this.fieldLength = (curve.getFieldSize() + 7) / 8;
        this.generator = new WeierstrassPoint(this, g);
        this.identity = new WeierstrassPoint(this, curve.getInfinity());
    }

    ECCurve bcCurve() {
        return curve;
    }

    int fieldLength() {
        return fieldLength;
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
        return generatorTable().times(k);
    }

    @Override
    public Point multiplyBase(Scalar k) {
        return generatorTable().times(own(k));
    }

    /** The constant-time table of G's multiples (built on first use, then shared). */
    FixedBaseMultiplier generatorTable() {
        FixedBaseMultiplier table = generatorTable;
        if (table == null) {
            synchronized (this) {
                table = generatorTable;
                if (table == null) {
                    table = new FixedBaseMultiplier(this, g, FixedBaseMultiplier.TableFactory.CACHE_SAFE);
                    generatorTable = table;
                }
            }
        }
        return table;
    }

    /** k·P for a public k: from the fixed-base table when P is the generator (built on first use). */
    ECPoint multiplyPublic(ECPoint p, BigInteger k) {
        BigInteger reduced = k.mod(n);
        if (p != g) {
            return p.multiply(reduced);
        }
        PublicBaseTable table = publicTable;
        if (table == null) {
            synchronized (this) {
                table = publicTable;
                if (table == null) {
                    table = new PublicBaseTable(curve, g, n);
                    publicTable = table;
                }
            }
        }
        return table.multiply(curve, reduced);
    }

    @Override
    public Point multiSum(BigInteger[] ks, Point[] ps) {
        checkSameCount(ks, ps);
        if (ks.length == 0) {
            return identity;
        }
        ECPoint[] bc = new ECPoint[ps.length];
        BigInteger[] red = new BigInteger[ks.length];
        for (int i = 0; i < ps.length; i++) {
            bc[i] = own(ps[i]).bc();
            red[i] = ks[i].mod(n);
        }
        return new WeierstrassPoint(this, ECAlgorithms.sumOfMultiplies(bc, red).normalize());
    }

    @Override
    public Point multiSumMany(BigInteger[] ks, Point[] ps) {
        checkSameCount(ks, ps);
        if (ks.length < 64) {
            return multiSum(ks, ps);
        }
        ECPoint[] bc = new ECPoint[ps.length];
        BigInteger[] red = new BigInteger[ks.length];
        for (int i = 0; i < ps.length; i++) {
            bc[i] = own(ps[i]).bc(); // kept normalised: every bucket addition is a mixed one
            red[i] = ks[i].mod(n);
        }
        return new WeierstrassPoint(
                this, BucketMultiSum.sum(curve, bc, red, n.bitLength()).normalize());
    }

    @Override
    public int pointLength() {
        return 1 + fieldLength;
    }

    @Override
    public Point decodePoint(byte[] enc) {
        if (enc == null || enc.length == 0) {
            throw new InvalidEncodingException(name() + " point: empty encoding");
        }
        int prefix = enc[0] & 0xff;
        if (enc.length == 1 && prefix == 0) {
            throw new InvalidEncodingException(name() + " point: the point at infinity is not allowed");
        }
        BigInteger p = curve.getField().getCharacteristic();
        if (prefix == 0x02 || prefix == 0x03) {
            if (enc.length != 1 + fieldLength) {
                throw new InvalidEncodingException(name() + " point: compressed encoding must be " + (1 + fieldLength)
                        + " bytes, got " + enc.length);
            }
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(enc, 1, enc.length));
            if (x.compareTo(p) >= 0) {
                throw new InvalidEncodingException(name() + " point: x is not below the field prime (non-canonical)");
            }
            ECPoint pt;
            try {
                pt = curve.decodePoint(enc);
            } catch (IllegalArgumentException e) {
                throw new InvalidEncodingException(
                        name() + " point: x is not the x-coordinate of a point on the curve");
            }
            return checked(pt);
        }
        if (prefix == 0x04) {
            if (enc.length != 1 + 2 * fieldLength) {
                throw new InvalidEncodingException(name() + " point: uncompressed encoding must be "
                        + (1 + 2 * fieldLength) + " bytes, got " + enc.length);
            }
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(enc, 1, 1 + fieldLength));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(enc, 1 + fieldLength, enc.length));
            if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
                throw new InvalidEncodingException(
                        name() + " point: a coordinate is not below the field prime (non-canonical)");
            }
            ECPoint pt = curve.createPoint(x, y);
            if (!pt.isValid()) {
                throw new InvalidEncodingException(name() + " point: (x, y) is not on the curve");
            }
            return checked(pt);
        }
        throw new InvalidEncodingException(
                name() + String.format(" point: unknown SEC1 prefix 0x%02x (expected 02, 03 or 04)", prefix));
    }

    private Point checked(ECPoint pt) {
        ECPoint norm = pt.normalize();
        if (norm.isInfinity()) {
            throw new InvalidEncodingException(name() + " point: the point at infinity is not allowed");
        }
        return new WeierstrassPoint(this, norm);
    }

    @Override
    public byte[] encodePublicKey(Point p) {
        byte[] compressed = own(p).encode();
        if (name() == CurveName.SECP256K1_SCHNORR) {
            return Arrays.copyOfRange(compressed, 1, compressed.length);
        }
        return compressed;
    }

    @Override
    public Point decodePublicKey(byte[] enc) {
        if (name() != CurveName.SECP256K1_SCHNORR) {
            return decodePoint(enc);
        }
        if (enc == null || enc.length != 32) {
            throw new InvalidEncodingException(
                    name() + " public key: x-only key must be 32 bytes, got " + (enc == null ? "none" : enc.length));
        }
        byte[] even = new byte[33];
        even[0] = 0x02;
        System.arraycopy(enc, 0, even, 1, 32);
        return decodePoint(even);
    }

    @Override
    public DerivationScheme derivationScheme() {
        return switch (name()) {
            case SECP256K1, SECP256K1_SCHNORR -> DerivationScheme.BIP32;
            default -> DerivationScheme.SLIP10;
        };
    }

    WeierstrassPoint own(Point p) {
        return own(p, WeierstrassPoint.class);
    }
}
