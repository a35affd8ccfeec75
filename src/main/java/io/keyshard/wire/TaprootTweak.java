package io.keyshard.wire;

import io.keyshard.bytes.Hex;

/**
 * The BIP-341 tweak a SECP256K1_SCHNORR signature is made under, on top of the derived key: a null
 * {@code merkleRoot} is BIP-86 (key path, no script tree, the {@code bitcoin-p2tr} address), else the
 * 32-byte root of the script tree. On the wire {@code "bip86"} or the root as 64 hex digits; a request
 * without a taproot tweak sends {@code ""}.
 */
public record TaprootTweak(byte[] merkleRoot) {
    /** BIP-86: the key path of an output with no script tree. */
    public static final TaprootTweak KEY_PATH = new TaprootTweak(null);

    private static final String KEY_PATH_WIRE = "bip86";

    public TaprootTweak {
        if (merkleRoot != null && merkleRoot.length != 32) {
            throw new IllegalArgumentException("a taproot merkle root is 32 bytes, got " + merkleRoot.length);
        }
        merkleRoot = merkleRoot == null ? null : merkleRoot.clone();
    }

    @Override
    public byte[] merkleRoot() {
        return merkleRoot == null ? null : merkleRoot.clone();
    }

    /** The wire form of an optional tweak: {@code ""} for none. */
    public static String wire(TaprootTweak tweak) {
        if (tweak == null) {
            return "";
        }
        return tweak.merkleRoot == null ? KEY_PATH_WIRE : Hex.encode(tweak.merkleRoot);
    }

    /** Reads the wire form; {@code ""} is no tweak (null). */
    public static TaprootTweak parse(String wire) {
        if (wire == null || wire.isEmpty()) {
            return null;
        }
        if (wire.equals(KEY_PATH_WIRE)) {
            return KEY_PATH;
        }
        return new TaprootTweak(Hex.decode(wire, "taproot merkle root"));
    }
}
