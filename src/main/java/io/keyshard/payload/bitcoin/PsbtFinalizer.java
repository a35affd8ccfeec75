package io.keyshard.payload.bitcoin;

import io.keyshard.crypto.Digests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BIP-174 Input Finalizer for the single-key inputs this package signs (P2WPKH, P2PKH, P2TR key
 * path) and Transaction Extractor.
 */
public final class PsbtFinalizer {
    private PsbtFinalizer() {}

    /** The result: the finalized PSBT and the inputs finalized by this call. */
    public record Finalized(Psbt psbt, List<Integer> inputs) {
        public Finalized {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * Finalizes every input that has what its script needs (a signature whose hash type matches
     * PSBT_IN_SIGHASH_TYPE when that is set); other inputs are left as they are.
     */
    public static Finalized finalizeInputs(Psbt psbt) {
        Psbt copy = Psbt.parse(psbt.serialize());
        Transaction tx = copy.unsignedTransaction();
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i < copy.inputs().size(); i++) {
            PsbtInput in = copy.input(i);
            if (in.isFinalized()) {
                continue;
            }
            Transaction.TxOut spent = in.spentOutput(tx.inputs().get(i).vout());
            if (spent != null && finalizeOne(in, spent.scriptPubKey(), i)) {
                done.add(i);
            }
        }
        return new Finalized(copy, done);
    }

    private static boolean finalizeOne(PsbtInput in, byte[] script, int i) {
        Integer required = in.sighashType();
        ScriptType type = Scripts.type(script);
        if (type == ScriptType.P2TR) {
            byte[] sig = in.tapKeySig();
            if (sig == null) {
                return false;
            }
            int hashType = sig.length == 65 ? sig[64] & 0xff : Sighash.DEFAULT;
            checkHashType(required, hashType, i);
            in.finalizeWith(null, List.of(sig));
            return true;
        }
        if (type != ScriptType.P2WPKH && type != ScriptType.P2PKH) {
            return false;
        }
        byte[] keyHash = Scripts.payload(script);
        for (PsbtInput.PartialSig ps : in.partialSigs()) {
            if (Arrays.equals(Digests.hash160(ps.publicKey()), keyHash)) {
                byte[] sig = ps.signature();
                checkHashType(required, sig[sig.length - 1] & 0xff, i);
                if (type == ScriptType.P2WPKH) {
                    in.finalizeWith(null, List.of(sig, ps.publicKey()));
                } else {
                    in.finalizeWith(
                            new ByteWriter()
                                    .bytes(Scripts.push(sig))
                                    .bytes(Scripts.push(ps.publicKey()))
                                    .toByteArray(),
                            null);
                }
                return true;
            }
        }
        return false;
    }

    private static void checkHashType(Integer required, int actual, int i) {
        if (required != null && required != actual) {
            throw new IllegalArgumentException("input " + i + ": the signature has hash type " + Sighash.name(actual)
                    + " but the PSBT requires " + Sighash.name(required));
        }
    }

    /** The signed transaction; refuses a PSBT with an input not yet finalized, naming it. */
    public static Transaction extract(Psbt psbt) {
        Transaction tx = psbt.unsignedTransaction();
        for (int i = 0; i < psbt.inputs().size(); i++) {
            PsbtInput in = psbt.input(i);
            if (!in.isFinalized()) {
                throw new IllegalArgumentException(
                        "input " + i + " is not finalized: it has no final scriptSig or witness yet");
            }
            byte[] scriptSig = in.finalScriptSig();
            List<byte[]> witness = in.finalScriptWitness();
            tx = tx.withInput(
                    i,
                    tx.inputs()
                            .get(i)
                            .withScriptSig(
                                    scriptSig == null ? new byte[0] : scriptSig,
                                    witness == null ? List.of() : witness));
        }
        return tx;
    }
}
