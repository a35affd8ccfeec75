package io.keyshard.payload.bitcoin;

import java.util.ArrayList;
import java.util.List;

/** A PSBT_IN/OUT_TAP_BIP32_DERIVATION value: the leaf hashes the key signs for (none for the key path) and its origin. */
public record TapKeyOrigin(List<byte[]> leafHashes, KeyOrigin origin) {
    public TapKeyOrigin {
        leafHashes = List.copyOf(leafHashes);
    }

    static TapKeyOrigin parse(byte[] value, String what) {
        BitcoinWireReader r = new BitcoinWireReader(value, what);
        int n = r.count(32, "the number of leaf hashes in " + what);
        List<byte[]> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hashes.add(r.bytes(32));
        }
        return new TapKeyOrigin(hashes, KeyOrigin.read(r, what));
    }

    byte[] serialize() {
        ByteWriter w = new ByteWriter().compactSize(leafHashes.size());
        leafHashes.forEach(w::bytes);
        return w.bytes(origin.serialize()).toByteArray();
    }
}
