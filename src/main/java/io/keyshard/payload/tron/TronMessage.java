package io.keyshard.payload.tron;

import io.keyshard.payload.evm.Eip191;

/**
 * A message signed as TronLink and TronWeb's {@code signMessageV2} sign it (TIP-191): Keccak-256 of
 * {@code "\x19TRON Signed Message:\n" + decimal byte length + message}, signed as {@code r || s || v} (v 27/28).
 * Sites ask for it to prove an address is yours; it moves nothing.
 */
public final class TronMessage {
    private TronMessage() {}

    /** The digest signed for {@code message}. */
    public static byte[] hash(byte[] message) {
        return Eip191.hash("TRON", message);
    }

    /** The account whose key made {@code signature} (65 bytes) over {@code message}, as verifyMessageV2 finds it. */
    public static String signerOf(byte[] message, byte[] signature) {
        return TronAddress.recover(hash(message), signature);
    }
}
