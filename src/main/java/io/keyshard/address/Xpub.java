package io.keyshard.address;

import io.keyshard.bytes.BigEndian;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.derive.ExtendedPublicKey;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * BIP-32 serialisation of secp256k1 extended public keys: export as {@code xpub}/{@code tpub}
 * (or a SLIP-132 version) and strict import, refusing every malformed key of BIP-32 test vector 5
 * with its reason. Private extended keys are never accepted.
 */
public final class Xpub {
    private static final int LENGTH = 78;
    private static final int MAX_CHARS = 120;

    /** An imported key and the version it came in. */
    public record Imported(ExtendedPublicKey key, XpubVersion version) {}

    private Xpub() {}

    /** Serialises a BIP-32 (secp256k1 family) key under {@code version}. */
    public static String encode(ExtendedPublicKey key, XpubVersion version) {
        if (key.curve() != CurveName.SECP256K1 && key.curve() != CurveName.SECP256K1_SCHNORR) {
            throw new IllegalArgumentException(
                    "extended public keys (xpub) exist for secp256k1 keys only, not " + key.curve());
        }
        byte[] out = new byte[LENGTH];
        BigEndian.putInt(out, 0, version.publicVersion());
        out[4] = (byte) key.depth();
        BigEndian.putInt(out, 5, key.parentFingerprint());
        BigEndian.putInt(out, 9, key.childNumber());
        System.arraycopy(key.chainCode(), 0, out, 13, 32);
        System.arraycopy(key.point().encode(), 0, out, 45, 33);
        return Base58.encodeCheck(out);
    }

    /**
     * Parses an xpub, tpub, ypub, zpub, upub or vpub onto {@code curve} (SECP256k1, or
     * SECP256K1_SCHNORR for Taproot); the message says exactly what is wrong with a bad one.
     */
    public static Imported decode(String text, CurveName curve) {
        if (curve != CurveName.SECP256K1 && curve != CurveName.SECP256K1_SCHNORR) {
            throw new IllegalArgumentException("an xpub holds a secp256k1 key, not " + curve);
        }
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("extended public key is empty");
        }
        if (s.length() > MAX_CHARS) {
            // Base58 decoding is quadratic: refuse what cannot be an extended key before decoding it.
            throw new IllegalArgumentException("extended public key is " + s.length() + " characters; an xpub has 111");
        }
        byte[] raw;
        try {
            raw = Base58.decodeCheck(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("extended public key: " + e.getMessage());
        }
        try {
            return parse(raw, curve);
        } finally {
            Arrays.fill(raw, (byte) 0); // may hold a private key handed in by mistake
        }
    }

    private static Imported parse(byte[] raw, CurveName curve) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("extended public key must hold " + LENGTH + " bytes, got " + raw.length);
        }
        int v = BigEndian.getInt(raw, 0);
        XpubVersion version = null;
        boolean isPrivate = false;
        for (XpubVersion x : XpubVersion.values()) {
            if (x.publicVersion() == v || x.privateVersion() == v) {
                version = x;
                isPrivate = x.privateVersion() == v;
            }
        }
        if (version == null) {
            throw new IllegalArgumentException(String.format(
                    "unknown extended key version %08x: expected " + "xpub, tpub, ypub, zpub, upub or vpub", v));
        }
        int depth = raw[4] & 0xff;
        int parentFingerprint = BigEndian.getInt(raw, 5);
        int childNumber = BigEndian.getInt(raw, 9);
        if (depth == 0 && parentFingerprint != 0) {
            throw new IllegalArgumentException(
                    "zero depth with non-zero parent fingerprint: a master key has no parent");
        }
        if (depth == 0 && childNumber != 0) {
            throw new IllegalArgumentException(
                    "zero depth with non-zero child number (index): a master key has no index");
        }
        String kind = isPrivate ? version.prefix().charAt(0) + "prv" : version.prefix();
        int prefix = raw[45] & 0xff;
        if (isPrivate) {
            if (prefix == 0x02 || prefix == 0x03) {
                throw new IllegalArgumentException("private version (" + kind
                        + ") but the key data is a public key (prvkey version / pubkey mismatch)");
            }
            if (prefix != 0x00) {
                throw new IllegalArgumentException(
                        String.format("invalid private key prefix %02x: must be 00", prefix));
            }
            BigInteger k = new BigInteger(1, Arrays.copyOfRange(raw, 46, LENGTH));
            boolean inRange = k.signum() > 0 && k.compareTo(curve.curve().order()) < 0;
            throw new IllegalArgumentException(
                    inRange
                            ? "this is a private extended key (" + kind
                                    + "): MPC keys derive without the private key; give the " + version.prefix()
                                    + " (public) form instead"
                            : "private key not in 1..n-1 (invalid " + kind + ")");
        }
        if (prefix == 0x00) {
            throw new IllegalArgumentException("public version (" + kind
                    + ") but the key data is a private key (pubkey version / prvkey mismatch)");
        }
        if (prefix != 0x02 && prefix != 0x03) {
            throw new IllegalArgumentException(
                    String.format("invalid public key prefix %02x: must be 02 or 03 (compressed)", prefix));
        }
        byte[] chainCode = Arrays.copyOfRange(raw, 13, 45);
        byte[] point = Arrays.copyOfRange(raw, 45, LENGTH);
        try {
            return new Imported(
                    new ExtendedPublicKey(
                            curve, curve.curve().decodePoint(point), chainCode, depth, parentFingerprint, childNumber),
                    version);
        } catch (InvalidEncodingException e) {
            throw new IllegalArgumentException("invalid public key in the extended key: " + e.getMessage());
        }
    }
}
