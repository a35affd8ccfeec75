package io.keyshard.payload.evm;

import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A call's ABI arguments (the bytes after the selector) read strictly: every read returns null when the
 * data is not laid out exactly as the Solidity ABI's canonical encoding lays it out, so that data which only
 * looks like a known call is left undecoded rather than shown in words it does not mean. Dynamic arguments
 * must be read in the order of their heads: their tails must follow the heads and each other with no gap,
 * overlap or non-zero padding, as every standard encoder writes them.
 */
final class AbiArguments {
    private static final int WORD = 32;

    private final byte[] args;
    /** Where the next dynamic argument's tail must start: right after the heads, then after each tail. */
    private int nextTail;

    private AbiArguments(byte[] args, int headWords) {
        this.args = args;
        this.nextTail = WORD * headWords;
    }

    /** The arguments of {@code data} after its 4-byte selector, or null when they are shorter than the heads. */
    static AbiArguments of(byte[] data, int headWords) {
        if (data.length < 4 + WORD * headWords) {
            return null;
        }
        return new AbiArguments(Arrays.copyOfRange(data, 4, data.length), headWords);
    }

    /** Arguments encoded on their own, with no selector before them (an {@code abi.encode} of values). */
    static AbiArguments encoded(byte[] args, int headWords) {
        if (args.length < WORD * headWords) {
            return null;
        }
        return new AbiArguments(args.clone(), headWords);
    }

    /** The bytes after the dynamic arguments read so far (after the heads when none was read). */
    byte[] rest() {
        return Arrays.copyOfRange(args, Math.min(nextTail, args.length), args.length);
    }

    /** True when the dynamic arguments read so far end exactly where the data ends. */
    boolean complete() {
        return nextTail == args.length;
    }

    /** Head {@code i} as an address (EIP-55): 20 bytes right-aligned, the 12 above them zero; else null. */
    String address(int i) {
        return addressAt(WORD * i);
    }

    private String addressAt(int at) {
        if (!zeroes(at, 12)) {
            return null;
        }
        return AccountAddresses.eip55(Hex.encode(Arrays.copyOfRange(args, at + 12, at + WORD)));
    }

    /** Head {@code i} as a uint256. */
    BigInteger uint(int i) {
        return new BigInteger(1, Arrays.copyOfRange(args, WORD * i, WORD * (i + 1)));
    }

    /** The {@code bytes} argument whose offset is head {@code i}, or null when it is not canonical. */
    byte[] bytes(int i) {
        int length = tailLength(i, 1);
        if (length < 0) {
            return null;
        }
        int start = nextTail + WORD;
        int padded = (length + WORD - 1) / WORD * WORD;
        if (padded > args.length - start || !zeroes(start + length, padded - length)) {
            return null;
        }
        nextTail = start + padded;
        return Arrays.copyOfRange(args, start, start + length);
    }

    /** Head {@code i} as a bool: the word 0 or 1; else null. */
    Boolean bool(int i) {
        if (!zeroes(WORD * i, WORD - 1) || (args[WORD * (i + 1) - 1] & 0xfe) != 0) {
            return null;
        }
        return args[WORD * (i + 1) - 1] == 1;
    }

    /** The {@code address[]} argument whose offset is head {@code i} (EIP-55), or null when it is not canonical. */
    List<String> addresses(int i) {
        return words(i, this::addressAt);
    }

    /**
     * The {@code bytes[]} argument whose offset is head {@code i}, or null when it is not canonical: its element
     * offsets (counted from just after the length word) must point at the elements in order, each right after the
     * one before, with zero padding.
     */
    List<byte[]> bytesList(int i) {
        int count = tailLength(i, WORD);
        if (count < 0) {
            return null;
        }
        int base = nextTail + WORD;
        int next = WORD * count;
        List<byte[]> values = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int at = base + next;
            if (smallInt(base + WORD * k) != next || args.length - at < WORD) {
                return null;
            }
            int length = smallInt(at);
            if (length < 0 || length > args.length - at - WORD) {
                return null;
            }
            int padded = (length + WORD - 1) / WORD * WORD;
            if (padded > args.length - at - WORD || !zeroes(at + WORD + length, padded - length)) {
                return null;
            }
            values.add(Arrays.copyOfRange(args, at + WORD, at + WORD + length));
            next += WORD + padded;
        }
        nextTail = base + next;
        return values;
    }

    /**
     * Head {@code i} as a signed integer of {@code bits} bits: the word must be its two's complement sign-extended to
     * 256 bits, as the ABI writes an {@code intN}; else null.
     */
    BigInteger signed(int i, int bits) {
        BigInteger v = new BigInteger(Arrays.copyOfRange(args, WORD * i, WORD * (i + 1)));
        return v.bitLength() < bits ? v : null;
    }

    /**
     * The dynamic tuple whose offset is head {@code i}, as a reader with {@code headWords} heads of its own; null when
     * the offset is not the canonical one. The tuple's tails run to the end of the data, so it must be the last
     * dynamic argument: the outer arguments are complete when the tuple's reader is.
     */
    AbiArguments tuple(int i, int headWords) {
        int start = nextTail;
        if (smallInt(WORD * i) != start || args.length - start < WORD * headWords) {
            return null;
        }
        nextTail = args.length;
        return new AbiArguments(Arrays.copyOfRange(args, start, args.length), headWords);
    }

    /**
     * The array of dynamic tuples whose offset is head {@code i}, each read by {@code read} from a reader with {@code
     * headWords} heads over the element; null when any element does not read or the array is not canonical: the
     * element offsets (counted from just after the length word) must point at the elements in order, each right
     * after where the one before ends (its reader's last tail).
     */
    <T> List<T> tuples(int i, int headWords, Function<AbiArguments, T> read) {
        int count = tailLength(i, WORD);
        if (count < 0) {
            return null;
        }
        int base = nextTail + WORD;
        int next = WORD * count;
        List<T> values = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int at = base + next;
            if (smallInt(base + WORD * k) != next || args.length - at < WORD * headWords) {
                return null;
            }
            AbiArguments element = new AbiArguments(Arrays.copyOfRange(args, at, args.length), headWords);
            T value = read.apply(element);
            if (value == null) {
                return null;
            }
            values.add(value);
            next += element.nextTail;
        }
        nextTail = base + next;
        return values;
    }

    /** The {@code uint256[]} argument whose offset is head {@code i}, or null when it is not canonical. */
    List<BigInteger> uints(int i) {
        return words(i, at -> new BigInteger(1, Arrays.copyOfRange(args, at, at + WORD)));
    }

    /** An array of one-word elements whose offset is head {@code i}, each read at its position; null if any is. */
    private <T> List<T> words(int i, IntFunction<T> read) {
        int count = tailLength(i, WORD);
        if (count < 0) {
            return null;
        }
        int start = nextTail + WORD;
        List<T> values = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            T value = read.apply(start + WORD * k);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        nextTail = start + WORD * count;
        return values;
    }

    /**
     * The length word of the tail head {@code i} points to, when the offset is the canonical one and the tail
     * has room for that many units of {@code unitBytes} after it (at least); else -1.
     */
    private int tailLength(int i, int unitBytes) {
        int offset = smallInt(WORD * i);
        if (offset != nextTail || args.length - nextTail < WORD) {
            return -1;
        }
        int length = smallInt(nextTail);
        if (length < 0 || length > (args.length - nextTail - WORD) / unitBytes) {
            return -1;
        }
        return length;
    }

    /** The word at {@code at} as an int, or -1 when it does not fit in 31 bits (no real offset or length does). */
    private int smallInt(int at) {
        if (!zeroes(at, WORD - 4) || (args[at + WORD - 4] & 0x80) != 0) {
            return -1;
        }
        return ((args[at + 28] & 0xff) << 24)
                | ((args[at + 29] & 0xff) << 16)
                | ((args[at + 30] & 0xff) << 8)
                | (args[at + 31] & 0xff);
    }

    private boolean zeroes(int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (args[k] != 0) {
                return false;
            }
        }
        return true;
    }
}
