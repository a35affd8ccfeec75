package io.keyshard.crypto;

import static io.keyshard.crypto.Blake3Compression.CHUNK_END;
import static io.keyshard.crypto.Blake3Compression.CHUNK_START;
import static io.keyshard.crypto.Blake3Compression.KEYED_HASH;
import static io.keyshard.crypto.Blake3Compression.PARENT;
import static io.keyshard.crypto.Blake3Compression.ROOT;

import java.util.Arrays;
import java.util.Objects;

/**
 * BLAKE3, hash and keyed hash, with extended output of any length: 1024-byte chunks of 64-byte blocks, the
 * binary tree of their chaining values (BLAKE3 specification sections 2.3 to 2.6), shaped for the nodes' C1
 * compiler ({@link Blake3Compression}). One instance hashes one input at a time, either whole ({@link
 * #hash(byte[], int, int, byte[], int, int)}: an input of at most one block costs one compression per 64
 * output bytes and allocates nothing) or in parts ({@link #update}, then {@link #finish}). Not thread-safe.
 */
public final class Blake3 {
    /** Bytes of a key. */
    public static final int KEY_LENGTH = 32;
    /** Bytes of the default output. */
    public static final int OUT_LENGTH = 32;

    private static final int BLOCK = 64;
    private static final int CHUNK_BLOCKS = 16;
    /** Chaining values the tree can wait on: 2^54 chunks of 1024 bytes is 2^64 bytes. */
    private static final int MAX_DEPTH = 54;

    private final Blake3Compression c = new Blake3Compression();
    private final int flags;
    /** The input's last block seen so far: compressed only once more input shows it is not the last. */
    private final byte[] buf = new byte[BLOCK];
    /** A whole input of at most one block, zero-padded; then a parent's two children. */
    private final byte[] block = new byte[BLOCK];
    /** A last output block shorter than 64 bytes. */
    private final byte[] tail = new byte[BLOCK];
    /** The chaining values of the complete subtrees left of the current chunk, 32 bytes each. */
    private byte[] stack = new byte[2 * KEY_LENGTH];

    private int bufLen;
    private int blocksInChunk;
    private long chunkCounter;
    private int depth;
    private int deepest;
    private boolean wiped;

    /** The unkeyed hash. */
    public Blake3() {
        flags = 0;
        c.fromKey();
    }

    /** The keyed hash under a 32-byte key. */
    public Blake3(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "a BLAKE3 key is 32 bytes, got " + (key == null ? "none" : key.length + " bytes"));
        }
        flags = KEYED_HASH;
        c.key(key, 0);
        c.fromKey();
    }

    /** {@code outLength} bytes of BLAKE3 over {@code in}, keyed when {@code key} is not null. */
    public static byte[] hash(byte[] key, byte[] in, int outLength) {
        Blake3 b = key == null ? new Blake3() : new Blake3(key);
        byte[] out = new byte[outLength];
        b.hash(in, 0, in.length, out, 0, outLength);
        return out;
    }

    /**
     * {@code outLength} bytes of BLAKE3 over {@code in[inOff, inOff + inLength)} into {@code out[outOff..)}:
     * a whole input, so anything passed to {@link #update} and not finished is discarded.
     */
    public void hash(byte[] in, int inOff, int inLength, byte[] out, int outOff, int outLength) {
        live();
        if (bufLen != 0 || blocksInChunk != 0 || depth != 0 || chunkCounter != 0) {
            reset();
        }
        if (inLength > BLOCK) {
            update(in, inOff, inLength);
            finish(out, outOff, outLength);
            return;
        }
        Objects.checkFromIndexSize(inOff, inLength, in.length);
        byte[] b = in;
        int bo = inOff;
        if (inLength < BLOCK) {
            System.arraycopy(in, inOff, block, 0, inLength);
            Arrays.fill(block, inLength, BLOCK, (byte) 0);
            b = block;
            bo = 0;
        }
        // the chaining value is the key's, as a new input's is: nothing to reset after
        root(b, bo, inLength, flags | CHUNK_START | CHUNK_END, out, outOff, outLength);
    }

    /** Appends {@code in} to the input. */
    public void update(byte[] in) {
        update(in, 0, in.length);
    }

    /** Appends {@code in[off, off + len)} to the input. */
    public void update(byte[] in, int off, int len) {
        live();
        Objects.checkFromIndexSize(off, len, in.length);
        while (len > 0) {
            if (bufLen == BLOCK) {
                // more input follows, so the buffered block is not the input's last
                block(buf, 0);
                bufLen = 0;
            }
            if (bufLen == 0) {
                for (; len > BLOCK; off += BLOCK, len -= BLOCK) {
                    block(in, off);
                }
            }
            int take = Math.min(BLOCK - bufLen, len);
            System.arraycopy(in, off, buf, bufLen, take);
            bufLen += take;
            off += take;
            len -= take;
        }
    }

    /** {@code outLength} bytes of output for the input so far; the instance then starts a new, empty input. */
    public byte[] finish(int outLength) {
        byte[] out = new byte[outLength];
        finish(out, 0, outLength);
        return out;
    }

    /** Writes {@code outLength} bytes of output at {@code out[outOff..)}; then starts a new, empty input. */
    public void finish(byte[] out, int outOff, int outLength) {
        live();
        Objects.checkFromIndexSize(outOff, outLength, out.length);
        Arrays.fill(buf, bufLen, BLOCK, (byte) 0);
        int chunkFlags = flags | (blocksInChunk == 0 ? CHUNK_START : 0) | CHUNK_END;
        if (depth == 0) {
            root(buf, 0, bufLen, chunkFlags, out, outOff, outLength);
        } else {
            // the right edge of the tree, bottom up: each parent's right child is the one below it
            c.compress(buf, 0, chunkCounter, bufLen, chunkFlags, null, 0);
            for (int i = depth - 1; i >= 0; i--) {
                System.arraycopy(stack, i * KEY_LENGTH, block, 0, KEY_LENGTH);
                c.storeChain(block, KEY_LENGTH);
                c.fromKey();
                if (i > 0) {
                    c.compress(block, 0, 0, BLOCK, flags | PARENT, null, 0);
                } else {
                    root(block, 0, BLOCK, flags | PARENT, out, outOff, outLength);
                }
            }
        }
        reset();
    }

    /** Discards the input so far and zeroes every copy of it, keeping the key. */
    public void reset() {
        c.fromKey();
        Arrays.fill(buf, (byte) 0);
        Arrays.fill(block, (byte) 0);
        Arrays.fill(tail, (byte) 0);
        Arrays.fill(stack, 0, deepest * KEY_LENGTH, (byte) 0);
        bufLen = 0;
        blocksInChunk = 0;
        chunkCounter = 0;
        depth = 0;
        deepest = 0;
    }

    /** Zeroes the key, the state and every copy of input and output; the instance then refuses use. */
    public void wipe() {
        reset();
        Arrays.fill(stack, (byte) 0);
        c.wipe();
        wiped = true;
    }

    private void live() {
        if (wiped) {
            throw new IllegalStateException("this BLAKE3 instance was wiped; hash with a new one");
        }
    }

    /** Compresses a block known not to be the input's last: a chunk's last one completes that chunk. */
    private void block(byte[] b, int off) {
        int f = flags | (blocksInChunk == 0 ? CHUNK_START : 0);
        if (blocksInChunk < CHUNK_BLOCKS - 1) {
            c.compress(b, off, chunkCounter, BLOCK, f, null, 0);
            blocksInChunk++;
            return;
        }
        c.compress(b, off, chunkCounter, BLOCK, f | CHUNK_END, null, 0);
        push();
    }

    /**
     * Pushes the completed chunk's chaining value, merging a pair of subtrees into their parent for each
     * trailing zero bit of the number of chunks so far (specification section 5.1.2), and starts the next
     * chunk. The two children of a parent lie side by side on the stack: they are its block.
     */
    private void push() {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("BLAKE3 input longer than 2^64 bytes");
        }
        if (stack.length < (depth + 1) * KEY_LENGTH) {
            byte[] grown = Arrays.copyOf(stack, Math.min(2 * stack.length, MAX_DEPTH * KEY_LENGTH));
            // the chaining values may come from secret input: the smaller copy is zeroed, not left behind
            Arrays.fill(stack, (byte) 0);
            stack = grown;
        }
        c.storeChain(stack, depth * KEY_LENGTH);
        depth++;
        deepest = Math.max(deepest, depth);
        chunkCounter++;
        for (long total = chunkCounter; (total & 1) == 0; total >>>= 1) {
            depth--;
            int left = (depth - 1) * KEY_LENGTH;
            c.fromKey();
            c.compress(stack, left, 0, BLOCK, flags | PARENT, null, 0);
            c.storeChain(stack, left);
        }
        c.fromKey();
        blocksInChunk = 0;
    }

    /** The root's output blocks: the same block and chaining value under output block counters 0, 1, ... */
    private void root(byte[] b, int off, int blockLen, int rootFlags, byte[] out, int outOff, int outLength) {
        int f = rootFlags | ROOT;
        long t = 0;
        for (; outLength >= BLOCK; t++, outOff += BLOCK, outLength -= BLOCK) {
            c.compress(b, off, t, blockLen, f, out, outOff);
        }
        if (outLength > 0) {
            c.compress(b, off, t, blockLen, f, tail, 0);
            System.arraycopy(tail, 0, out, outOff, outLength);
        }
    }
}
