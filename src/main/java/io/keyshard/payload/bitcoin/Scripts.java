package io.keyshard.payload.bitcoin;

import io.keyshard.address.Base58;
import io.keyshard.address.SegwitAddress;
import io.keyshard.bytes.Hex;
import io.keyshard.derive.Network;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** The standard output scripts, recognising them, their addresses, and script pushes. */
public final class Scripts {
    private Scripts() {}

    /** OP_DUP OP_HASH160 &lt;20&gt; OP_EQUALVERIFY OP_CHECKSIG. */
    public static byte[] p2pkh(byte[] keyHash) {
        byte[] s = new byte[25];
        s[0] = 0x76;
        s[1] = (byte) 0xa9;
        s[2] = 0x14;
        System.arraycopy(check(keyHash, 20), 0, s, 3, 20);
        s[23] = (byte) 0x88;
        s[24] = (byte) 0xac;
        return s;
    }

    /** OP_0 &lt;20-byte key hash&gt;. */
    public static byte[] p2wpkh(byte[] keyHash) {
        return new SegwitAddress.Program(0, check(keyHash, 20)).scriptPubKey();
    }

    /** OP_1 &lt;32-byte x-only output key&gt;. */
    public static byte[] p2tr(byte[] outputKey) {
        return new SegwitAddress.Program(1, check(outputKey, 32)).scriptPubKey();
    }

    public static ScriptType type(byte[] s) {
        int n = s.length;
        if (n == 25
                && (s[0] & 0xff) == 0x76
                && (s[1] & 0xff) == 0xa9
                && s[2] == 0x14
                && (s[23] & 0xff) == 0x88
                && (s[24] & 0xff) == 0xac) {
            return ScriptType.P2PKH;
        }
        if (n == 23 && (s[0] & 0xff) == 0xa9 && s[1] == 0x14 && (s[22] & 0xff) == 0x87) {
            return ScriptType.P2SH;
        }
        if (n == 22 && s[0] == 0 && s[1] == 0x14) {
            return ScriptType.P2WPKH;
        }
        if (n == 34 && s[0] == 0 && s[1] == 0x20) {
            return ScriptType.P2WSH;
        }
        if (n == 34 && s[0] == 0x51 && s[1] == 0x20) {
            return ScriptType.P2TR;
        }
        if (n >= 1 && (s[0] & 0xff) == 0x6a) {
            return ScriptType.OP_RETURN;
        }
        return ScriptType.OTHER;
    }

    /** The key hash, script hash or witness program the standard script carries. */
    public static byte[] payload(byte[] s) {
        return switch (type(s)) {
            case P2PKH -> Arrays.copyOfRange(s, 3, 23);
            case P2SH -> Arrays.copyOfRange(s, 2, 22);
            case P2WPKH, P2WSH, P2TR -> Arrays.copyOfRange(s, 2, s.length);
            default ->
                throw new IllegalArgumentException("not a standard script with a hash or program: " + Hex.encode(s));
        };
    }

    /**
     * The address of an output script on {@code network}, or null for a script without one
     * (OP_RETURN, bare scripts). Any witness version 1 to 16 program has a bech32m address.
     */
    public static String address(byte[] s, Network network) {
        boolean main = network == Network.MAINNET;
        switch (type(s)) {
            case P2PKH:
                return Base58.encodeCheck(prepend(main ? 0x00 : 0x6f, payload(s)));
            case P2SH:
                return Base58.encodeCheck(prepend(main ? 0x05 : 0xc4, payload(s)));
            default:
                break;
        }
        String hrp = main ? "bc" : "tb";
        int n = s.length;
        if (n >= 4 && n <= 42 && (s[1] & 0xff) == n - 2) {
            int op = s[0] & 0xff;
            int version = op == 0 ? 0 : (op >= 0x51 && op <= 0x60 ? op - 0x50 : -1);
            if (version >= 0) {
                try {
                    return SegwitAddress.encode(hrp, version, Arrays.copyOfRange(s, 2, n));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The minimal push of {@code data} (up to 520 bytes: every signature and key fits). */
    public static byte[] push(byte[] data) {
        ByteWriter w = new ByteWriter();
        if (data.length < 0x4c) {
            w.u8(data.length);
        } else if (data.length <= 0xff) {
            w.u8(0x4c).u8(data.length);
        } else {
            w.u8(0x4d).u8(data.length & 0xff).u8(data.length >>> 8);
        }
        return w.bytes(data).toByteArray();
    }

    /**
     * The data an OP_RETURN output carries: the bytes of the pushes after OP_RETURN, joined. Null when the
     * script is not OP_RETURN followed by pushes alone, or when a push runs past the script's end.
     */
    public static byte[] opReturnData(byte[] s) {
        if (s.length == 0 || (s[0] & 0xff) != 0x6a) {
            return null;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int i = 1;
        while (i < s.length) {
            int op = s[i] & 0xff;
            if (op > 0x4e) {
                return null; // an opcode, not a push
            }
            int lengthBytes = op <= 0x4b ? 0 : op == 0x4c ? 1 : op == 0x4d ? 2 : 4;
            int at = i + 1 + lengthBytes;
            if (at > s.length) {
                return null;
            }
            long len = op <= 0x4b ? op : 0;
            for (int k = lengthBytes - 1; k >= 0; k--) {
                len = len << 8 | (s[i + 1 + k] & 0xffL);
            }
            if (at + len > s.length) {
                return null;
            }
            data.write(s, at, (int) len);
            i = at + (int) len;
        }
        return data.toByteArray();
    }

    /** The position after the opcode at {@code i} and its push data; a push that runs past the end ends the script. */
    static int nextOp(byte[] s, int i) {
        int op = s[i] & 0xff;
        int at = i + 1;
        long len;
        if (op >= 0x01 && op <= 0x4b) {
            len = op;
        } else if (op == 0x4c) {
            len = at < s.length ? s[at] & 0xff : Long.MAX_VALUE;
            at += 1;
        } else if (op == 0x4d) {
            len = at + 1 < s.length ? (s[at] & 0xff) | (s[at + 1] & 0xff) << 8 : Long.MAX_VALUE;
            at += 2;
        } else if (op == 0x4e) {
            len = at + 3 < s.length
                    ? (s[at] & 0xffL) | (s[at + 1] & 0xffL) << 8 | (s[at + 2] & 0xffL) << 16 | (s[at + 3] & 0xffL) << 24
                    : Long.MAX_VALUE;
            at += 4;
        } else {
            return at;
        }
        return at + len > s.length ? s.length : (int) (at + len);
    }

    private static byte[] prepend(int b, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = (byte) b;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static byte[] check(byte[] b, int len) {
        if (b == null || b.length != len) {
            throw new IllegalArgumentException("expected " + len + " bytes, got " + (b == null ? "none" : b.length));
        }
        return b;
    }
}
