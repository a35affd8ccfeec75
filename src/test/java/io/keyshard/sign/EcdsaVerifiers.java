package io.keyshard.sign;

import io.keyshard.bytes.Hex;
import io.keyshard.client.SignResult;
import io.keyshard.curve.CurveName;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Test-only: the ECDSA verifiers a chain or a PKI would use, independent of the code under test: Bouncy
 * Castle's ECDSASigner, and the JCA's {@code NONEwithECDSA} (the JDK's SunEC for the NIST curves; the JDK
 * has no secp256k1, so Bouncy Castle's JCA provider for it), plus public-key recovery from (r, s, v).
 */
public final class EcdsaVerifiers {
    private EcdsaVerifiers() {}

    static String bcName(CurveName curve) {
        return switch (curve) {
            case SECP256K1 -> "secp256k1";
            case P256 -> "secp256r1";
            case P384 -> "secp384r1";
            case P521 -> "secp521r1";
            default -> throw new IllegalArgumentException(curve + " is not an ECDSA curve");
        };
    }

    /** The curve's hash of a message. */
    public static byte[] hash(CurveName curve, byte[] message) throws GeneralSecurityException {
        String alg = switch (curve) {
            case P384 -> "SHA-384";
            case P521 -> "SHA-512";
            default -> "SHA-256";
        };
        return MessageDigest.getInstance(alg).digest(message);
    }

    /** Bouncy Castle's low-level verifier, on the r and s of the DER encoding. */
    public static boolean bouncyCastle(CurveName curve, String keyHex, byte[] digest, String derHex) {
        ASN1Sequence seq = ASN1Sequence.getInstance(Hex.decode(derHex, "der"));
        X9ECParameters p = CustomNamedCurves.getByName(bcName(curve));
        ECDSASigner v = new ECDSASigner();
        v.init(
                false,
                new ECPublicKeyParameters(
                        p.getCurve().decodePoint(Hex.decode(keyHex, "key")),
                        new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH())));
        return v.verifySignature(
                digest,
                ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
                ASN1Integer.getInstance(seq.getObjectAt(1)).getValue());
    }

    /** The JCA's NONEwithECDSA over the digest: SunEC for the NIST curves, Bouncy Castle's provider for secp256k1. */
    public static boolean jca(CurveName curve, String keyHex, byte[] digest, String derHex)
            throws GeneralSecurityException {
        X9ECParameters p = CustomNamedCurves.getByName(bcName(curve));
        var q = p.getCurve().decodePoint(Hex.decode(keyHex, "key")).normalize();
        boolean jdk = curve != CurveName.SECP256K1;
        AlgorithmParameters params = jdk
                ? AlgorithmParameters.getInstance("EC")
                : AlgorithmParameters.getInstance("EC", new BouncyCastleProvider());
        params.init(new ECGenParameterSpec(bcName(curve)));
        ECPublicKeySpec spec = new ECPublicKeySpec(
                new ECPoint(
                        q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                params.getParameterSpec(ECParameterSpec.class));
        PublicKey key = jdk
                ? KeyFactory.getInstance("EC").generatePublic(spec)
                : KeyFactory.getInstance("EC", new BouncyCastleProvider()).generatePublic(spec);
        Signature v = jdk
                ? Signature.getInstance("NONEwithECDSA")
                : Signature.getInstance("NONEwithECDSA", new BouncyCastleProvider());
        v.initVerify(key);
        v.update(digest);
        return v.verify(Hex.decode(derHex, "der"));
    }

    /** Q = r^-1·(s·R - e·G) with R lifted from r and the recovery id: the key the signature says signed. */
    public static String recover(CurveName curve, SignResult r, byte[] digest) {
        X9ECParameters p = CustomNamedCurves.getByName(bcName(curve));
        BigInteger n = p.getN();
        BigInteger rr = new BigInteger(r.r(), 16);
        BigInteger s = new BigInteger(r.s(), 16);
        BigInteger x = rr.add((r.recoveryId() & 2) != 0 ? n : BigInteger.ZERO);
        int len = (p.getCurve().getFieldSize() + 7) / 8;
        byte[] enc = new byte[len + 1];
        enc[0] = (byte) (2 + (r.recoveryId() & 1));
        byte[] xb = x.toByteArray();
        int copy = Math.min(xb.length, len);
        System.arraycopy(xb, xb.length - copy, enc, 1 + len - copy, copy);
        var bigR = p.getCurve().decodePoint(enc);
        BigInteger e = new BigInteger(1, digest);
        int excess = 8 * digest.length - n.bitLength();
        if (excess > 0) {
            e = e.shiftRight(excess);
        }
        BigInteger rInv = rr.modInverse(n);
        var key = bigR.multiply(s.multiply(rInv).mod(n))
                .subtract(p.getG().multiply(e.mod(n).multiply(rInv).mod(n)))
                .normalize();
        return Hex.encode(key.getEncoded(true));
    }

    /** r ‖ s as the result's signature field holds them, each the curve's scalar width. */
    public static boolean sameAsConcatenation(SignResult r) {
        String sig = r.signature();
        return sig.length() % 2 == 0 && Arrays.equals(Hex.decode(sig, "sig"), Hex.decode(r.r() + r.s(), "rs"));
    }
}
