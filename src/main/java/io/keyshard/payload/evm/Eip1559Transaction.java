package io.keyshard.payload.evm;

import io.keyshard.address.Hashes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An EIP-1559 (type 2) transaction. Its signing hash is
 * {@code keccak256(0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value,
 * data, accessList]))}; the signed form appends {@code yParity, r, s} to the list. A null
 * {@code to} creates a contract. {@code from} is what the payload claimed, if anything: it is not
 * part of the encoding, only checked against the signing key.
 */
public record Eip1559Transaction(
        BigInteger chainId,
        BigInteger nonce,
        BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas,
        BigInteger gas,
        byte[] to,
        BigInteger value,
        byte[] data,
        List<AccessListEntry> accessList,
        String from)
        implements EvmTransaction {

    /** The transaction type byte of EIP-2718 envelopes for EIP-1559. */
    public static final int TYPE = 0x02;

    /** One access-list entry: an address and the storage keys it pre-declares. */
    public record AccessListEntry(byte[] address, List<byte[]> storageKeys) {
        public AccessListEntry {
            if (address.length != 20) {
                throw new IllegalArgumentException("an access-list address is 20 bytes");
            }
            for (byte[] k : storageKeys) {
                if (k.length != 32) {
                    throw new IllegalArgumentException("an access-list storage key is 32 bytes");
                }
            }
            address = address.clone();
            storageKeys = storageKeys.stream().map(byte[]::clone).toList();
        }

        @Override
        public byte[] address() {
            return address.clone();
        }

        byte[] encode() {
            List<byte[]> keys = new ArrayList<>();
            for (byte[] k : storageKeys) {
                keys.add(Rlp.encodeString(k));
            }
            return Rlp.encodeList(List.of(Rlp.encodeString(address), Rlp.encodeList(keys)));
        }
    }

    public Eip1559Transaction {
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

    /** Parses the JSON of {@code eth_sendTransaction} as an EIP-1559 transaction (see {@link TransactionJson}). */
    public static Eip1559Transaction parse(String json) {
        return TransactionJson.eip1559(json);
    }

    /**
     * Reads the unsigned {@code 0x02 ‖ rlp([9 fields])} that tools hand over to be signed (viem's
     * {@code serializeTransaction}, ethers' {@code unsignedSerialized}, an air-gapped wallet's request). Only a
     * canonical encoding is taken, so the bytes shown for review are the bytes whose hash is signed.
     */
    public static Eip1559Transaction decodeUnsigned(byte[] raw) {
        return TransactionFields.canonical(
                TransactionFields.transaction(TransactionFields.unsignedItems(raw, TYPE, 9)), raw);
    }

    /** What every reader requires of the fields: the shared checks, and a tip no higher than the fee cap. */
    Eip1559Transaction checked() {
        TransactionFields.checkShared(chainId, nonce, gas);
        if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
            throw new IllegalArgumentException("maxPriorityFeePerGas (" + maxPriorityFeePerGas
                    + ") is higher than maxFeePerGas (" + maxFeePerGas + "): nodes refuse such a transaction");
        }
        return this;
    }

    /** The nine fields of the signed list, RLP-encoded; EIP-7702 appends its authorization list. */
    List<byte[]> fields() {
        List<byte[]> list = new ArrayList<>();
        list.add(Rlp.encodeInteger(chainId));
        list.add(Rlp.encodeInteger(nonce));
        list.add(Rlp.encodeInteger(maxPriorityFeePerGas));
        list.add(Rlp.encodeInteger(maxFeePerGas));
        list.add(Rlp.encodeInteger(gas));
        list.add(Rlp.encodeString(to == null ? new byte[0] : to));
        list.add(Rlp.encodeInteger(value));
        list.add(Rlp.encodeString(data));
        list.add(TransactionFields.encodeAccessList(accessList));
        return list;
    }

    /** {@code 0x02 ‖ rlp([... 9 fields])}: the bytes whose Keccak-256 is signed. */
    @Override
    public byte[] unsignedEncoding() {
        return TransactionFields.envelope(TYPE, fields());
    }

    /** {@code 0x02 ‖ rlp([... 9 fields, yParity, r, s])}: the raw transaction to broadcast. Refuses a high s (EIP-2). */
    @Override
    public byte[] signedEncoding(EvmSignature sig) {
        return TransactionFields.signedEnvelope(TYPE, fields(), sig);
    }

    /** The transaction hash: Keccak-256 of the signed encoding. */
    public static byte[] txHash(byte[] signedEncoding) {
        return Hashes.keccak256(signedEncoding);
    }

    @Override
    public String senderOf(byte[] signed) {
        return SignedEip1559.decode(signed).sender();
    }
}
