package io.keyshard.payload.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of a transaction read from its RLP list, strictly (canonical integers of at most 256 bits, a
 * 20-byte or empty {@code to}, access-list entries of [address, [keys]]): one reader for the unsigned
 * transaction a tool hands over and the signed one read back, for EIP-1559 ({@code 0x02 ‖ rlp([...])}), EIP-2930
 * ({@code 0x01 ‖ rlp([...])}), EIP-7702 ({@code 0x04 ‖ rlp([...])}) and legacy transactions ({@code rlp([...])},
 * EIP-155).
 */
final class TransactionFields {
    private TransactionFields() {}

    /** The items of {@code 0x02 ‖ rlp([...])}: refuses another type byte and bytes that are not one RLP list. */
    static List<Rlp.Item> items(byte[] raw) {
        return items(raw, Eip1559Transaction.TYPE);
    }

    /** The items of {@code type ‖ rlp([...])} (EIP-2718): refuses another type byte and a body not one RLP list. */
    static List<Rlp.Item> items(byte[] raw, int type) {
        String name = typeName(type);
        if (raw.length == 0 || raw[0] != type) {
            throw new IllegalArgumentException("not an " + name + " transaction: the first byte must be 0x0" + type);
        }
        byte[] body = new byte[raw.length - 1];
        System.arraycopy(raw, 1, body, 0, body.length);
        if (!(Rlp.decode(body) instanceof Rlp.Seq list)) {
            throw new IllegalArgumentException(
                    "an " + name + " transaction is 0x0" + type + " followed by an RLP list");
        }
        return list.items();
    }

    /** The items of a legacy transaction, which is one RLP list with no type byte before it. */
    static List<Rlp.Item> legacyItems(byte[] raw) {
        if (raw.length == 0 || (raw[0] & 0xff) < 0xc0) {
            throw new IllegalArgumentException(
                    "not a legacy transaction: it must be one RLP list (first byte " + "0xc0 or above)");
        }
        if (!(Rlp.decode(raw) instanceof Rlp.Seq list)) {
            throw new IllegalArgumentException("a legacy transaction is one RLP list");
        }
        return list.items();
    }

    /** The transaction of {@code f}'s first nine items, checked as {@link Eip1559Transaction#checked()}. */
    static Eip1559Transaction transaction(List<Rlp.Item> f) {
        return new Eip1559Transaction(
                        integer(f.get(0), "chainId"),
                        integer(f.get(1), "nonce"),
                        integer(f.get(2), "maxPriorityFeePerGas"),
                        integer(f.get(3), "maxFeePerGas"),
                        integer(f.get(4), "gas"),
                        to(f.get(5)),
                        integer(f.get(6), "value"),
                        str(f.get(7), "data"),
                        accessList(f.get(8)),
                        null)
                .checked();
    }

    /**
     * The items of an unsigned typed transaction ({@code type ‖ rlp([fields])}): exactly {@code fields} of them; a
     * signed one (three more: yParity, r, s) is refused as such.
     */
    static List<Rlp.Item> unsignedItems(byte[] raw, int type, int fields) {
        List<Rlp.Item> f = items(raw, type);
        if (f.size() == fields + 3) {
            throw new IllegalArgumentException(
                    "this transaction is already signed (it carries yParity, r and s): give the unsigned one");
        }
        if (f.size() != fields) {
            throw new IllegalArgumentException("an unsigned " + typeName(type) + " transaction is an RLP list of "
                    + fields + " fields, got " + f.size());
        }
        return f;
    }

    /** Refuses {@code raw} when it is not the one canonical encoding of {@code tx}: the bytes reviewed are signed. */
    static <T extends EvmTransaction> T canonical(T tx, byte[] raw) {
        if (!Arrays.equals(tx.unsignedEncoding(), raw)) {
            throw new IllegalArgumentException("the transaction is not canonically encoded (EIP-2718, RLP)");
        }
        return tx;
    }

    private static String typeName(int type) {
        return type == Eip2930Transaction.TYPE
                ? "EIP-2930"
                : type == SetCodeTransaction.TYPE ? "EIP-7702 set-code" : "EIP-1559";
    }

    /** An access list as RLP: a list of [address, [storageKeys...]]. */
    static byte[] encodeAccessList(List<Eip1559Transaction.AccessListEntry> accessList) {
        List<byte[]> entries = new ArrayList<>();
        for (Eip1559Transaction.AccessListEntry e : accessList) {
            entries.add(e.encode());
        }
        return Rlp.encodeList(entries);
    }

    /** An EIP-2718 envelope: {@code type ‖ rlp(fields)}. */
    static byte[] envelope(int type, List<byte[]> fields) {
        return Bytes.concat(new byte[] {(byte) type}, Rlp.encodeList(fields));
    }

    /** The signed envelope: {@code type ‖ rlp(fields ‖ [yParity, r, s])}. Refuses a high s (EIP-2). */
    static byte[] signedEnvelope(int type, List<byte[]> fields, EvmSignature sig) {
        sig.requireLowS();
        List<byte[]> list = new ArrayList<>(fields);
        list.add(Rlp.encodeInteger(BigInteger.valueOf(sig.recoveryId())));
        list.add(Rlp.encodeInteger(sig.r()));
        list.add(Rlp.encodeInteger(sig.s()));
        return envelope(type, list);
    }

    /** The EIP-2930 transaction of {@code f}'s first eight items, checked. */
    static Eip2930Transaction eip2930(List<Rlp.Item> f) {
        return new Eip2930Transaction(
                        integer(f.get(0), "chainId"),
                        integer(f.get(1), "nonce"),
                        integer(f.get(2), "gasPrice"),
                        integer(f.get(3), "gas"),
                        to(f.get(4)),
                        integer(f.get(5), "value"),
                        str(f.get(6), "data"),
                        accessList(f.get(7)),
                        null)
                .checked();
    }

    /** The signature of a typed transaction: {@code yParity, r, s} at {@code at}, {@code at + 1}, {@code at + 2}. */
    static EvmSignature typedSignature(List<Rlp.Item> f, int at) {
        BigInteger yParity = integer(f.get(at), "yParity");
        if (yParity.compareTo(BigInteger.ONE) > 0) {
            throw new IllegalArgumentException("yParity must be 0 or 1, got " + yParity);
        }
        return new EvmSignature(integer(f.get(at + 1), "r"), integer(f.get(at + 2), "s"), yParity.intValue());
    }

    /** The legacy transaction of {@code f}'s first six items on {@code chainId}, checked. */
    static LegacyTransaction legacy(List<Rlp.Item> f, BigInteger chainId) {
        return new LegacyTransaction(
                        chainId,
                        integer(f.get(0), "nonce"),
                        integer(f.get(1), "gasPrice"),
                        integer(f.get(2), "gas"),
                        to(f.get(3)),
                        integer(f.get(4), "value"),
                        str(f.get(5), "data"),
                        null)
                .checked();
    }

    /**
     * What every reader requires of a transaction of any type, JSON or RLP: a chain id (0 would sign for every
     * chain), a nonce (EIP-2681) and gas within 64 bits.
     */
    static void checkShared(BigInteger chainId, BigInteger nonce, BigInteger gas) {
        if (chainId.signum() == 0) {
            throw new IllegalArgumentException("chainId must not be 0");
        }
        if (nonce.bitLength() > 64) {
            throw new IllegalArgumentException("nonce does not fit in 64 bits (got " + nonce + ")");
        }
        if (gas.bitLength() > 64) {
            throw new IllegalArgumentException("gas does not fit in 64 bits (got " + gas + ")");
        }
    }

    private static byte[] to(Rlp.Item item) {
        byte[] to = str(item, "to");
        if (to.length != 0 && to.length != 20) {
            throw new IllegalArgumentException("to must be empty or 20 bytes, got " + to.length);
        }
        return to.length == 0 ? null : to;
    }

    static byte[] str(Rlp.Item item, String field) {
        if (!(item instanceof Rlp.Str s)) {
            throw new IllegalArgumentException(field + " must be an RLP string, not a list");
        }
        return s.bytes();
    }

    static BigInteger integer(Rlp.Item item, String field) {
        if (!(item instanceof Rlp.Str s)) {
            throw new IllegalArgumentException(field + " must be an RLP integer, not a list");
        }
        if (s.bytes().length > 32) {
            throw new IllegalArgumentException(field + " does not fit in 256 bits");
        }
        return s.asInteger(field);
    }

    private static List<Eip1559Transaction.AccessListEntry> accessList(Rlp.Item item) {
        if (!(item instanceof Rlp.Seq seq)) {
            throw new IllegalArgumentException("accessList must be an RLP list");
        }
        List<Eip1559Transaction.AccessListEntry> entries = new ArrayList<>();
        for (Rlp.Item e : seq.items()) {
            if (!(e instanceof Rlp.Seq pair)
                    || pair.items().size() != 2
                    || !(pair.items().get(1) instanceof Rlp.Seq keys)) {
                throw new IllegalArgumentException("an access-list entry must be [address, [storageKeys...]]");
            }
            List<byte[]> storageKeys = new ArrayList<>();
            for (Rlp.Item k : keys.items()) {
                storageKeys.add(str(k, "an access-list storage key"));
            }
            entries.add(new Eip1559Transaction.AccessListEntry(
                    str(pair.items().get(0), "an access-list address"), storageKeys));
        }
        return entries;
    }
}
