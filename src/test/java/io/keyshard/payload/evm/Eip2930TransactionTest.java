package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * EIP-2930 (type 1) transactions against go-ethereum's own test (core/types/transaction_test.go,
 * {@code emptyEip2718Tx} and {@code signedEip2718Tx}): the signing hash of TestEIP2718TransactionSigHash and
 * the bytes of TestEIP2718TransactionEncode, from JSON and from the unsigned encoding alike.
 */
class Eip2930TransactionTest {
    /** go-ethereum's emptyEip2718Tx, as eth_sendTransaction JSON: a gasPrice and an access list make type 1. */
    static final String GETH_JSON = "{\"chainId\":\"0x1\",\"nonce\":\"0x3\",\"gasPrice\":\"0x1\",\"gas\":\"25000\","
            + "\"to\":\"0xb94f5374fce5edbc8e2a8697c15331677e6ebf0b\",\"value\":\"10\",\"data\":\"0x5544\","
            + "\"accessList\":[]}";

    static final String GETH_SIGHASH = "49b486f0ec0a60dfbbca2d30cb07c9e8ffb2a2ff41f29a1ab6737475f6ff69f3";
    static final String GETH_SIGNED =
            "01f8630103018261a894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a825544c001a0c9519f4f2b"
                    + "30335884581971573fadf60c6204f59a911df35ee8a540456b2660a032f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacf"
                    + "edfa12ec3862d37521";

    private static EvmSignature gethSignature() {
        return new EvmSignature(
                new BigInteger("c9519f4f2b30335884581971573fadf60c6204f59a911df35ee8a540456b2660", 16),
                new BigInteger("32f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacfedfa12ec3862d37521", 16),
                1);
    }

    @Test
    void goEthereumsAccessListTransactionHashesAndEncodesByteForByte() {
        EvmTransaction tx = EvmTransaction.parse(GETH_JSON);
        assertInstanceOf(Eip2930Transaction.class, tx);
        assertEquals(GETH_SIGHASH, Hex.encode(tx.signingHash()));
        byte[] signed = tx.signedEncoding(gethSignature());
        assertEquals(GETH_SIGNED, Hex.encode(signed));
        // the sender read back from the bytes, as a node reads them, is the key that made the signature
        assertEquals(EcRecover.recoverAddress(tx.signingHash(), gethSignature()), tx.senderOf(signed));
        // the unsigned encoding a tool hands over is the same transaction
        EvmTransaction decoded = EvmTransaction.decodeUnsigned(tx.unsignedEncoding());
        assertArrayEquals(tx.unsignedEncoding(), decoded.unsignedEncoding());
        assertEquals(GETH_SIGHASH, Hex.encode(decoded.signingHash()));
        TransactionReview review = tx.review();
        assertEquals(1, review.type());
        assertEquals("EIP-2930", review.typeName());
        assertEquals("0.000000001", review.gasPriceGwei());
        assertEquals("0.00000000000002501", review.maxCost());
    }

    @Test
    void typeOneInJsonOrBytesIsReadAndWhatDoesNotBelongIsRefused() {
        EvmTransaction typed = EvmTransaction.parse(GETH_JSON.replace("\"accessList\":[]", "\"type\":\"0x1\""));
        assertEquals(GETH_SIGHASH, Hex.encode(typed.signingHash()));
        IllegalArgumentException feeCaps = assertThrows(
                IllegalArgumentException.class,
                () -> EvmTransaction.parse(
                        GETH_JSON.replace("\"accessList\":[]", "\"type\":\"0x1\",\"maxFeePerGas\":\"2\"")));
        assertTrue(
                feeCaps.getMessage().contains("EIP-2930 transaction (gasPrice) has no maxFeePerGas"),
                feeCaps.getMessage());
        byte[] signed = Hex.decode(GETH_SIGNED, "signed");
        IllegalArgumentException already =
                assertThrows(IllegalArgumentException.class, () -> EvmTransaction.decodeUnsigned(signed));
        assertTrue(already.getMessage().contains("already signed"), already.getMessage());
        // the nonce 3 written with a leading zero byte
        byte[] padded = Hex.decode(
                Hex.encode(EvmTransaction.parse(GETH_JSON).unsignedEncoding()).replace("e00103", "e1018103"), "p");
        IllegalArgumentException canonical =
                assertThrows(IllegalArgumentException.class, () -> EvmTransaction.decodeUnsigned(padded));
        assertTrue(canonical.getMessage().contains("must be encoded as itself"), canonical.getMessage());
    }
}
