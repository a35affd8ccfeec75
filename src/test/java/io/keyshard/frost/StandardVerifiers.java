package io.keyshard.frost;

import io.keyshard.curve.Point;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;

/** Verifiers outside this package: the JDK's EdDSA and the BIP-340 check, for every suite that has one. */
final class StandardVerifiers {
    private StandardVerifiers() {}

    /** True when the suite's standard verifier accepts the signature; null when the suite has none (P-256, secp256k1 Schnorr). */
    static Boolean accepts(Ciphersuite suite, Point groupKey, byte[] msg, byte[] sig) {
        return switch (suite) {
            case ED25519_SHA512 -> jdk("Ed25519", "302a300506032b6570032100", groupKey.encode(), msg, sig);
            case ED448_SHAKE256 -> jdk("Ed448", "3043300506032b6571033a00", groupKey.encode(), msg, sig);
            case SECP256K1_TR -> Bip340.verify(Bip340.x(groupKey), msg, sig);
            default -> null;
        };
    }

    private static boolean jdk(String algorithm, String spkiPrefix, byte[] key, byte[] msg, byte[] sig) {
        try {
            byte[] spki = Arrays.concatenate(Hex.decode(spkiPrefix), key);
            PublicKey pk = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
            java.security.Signature v = java.security.Signature.getInstance(algorithm);
            v.initVerify(pk);
            v.update(msg);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " verifier unavailable", e);
        }
    }
}
