package io.keyshard.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The vault's sealed index: for every record and secret, its row number and current version. It is
 * written in the same transaction as the row it describes, so a row put back to an older copy (a
 * rollback a per-row MAC cannot see) or a row deleted from outside shows up as a mismatch.
 * Binary form: generation, next row number, count, then (id UTF, rowNo, version) per entry.
 */
final class Manifest {
    static final byte[] AD = "keyshard/vault/manifest".getBytes(StandardCharsets.US_ASCII);

    /** Where a record or secret is and which version of it is current. */
    record Entry(long rowNo, int version) {
    }

    long generation;
    long nextRowNo = 1;
    final Map<String, Entry> entries = new HashMap<>();

    Manifest copy() {
        Manifest m = new Manifest();
        m.generation = generation;
        m.nextRowNo = nextRowNo;
        m.entries.putAll(entries);
        return m;
    }

    static String keyId(java.util.UUID id) {
        return "key:" + id;
    }

    static String secretId(String name) {
        return "secret:" + name;
    }

    byte[] seal(Sealer sealer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + entries.size() * 60);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(generation);
            out.writeLong(nextRowNo);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().rowNo());
                out.writeInt(e.getValue().version());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sealer.seal(bytes.toByteArray(), AD);
    }

    /** The manifest, or null when it fails authentication. */
    static Manifest open(byte[] sealed, Sealer sealer) {
        byte[] plain = sealer.open(sealed, AD);
        if (plain == null) {
            return null;
        }
        Manifest m = new Manifest();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            m.generation = in.readLong();
            m.nextRowNo = in.readLong();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                m.entries.put(in.readUTF(), new Entry(in.readLong(), in.readInt()));
            }
        } catch (IOException e) {
            return null;
        }
        return m;
    }
}
