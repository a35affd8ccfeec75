package io.keyshard.client;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.EdDsaVerifier;
import io.keyshard.curve.Point;
import io.keyshard.frost.Bip340;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * The verifiers a chain uses, not the threshold code that made the signature: RFC 8032 Ed25519 and Ed448
 * (empty context; the JDK's for an encoded key, {@link EdDsaVerifier} for a decoded one), BIP-340 under the
 * x-only key, and ECDSA by Bouncy Castle (and the JDK's, for the NIST curves it knows). A signature is
 * returned only if this accepts it.
 */
public final class StandardVerifier {
    /** The DER prefix of an Ed25519 / Ed448 SubjectPublicKeyInfo, before the raw key. */
    private static final byte[] ED25519_SPKI = Hex.decode("302a300506032b6570032100", "prefix");

    private static final byte[] ED448_SPKI = Hex.decode("3043300506032b6571033a00", "prefix");

    private StandardVerifier() {}

    /** The scheme name a result carries. */
    static String scheme(CurveName curve) {
        return switch (curve) {
            case ED25519 -> "Ed25519";
            case ED448 -> "Ed448";
            case SECP256K1_SCHNORR -> "BIP-340";
            case SECP256K1, P256, P384, P521 -> "ECDSA";
        };
    }

    /** True for the curves that sign with FROST; the others sign with threshold ECDSA. */
    public static boolean frost(CurveName curve) {
        return curve == CurveName.ED25519 || curve == CurveName.ED448 || curve == CurveName.SECP256K1_SCHNORR;
    }

    /**
     * True when Bouncy Castle's ECDSA verifier accepts the DER signature of {@code digest} under the SEC1
     * {@code key}, and so does the JDK's for the NIST curves (the JDK has no secp256k1).
     */
    static boolean acceptsEcdsa(CurveName curve, byte[] key, byte[] digest, byte[] der) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(der);
            if (seq.size() != 2) {
                return false;
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
            X9ECParameters p = CustomNamedCurves.getByName(bcName(curve));
            ECDomainParameters domain = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
            var q = p.getCurve().decodePoint(key);
            ECDSASigner bc = new ECDSASigner();
            bc.init(false, new ECPublicKeyParameters(q, domain));
            if (!bc.verifySignature(digest, r, s)) {
                return false;
            }
            if (curve == CurveName.SECP256K1) {
                return true;
            }
            q = q.normalize();
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(bcName(curve)));
            PublicKey pk = KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(
                            new ECPoint(
                                    q.getAffineXCoord().toBigInteger(),
                                    q.getAffineYCoord().toBigInteger()),
                            params.getParameterSpec(ECParameterSpec.class)));
            Signature jdk = Signature.getInstance("NONEwithECDSA");
            jdk.initVerify(pk);
            jdk.update(digest);
            return jdk.verify(der);
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private static String bcName(CurveName curve) {
        return switch (curve) {
            case SECP256K1 -> "secp256k1";
            case P256 -> "secp256r1";
            case P384 -> "secp384r1";
            case P521 -> "secp521r1";
            default -> throw new IllegalArgumentException("not an ECDSA curve: " + curve);
        };
    }

    /** True when the standard verifier of the curve accepts {@code signature} of {@code message} under {@code key}. */
    public static boolean accepts(CurveName curve, byte[] key, byte[] message, byte[] signature) {
        return switch (curve) {
            case ED25519 -> jdk("Ed25519", ED25519_SPKI, key, message, signature);
            case ED448 -> jdk("Ed448", ED448_SPKI, key, message, signature);
            case SECP256K1_SCHNORR -> Bip340.verify(key, message, signature);
            default -> false;
        };
    }

    /**
     * {@link #accepts(CurveName, byte[], byte[], byte[])} under a key the caller holds as a point: RFC 8032 by
     * {@link EdDsaVerifier} (the cofactorless check the JDK's verifier makes, at a fraction of its cost, which
     * dominated the coordinator's time), BIP-340 under x(key).
     */
    public static boolean accepts(CurveName curve, Point key, byte[] message, byte[] signature) {
        return switch (curve) {
            case ED25519, ED448 -> EdDsaVerifier.verify(key, message, signature);
            case SECP256K1_SCHNORR -> Bip340.verify(Bip340.x(key), message, signature);
            default -> false;
        };
    }

    private static boolean jdk(String algorithm, byte[] prefix, byte[] key, byte[] message, byte[] signature) {
        try {
            PublicKey pk = KeyFactory.getInstance(algorithm)
                    .generatePublic(new X509EncodedKeySpec(ByteArrays.concat(prefix, key)));
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(pk);
            v.update(message);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
