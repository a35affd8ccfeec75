package io.keyshard.address;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import java.util.Arrays;

/**
 * {@code did:key} identifiers: {@code did:key:z} + base58btc(multicodec varint ‖ public key), with
 * compressed points for Weierstrass curves and BIP-340 keys as their even-Y compressed point.
 */
public final class DidKey {
    private static final String PREFIX = "did:key:";
    private static final char BASE58BTC = 'z';
    /** The longest identifier of the seven curves (P-521, 2 + 67 bytes) is about 105 characters. */
    private static final int MAX_CHARS = 200;

    private DidKey() {}

    /** The multicodec code of a curve's public key (multiformats/multicodec table.csv). */
    public static int multicodec(CurveName curve) {
        return switch (curve) {
            case SECP256K1, SECP256K1_SCHNORR -> 0xe7; // secp256k1-pub
            case ED25519 -> 0xed; // ed25519-pub
            case P256 -> 0x1200; // p256-pub
            case P384 -> 0x1201; // p384-pub
            case P521 -> 0x1202; // p521-pub
            case ED448 -> 0x1203; // ed448-pub
        };
    }

    /** The identifier of a public key; {@code point.encode()} is compressed SEC1 or RFC 8032, as did:key wants. */
    public static String encode(CurveName curve, Point point) {
        byte[] key = point.encode();
        if (curve == CurveName.SECP256K1_SCHNORR) {
            key[0] = 0x02; // an x-only key stands for its even-Y point, whatever Y the derived point has
        }
        return encode(multicodec(curve), key);
    }

    static String encode(int codec, byte[] key) {
        byte[] prefix = varint(codec);
        byte[] all = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, all, prefix.length, key.length);
        return PREFIX + BASE58BTC + Base58.encode(all);
    }

    /** Splits an identifier into its multicodec code and key bytes. */
    public static Decoded decode(String did) {
        if (!did.startsWith(PREFIX + BASE58BTC)) {
            throw new IllegalArgumentException("not a base58btc did:key (must start with did:key:z)");
        }
        if (did.length() > MAX_CHARS) {
            throw new IllegalArgumentException("did:key is " + did.length() + " characters; too long for a public key");
        }
        byte[] all = Base58.decode(did.substring(PREFIX.length() + 1));
        int code = 0;
        int i = 0;
        for (int shift = 0; ; shift += 7) {
            if (i >= all.length || shift > 21) {
                throw new IllegalArgumentException("did:key multicodec varint is truncated or too long");
            }
            int b = all[i++] & 0xff;
            code |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return new Decoded(code, Arrays.copyOfRange(all, i, all.length));
    }

    /** A decoded did:key: multicodec code and raw key bytes. */
    public record Decoded(int codec, byte[] key) {}

    /** Unsigned LEB128, as multicodec prefixes are written. */
    static byte[] varint(int value) {
        byte[] out = new byte[5];
        int n = 0;
        int v = value;
        do {
            int b = v & 0x7f;
            v >>>= 7;
            out[n++] = (byte) (v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return Arrays.copyOf(out, n);
    }
}
