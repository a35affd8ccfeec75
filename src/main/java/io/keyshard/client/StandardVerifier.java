package io.keyshard.client;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.frost.Bip340;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * The verifiers a chain uses, not the FROST code that made the signature: the JDK's RFC 8032 Ed25519 and
 * Ed448 (empty context), and BIP-340 under the x-only key. A signature is returned only if this accepts it.
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
            default -> throw new IllegalArgumentException("ECDSA signing is not available yet");
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
