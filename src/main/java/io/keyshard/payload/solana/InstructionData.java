package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import io.keyshard.payload.Decimals;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An instruction's data and accounts as a decoder reads them: little-endian integers at fixed offsets
 * of data of an exact length, and the instruction's accounts by position, named by address or, for an
 * account a v0 message loads from a lookup table, by its index.
 */
final class InstructionData {
    private final byte[] data;
    private final int[] accounts;
    private final SolanaMessage message;
    private final byte[] self;

    /** {@code self}: the signing key, named "(this key)" where it appears; null names no account so. */
    InstructionData(SolanaMessage message, SolanaMessage.Instruction ix, byte[] self) {
        this.message = message;
        this.self = self == null ? null : self.clone();
        this.data = ix.data().clone();
        this.accounts = ix.accountIndexes().clone();
    }

    int length() {
        return data.length;
    }

    /** True when the data is exactly {@code n} bytes and the instruction names at least {@code minAccounts}. */
    boolean is(int n, int minAccounts) {
        return data.length == n && accounts.length >= minAccounts;
    }

    int u8(int at) {
        return data[at] & 0xff;
    }

    int u16(int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8;
    }

    long u32(int at) {
        long v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | (data[at + i] & 0xff);
        }
        return v;
    }

    /** An unsigned 64-bit value, whole (a Java long would turn the top half negative). */
    BigInteger u64(int at) {
        byte[] be = new byte[8];
        for (int i = 0; i < 8; i++) {
            be[7 - i] = data[at + i];
        }
        return new BigInteger(1, be);
    }

    byte[] bytes(int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }

    /** True when the u128 at {@code at} is 0: a pool program's price limit of "none". */
    boolean isZeroU128(int at) {
        for (int i = at; i < at + 16; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The instruction's {@code i}-th account. */
    String account(int i) {
        int index = accounts[i];
        if (index >= message.staticKeys().size()) {
            return "account " + index + " (from a lookup table)";
        }
        byte[] key = message.staticKeys().get(index);
        // null is tested first: Arrays.equals handles it, but the fuzzer's native hook on it does not
        return Base58.encode(key) + (self != null && Arrays.equals(key, self) ? " (this key)" : "");
    }

    /** How many accounts the instruction names. */
    int accountCount() {
        return accounts.length;
    }

    /** The address of the instruction's {@code i}-th account, or null for one a lookup table loads. */
    String address(int i) {
        int index = accounts[i];
        return index < message.staticKeys().size()
                ? Base58.encode(message.staticKeys().get(index))
                : null;
    }

    /** The signing key, or null when no key is named. */
    byte[] self() {
        return self == null ? null : self.clone();
    }

    /** The 32-byte key in the data at {@code at}, named "(this key)" when it is the signing key's. */
    String key(int at) {
        byte[] key = bytes(at, at + 32);
        return Base58.encode(key) + (isSelfKey(at) ? " (this key)" : "");
    }

    /** True when the 32-byte key in the data at {@code at} is the signing key's. */
    boolean isSelfKey(int at) {
        return self != null && Arrays.equals(bytes(at, at + 32), self);
    }

    /** True when any of the instruction's accounts is the signing key's own (a signer is never loaded from a table). */
    boolean namesSelf() {
        for (int i = 0; i < accounts.length; i++) {
            if (isSelf(i)) {
                return true;
            }
        }
        return false;
    }

    /** True when the instruction's {@code i}-th account is the signing key's own. */
    boolean isSelf(int i) {
        int index = accounts[i];
        return self != null
                && index < message.staticKeys().size()
                && Arrays.equals(message.staticKeys().get(index), self);
    }

    /** {@code 1500000000} lamports is {@code "1.5 SOL"}. */
    static String sol(BigInteger lamports) {
        return Decimals.scaled(lamports, 9) + " SOL";
    }
}
