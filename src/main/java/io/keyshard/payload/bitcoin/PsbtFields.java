package io.keyshard.payload.bitcoin;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** The BIP-174, BIP-370 and BIP-371 record types and the format each one's key and value must have. */
final class PsbtFields {
    static final int GLOBAL_UNSIGNED_TX = 0x00;
    static final int GLOBAL_XPUB = 0x01;
    static final int GLOBAL_TX_VERSION = 0x02;
    static final int GLOBAL_FALLBACK_LOCKTIME = 0x03;
    static final int GLOBAL_INPUT_COUNT = 0x04;
    static final int GLOBAL_OUTPUT_COUNT = 0x05;
    static final int GLOBAL_TX_MODIFIABLE = 0x06;
    static final int GLOBAL_VERSION = 0xfb;
    static final int PROPRIETARY = 0xfc;

    static final int IN_NON_WITNESS_UTXO = 0x00;
    static final int IN_WITNESS_UTXO = 0x01;
    static final int IN_PARTIAL_SIG = 0x02;
    static final int IN_SIGHASH_TYPE = 0x03;
    static final int IN_REDEEM_SCRIPT = 0x04;
    static final int IN_WITNESS_SCRIPT = 0x05;
    static final int IN_BIP32_DERIVATION = 0x06;
    static final int IN_FINAL_SCRIPTSIG = 0x07;
    static final int IN_FINAL_SCRIPTWITNESS = 0x08;
    static final int IN_RIPEMD160 = 0x0a;
    static final int IN_SHA256 = 0x0b;
    static final int IN_HASH160 = 0x0c;
    static final int IN_HASH256 = 0x0d;
    static final int IN_PREVIOUS_TXID = 0x0e;
    static final int IN_OUTPUT_INDEX = 0x0f;
    static final int IN_SEQUENCE = 0x10;
    static final int IN_REQUIRED_TIME_LOCKTIME = 0x11;
    static final int IN_REQUIRED_HEIGHT_LOCKTIME = 0x12;
    static final int IN_TAP_KEY_SIG = 0x13;
    static final int IN_TAP_SCRIPT_SIG = 0x14;
    static final int IN_TAP_LEAF_SCRIPT = 0x15;
    static final int IN_TAP_BIP32_DERIVATION = 0x16;
    static final int IN_TAP_INTERNAL_KEY = 0x17;
    static final int IN_TAP_MERKLE_ROOT = 0x18;

    static final int OUT_REDEEM_SCRIPT = 0x00;
    static final int OUT_WITNESS_SCRIPT = 0x01;
    static final int OUT_BIP32_DERIVATION = 0x02;
    static final int OUT_AMOUNT = 0x03;
    static final int OUT_SCRIPT = 0x04;
    static final int OUT_TAP_INTERNAL_KEY = 0x05;
    static final int OUT_TAP_TREE = 0x06;
    static final int OUT_TAP_BIP32_DERIVATION = 0x07;

    static final long LOCKTIME_THRESHOLD = 500_000_000L;

    enum Scope {
        GLOBAL,
        INPUT,
        OUTPUT
    }

    private PsbtFields() {}

    static String describe(PsbtMap.Field f) {
        return String.format(Locale.ROOT, "type 0x%02x", f.type())
                + (f.keyData().length == 0 ? "" : " with key data " + abbreviate(Hex.encode(f.keyData())));
    }

    /** Checks one record of a known type against its BIP; unknown types pass untouched. */
    static void check(Scope scope, int version, PsbtMap.Field f, String where) {
        long type = f.type();
        byte[] k = f.keyData();
        byte[] v = f.value();
        String what = where + String.format(Locale.ROOT, " record 0x%02x", type);
        if (type == PROPRIETARY) {
            BitcoinWireReader r = new BitcoinWireReader(k, what + " (proprietary key)");
            r.varBytes("the proprietary identifier");
            r.compactSize();
            return;
        }
        try {
            switch (scope) {
                case GLOBAL -> global(version, (int) Math.min(type, 0x100), k, v, what);
                case INPUT -> input(version, (int) Math.min(type, 0x100), k, v, what);
                case OUTPUT -> output(version, (int) Math.min(type, 0x100), k, v, what);
                default -> throw new IllegalStateException();
            }
        } catch (IllegalArgumentException e) {
            // the readers of nested values (transactions, witnesses, keys) do not know which record they read
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static void global(int version, int type, byte[] k, byte[] v, String what) {
        switch (type) {
            case GLOBAL_UNSIGNED_TX -> {
                noKey(k, what);
                v0Only(version, what, "PSBT_GLOBAL_UNSIGNED_TX");
            }
            case GLOBAL_XPUB -> {
                length(k, 78, what, "key data (a serialized extended public key)");
                KeyOrigin origin = KeyOrigin.parse(v, what);
                if (origin.path().size() != (k[4] & 0xff)) {
                    throw new IllegalArgumentException(what + ": the path has "
                            + origin.path().size() + " levels but the extended key is at depth " + (k[4] & 0xff));
                }
            }
            case GLOBAL_TX_VERSION -> v2Fixed(version, k, v, 4, what, "PSBT_GLOBAL_TX_VERSION");
            case GLOBAL_FALLBACK_LOCKTIME -> v2Fixed(version, k, v, 4, what, "PSBT_GLOBAL_FALLBACK_LOCKTIME");
            case GLOBAL_INPUT_COUNT, GLOBAL_OUTPUT_COUNT -> {
                v2Only(
                        version,
                        what,
                        type == GLOBAL_INPUT_COUNT ? "PSBT_GLOBAL_INPUT_COUNT" : "PSBT_GLOBAL_OUTPUT_COUNT");
                noKey(k, what);
                BitcoinWireReader r = new BitcoinWireReader(v, what);
                r.compactSize();
                if (!r.atEnd()) {
                    throw new IllegalArgumentException(
                            what + ": a count is one CompactSize, got " + v.length + " bytes");
                }
            }
            case GLOBAL_TX_MODIFIABLE -> v2Fixed(version, k, v, 1, what, "PSBT_GLOBAL_TX_MODIFIABLE");
            case GLOBAL_VERSION -> {
                noKey(k, what);
                length(v, 4, what, "value");
            }
            default -> {}
        }
    }

    private static void input(int version, int type, byte[] k, byte[] v, String what) {
        switch (type) {
            case IN_NON_WITNESS_UTXO -> {
                noKey(k, what);
                Transaction.parse(v);
            }
            case IN_WITNESS_UTXO -> {
                noKey(k, what);
                Transaction.TxOut.parse(v);
            }
            case IN_PARTIAL_SIG -> {
                publicKey(k, what);
                if (v.length < 2 || !Der.isStrict(Arrays.copyOf(v, v.length - 1))) {
                    throw new IllegalArgumentException(
                            what + ": the signature is not a strict DER signature and a hash type byte");
                }
            }
            case IN_SIGHASH_TYPE -> fixed(k, v, 4, what);
            case IN_REDEEM_SCRIPT, IN_WITNESS_SCRIPT, IN_FINAL_SCRIPTSIG -> noKey(k, what);
            case IN_BIP32_DERIVATION -> {
                publicKey(k, what);
                KeyOrigin.parse(v, what);
            }
            case IN_FINAL_SCRIPTWITNESS -> {
                noKey(k, what);
                Witness.parse(v);
            }
            case IN_RIPEMD160 -> preimage(k, v, 20, ripemd160(v), what);
            case IN_SHA256 -> preimage(k, v, 32, Digests.sha256(v), what);
            case IN_HASH160 -> preimage(k, v, 20, Digests.hash160(v), what);
            case IN_HASH256 -> preimage(k, v, 32, Hashes.doubleSha256(v), what);
            case IN_PREVIOUS_TXID -> v2Fixed(version, k, v, 32, what, "PSBT_IN_PREVIOUS_TXID");
            case IN_OUTPUT_INDEX -> v2Fixed(version, k, v, 4, what, "PSBT_IN_OUTPUT_INDEX");
            case IN_SEQUENCE -> v2Fixed(version, k, v, 4, what, "PSBT_IN_SEQUENCE");
            case IN_REQUIRED_TIME_LOCKTIME -> {
                v2Fixed(version, k, v, 4, what, "PSBT_IN_REQUIRED_TIME_LOCKTIME");
                if (new BitcoinWireReader(v, what).u32() < LOCKTIME_THRESHOLD) {
                    throw new IllegalArgumentException(
                            what + ": a time-based lock time is at least " + LOCKTIME_THRESHOLD);
                }
            }
            case IN_REQUIRED_HEIGHT_LOCKTIME -> {
                v2Fixed(version, k, v, 4, what, "PSBT_IN_REQUIRED_HEIGHT_LOCKTIME");
                long h = new BitcoinWireReader(v, what).u32();
                if (h == 0 || h >= LOCKTIME_THRESHOLD) {
                    throw new IllegalArgumentException(
                            what + ": a height-based lock time is from 1 to " + (LOCKTIME_THRESHOLD - 1));
                }
            }
            case IN_TAP_KEY_SIG -> {
                noKey(k, what);
                schnorrSignature(v, what);
            }
            case IN_TAP_SCRIPT_SIG -> {
                length(k, 64, what, "key data (x-only key and leaf hash)");
                xOnly(Arrays.copyOf(k, 32), what);
                schnorrSignature(v, what);
            }
            case IN_TAP_LEAF_SCRIPT -> {
                if (k.length < 33 || k.length > 33 + 32 * 128 || (k.length - 33) % 32 != 0) {
                    throw new IllegalArgumentException(
                            what + ": a control block is 33 + 32m bytes (m up to 128), got " + k.length);
                }
                if (v.length < 1) {
                    throw new IllegalArgumentException(what + ": a leaf script ends with its leaf version byte");
                }
            }
            case IN_TAP_BIP32_DERIVATION -> {
                xOnly(k, what);
                TapKeyOrigin.parse(v, what);
            }
            case IN_TAP_INTERNAL_KEY -> {
                noKey(k, what);
                xOnly(v, what);
            }
            case IN_TAP_MERKLE_ROOT -> fixed(k, v, 32, what);
            default -> {}
        }
    }

    private static void output(int version, int type, byte[] k, byte[] v, String what) {
        switch (type) {
            case OUT_REDEEM_SCRIPT, OUT_WITNESS_SCRIPT -> noKey(k, what);
            case OUT_BIP32_DERIVATION -> {
                publicKey(k, what);
                KeyOrigin.parse(v, what);
            }
            case OUT_AMOUNT -> v2Fixed(version, k, v, 8, what, "PSBT_OUT_AMOUNT");
            case OUT_SCRIPT -> {
                v2Only(version, what, "PSBT_OUT_SCRIPT");
                noKey(k, what);
            }
            case OUT_TAP_INTERNAL_KEY -> {
                noKey(k, what);
                xOnly(v, what);
            }
            case OUT_TAP_TREE -> {
                noKey(k, what);
                tapTree(v, what);
            }
            case OUT_TAP_BIP32_DERIVATION -> {
                xOnly(k, what);
                TapKeyOrigin.parse(v, what);
            }
            default -> {}
        }
    }

    private static void tapTree(byte[] v, String what) {
        BitcoinWireReader r = new BitcoinWireReader(v, what);
        if (r.atEnd()) {
            throw new IllegalArgumentException(what + ": a taproot tree has at least one leaf");
        }
        while (!r.atEnd()) {
            int depth = r.u8();
            int leafVersion = r.u8();
            if (depth > 128 || (leafVersion & 1) != 0) {
                throw new IllegalArgumentException(what + ": a leaf has depth " + depth + " and version " + leafVersion
                        + " (depth at most 128, version even)");
            }
            r.varBytes("a leaf script");
        }
    }

    private static void v0Only(int version, String what, String name) {
        if (version != 0) {
            throw new IllegalArgumentException(
                    what + ": " + name + " is not allowed in a version " + version + " PSBT");
        }
    }

    private static void v2Only(int version, String what, String name) {
        if (version < 2) {
            throw new IllegalArgumentException(
                    what + ": " + name + " belongs to PSBT version 2, this PSBT is version " + version);
        }
    }

    private static void v2Fixed(int version, byte[] k, byte[] v, int len, String what, String name) {
        v2Only(version, what, name);
        fixed(k, v, len, what);
    }

    private static void fixed(byte[] k, byte[] v, int len, String what) {
        noKey(k, what);
        length(v, len, what, "value");
    }

    private static void noKey(byte[] k, String what) {
        if (k.length != 0) {
            throw new IllegalArgumentException(what + ": this type has no key data, got " + k.length + " bytes");
        }
    }

    private static void length(byte[] b, int len, String what, String part) {
        if (b.length != len) {
            throw new IllegalArgumentException(what + ": the " + part + " must be " + len + " bytes, got " + b.length);
        }
    }

    private static void publicKey(byte[] k, String what) {
        if (k.length != 33 && k.length != 65) {
            throw new IllegalArgumentException(what + ": a public key is 33 (compressed) or 65 bytes, got " + k.length);
        }
        CurveName.SECP256K1.curve().decodePoint(k);
    }

    private static void xOnly(byte[] k, String what) {
        if (k.length != 32) {
            throw new IllegalArgumentException(what + ": an x-only public key is 32 bytes, got " + k.length);
        }
        CurveName.SECP256K1_SCHNORR.curve().decodePublicKey(k);
    }

    private static void schnorrSignature(byte[] v, String what) {
        if (v.length != 64 && v.length != 65) {
            throw new IllegalArgumentException(what + ": a Schnorr signature is 64 or 65 bytes, got " + v.length);
        }
        if (v.length == 65 && v[64] == 0) {
            throw new IllegalArgumentException(what + ": a 65-byte Schnorr signature cannot carry hash type 0x00");
        }
    }

    private static void preimage(byte[] k, byte[] v, int len, byte[] hash, String what) {
        length(k, len, what, "key data (a hash)");
        if (!Arrays.equals(k, hash)) {
            throw new IllegalArgumentException(what + ": the preimage does not hash to the key");
        }
    }

    private static byte[] ripemd160(byte[] v) {
        return Digests.digest(new RIPEMD160Digest(), v);
    }

    private static String abbreviate(String hex) {
        return hex.length() <= 24 ? hex : hex.substring(0, 24) + "…";
    }
}
