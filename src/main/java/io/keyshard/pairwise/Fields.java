package io.keyshard.pairwise;

import io.keyshard.bytes.BigEndian;
import io.keyshard.dkls.Check;
import io.keyshard.dkls.ProtocolAbort;
import java.util.Arrays;

/** A setup message's fields, each after a 4-byte big-endian length; read strictly (count, lengths, no trailing bytes). */
final class Fields {
    private Fields() {}

    static byte[] join(byte[]... fields) {
        int total = 0;
        for (byte[] f : fields) {
            total += 4 + f.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] f : fields) {
            BigEndian.putInt(out, at, f.length);
            System.arraycopy(f, 0, out, at + 4, f.length);
            at += 4 + f.length;
        }
        return out;
    }

    /** Exactly {@code count} fields; anything else aborts naming {@code sender}. */
    static byte[][] split(byte[] in, int count, int sender) {
        byte[][] out = new byte[count][];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (in.length - at < 4) {
                throw new ProtocolAbort(sender, Check.SHAPE, "a setup message ends early");
            }
            int len = BigEndian.getInt(in, at);
            if (len < 0 || len > in.length - at - 4) {
                throw new ProtocolAbort(sender, Check.SHAPE, "a setup message field overruns the message");
            }
            out[i] = Arrays.copyOfRange(in, at + 4, at + 4 + len);
            at += 4 + len;
        }
        if (at != in.length) {
            throw new ProtocolAbort(sender, Check.SHAPE, "a setup message has trailing bytes");
        }
        return out;
    }
}
