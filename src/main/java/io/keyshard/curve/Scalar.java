package io.keyshard.curve;

import java.math.BigInteger;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A scalar mod the group order in fixed-width limbs; every operation is constant-time (see
 * {@link ScalarField}). Immutable apart from {@link #destroy()}, which zeroes the limbs of a
 * secret as soon as it is spent. {@link #toString()} never shows the value.
 */
public final class Scalar implements Destroyable {
    private final ScalarField field;
    private final int[] v;
    private volatile boolean destroyed;

    Scalar(ScalarField field, int[] v) {
        this.field = field;
        this.v = v;
    }

    public ScalarField field() {
        return field;
    }

    public Scalar add(Scalar o) {
        int[] out = new int[field.limbs()];
        field.add(live(), same(o).live(), out);
        return new Scalar(field, out);
    }

    public Scalar subtract(Scalar o) {
        int[] out = new int[field.limbs()];
        field.sub(live(), same(o).live(), out);
        return new Scalar(field, out);
    }

    public Scalar multiply(Scalar o) {
        return new Scalar(field, field.mul(live(), same(o).live()));
    }

    public Scalar negate() {
        int[] out = new int[field.limbs()];
        field.sub(new int[field.limbs()], live(), out);
        return new Scalar(field, out);
    }

    /** This scalar, negated when {@code negate} is true (a public condition: a point's Y parity). */
    public Scalar negateIf(boolean negate) {
        int[] neg = new int[field.limbs()];
        field.sub(new int[field.limbs()], live(), neg);
        int[] out = new int[field.limbs()];
        ScalarField.select(negate ? -1 : 0, neg, v, out);
        Arrays.fill(neg, 0);
        return new Scalar(field, out);
    }

    /**
     * {@code bit == 0 ? ifZero : ifOne} (the bit's low bit counts) for a secret bit: both scalars' limbs
     * are read and combined by a mask computed from the bit, into a new scalar.
     */
    public static Scalar select(int bit, Scalar ifZero, Scalar ifOne) {
        int[] out = new int[ifZero.field.limbs()];
        ScalarField.select(-(bit & 1), ifZero.same(ifOne).live(), ifZero.live(), out);
        return new Scalar(ifZero.field, out);
    }

    public boolean isZero() {
        return ScalarField.isZero(live()) == 1;
    }

    /** The scalar's canonical encoding (SerializeScalar): Ns bytes in the suite's byte order. */
    public byte[] encode() {
        return field.encode(live());
    }

    /**
     * The value as a {@link BigInteger}, for the curve's base multiplication and for public values;
     * a BigInteger cannot be wiped, so keep it short-lived.
     */
    public BigInteger toBigInteger() {
        return ScalarField.toBigInteger(live());
    }

    /** Constant-time comparison of values. */
    public boolean sameValue(Scalar o) {
        return ScalarField.equal(live(), same(o).live()) == 1;
    }

    private Scalar same(Scalar o) {
        if (o.field != field) {
            throw new IllegalArgumentException("scalars of different groups");
        }
        return o;
    }

    private int[] live() {
        if (destroyed) {
            throw new IllegalStateException("the scalar was destroyed");
        }
        return v;
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(v, 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Scalar[hidden]";
    }
}
