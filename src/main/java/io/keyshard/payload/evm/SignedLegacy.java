package io.keyshard.payload.evm;

import io.keyshard.address.Hashes;
import java.math.BigInteger;
import java.util.List;

/**
 * A signed legacy transaction decoded from its raw bytes, strictly (canonical RLP, exactly 9 fields, an
 * EIP-155 {@code v}), the way a node reads it: the chain id and y parity come from {@code v}, and the sender is
 * recovered from the signature over the re-encoded fields, never taken from the payload.
 */
public record SignedLegacy(LegacyTransaction transaction, EvmSignature signature, byte[] raw) {
    public SignedLegacy {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** Decodes {@code rlp([nonce, gasPrice, gas, to, value, data, v, r, s])} with {@code v >= 37}. */
    public static SignedLegacy decode(byte[] raw) {
        List<Rlp.Item> f = TransactionFields.legacyItems(raw);
        if (f.size() != 9) {
            throw new IllegalArgumentException("a signed legacy transaction is an RLP list of 9 fields");
        }
        BigInteger v = TransactionFields.integer(f.get(6), "v");
        if (v.compareTo(LegacyTransaction.LEAST_V) < 0) {
            throw new IllegalArgumentException("v must carry a chain id (EIP-155: chainId * 2 + 35 or 36), got " + v);
        }
        BigInteger[] chainAndParity = LegacyTransaction.chainIdAndParity(v);
        LegacyTransaction tx = TransactionFields.legacy(f, chainAndParity[0]);
        EvmSignature sig = new EvmSignature(
                TransactionFields.integer(f.get(7), "r"),
                TransactionFields.integer(f.get(8), "s"),
                chainAndParity[1].intValue());
        return new SignedLegacy(tx, sig, raw);
    }

    /** The address recovered from the signature: the account a node charges. */
    public String sender() {
        return EcRecover.recoverAddress(transaction.signingHash(), signature);
    }

    /** The transaction hash: Keccak-256 of the signed encoding. */
    public byte[] txHash() {
        return Hashes.keccak256(raw);
    }
}
