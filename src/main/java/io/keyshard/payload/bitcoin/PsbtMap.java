package io.keyshard.payload.bitcoin;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One key-value map of a PSBT (the global map, an input or an output): its records in the order
 * they came, so that unknown and proprietary records are written back byte for byte.
 */
public final class PsbtMap {
    /** A record: the key (CompactSize type, then key data) and the value. */
    public record Field(byte[] key, byte[] value) {
        /** The key type. */
        public long type() {
            return new BitcoinWireReader(key, "a PSBT key").compactSize();
        }

        /** The key after its type. */
        public byte[] keyData() {
            BitcoinWireReader r = new BitcoinWireReader(key, "a PSBT key");
            r.compactSize();
            return r.bytes(r.remaining());
        }
    }

    private final List<Field> fields = new ArrayList<>();

    PsbtMap() {}

    /** Reads records up to the 0x00 separator, refusing a key that appears twice. */
    static PsbtMap read(BitcoinWireReader r, String where) {
        PsbtMap map = new PsbtMap();
        Set<ByteBuffer> seen = new HashSet<>();
        while (true) {
            if (r.atEnd()) {
                throw new IllegalArgumentException("PSBT ends inside " + where + " (no 0x00 separator)");
            }
            int keyLen = r.count(1, "a key length in " + where);
            if (keyLen == 0) {
                return map;
            }
            byte[] key = r.bytes(keyLen);
            Field f = new Field(key, r.varBytes("a value in " + where));
            f.type();
            if (!seen.add(ByteBuffer.wrap(key))) {
                throw new IllegalArgumentException(where + " has the key " + PsbtFields.describe(f)
                        + " twice: duplicate keys " + "make a PSBT invalid");
            }
            map.fields.add(f);
        }
    }

    void write(ByteWriter w) {
        for (Field f : fields) {
            w.varBytes(f.key()).varBytes(f.value());
        }
        w.u8(0);
    }

    public List<Field> fields() {
        return List.copyOf(fields);
    }

    /** The value of the record of {@code type} without key data, or null. */
    public byte[] get(long type) {
        byte[] key = key(type, new byte[0]);
        for (Field f : fields) {
            if (Arrays.equals(f.key(), key)) {
                return f.value().clone();
            }
        }
        return null;
    }

    /** Every record of {@code type}, in order. */
    public List<Field> all(long type) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.type() == type) {
                out.add(f);
            }
        }
        return out;
    }

    /** The BIP-32 derivation records of {@code type} (PSBT_IN_BIP32_DERIVATION or PSBT_OUT_BIP32_DERIVATION). */
    List<PsbtInput.Derivation> derivations(long type) {
        List<PsbtInput.Derivation> out = new ArrayList<>();
        all(type)
                .forEach(f -> out.add(new PsbtInput.Derivation(f.keyData(), KeyOrigin.parse(f.value(), "derivation"))));
        return out;
    }

    /** The taproot derivation records of {@code type} (PSBT_IN_TAP_BIP32_DERIVATION or PSBT_OUT_TAP_BIP32_DERIVATION). */
    List<PsbtInput.TapDerivation> tapDerivations(long type) {
        List<PsbtInput.TapDerivation> out = new ArrayList<>();
        all(type)
                .forEach(f -> out.add(
                        new PsbtInput.TapDerivation(f.keyData(), TapKeyOrigin.parse(f.value(), "taproot derivation"))));
        return out;
    }

    /** Sets the record with this type and key data, replacing one with the same key in place. */
    void put(long type, byte[] keyData, byte[] value) {
        byte[] key = key(type, keyData);
        for (int i = 0; i < fields.size(); i++) {
            if (Arrays.equals(fields.get(i).key(), key)) {
                fields.set(i, new Field(key, value.clone()));
                return;
            }
        }
        fields.add(new Field(key, value.clone()));
    }

    /** Removes every record of {@code type}. */
    void removeType(long type) {
        fields.removeIf(f -> f.type() == type);
    }

    static byte[] key(long type, byte[] keyData) {
        return new ByteWriter().compactSize(type).bytes(keyData).toByteArray();
    }
}
