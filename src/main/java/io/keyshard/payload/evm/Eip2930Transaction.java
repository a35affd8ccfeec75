package io.keyshard.payload.evm;

import io.keyshard.payload.evm.Eip1559Transaction.AccessListEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An EIP-2930 (type 1) transaction: a gas price, as a legacy transaction has, and an access list. Its signing
 * hash is {@code keccak256(0x01 ‖ rlp([chainId, nonce, gasPrice, gas, to, value, data, accessList]))}; the
 * signed form appends {@code yParity, r, s}. Tools make one when they are given an access list and a gas price
 * (on chains without EIP-1559 fees, or to pay a fixed price). {@code from} is what the payload claimed, only
 * checked against the signing key.
 */
public record Eip2930Transaction(
        BigInteger chainId,
        BigInteger nonce,
        BigInteger gasPrice,
        BigInteger gas,
        byte[] to,
        BigInteger value,
        byte[] data,
        List<AccessListEntry> accessList,
        String from)
        implements EvmTransaction {

    /** The transaction type byte of EIP-2718 envelopes for EIP-2930. */
    public static final int TYPE = 0x01;

    public Eip2930Transaction {
        if (to != null && to.length != 20) {
            throw new IllegalArgumentException("to must be a 20-byte address");
        }
        to = to == null ? null : to.clone();
        data = data.clone();
        accessList = List.copyOf(accessList);
    }

    @Override
    public byte[] to() {
        return to == null ? null : to.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Reads the unsigned {@code 0x01 ‖ rlp([8 fields])} a tool hands over; only a canonical encoding is taken. */
    public static Eip2930Transaction decodeUnsigned(byte[] raw) {
        return TransactionFields.canonical(
                TransactionFields.eip2930(TransactionFields.unsignedItems(raw, TYPE, 8)), raw);
    }

    /** What every reader requires of the fields. */
    Eip2930Transaction checked() {
        TransactionFields.checkShared(chainId, nonce, gas);
        return this;
    }

    private List<byte[]> fields() {
        List<byte[]> list = new ArrayList<>();
        list.add(Rlp.encodeInteger(chainId));
        list.add(Rlp.encodeInteger(nonce));
        list.add(Rlp.encodeInteger(gasPrice));
        list.add(Rlp.encodeInteger(gas));
        list.add(Rlp.encodeString(to == null ? new byte[0] : to));
        list.add(Rlp.encodeInteger(value));
        list.add(Rlp.encodeString(data));
        list.add(TransactionFields.encodeAccessList(accessList));
        return list;
    }

    /** {@code 0x01 ‖ rlp([... 8 fields])}: the bytes whose Keccak-256 is signed. */
    @Override
    public byte[] unsignedEncoding() {
        return TransactionFields.envelope(TYPE, fields());
    }

    /** {@code 0x01 ‖ rlp([... 8 fields, yParity, r, s])}: the raw transaction to broadcast. Refuses a high s. */
    @Override
    public byte[] signedEncoding(EvmSignature sig) {
        return TransactionFields.signedEnvelope(TYPE, fields(), sig);
    }

    @Override
    public String senderOf(byte[] signed) {
        return SignedEip2930.decode(signed).sender();
    }
}
