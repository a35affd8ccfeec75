package io.keyshard.frost;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.curve.Scalar;
import java.util.Arrays;

/** Round one of FROST signing (RFC 9591 5.1) and the nonce generation it uses (4.1). */
public final class Round1 {
    /** Bytes of fresh randomness per nonce (RFC 9591 4.1). */
    public static final int RANDOM_BYTES = 32;

    /** A source of fresh random bytes; {@code SecureRandom::nextBytes} in production. */
    @FunctionalInterface
    public interface RandomBytes {
        void nextBytes(byte[] out);
    }

    private Round1() {}

    /**
     * nonce_generate (RFC 9591 4.1): H3(random_bytes(32) ‖ SerializeScalar(secret)). Hedged, never
     * deterministic: the share guards against a weak generator, the fresh bytes against replays.
     */
    public static Scalar nonceGenerate(Ciphersuite suite, Scalar secret, RandomBytes random) {
        byte[] fresh = new byte[RANDOM_BYTES];
        random.nextBytes(fresh);
        try {
            return nonceFromRandomness(suite, secret, fresh);
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
    }

    /** The nonce for given random bytes: only to reproduce published vectors. */
    static Scalar nonceFromRandomness(Ciphersuite suite, Scalar secret, byte[] fresh) {
        if (fresh.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("nonce randomness is " + RANDOM_BYTES + " bytes");
        }
        byte[] secretEnc = suite.serializeScalar(secret);
        byte[] input = ByteArrays.concat(fresh, secretEnc);
        try {
            return suite.h3(input);
        } finally {
            Arrays.fill(secretEnc, (byte) 0);
            Arrays.fill(input, (byte) 0);
        }
    }

    /** commit (RFC 9591 5.1): two fresh nonces and their commitments, for one signature only. */
    public static SigningNonces commit(Ciphersuite suite, KeyPackage key, RandomBytes random) {
        Scalar hiding = nonceGenerate(suite, key.signingShare(), random);
        Scalar binding = nonceGenerate(suite, key.signingShare(), random);
        return withNonces(suite, key.identifier(), hiding, binding);
    }

    static SigningNonces withNonces(Ciphersuite suite, int identifier, Scalar hiding, Scalar binding) {
        // ScalarBaseMult through the curve's constant-time base multiplication.
        SigningCommitments c = new SigningCommitments(
                identifier, suite.curve().multiplyBase(hiding), suite.curve().multiplyBase(binding));
        return new SigningNonces(hiding, binding, c);
    }
}
