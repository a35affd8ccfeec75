package io.keyshard.payload.bitcoin;

import io.keyshard.address.Hashes;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Point;
import io.keyshard.curve.WeierstrassPoint;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.EvmSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The signed message of Bitcoin Core's {@code signmessage} and {@code verifymessage}, which BIP-322
 * keeps for P2PKH addresses: a compact recoverable ECDSA signature, base64 of the header
 * {@code 31 + recovery id} (a compressed key) then r and s, over
 * {@code SHA256d(varstr("Bitcoin Signed Message:\n") ‖ varstr(message))}. A verifier recovers the
 * key and compares its hash with the address (the same secp256k1 recovery as Ethereum's ecrecover).
 */
public final class LegacyMessage {
    private static final byte[] MAGIC = "Bitcoin Signed Message:\n".getBytes(StandardCharsets.US_ASCII);
    /** The header of a signature by a compressed key, before the recovery id is added. */
    private static final int COMPRESSED = 31;

    private LegacyMessage() {}

    /** The hash the key signs. */
    public static byte[] digest(byte[] message) {
        return Hashes.doubleSha256(
                new ByteWriter().varBytes(MAGIC).varBytes(message).toByteArray());
    }

    /** The base64 signature {@code verifymessage} takes; s must be low and the recovery id match it. */
    public static String encode(EvmSignature sig) {
        byte[] rsv = sig.encode(); // r ‖ s ‖ v: the same words after the header
        byte[] out = new byte[65];
        out[0] = (byte) (COMPRESSED + sig.recoveryId());
        System.arraycopy(rsv, 0, out, 1, 64);
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * Checks a signature of {@code message} by the P2PKH address whose key hash is {@code keyHash},
     * as {@code verifymessage} does: the key recovered from it hashes to the address.
     *
     * @return null when it is valid, else what is wrong with it
     */
    public static String check(byte[] keyHash, byte[] message, String signature) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return "the signature is not base64";
        }
        if (sig.length != 65) {
            return "a signed message's signature is 65 bytes, got " + sig.length;
        }
        int header = sig[0] & 0xff;
        if (header < 27 || header > 34) {
            return "the signature's header byte " + header + " is not 27-34";
        }
        boolean compressed = header >= COMPRESSED;
        int recoveryId = (header - 27) & 3;
        if (recoveryId > 1) {
            return "recovery ids 2 and 3 (an r above the group order) are not taken here";
        }
        Point key;
        try {
            EvmSignature s = new EvmSignature(
                    new BigInteger(1, Arrays.copyOfRange(sig, 1, 33)),
                    new BigInteger(1, Arrays.copyOfRange(sig, 33, 65)),
                    recoveryId);
            key = EcRecover.recover(digest(message), s);
        } catch (IllegalArgumentException e) {
            return "no key recovers from the signature: " + e.getMessage();
        }
        byte[] encoded = compressed ? key.encode() : ((WeierstrassPoint) key).encodeUncompressed();
        return Arrays.equals(Digests.hash160(encoded), keyHash) ? null : "the signature is by another key";
    }
}
