package io.keyshard.payload.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A legacy (type 0) transaction with EIP-155's replay protection, as wallets still send on chains and to
 * dapps that ask for a {@code gasPrice}. Its signing hash is
 * {@code keccak256(rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0]))}; the signed form is
 * {@code rlp([nonce, gasPrice, gas, to, value, data, v, r, s])} with {@code v = chainId * 2 + 35 + yParity}.
 * A chain id is required: a signature without one (v 27 or 28) is valid on every chain that takes it.
 */
public record LegacyTransaction(
        BigInteger chainId,
        BigInteger nonce,
        BigInteger gasPrice,
        BigInteger gas,
        byte[] to,
        BigInteger value,
        byte[] data,
        String from)
        implements EvmTransaction {

    /** The transaction type of EIP-2718 that legacy transactions are counted as. */
    public static final int TYPE = 0;

    /** EIP-155: {@code v = chainId * 2 + 35 + yParity}. */
    private static final BigInteger V_OFFSET = BigInteger.valueOf(35);

    /** The smallest {@code v} with a chain id: chain 1, y parity 0. */
    static final BigInteger LEAST_V = BigInteger.valueOf(37);

    public LegacyTransaction {
        if (to != null && to.length != 20) {
            throw new IllegalArgumentException("to must be a 20-byte address");
        }
        to = to == null ? null : to.clone();
        data = data.clone();
    }

    @Override
    public byte[] to() {
        return to == null ? null : to.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * Reads {@code rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])}, the unsigned form ethers'
     * {@code unsignedSerialized} and viem's {@code serializeTransaction} give for a legacy transaction with a
     * chain id. Only a canonical encoding is taken, so the bytes shown for review are the bytes whose hash is
     * signed.
     */
    public static LegacyTransaction decodeUnsigned(byte[] raw) {
        List<Rlp.Item> f = TransactionFields.legacyItems(raw);
        if (f.size() == 6) {
            throw new IllegalArgumentException("this legacy transaction has no chain id (before EIP-155), so its "
                    + "signature would be valid on every chain: make it again with its chain id");
        }
        if (f.size() != 9) {
            throw new IllegalArgumentException(
                    "an unsigned legacy transaction is an RLP list of 9 fields (EIP-155), got " + f.size());
        }
        if (TransactionFields.integer(f.get(7), "r").signum() != 0
                || TransactionFields.integer(f.get(8), "s").signum() != 0) {
            throw new IllegalArgumentException(
                    "this transaction is already signed (it carries v, r and s): give the unsigned one");
        }
        LegacyTransaction tx = TransactionFields.legacy(f, TransactionFields.integer(f.get(6), "chainId"));
        if (!Arrays.equals(tx.unsignedEncoding(), raw)) {
            throw new IllegalArgumentException("the transaction is not canonically encoded (RLP)");
        }
        return tx;
    }

    /** What every reader requires of the fields: the shared checks, and a {@code v} that fits in 256 bits. */
    LegacyTransaction checked() {
        TransactionFields.checkShared(chainId, nonce, gas);
        if (v(1).bitLength() > 256) {
            throw new IllegalArgumentException("chainId is too large for a legacy transaction's v (256 bits)");
        }
        return this;
    }

    /** EIP-155's {@code v} for this chain and a y parity of 0 or 1. */
    BigInteger v(int yParity) {
        return chainId.shiftLeft(1).add(V_OFFSET).add(BigInteger.valueOf(yParity));
    }

    /** The chain id and y parity a {@code v} of at least {@link #LEAST_V} carries: the inverse of {@link #v}. */
    static BigInteger[] chainIdAndParity(BigInteger v) {
        return v.subtract(V_OFFSET).divideAndRemainder(BigInteger.TWO);
    }

    private List<byte[]> fields() {
        List<byte[]> list = new ArrayList<>();
        list.add(Rlp.encodeInteger(nonce));
        list.add(Rlp.encodeInteger(gasPrice));
        list.add(Rlp.encodeInteger(gas));
        list.add(Rlp.encodeString(to == null ? new byte[0] : to));
        list.add(Rlp.encodeInteger(value));
        list.add(Rlp.encodeString(data));
        return list;
    }

    /** {@code rlp([... 6 fields, chainId, 0, 0])}: the bytes whose Keccak-256 is signed (EIP-155). */
    @Override
    public byte[] unsignedEncoding() {
        List<byte[]> list = fields();
        list.add(Rlp.encodeInteger(chainId));
        list.add(Rlp.encodeInteger(BigInteger.ZERO));
        list.add(Rlp.encodeInteger(BigInteger.ZERO));
        return Rlp.encodeList(list);
    }

    /** {@code rlp([... 6 fields, v, r, s])}. Refuses a high s (EIP-2). */
    @Override
    public byte[] signedEncoding(EvmSignature sig) {
        sig.requireLowS();
        List<byte[]> list = fields();
        list.add(Rlp.encodeInteger(v(sig.recoveryId())));
        list.add(Rlp.encodeInteger(sig.r()));
        list.add(Rlp.encodeInteger(sig.s()));
        return Rlp.encodeList(list);
    }

    @Override
    public String senderOf(byte[] signed) {
        return SignedLegacy.decode(signed).sender();
    }
}
