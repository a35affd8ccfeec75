package io.keyshard.payload.bitcoin;

import java.util.ArrayList;
import java.util.List;

/** A witness stack in its serialisation: item count, then each item length-prefixed (as in PSBT_IN_FINAL_SCRIPTWITNESS). */
public final class Witness {
    private Witness() {}

    public static byte[] serialize(List<byte[]> stack) {
        ByteWriter w = new ByteWriter().compactSize(stack.size());
        for (byte[] item : stack) {
            w.varBytes(item);
        }
        return w.toByteArray();
    }

    /** Parses a serialised stack; nothing may follow the last item. */
    public static List<byte[]> parse(byte[] data) {
        BitcoinWireReader r = new BitcoinWireReader(data, "a script witness");
        int n = r.count(1, "the witness item count");
        List<byte[]> stack = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            stack.add(r.varBytes("a witness item"));
        }
        if (!r.atEnd()) {
            throw new IllegalArgumentException("a script witness has " + r.remaining() + " bytes after its last item");
        }
        return stack;
    }
}
