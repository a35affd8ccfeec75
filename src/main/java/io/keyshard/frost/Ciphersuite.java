package io.keyshard.frost;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.ScalarField;
import java.nio.charset.StandardCharsets;

/**
 * The FROST ciphersuites of RFC 9591 section 6 (6.1 Ed25519, 6.3 Ed448, 6.4 P-256, 6.5 secp256k1)
 * and the BIP-340 variant of secp256k1 of the Zcash Foundation's {@code frost-secp256k1-tr}:
 * the context string, H1..H5, the strict (de)serialization of elements and scalars, the challenge
 * and the signature encoding. The protocol itself is generic over these.
 */
public enum Ciphersuite {
    ED25519_SHA512("FROST-ED25519-SHA512-v1", CurveName.ED25519, Hash.SHA512),
    ED448_SHAKE256("FROST-ED448-SHAKE256-v1", CurveName.ED448, Hash.SHAKE256),
    P256_SHA256("FROST-P256-SHA256-v1", CurveName.P256, Hash.XMD_SHA256),
    SECP256K1_SHA256("FROST-secp256k1-SHA256-v1", CurveName.SECP256K1, Hash.XMD_SHA256),
    SECP256K1_TR("FROST-secp256k1-SHA256-TR-v1", CurveName.SECP256K1_SCHNORR, Hash.XMD_SHA256);

    private enum Hash {
        SHA512,
        SHAKE256,
        XMD_SHA256
    }

    /** SHAKE256 output length of the Ed448 suite (RFC 9591 6.3). */
    private static final int SHAKE_BYTES = 114;

    private final String contextString;
    private final CurveName curveName;
    private final Hash hash;

    Ciphersuite(String contextString, CurveName curveName, Hash hash) {
        this.contextString = contextString;
        this.curveName = curveName;
        this.hash = hash;
    }

    /** The suite that signs keys of this curve: EdDSA-compatible for Edwards, BIP-340 for Taproot keys. */
    public static Ciphersuite forCurve(CurveName curve) {
        return switch (curve) {
            case ED25519 -> ED25519_SHA512;
            case ED448 -> ED448_SHAKE256;
            case SECP256K1_SCHNORR -> SECP256K1_TR;
            default ->
                throw new IllegalArgumentException("curve " + curve
                        + " signs with threshold ECDSA: no FROST suite gives signatures its verifiers accept");
        };
    }

    public String contextString() {
        return contextString;
    }

    public Curve curve() {
        return curveName.curve();
    }

    /** True for the BIP-340 variant: even-Y keys and nonces, x-only challenge and signatures. */
    public boolean bip340() {
        return this == SECP256K1_TR;
    }

    /**
     * The scalars mod the group order, encoded as SerializeScalar: little-endian for Edwards, else
     * big-endian, which is the curve's own scalar encoding; the curve's one field, so key shares from
     * the key generation are scalars of the suite.
     */
    public ScalarField scalars() {
        return curve().scalars();
    }

    /** H1: the binding factor hash ("rho"). */
    public Scalar h1(byte[] m) {
        return hashToScalar("rho", m);
    }

    /** H2: the challenge hash; without a context string for the Edwards suites, for RFC 8032 compatibility. */
    public Scalar h2(byte[] m) {
        return switch (this) {
            case ED25519_SHA512 -> scalars().reduce(Digests.sha512(m), true);
            case ED448_SHAKE256 ->
                scalars().reduce(Digests.shake256(SHAKE_BYTES, ascii("SigEd448"), new byte[] {0, 0}, m), true);
            case SECP256K1_TR -> scalars().reduce(Digests.taggedHash("BIP0340/challenge", m), false);
            default -> hashToScalar("chal", m);
        };
    }

    /** H3: the nonce hash ("nonce"). */
    public Scalar h3(byte[] m) {
        return hashToScalar("nonce", m);
    }

    /** H4: the message hash ("msg"). */
    public byte[] h4(byte[] m) {
        return plainHash("msg", m);
    }

    /** H5: the commitment list hash ("com"). */
    public byte[] h5(byte[] m) {
        return plainHash("com", m);
    }

    private Scalar hashToScalar(String label, byte[] m) {
        byte[] ctx = ascii(contextString + label);
        return switch (hash) {
            case SHA512 -> scalars().reduce(Digests.sha512(ctx, m), true);
            case SHAKE256 -> scalars().reduce(Digests.shake256(SHAKE_BYTES, ctx, m), true);
            case XMD_SHA256 -> HashToField.hash(scalars(), contextString + label, m);
        };
    }

    private byte[] plainHash(String label, byte[] m) {
        byte[] ctx = ascii(contextString + label);
        return switch (hash) {
            case SHA512 -> Digests.sha512(ctx, m);
            case SHAKE256 -> Digests.shake256(SHAKE_BYTES, ctx, m);
            case XMD_SHA256 -> Digests.sha256(ctx, m);
        };
    }

    /** Length of SerializeElement (Ne). */
    public int elementLength() {
        return curve().pointLength();
    }

    /** SerializeElement: compressed SEC1 or RFC 8032; refuses the identity. */
    public byte[] serializeElement(Point p) {
        if (p.isIdentity()) {
            throw new IllegalArgumentException("the identity element has no encoding");
        }
        return p.encode();
    }

    /**
     * DeserializeElement: exactly Ne bytes (compressed only), canonical, on the curve, in the
     * prime-order subgroup and not the identity.
     */
    public Point deserializeElement(byte[] encoded) {
        if (encoded == null || encoded.length != elementLength()) {
            throw new InvalidEncodingException(contextString + " element must be " + elementLength() + " bytes, got "
                    + (encoded == null ? "none" : encoded.length));
        }
        return curve().decodePoint(encoded);
    }

    public byte[] serializeScalar(Scalar s) {
        return s.encode();
    }

    /** DeserializeScalar: exactly Ns bytes, below the group order. */
    public Scalar deserializeScalar(byte[] encoded) {
        try {
            return scalars().decode(encoded);
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(
                    contextString + " scalar must be " + scalars().byteLength() + " bytes and below the group order");
        }
    }

    /** The identifier i as a scalar (identifiers are small positive integers here). */
    public Scalar identifier(int id) {
        if (id <= 0) {
            throw new IllegalArgumentException("identifiers are non-zero positive integers, got " + id);
        }
        return scalars().of(id);
    }

    /**
     * compute_challenge (RFC 9591 4.6): H2(SerializeElement(R) ‖ SerializeElement(PK) ‖ msg);
     * the BIP-340 variant hashes x(R) ‖ x(PK) ‖ msg with the BIP0340/challenge tag.
     */
    public Scalar challenge(Point groupCommitment, Point groupKey, byte[] msg) {
        if (bip340()) {
            return h2(ByteArrays.concat(Bip340.x(groupCommitment), Bip340.x(groupKey), msg));
        }
        return h2(ByteArrays.concat(serializeElement(groupCommitment), serializeElement(groupKey), msg));
    }

    /** Length of an encoded signature: Ne + Ns, or 64 for BIP-340. */
    public int signatureLength() {
        return bip340() ? 64 : elementLength() + scalars().byteLength();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
