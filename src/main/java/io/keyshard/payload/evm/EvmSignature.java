package io.keyshard.payload.evm;

import io.keyshard.curve.CurveName;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A secp256k1 ECDSA signature with its recovery id (the parity of R's y-coordinate), as Ethereum
 * carries it: {@code r ‖ s ‖ v} with v 27/28 for messages, yParity 0/1 in typed transactions.
 */
public record EvmSignature(BigInteger r, BigInteger s, int recoveryId) {
    private static final BigInteger N = CurveName.SECP256K1.curve().order();
    private static final BigInteger HALF_N = N.shiftRight(1);

    public EvmSignature {
        if (r.signum() <= 0 || r.compareTo(N) >= 0) {
            throw new IllegalArgumentException("signature r is not in [1, n-1]");
        }
        if (s.signum() <= 0 || s.compareTo(N) >= 0) {
            throw new IllegalArgumentException("signature s is not in [1, n-1]");
        }
        if (recoveryId != 0 && recoveryId != 1) {
            throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recoveryId);
        }
    }

    /** Whether s is at most n/2, as EIP-2 requires of transactions. */
    public boolean isLowS() {
        return s.compareTo(HALF_N) <= 0;
    }

    /** Refuses a high s, which EIP-2 forbids in transactions. */
    void requireLowS() {
        if (!isLowS()) {
            throw new IllegalArgumentException(
                    "the signature has a high s, which EIP-2 forbids in transactions; normalise it first");
        }
    }

    /** The same signature with s replaced by n - s when s is high; negating s flips R's parity. */
    public EvmSignature normalized() {
        return isLowS() ? this : new EvmSignature(r, N.subtract(s), recoveryId ^ 1);
    }

    /** 27 or 28: the {@code v} of {@code personal_sign} and {@code eth_signTypedData_v4} signatures. */
    public int v() {
        return 27 + recoveryId;
    }

    /** The 65 bytes {@code r ‖ s ‖ v} (v 27/28). */
    public byte[] encode() {
        byte[] out = Arrays.copyOf(Bytes.word(r), 65);
        System.arraycopy(Bytes.word(s), 0, out, 32, 32);
        out[64] = (byte) v();
        return out;
    }

    /** From (r, s, v) with v 27/28 (messages) or 0/1 (yParity); EIP-155 legacy v values are not accepted. */
    public static EvmSignature fromRsv(BigInteger r, BigInteger s, int v) {
        int recId = switch (v) {
            case 27, 28 -> v - 27;
            case 0, 1 -> v;
            default -> throw new IllegalArgumentException("signature v must be 27, 28, 0 or 1, got " + v);
        };
        return new EvmSignature(r, s, recId);
    }

    /** Decodes {@code r ‖ s ‖ v} with v 27/28 or 0/1. */
    public static EvmSignature decode(byte[] sig65) {
        if (sig65 == null || sig65.length != 65) {
            throw new IllegalArgumentException(
                    "an EVM signature is 65 bytes (r ‖ s ‖ v), got " + (sig65 == null ? "none" : sig65.length));
        }
        return fromRsv(
                new BigInteger(1, Arrays.copyOfRange(sig65, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(sig65, 32, 64)),
                sig65[64] & 0xff);
    }
}
