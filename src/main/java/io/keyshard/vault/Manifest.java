package io.keyshard.vault;

import io.keyshard.crypto.Digests;
import io.keyshard.crypto.Sealer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The vault's sealed index: for every record and secret, its row number and current version. It is
 * written in the same transaction as the rows it describes, so a row put back to an older copy (a
 * rollback a per-row MAC cannot see) or a row deleted from outside shows up as a mismatch.
 *
 * <p>Stored as {@value #BUCKETS} sealed buckets (meta rows {@code manifest.0..63}, entries by the id's
 * {@code String.hashCode}) under a sealed header (meta row {@code manifest}: generation, next row
 * number, entry count and the SHA-256 of every sealed bucket), so a write re-seals only the buckets it
 * changed plus the header, not the whole index: as one blob it grew with the vault and became most of
 * every write's bytes, so a keygen's vault writes slowed as the vault grew.
 * The header's hashes bind each bucket's exact bytes, so a bucket put back to an older copy fails like
 * a modified one. The older one-blob form (generation first, never negative) is still read; the next
 * write replaces it.
 */
final class Manifest {
    static final byte[] AD = "keyshard/vault/manifest".getBytes(StandardCharsets.US_ASCII);
    static final int BUCKETS = 64;
    static final String HEADER_ROW = "manifest";
    /** First field of the bucketed header; the one-blob form starts with the generation, which is never negative. */
    private static final long BUCKETED = -2L;

    private static final int HASH = 32;

    /** Where a record or secret is and which version of it is current. */
    record Entry(long rowNo, int version) {}

    private long generation;
    private long nextRowNo = 1;
    private final Map<String, Entry> entries = new HashMap<>();
    /** The buckets whose entries changed since the manifest was read or written. */
    private final BitSet dirty = new BitSet(BUCKETS);
    /** The sealed bytes of each bucket as stored; null until written or read in the bucketed form. */
    private byte[][] sealedBuckets;

    /**
     * An empty index whose new rows are numbered after {@code other}'s and whose generation goes on
     * from it: the automatic backups' names carry the generation, and a lower one reads as a rollback.
     */
    static Manifest continuingRowsOf(Manifest other) {
        Manifest m = new Manifest();
        m.nextRowNo = other.nextRowNo;
        m.generation = other.generation;
        return m;
    }

    /** How many times the index was written; grows by one with every write. */
    long generation() {
        return generation;
    }

    /** Counts one more write of the index. */
    void advanceGeneration() {
        generation++;
    }

    /** The row number the next new record will take. */
    long nextRowNo() {
        return nextRowNo;
    }

    /** The row number the next new record takes; then reserves it. */
    long allocateRow() {
        return nextRowNo++;
    }

    Entry get(String id) {
        return entries.get(id);
    }

    boolean contains(String id) {
        return entries.containsKey(id);
    }

    /** Records where {@code id} is and which version is current. */
    void put(String id, Entry e) {
        dirty.set(bucket(id));
        entries.put(id, e);
    }

    void remove(String id) {
        dirty.set(bucket(id));
        entries.remove(id);
    }

    int size() {
        return entries.size();
    }

    /** Every entry, read-only. */
    Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    static int bucket(String id) {
        return Math.floorMod(id.hashCode(), BUCKETS); // String.hashCode is fixed by the Java spec
    }

    static String bucketRow(int b) {
        return HEADER_ROW + "." + b;
    }

    Manifest copy() {
        Manifest m = new Manifest();
        m.generation = generation;
        m.nextRowNo = nextRowNo;
        m.entries.putAll(entries);
        m.dirty.or(dirty);
        m.sealedBuckets = sealedBuckets == null ? null : sealedBuckets.clone();
        return m;
    }

    static String keyId(UUID id) {
        return "key:" + id;
    }

    static String secretId(String name) {
        return "secret:" + name;
    }

    /** Writes the buckets that changed (every one the first time) and then the header, through {@code put}. */
    void write(Sealer sealer, BiConsumer<String, byte[]> put) {
        byte[][] sealed = sealedBuckets == null ? new byte[BUCKETS][] : sealedBuckets.clone();
        BitSet changed = sealedBuckets == null ? everyBucket() : dirty;
        List<List<Map.Entry<String, Entry>>> members = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            members.add(new ArrayList<>());
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            int b = bucket(e.getKey());
            if (changed.get(b)) {
                members.get(b).add(e);
            }
        }
        for (int b = changed.nextSetBit(0); b >= 0; b = changed.nextSetBit(b + 1)) {
            sealed[b] = sealer.seal(bucketBytes(members.get(b)), bucketAd(b));
            put.accept(bucketRow(b), sealed[b]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + BUCKETS * HASH);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(BUCKETED);
            out.writeLong(generation);
            out.writeLong(nextRowNo);
            out.writeInt(entries.size());
            for (byte[] s : sealed) {
                out.write(Digests.sha256(s));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        put.accept(HEADER_ROW, sealer.seal(bytes.toByteArray(), AD));
        sealedBuckets = sealed;
        dirty.clear();
    }

    /** The manifest stored under {@code get}'s rows, or null when it is missing or fails authentication. */
    static Manifest read(Function<String, byte[]> get, Sealer sealer) {
        byte[] header = get.apply(HEADER_ROW);
        byte[] plain = header == null ? null : sealer.open(header, AD);
        if (plain == null) {
            return null;
        }
        Manifest m = new Manifest();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            long first = in.readLong();
            if (first != BUCKETED) {
                m.generation = first;
                m.nextRowNo = in.readLong();
                readEntries(in, m.entries, -1);
            } else {
                m.generation = in.readLong();
                m.nextRowNo = in.readLong();
                int count = in.readInt();
                m.sealedBuckets = new byte[BUCKETS][];
                for (int b = 0; b < BUCKETS; b++) {
                    byte[] hash = in.readNBytes(HASH);
                    byte[] sealed = get.apply(bucketRow(b));
                    byte[] bucket = sealed == null || !MessageDigest.isEqual(hash, Digests.sha256(sealed))
                            ? null
                            : sealer.open(sealed, bucketAd(b));
                    if (bucket == null) {
                        return null;
                    }
                    try (DataInputStream bin = new DataInputStream(new ByteArrayInputStream(bucket))) {
                        readEntries(bin, m.entries, b);
                    }
                    m.sealedBuckets[b] = sealed;
                }
                if (in.read() != -1 || m.entries.size() != count) {
                    return null;
                }
            }
        } catch (IOException | IllegalStateException e) {
            return null;
        }
        m.dirty.clear();
        return m;
    }

    /** Count, then (id, rowNo, version) per entry; in a bucket ({@code b >= 0}) every id must belong to it. */
    private static void readEntries(DataInputStream in, Map<String, Entry> into, int b) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String id = in.readUTF();
            if (b >= 0 && bucket(id) != b) {
                throw new IllegalStateException("entry in the wrong bucket");
            }
            into.put(id, new Entry(in.readLong(), in.readInt()));
        }
    }

    private static byte[] bucketBytes(List<Map.Entry<String, Entry>> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + members.size() * 60);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(members.size());
            for (Map.Entry<String, Entry> e : members) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().rowNo());
                out.writeInt(e.getValue().version());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] bucketAd(int b) {
        return ("keyshard/vault/manifest-bucket/" + b).getBytes(StandardCharsets.US_ASCII);
    }

    private static BitSet everyBucket() {
        BitSet all = new BitSet(BUCKETS);
        all.set(0, BUCKETS);
        return all;
    }
}
