package io.keyshard.payload.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An EIP-7702 set-code transaction (type 4): an EIP-1559 transaction ({@code base}) and an authorization list, each
 * tuple letting its authority's account run a contract's code. Its signing hash is {@code keccak256(0x04 ‖
 * rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList,
 * authorizationList]))}; the signed form appends {@code yParity, r, s}. EIP-7702 makes it invalid without a
 * recipient or with an empty list, so both are refused.
 */
public record SetCodeTransaction(Eip1559Transaction base, List<SignedAuthorization> authorizations)
        implements EvmTransaction {
    /** The transaction type byte of EIP-2718 envelopes for EIP-7702. */
    public static final int TYPE = 0x04;

    public SetCodeTransaction {
        authorizations = List.copyOf(authorizations);
    }

    /** Refuses what EIP-7702 makes invalid: no recipient, no authorization. */
    SetCodeTransaction checked() {
        if (base.to() == null) {
            throw new IllegalArgumentException(
                    "a set-code transaction (type 4) cannot create a contract: it needs a to");
        }
        if (authorizations.isEmpty()) {
            throw new IllegalArgumentException("a set-code transaction (type 4) needs at least one authorization: "
                    + "without one, make it an EIP-1559 transaction (type 2)");
        }
        return this;
    }

    @Override
    public BigInteger chainId() {
        return base.chainId();
    }

    @Override
    public BigInteger nonce() {
        return base.nonce();
    }

    @Override
    public BigInteger gas() {
        return base.gas();
    }

    @Override
    public byte[] to() {
        return base.to();
    }

    @Override
    public BigInteger value() {
        return base.value();
    }

    @Override
    public byte[] data() {
        return base.data();
    }

    @Override
    public String from() {
        return base.from();
    }

    private List<byte[]> allFields() {
        List<byte[]> list = new ArrayList<>(base.fields());
        list.add(SignedAuthorization.encodeList(authorizations));
        return list;
    }

    /** {@code 0x04 ‖ rlp([... 10 fields])}: the bytes whose Keccak-256 is signed. */
    @Override
    public byte[] unsignedEncoding() {
        return TransactionFields.envelope(TYPE, allFields());
    }

    /** {@code 0x04 ‖ rlp([... 10 fields, yParity, r, s])}: the raw transaction. Refuses a high s (EIP-2). */
    @Override
    public byte[] signedEncoding(EvmSignature sig) {
        return TransactionFields.signedEnvelope(TYPE, allFields(), sig);
    }

    @Override
    public String senderOf(byte[] signed) {
        Signed read = decodeSigned(signed);
        return EcRecover.recoverAddress(read.transaction().signingHash(), read.signature());
    }

    /** A signed set-code transaction as a node reads it: its fields and its sender's signature. */
    public record Signed(SetCodeTransaction transaction, EvmSignature signature) {}

    /** Decodes {@code 0x04 ‖ rlp([10 fields, yParity, r, s])} strictly, as a node does. */
    public static Signed decodeSigned(byte[] raw) {
        List<Rlp.Item> f = TransactionFields.items(raw, TYPE);
        if (f.size() != 13) {
            throw new IllegalArgumentException("a signed set-code transaction is an RLP list of 13 fields");
        }
        return new Signed(of(f), TransactionFields.typedSignature(f, 10));
    }

    /** Reads the unsigned {@code 0x04 ‖ rlp([10 fields])} a tool hands over; only a canonical encoding is taken. */
    public static SetCodeTransaction decodeUnsigned(byte[] raw) {
        return TransactionFields.canonical(of(TransactionFields.unsignedItems(raw, TYPE, 10)), raw);
    }

    private static SetCodeTransaction of(List<Rlp.Item> f) {
        return new SetCodeTransaction(TransactionFields.transaction(f), SignedAuthorization.fromRlp(f.get(9)))
                .checked();
    }
}
