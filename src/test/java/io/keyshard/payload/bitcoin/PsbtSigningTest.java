package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.frost.Bip340;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/**
 * PSBTs spending this key's own P2WPKH, P2PKH and P2TR outputs: found, signed with a local test
 * key, finalized and extracted; the final transaction's signatures verify against signature
 * hashes recomputed from it.
 */
class PsbtSigningTest {
    private static final byte[] FOREIGN_TXID = Digests.sha256(new byte[] {1});
    private static final byte[] EXTERNAL = Scripts.p2wpkh(Digests.hash160(new byte[] {9}));

    @Test
    void p2wpkhVersion0And2SignFinalizeAndVerify() {
        for (int version : new int[] {0, 2}) {
            TestWallet w = new TestWallet(CurveName.SECP256K1, 7);
            byte[] pub = w.publicKey("m/84/0/0/0/3");
            byte[] change = w.publicKey("m/84/0/0/1/0");
            Psbt psbt = new PsbtBuilder(version)
                    .input(FOREIGN_TXID, 1)
                    .in(
                            PsbtFields.IN_WITNESS_UTXO,
                            new byte[0],
                            new Transaction.TxOut(100_000, Scripts.p2wpkh(Digests.hash160(pub))).serialize())
                    .in(
                            PsbtFields.IN_BIP32_DERIVATION,
                            pub,
                            w.origin("m/84/0/0/0/3").serialize())
                    .output(60_000, EXTERNAL)
                    .output(39_000, Scripts.p2wpkh(Digests.hash160(change)))
                    .out(
                            PsbtFields.OUT_BIP32_DERIVATION,
                            change,
                            w.origin("m/84/0/0/1/0").serialize())
                    .build();

            List<SigningInput> mine = PsbtSigner.inputsFor(psbt, w.root);
            assertEquals(1, mine.size());
            SigningInput in = mine.get(0);
            assertEquals(ScriptType.P2WPKH, in.type());
            assertEquals("m/84/0/0/0/3", in.path().toString());
            assertArrayEquals(pub, in.publicKey());

            Psbt signed = PsbtSignatures.addEcdsa(psbt, in, w.signEcdsa(in));
            assertEquals(1, signed.input(0).partialSigs().size());
            assertEquals(0, psbt.input(0).partialSigs().size(), "the given PSBT is left as it was");
            PsbtFinalizer.Finalized fin = PsbtFinalizer.finalizeInputs(signed);
            assertEquals(List.of(0), fin.inputs());
            assertTrue(fin.psbt().input(0).bip32Derivations().isEmpty(), "a finalizer clears the signing data");
            Transaction tx = Transaction.parse(PsbtFinalizer.extract(fin.psbt()).serialize());

            List<byte[]> witness = tx.inputs().get(0).witness();
            assertArrayEquals(pub, witness.get(1));
            byte[] sig = witness.get(0);
            assertEquals(Sighash.ALL, sig[sig.length - 1]);
            byte[] sighash =
                    Sighash.segwitV0(tx, 0, Sighash.p2wpkhScriptCode(Digests.hash160(pub)), 100_000, Sighash.ALL);
            var rs = Der.decode(Arrays.copyOf(sig, sig.length - 1));
            assertTrue(PsbtSignatures.verifyEcdsa(pub, sighash, rs[0], rs[1]), "version " + version);
            assertTrue(tx.weight() > 0 && !tx.txidHex().equals(tx.wtxidHex()));
        }
    }

    @Test
    void p2pkhNeedsThePreviousTransactionAndVerifies() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 8);
        byte[] pub = w.publicKey("m/44/0/0/0/0");
        Transaction prev = new Transaction(
                2,
                List.of(new Transaction.TxIn(FOREIGN_TXID, 0, new byte[] {0x51}, 0xffffffffL, List.of())),
                List.of(
                        new Transaction.TxOut(5_000, EXTERNAL),
                        new Transaction.TxOut(70_000, Scripts.p2pkh(Digests.hash160(pub)))),
                0);
        Psbt psbt = new PsbtBuilder(0)
                .input(prev.txid(), 1)
                .in(PsbtFields.IN_NON_WITNESS_UTXO, new byte[0], prev.serialize())
                .in(
                        PsbtFields.IN_BIP32_DERIVATION,
                        pub,
                        w.origin("m/44/0/0/0/0").serialize())
                .output(65_000, EXTERNAL)
                .build();
        SigningInput in = PsbtSigner.inputsFor(psbt, w.root).get(0);
        assertEquals(ScriptType.P2PKH, in.type());
        assertEquals(70_000, in.amount());
        Psbt done = PsbtFinalizer.finalizeInputs(PsbtSignatures.addEcdsa(psbt, in, w.signEcdsa(in)))
                .psbt();
        Transaction tx = PsbtFinalizer.extract(done);
        assertTrue(tx.inputs().get(0).witness().isEmpty());
        byte[] scriptSig = tx.inputs().get(0).scriptSig();
        int sigLen = scriptSig[0];
        byte[] sig = Arrays.copyOfRange(scriptSig, 1, 1 + sigLen);
        assertArrayEquals(Scripts.push(pub), Arrays.copyOfRange(scriptSig, 1 + sigLen, scriptSig.length));
        byte[] sighash = Sighash.legacy(tx, 0, Scripts.p2pkh(Digests.hash160(pub)), Sighash.ALL);
        var rs = Der.decode(Arrays.copyOf(sig, sig.length - 1));
        assertTrue(PsbtSignatures.verifyEcdsa(pub, sighash, rs[0], rs[1]));

        Psbt witnessOnly = new PsbtBuilder(0)
                .input(prev.txid(), 1)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        prev.outputs().get(1).serialize())
                .in(
                        PsbtFields.IN_BIP32_DERIVATION,
                        pub,
                        w.origin("m/44/0/0/0/0").serialize())
                .output(65_000, EXTERNAL)
                .build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PsbtSigner.inputsFor(witnessOnly, w.root));
        assertTrue(e.getMessage().contains("PSBT_IN_NON_WITNESS_UTXO"), e.getMessage());
    }

    @Test
    void p2trKeyPathSignsWithTheBip86TweakAndVerifies() {
        for (int hashType : new int[] {Sighash.DEFAULT, Sighash.ALL}) {
            TestWallet w = new TestWallet(CurveName.SECP256K1_SCHNORR, 9);
            byte[] internal = w.xOnly("m/86/0/0/0/1");
            byte[] outputKey = Taproot.outputKey(internal, null);
            PsbtBuilder b = new PsbtBuilder(2)
                    .input(FOREIGN_TXID, 0)
                    .in(
                            PsbtFields.IN_WITNESS_UTXO,
                            new byte[0],
                            new Transaction.TxOut(50_000, Scripts.p2tr(outputKey)).serialize())
                    .in(PsbtFields.IN_TAP_INTERNAL_KEY, new byte[0], internal)
                    .in(
                            PsbtFields.IN_TAP_BIP32_DERIVATION,
                            internal,
                            new TapKeyOrigin(List.of(), w.origin("m/86/0/0/0/1")).serialize());
            if (hashType != Sighash.DEFAULT) {
                b.in(
                        PsbtFields.IN_SIGHASH_TYPE,
                        new byte[0],
                        new ByteWriter().u32(hashType).toByteArray());
            }
            Psbt psbt = b.output(49_000, EXTERNAL).build();

            SigningInput in = PsbtSigner.inputsFor(psbt, w.root).get(0);
            assertEquals(ScriptType.P2TR, in.type());
            assertArrayEquals(outputKey, in.publicKey());
            assertEquals(hashType, in.hashType());
            byte[] sig = w.signSchnorr(in);
            Psbt signed = PsbtSignatures.addSchnorr(psbt, in, sig);
            assertEquals(hashType == Sighash.DEFAULT ? 64 : 65, signed.input(0).tapKeySig().length);
            Transaction tx =
                    PsbtFinalizer.extract(PsbtFinalizer.finalizeInputs(signed).psbt());

            byte[] witnessSig = tx.inputs().get(0).witness().get(0);
            List<Transaction.TxOut> spent = List.of(new Transaction.TxOut(50_000, Scripts.p2tr(outputKey)));
            byte[] sighash = Sighash.taprootKeyPath(tx, 0, spent, hashType, null);
            assertTrue(Bip340.verify(outputKey, sighash, Arrays.copyOf(witnessSig, 64)));

            byte[] wrong = sig.clone();
            wrong[5] ^= 1;
            assertThrows(IllegalArgumentException.class, () -> PsbtSignatures.addSchnorr(psbt, in, wrong));
        }
    }

    @Test
    void inputsOfOtherKeysOrHardenedPathsAreNotThisKeys() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 10);
        TestWallet other = new TestWallet(CurveName.SECP256K1, 11);
        byte[] pub = other.publicKey("m/84/0/0/0/0");
        KeyOrigin hardened = new KeyOrigin(w.root.fingerprint(), List.of(0x8000_0054L, 0L));
        Psbt psbt = new PsbtBuilder(0)
                .input(FOREIGN_TXID, 0)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(1_000, Scripts.p2wpkh(Digests.hash160(pub))).serialize())
                .in(
                        PsbtFields.IN_BIP32_DERIVATION,
                        pub,
                        other.origin("m/84/0/0/0/0").serialize())
                .input(FOREIGN_TXID, 1)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(1_000, Scripts.p2wpkh(Digests.hash160(pub))).serialize())
                .in(PsbtFields.IN_BIP32_DERIVATION, pub, hardened.serialize())
                .output(1_500, EXTERNAL)
                .build();
        assertTrue(PsbtSigner.inputsFor(psbt, w.root).isEmpty());
        assertEquals(1, PsbtSigner.inputsFor(psbt, other.root).size());
    }

    @Test
    void aSignatureThatDoesNotVerifyIsNeverAdded() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 12);
        Psbt psbt = PsbtBuilder.spendP2wpkh(w, "m/84/0/0/0/0", FOREIGN_TXID, 1_000, 500, EXTERNAL);
        SigningInput in = PsbtSigner.inputsFor(psbt, w.root).get(0);
        SigningInput other = new SigningInput(
                0,
                in.path(),
                in.type(),
                Digests.sha256(new byte[] {2}),
                in.hashType(),
                in.publicKey(),
                null,
                null,
                in.amount());
        byte[] sigForOther = w.signEcdsa(other);
        assertThrows(IllegalArgumentException.class, () -> PsbtSignatures.addEcdsa(psbt, in, sigForOther));
        var rs = Der.decode(w.signEcdsa(in));
        byte[] highS = Der.encode(
                rs[0], CustomNamedCurves.getByName("secp256k1").getN().subtract(rs[1]));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PsbtSignatures.addEcdsa(psbt, in, highS));
        assertTrue(e.getMessage().contains("high s"), e.getMessage());
    }

    @Test
    void aTransactionTooLargeToRelayIsNotSigned() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 13);
        Psbt psbt = PsbtBuilder.spendP2wpkh(
                w, "m/84/0/0/0/0", FOREIGN_TXID, 1_000, 500, new byte[(int) PsbtSigner.MAX_STANDARD_VSIZE]);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PsbtSigner.inputsFor(psbt, w.root));
        assertTrue(e.getMessage().contains("could never be broadcast"), e.getMessage());
    }

    @Test
    void aTaprootInputOfThisKeyWithoutItsInternalKeyIsRefused() {
        TestWallet w = new TestWallet(CurveName.SECP256K1_SCHNORR, 14);
        byte[] internal = w.xOnly("m/86/0/0/0/0");
        Psbt psbt = new PsbtBuilder(0)
                .input(FOREIGN_TXID, 0)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(5_000, Scripts.p2tr(Taproot.outputKey(internal, null))).serialize())
                .in(
                        PsbtFields.IN_TAP_BIP32_DERIVATION,
                        internal,
                        new TapKeyOrigin(List.of(), w.origin("m/86/0/0/0/0")).serialize())
                .output(4_000, EXTERNAL)
                .build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PsbtSigner.inputsFor(psbt, w.root));
        assertTrue(e.getMessage().contains("PSBT_IN_TAP_INTERNAL_KEY"), e.getMessage());
    }

    @Test
    void theFinalizerRefusesASignatureOfAnotherHashTypeThanThePsbtRequires() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 15);
        Psbt psbt = PsbtBuilder.spendP2wpkh(w, "m/84/0/0/0/0", FOREIGN_TXID, 1_000, 500, EXTERNAL);
        SigningInput in = PsbtSigner.inputsFor(psbt, w.root).get(0);
        Psbt signed = PsbtSignatures.addEcdsa(psbt, in, w.signEcdsa(in));
        signed.input(0)
                .map()
                .put(
                        PsbtFields.IN_SIGHASH_TYPE,
                        new byte[0],
                        new ByteWriter().u32(Sighash.NONE).toByteArray());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PsbtFinalizer.finalizeInputs(signed));
        assertTrue(e.getMessage().contains("requires NONE"), e.getMessage());
        IllegalArgumentException notFinal =
                assertThrows(IllegalArgumentException.class, () -> PsbtFinalizer.extract(signed));
        assertTrue(notFinal.getMessage().contains("input 0 is not finalized"), notFinal.getMessage());
    }

    @Test
    void aSignatureMadeForAnotherPsbtIsNotAdded() {
        TestWallet w = new TestWallet(CurveName.SECP256K1, 16);
        Psbt reviewed = PsbtBuilder.spendP2wpkh(w, "m/84/0/0/0/0", FOREIGN_TXID, 1_000, 500, EXTERNAL);
        Psbt other = PsbtBuilder.spendP2wpkh(w, "m/84/0/0/0/0", FOREIGN_TXID, 1_000, 100, EXTERNAL);
        SigningInput in = PsbtSigner.inputsFor(reviewed, w.root).get(0);
        byte[] sig = w.signEcdsa(in);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PsbtSignatures.addEcdsa(other, in, sig));
        assertTrue(e.getMessage().contains("another PSBT or input"), e.getMessage());
        assertEquals(
                1,
                PsbtSignatures.addEcdsa(reviewed, in, sig)
                        .input(0)
                        .partialSigs()
                        .size());
    }
}
