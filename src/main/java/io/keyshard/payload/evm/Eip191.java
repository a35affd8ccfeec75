package io.keyshard.payload.evm;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * EIP-191 version 0x45 ({@code personal_sign}): Keccak-256 of
 * {@code "\x19Ethereum Signed Message:\n" + decimal byte length + message}.
 */
public final class Eip191 {
    private Eip191() {}

    /** The digest of the message bytes. */
    public static byte[] hash(byte[] message) {
        return hash("Ethereum", message);
    }

    /**
     * The digest of the message bytes under another chain's name in the prefix, {@code "\x19" + chain + " Signed
     * Message:\n"}: Tron's TIP-191 ({@code signMessageV2}) is this with {@code TRON}.
     */
    public static byte[] hash(String chain, byte[] message) {
        byte[] prefix = ("\u0019" + chain + " Signed Message:\n").getBytes(StandardCharsets.US_ASCII);
        byte[] length = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
        return Hashes.keccak256(Bytes.concat(prefix, length, message));
    }

    /** The digest of a text message, signed as its UTF-8 bytes. */
    public static byte[] hashText(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of bytes given as hex, with or without {@code 0x}. */
    public static byte[] hashHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return hash(Hex.decode(digits.toLowerCase(Locale.ROOT), "the message hex"));
    }
}
