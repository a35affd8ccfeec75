package io.keyshard.address;

import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.WeierstrassPoint;
import io.keyshard.derive.Network;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bitcoin addresses: P2PKH (Base58Check), P2WPKH (bech32 v0) and BIP-86 P2TR (bech32m v1). */
public final class BitcoinAddresses {
    private BitcoinAddresses() {}

    static String hrp(Network network) {
        return network == Network.MAINNET ? "bc" : "tb";
    }

    /** Base58Check of version 0x00 (mainnet) or 0x6f (testnet) ‖ HASH160(compressed key). */
    public static Address p2pkh(CurveName curve, Point key, Network network) {
        byte[] payload = new byte[21];
        payload[0] = (byte) (network == Network.MAINNET ? 0x00 : 0x6f);
        System.arraycopy(Digests.hash160(key.encode()), 0, payload, 1, 20);
        return Address.of(Base58.encodeCheck(payload));
    }

    /** Witness v0 program HASH160(compressed key), bech32 {@code bc1q...}/{@code tb1q...}. */
    public static Address p2wpkh(CurveName curve, Point key, Network network) {
        return Address.of(SegwitAddress.encode(hrp(network), 0, Digests.hash160(key.encode())));
    }

    /**
     * BIP-86: internal key P = the x-only key (its even-Y point), output key
     * Q = P + int(hash_TapTweak(x(P)))·G, address bech32m v1 of x(Q).
     */
    public static Address p2tr(CurveName curve, Point key, Network network) {
        byte[] internal = ((WeierstrassPoint) key).xBytes();
        Point even = ((WeierstrassPoint) key).hasEvenY() ? key : key.negate();
        Curve c = key.curve();
        BigInteger t = new BigInteger(1, Digests.taggedHash("TapTweak", internal));
        if (t.compareTo(c.order()) >= 0) {
            throw new IllegalArgumentException("the Taproot tweak of this key is not below the group order "
                    + "(a chance below 2^-127): pick another index");
        }
        // t is public (a hash of the public internal key): the variable-time fixed-base table, not the comb.
        Point q = even.add(c.generator().multiply(t));
        if (q.isIdentity()) {
            throw new IllegalArgumentException("the Taproot output key is the identity: pick another index");
        }
        byte[] output = ((WeierstrassPoint) q).xBytes();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("internalKey", Hex.encode(internal));
        details.put("outputKey", Hex.encode(output));
        return new Address(SegwitAddress.encode(hrp(network), 1, output), details);
    }
}
