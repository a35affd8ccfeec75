package io.keyshard.payload.evm;

import java.util.List;

/**
 * A signed EIP-2930 transaction decoded from its raw bytes, strictly (canonical RLP, exactly 11 fields,
 * canonical integers), the way a node reads it: the sender is recovered from the signature over the re-encoded
 * fields, never taken from the payload.
 */
public record SignedEip2930(Eip2930Transaction transaction, EvmSignature signature, byte[] raw) {
    public SignedEip2930 {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** Decodes {@code 0x01 ‖ rlp([chainId, nonce, gasPrice, gas, to, value, data, accessList, yParity, r, s])}. */
    public static SignedEip2930 decode(byte[] raw) {
        List<Rlp.Item> f = TransactionFields.items(raw, Eip2930Transaction.TYPE);
        if (f.size() != 11) {
            throw new IllegalArgumentException("a signed EIP-2930 transaction is an RLP list of 11 fields");
        }
        return new SignedEip2930(TransactionFields.eip2930(f), TransactionFields.typedSignature(f, 8), raw);
    }

    /** The address recovered from the signature: the account a node charges. */
    public String sender() {
        return EcRecover.recoverAddress(transaction.signingHash(), signature);
    }
}
