package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Solana message, legacy or version 0, parsed strictly from its wire bytes: header counts
 * consistent with the account keys, every index in range, no duplicate static key, programs among
 * the static keys and never the fee payer, each address-table lookup loading at least one account,
 * nothing after the end. {@link #bytes()} are the exact bytes every signer signs.
 */
public record SolanaMessage(
        int version,
        int numRequiredSignatures,
        int numReadonlySigned,
        int numReadonlyUnsigned,
        List<byte[]> staticKeys,
        byte[] recentBlockhash,
        List<Instruction> instructions,
        List<AddressTableLookup> lookups,
        byte[] bytes) {

    /** {@link #version()} of a legacy message. */
    public static final int LEGACY = -1;

    /** One compiled instruction: indexes into the message's accounts, and opaque data. */
    public record Instruction(int programIndex, int[] accountIndexes, byte[] data) {}

    /** A v0 lookup: the table's address and the indexes it loads as writable and as read-only accounts. */
    public record AddressTableLookup(byte[] table, int[] writableIndexes, int[] readonlyIndexes) {}

    public SolanaMessage {
        staticKeys = List.copyOf(staticKeys);
        instructions = List.copyOf(instructions);
        lookups = List.copyOf(lookups);
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Parses a message that must fill {@code r} to its end. */
    static SolanaMessage read(SolanaWireReader r, byte[] all) {
        int start = r.position();
        int first = r.u8("message header");
        int version = LEGACY;
        int required = first;
        if ((first & 0x80) != 0) {
            version = first & 0x7f;
            if (version != 0) {
                throw new IllegalArgumentException(
                        "message version " + version + " is not supported (legacy and v0 are)");
            }
            required = r.u8("message header");
        }
        int roSigned = r.u8("message header");
        int roUnsigned = r.u8("message header");
        int keyCount = r.shortVec("account key count");
        List<byte[]> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keyCount; i++) {
            byte[] key = r.bytes(32, "account key " + i);
            if (!seen.add(Base58.encode(key))) {
                throw new IllegalArgumentException("account key " + i + " repeats an earlier key");
            }
            keys.add(key);
        }
        checkHeader(required, roSigned, roUnsigned, keyCount);
        byte[] blockhash = r.bytes(32, "recent blockhash");
        int ixCount = r.shortVec("instruction count");
        List<Instruction> instructions = new ArrayList<>();
        for (int i = 0; i < ixCount; i++) {
            String what = "instruction " + i;
            int program = r.u8(what + " program index");
            int[] accounts = indexes(r, what + " accounts");
            int dataLength = r.shortVec(what + " data length");
            instructions.add(new Instruction(program, accounts, r.bytes(dataLength, what + " data")));
        }
        List<AddressTableLookup> lookups = new ArrayList<>();
        if (version == 0) {
            int lookupCount = r.shortVec("address table lookup count");
            for (int i = 0; i < lookupCount; i++) {
                String what = "address table lookup " + i;
                byte[] table = r.bytes(32, what + " table address");
                int[] writable = indexes(r, what + " writable indexes");
                int[] readonly = indexes(r, what + " read-only indexes");
                if (writable.length + readonly.length == 0) {
                    throw new IllegalArgumentException(what + " loads no account");
                }
                lookups.add(new AddressTableLookup(table, writable, readonly));
            }
        }
        if (r.remaining() != 0) {
            throw new IllegalArgumentException(r.remaining() + " bytes after the end of the message");
        }
        int total = keyCount
                + lookups.stream()
                        .mapToInt(l -> l.writableIndexes().length + l.readonlyIndexes().length)
                        .sum();
        if (total > 256) {
            throw new IllegalArgumentException("the message names " + total + " accounts; at most 256 can be indexed");
        }
        checkIndexes(instructions, keyCount, total);
        return new SolanaMessage(
                version,
                required,
                roSigned,
                roUnsigned,
                keys,
                blockhash,
                instructions,
                lookups,
                Arrays.copyOfRange(all, start, r.position()));
    }

    private static void checkHeader(int required, int roSigned, int roUnsigned, int keyCount) {
        if (required == 0) {
            throw new IllegalArgumentException(
                    "the header requires no signature; a message needs at least the fee payer's");
        }
        if (roSigned >= required) {
            throw new IllegalArgumentException("the header marks " + roSigned + " of " + required
                    + " signers read-only; the fee payer must be writable");
        }
        if (required + roUnsigned > keyCount) {
            throw new IllegalArgumentException("the header counts " + required + " signers and " + roUnsigned
                    + " read-only non-signers, more than the " + keyCount + " account keys");
        }
    }

    private static int[] indexes(SolanaWireReader r, String what) {
        int n = r.shortVec(what + " count");
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.u8(what);
        }
        return out;
    }

    private static void checkIndexes(List<Instruction> instructions, int keyCount, int total) {
        for (int i = 0; i < instructions.size(); i++) {
            Instruction ix = instructions.get(i);
            if (ix.programIndex() == 0) {
                throw new IllegalArgumentException("instruction " + i + " names the fee payer as its program");
            }
            if (ix.programIndex() >= keyCount) {
                throw new IllegalArgumentException("instruction " + i + " program index " + ix.programIndex()
                        + " is not one of the " + keyCount + " static account keys");
            }
            for (int a : ix.accountIndexes()) {
                if (a >= total) {
                    throw new IllegalArgumentException(
                            "instruction " + i + " account index " + a + " is out of range (" + total + " accounts)");
                }
            }
        }
    }

    /** Whether the static account at {@code index} may be written (the header's rule). */
    public boolean isWritable(int index) {
        if (index < numRequiredSignatures) {
            return index < numRequiredSignatures - numReadonlySigned;
        }
        return index < staticKeys.size() - numReadonlyUnsigned;
    }
}
