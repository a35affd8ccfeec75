package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.BitcoinAddresses;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.Network;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** The review shown before signing: inputs with their owner, outputs with addresses and change, fee and fee rate. */
class PsbtReviewTest {
    private static final byte[] TXID = Digests.sha256(new byte[] {3});
    private static final byte[] EXTERNAL = Scripts.p2wpkh(Digests.hash160(new byte[] {9}));

    @Test
    void listsInputsOutputsChangeFeeAndRate() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 20);
        TestWallet other = new TestWallet(CurveName.SECP256K1, 21);
        byte[] pub = w.publicKey("m/84/0/0/0/0");
        byte[] foreign = other.publicKey("m/84/0/0/0/0");
        byte[] change = w.publicKey("m/84/0/0/1/0");
        byte[] notChange = w.publicKey("m/84/0/0/1/1");
        Psbt psbt = new PsbtBuilder(0)
                .input(TXID, 0)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(100_000, Scripts.p2wpkh(Digests.hash160(pub))).serialize())
                .in(
                        PsbtFields.IN_BIP32_DERIVATION,
                        pub,
                        w.origin("m/84/0/0/0/0").serialize())
                .input(TXID, 1)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(20_000, Scripts.p2wpkh(Digests.hash160(foreign))).serialize())
                .in(
                        PsbtFields.IN_BIP32_DERIVATION,
                        foreign,
                        other.origin("m/84/0/0/0/0").serialize())
                .output(60_000, EXTERNAL)
                .output(39_000, Scripts.p2wpkh(Digests.hash160(change)))
                .out(
                        PsbtFields.OUT_BIP32_DERIVATION,
                        change,
                        w.origin("m/84/0/0/1/0").serialize())
                .output(0, Hex.decode("6a00"))
                // claims to be this key's change, but pays a different key than the entry derives to
                .output(0, Scripts.p2wpkh(Digests.hash160(foreign)))
                .out(
                        PsbtFields.OUT_BIP32_DERIVATION,
                        notChange,
                        w.origin("m/84/0/0/1/1").serialize())
                .build();

        PsbtReview r = PsbtReview.of(psbt, w.root, Network.MAINNET);
        assertEquals(2, r.inputs().size());
        assertTrue(r.inputs().get(0).ours());
        assertEquals("m/84/0/0/0/0", r.inputs().get(0).path());
        assertEquals(100_000L, r.inputs().get(0).amount());
        assertEquals("ALL", r.inputs().get(0).sighashType());
        assertFalse(r.inputs().get(1).ours());
        assertNull(r.inputs().get(1).path());
        assertEquals(ScriptType.P2WPKH, r.inputs().get(1).type());

        assertEquals(4, r.outputs().size());
        assertFalse(r.outputs().get(0).change());
        assertTrue(r.outputs().get(1).change());
        assertEquals("m/84/0/0/1/0", r.outputs().get(1).path());
        assertEquals(
                BitcoinAddresses.p2wpkh(
                                CurveName.SECP256K1,
                                w.derive("m/84/0/0/1/0").key().point(),
                                Network.MAINNET)
                        .value(),
                r.outputs().get(1).address());
        assertNull(r.outputs().get(2).address());
        assertFalse(r.outputs().get(3).change());

        assertEquals(120_000L, r.totalIn());
        assertEquals(99_000L, r.totalOut());
        assertEquals(21_000L, r.fee());
        // 2 P2WPKH inputs, outputs of 31 + 31 + 11 + 31 bytes: 196 bytes without witness, 2 + 2 * 108 of witness.
        assertEquals((196 * 4 + 218 + 3) / 4, r.vsize());
        assertTrue(r.vsizeExact());
        assertEquals(Math.round(21_000.0 / r.vsize() * 100) / 100.0, r.feeRate());

        // the foreign segwit input's amount is only stated by the PSBT, not bound by this key's ECDSA signature
        assertFalse(r.amountsVerified());

        PsbtReview testnet = PsbtReview.of(psbt, w.root, Network.TESTNET);
        assertTrue(testnet.outputs().get(0).address().startsWith("tb1q"));
    }

    @Test
    void theEstimateMatchesTheSignedTransaction() {
        TestWallet w = new TestWallet(CurveName.SECP256K1_SCHNORR, 22);
        byte[] internal = w.xOnly("m/86/0/0/0/0");
        byte[] changeKey = w.xOnly("m/86/0/0/1/0");
        byte[] outputKey = Taproot.outputKey(internal, null);
        Psbt psbt = new PsbtBuilder(2)
                .input(TXID, 0)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(80_000, Scripts.p2tr(outputKey)).serialize())
                .in(PsbtFields.IN_TAP_INTERNAL_KEY, new byte[0], internal)
                .in(
                        PsbtFields.IN_TAP_BIP32_DERIVATION,
                        internal,
                        new TapKeyOrigin(List.of(), w.origin("m/86/0/0/0/0")).serialize())
                .output(50_000, EXTERNAL)
                .output(29_000, Scripts.p2tr(Taproot.outputKey(changeKey, null)))
                .out(PsbtFields.OUT_TAP_INTERNAL_KEY, new byte[0], changeKey)
                .out(
                        PsbtFields.OUT_TAP_BIP32_DERIVATION,
                        changeKey,
                        new TapKeyOrigin(List.of(), w.origin("m/86/0/0/1/0")).serialize())
                .build();
        PsbtReview r = PsbtReview.of(psbt, w.root, Network.MAINNET);
        assertTrue(r.outputs().get(1).change());
        assertEquals(
                BitcoinAddresses.p2tr(
                                CurveName.SECP256K1_SCHNORR,
                                w.derive("m/86/0/0/1/0").key().point(),
                                Network.MAINNET)
                        .value(),
                r.outputs().get(1).address());
        SigningInput in = PsbtSigner.inputsFor(psbt, w.root).get(0);
        Transaction signed = PsbtFinalizer.extract(
                PsbtFinalizer.finalizeInputs(PsbtSignatures.addSchnorr(psbt, in, w.signSchnorr(in)))
                        .psbt());
        assertEquals(signed.vsize(), r.vsize());
        assertEquals(signed.txidHex(), r.txid());
        assertEquals(1_000L, r.fee());
        assertTrue(r.amountsVerified());
    }

    @Test
    void aPsbtWithNoInputOfThisKeyIsRefused() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 23);
        TestWallet other = new TestWallet(CurveName.SECP256K1, 24);
        Psbt psbt = PsbtBuilder.spendP2wpkh(other, "m/84/0/0/0/0", TXID, 1_000, 900, EXTERNAL);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PsbtReview.of(psbt, w.root, Network.MAINNET));
        assertTrue(e.getMessage().contains("no input of this PSBT belongs to this key"), e.getMessage());
    }

    @Test
    void amountsBeyondAllBitcoinAreRefused() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 25);
        Psbt psbt = PsbtBuilder.spendP2wpkh(w, "m/84/0/0/0/0", TXID, 1_000, PsbtReview.MAX_MONEY + 1, EXTERNAL);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PsbtReview.of(psbt, w.root, Network.MAINNET));
        assertTrue(e.getMessage().contains("output 0 amount"), e.getMessage());
    }

    @Test
    void theLockTimeReplaceSignalAndDustOutputsAreRead() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 26);
        byte[] pub = w.publicKey("m/84/0/0/0/0");
        byte[] utxo = new Transaction.TxOut(100_000, Scripts.p2wpkh(Digests.hash160(pub))).serialize();
        byte[] origin = w.origin("m/84/0/0/0/0").serialize();
        Psbt psbt = new PsbtBuilder(0)
                .input(TXID, 0)
                .in(PsbtFields.IN_WITNESS_UTXO, new byte[0], utxo)
                .in(PsbtFields.IN_BIP32_DERIVATION, pub, origin)
                .sequence(0xfffffffeL)
                .lockTime(880_000)
                .output(98_000, EXTERNAL)
                .output(293, EXTERNAL)
                .output(294, EXTERNAL)
                .output(0, Hex.decode("6a00"))
                .build();
        PsbtReview r = PsbtReview.of(psbt, w.root, Network.MAINNET);
        assertEquals(880_000L, r.lockTime());
        assertTrue(r.lockTimeInForce());
        // 0xfffffffe enables the lock time but does not signal replacement (BIP-125 needs less)
        assertFalse(r.signalsReplacement());
        assertEquals(294, r.outputs().get(1).dustThreshold());
        assertTrue(r.outputs().get(1).dust());
        assertFalse(r.outputs().get(2).dust());
        assertFalse(r.outputs().get(3).dust());

        Psbt finalSequence = new PsbtBuilder(0)
                .input(TXID, 0)
                .in(PsbtFields.IN_WITNESS_UTXO, new byte[0], utxo)
                .in(PsbtFields.IN_BIP32_DERIVATION, pub, origin)
                .sequence(0xffffffffL)
                .lockTime(880_000)
                .output(98_000, EXTERNAL)
                .build();
        PsbtReview ignored = PsbtReview.of(finalSequence, w.root, Network.MAINNET);
        assertFalse(ignored.lockTimeInForce());
        assertFalse(ignored.signalsReplacement());

        // the builder's default sequence, 0xfffffffd, signals replacement
        assertTrue(PsbtReview.of(
                        PsbtBuilder.spendP2wpkh(w, "m/84/0/0/0/0", TXID, 10_000, 9_000, EXTERNAL),
                        w.root,
                        Network.MAINNET)
                .signalsReplacement());
    }
}
