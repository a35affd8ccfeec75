package io.keyshard.payload.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed EIP-1559 transaction decoded from its raw bytes, strictly (canonical RLP, exactly 12
 * fields, canonical integers), the way a node reads it: the sender is recovered from the
 * signature over the re-encoded fields, never taken from the payload.
 */
public record SignedEip1559(Eip1559Transaction transaction, EvmSignature signature, byte[] raw) {
    public SignedEip1559 {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** Decodes {@code 0x02 ‖ rlp([chainId, ..., accessList, yParity, r, s])}. */
    public static SignedEip1559 decode(byte[] raw) {
        if (raw.length == 0 || raw[0] != Eip1559Transaction.TYPE) {
            throw new IllegalArgumentException("not an EIP-1559 transaction: the first byte must be 0x02");
        }
        byte[] body = new byte[raw.length - 1];
        System.arraycopy(raw, 1, body, 0, body.length);
        if (!(Rlp.decode(body) instanceof Rlp.Seq list) || list.items().size() != 12) {
            throw new IllegalArgumentException("a signed EIP-1559 transaction is an RLP list of 12 fields");
        }
        List<Rlp.Item> f = list.items();
        byte[] to = str(f.get(5), "to");
        if (to.length != 0 && to.length != 20) {
            throw new IllegalArgumentException("to must be empty or 20 bytes, got " + to.length);
        }
        Eip1559Transaction tx = new Eip1559Transaction(
                integer(f.get(0), "chainId"),
                integer(f.get(1), "nonce"),
                integer(f.get(2), "maxPriorityFeePerGas"),
                integer(f.get(3), "maxFeePerGas"),
                integer(f.get(4), "gas"),
                to.length == 0 ? null : to,
                integer(f.get(6), "value"),
                str(f.get(7), "data"),
                accessList(f.get(8)),
                null);
        BigInteger yParity = integer(f.get(9), "yParity");
        if (yParity.compareTo(BigInteger.ONE) > 0) {
            throw new IllegalArgumentException("yParity must be 0 or 1, got " + yParity);
        }
        EvmSignature sig = new EvmSignature(integer(f.get(10), "r"), integer(f.get(11), "s"), yParity.intValue());
        return new SignedEip1559(tx, sig, raw);
    }

    /** The address recovered from the signature: the account a node charges. */
    public String sender() {
        return EcRecover.recoverAddress(transaction.signingHash(), signature);
    }

    /** The transaction hash. */
    public byte[] txHash() {
        return Eip1559Transaction.txHash(raw);
    }

    private static byte[] str(Rlp.Item item, String field) {
        if (!(item instanceof Rlp.Str s)) {
            throw new IllegalArgumentException(field + " must be an RLP string, not a list");
        }
        return s.bytes();
    }

    private static BigInteger integer(Rlp.Item item, String field) {
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
