package io.keyshard.payload.evm;

import io.keyshard.address.Hashes;
import java.math.BigInteger;

/**
 * A transaction an EVM key signs: EIP-1559 (type 2), EIP-7702 set-code (type 4), EIP-2930 (type 1) or legacy (type
 * 0, with EIP-155's chain id). Read from the
 * JSON of {@code eth_sendTransaction} ({@link #parse}) or a tool's unsigned encoding ({@link #decodeUnsigned}),
 * shown ({@link #review}), signed over {@link #signingHash}, and read back from its signed bytes as a node reads
 * them ({@link #senderOf}) before it is handed out.
 */
public sealed interface EvmTransaction
        permits Eip1559Transaction, Eip2930Transaction, LegacyTransaction, SetCodeTransaction {
    BigInteger chainId();

    BigInteger nonce();

    BigInteger gas();

    /** The recipient, or null when the transaction creates a contract. */
    byte[] to();

    BigInteger value();

    byte[] data();

    /** What the payload claimed as the sender, if anything: not signed, only checked against the key. */
    String from();

    /** The bytes whose Keccak-256 is signed. */
    byte[] unsignedEncoding();

    /** The digest the key signs. */
    default byte[] signingHash() {
        return Hashes.keccak256(unsignedEncoding());
    }

    /** The raw transaction to broadcast. Refuses a high s (EIP-2). */
    byte[] signedEncoding(EvmSignature sig);

    /**
     * Decodes {@code signed} strictly, as a node does, and returns the address its signature recovers to: the
     * account the chain charges.
     */
    String senderOf(byte[] signed);

    /** What a user is shown before signing. */
    default TransactionReview review() {
        return TransactionReview.of(this);
    }

    /**
     * Refuses a payload whose {@code from} names another account than the signing key's address.
     * A payload without {@code from} passes: the sender is whoever signs.
     */
    default void checkFrom(String keyAddress) {
        if (from() != null && !EcRecover.sameAddress(from(), keyAddress)) {
            throw new IllegalArgumentException("the transaction's from " + from() + " is not this key's address "
                    + keyAddress + ": pick the key (and path) of that account, or remove from");
        }
    }

    /**
     * Parses the JSON of {@code eth_sendTransaction}: EIP-2930 when it has {@code gasPrice} and an access list (or
     * type 1), legacy when it has {@code gasPrice} alone (or type 0), EIP-7702 when it has an {@code
     * authorizationList} (or type 4), EIP-1559 otherwise (see {@link TransactionJson}).
     */
    static EvmTransaction parse(String json) {
        return TransactionJson.parse(json);
    }

    /**
     * Reads the unsigned encoding a tool hands over to be signed: {@code 0x02 ‖ rlp([9 fields])} (EIP-1559),
     * {@code 0x01 ‖ rlp([8 fields])} (EIP-2930), {@code 0x04 ‖ rlp([10 fields])} (EIP-7702) or {@code rlp([nonce,
     * gasPrice, gas, to, value, data, chainId, 0, 0])} (legacy, EIP-155); other types are refused by name.
     */
    static EvmTransaction decodeUnsigned(byte[] raw) {
        if (raw.length == 0) {
            throw new IllegalArgumentException("the transaction is empty");
        }
        int first = raw[0] & 0xff;
        if (first == Eip1559Transaction.TYPE) {
            return Eip1559Transaction.decodeUnsigned(raw);
        }
        if (first == Eip2930Transaction.TYPE) {
            return Eip2930Transaction.decodeUnsigned(raw);
        }
        if (first == SetCodeTransaction.TYPE) {
            return SetCodeTransaction.decodeUnsigned(raw);
        }
        if (first >= 0xc0) {
            return LegacyTransaction.decodeUnsigned(raw);
        }
        if (first <= 0x7f) {
            throw new IllegalArgumentException("transactions of type " + first + " ("
                    + TransactionJson.typeName(first) + ") are not signed here: make it an EIP-1559 (type 2), an "
                    + "EIP-7702 (type 4), an EIP-2930 (type 1) or a legacy (type 0) transaction");
        }
        throw new IllegalArgumentException(
                "not a transaction: it must start with 0x02 (EIP-1559), 0x04 (EIP-7702) or 0x01 (EIP-2930), or be "
                        + "one RLP list (legacy)");
    }
}
