package io.keyshard.payload.evm;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Call data written word by word as the ABI encodes it, for tests that lay out a call by hand (hex, no 0x). */
public final class AbiWords {
    private AbiWords() {}

    /** The selector as the ABI defines it (keccak-256 of the signature, first four bytes), then the words. */
    public static String call(String signature, String... words) {
        byte[] h = Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII));
        return Hex.encode(Arrays.copyOf(h, 4)) + String.join("", words);
    }

    public static String word(long v) {
        return word(BigInteger.valueOf(v));
    }

    public static String word(BigInteger v) {
        String hex = v.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    public static String address(String eip55) {
        return "0".repeat(24) + eip55.substring(2).toLowerCase(Locale.ROOT);
    }

    /** A {@code uint256[]} tail: its length, then its elements. */
    public static String array(List<BigInteger> values) {
        StringBuilder b = new StringBuilder(word(values.size()));
        values.forEach(v -> b.append(word(v)));
        return b.toString();
    }
}
