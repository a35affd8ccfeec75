package io.keyshard.payload.evm;

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
        List<Rlp.Item> f = TransactionFields.items(raw);
        if (f.size() != 12) {
            throw new IllegalArgumentException("a signed EIP-1559 transaction is an RLP list of 12 fields");
        }
        Eip1559Transaction tx = TransactionFields.transaction(f);
        return new SignedEip1559(tx, TransactionFields.typedSignature(f, 9), raw);
    }

    /** The address recovered from the signature: the account a node charges. */
    public String sender() {
        return EcRecover.recoverAddress(transaction.signingHash(), signature);
    }

    /** The transaction hash. */
    public byte[] txHash() {
        return Eip1559Transaction.txHash(raw);
    }
}
