package io.keyshard.sign;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.frost.Bip340;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** Test-only: the verifiers a chain would use, independent of the code under test. */
public final class Verifiers {
    private Verifiers() {}

    public static boolean accepts(CurveName curve, String keyHex, byte[] message, String signatureHex) {
        byte[] key = Hex.decode(keyHex, "key");
        byte[] sig = Hex.decode(signatureHex, "signature");
        return switch (curve) {
            case ED25519 -> jdk("Ed25519", "302a300506032b6570032100", key, message, sig);
            case ED448 -> jdk("Ed448", "3043300506032b6571033a00", key, message, sig);
            case SECP256K1_SCHNORR -> Bip340.verify(key, message, sig);
            default -> throw new IllegalArgumentException(curve + " has no FROST verifier");
        };
    }

    private static boolean jdk(String algorithm, String prefix, byte[] key, byte[] message, byte[] sig) {
        try {
            PublicKey pk = KeyFactory.getInstance(algorithm)
                    .generatePublic(new X509EncodedKeySpec(ByteArrays.concat(Hex.decode(prefix, "prefix"), key)));
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(pk);
            v.update(message);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
