package io.keyshard.payload.evm;

import java.math.BigInteger;
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
        BigInteger yParity = TransactionFields.integer(f.get(9), "yParity");
        if (yParity.compareTo(BigInteger.ONE) > 0) {
            throw new IllegalArgumentException("yParity must be 0 or 1, got " + yParity);
        }
        EvmSignature sig = new EvmSignature(
                TransactionFields.integer(f.get(10), "r"),
                TransactionFields.integer(f.get(11), "s"),
                yParity.intValue());
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
}
