package io.keyshard.payload.bitcoin;

import io.keyshard.crypto.Digests;
import java.util.Arrays;

/**
 * The BIP-174 "Data Signers Check For" rules: the UTXO, redeemScript and witnessScript of an input
 * must agree with each other before anything is signed for it.
 */
public final class SignerChecks {
    private SignerChecks() {}

    /** Refuses input {@code index} of {@code psbt} when its data disagree, saying which rule fails. */
    public static void check(Psbt psbt, int index) {
        PsbtInput in = psbt.input(index);
        Transaction.TxIn txIn = psbt.unsignedTransaction().inputs().get(index);
        Transaction.TxOut witnessUtxo = in.witnessUtxo();
        Transaction.TxOut spent = in.spentOutput(txIn.vout());
        if (spent == null) {
            throw new IllegalArgumentException("input " + index + ": the PSBT does not give the output it spends");
        }
        Transaction prev = in.nonWitnessUtxo();
        if (prev != null
                && witnessUtxo != null
                && !Arrays.equals(prev.outputs().get((int) txIn.vout()).serialize(), witnessUtxo.serialize())) {
            throw new IllegalArgumentException(
                    "input " + index + ": the witness UTXO and the previous transaction disagree");
        }
        byte[] script = spent.scriptPubKey();
        byte[] redeem = in.redeemScript();
        if (redeem != null) {
            if (Scripts.type(script) != ScriptType.P2SH
                    || !Arrays.equals(Scripts.payload(script), Digests.hash160(redeem))) {
                throw new IllegalArgumentException(
                        "input " + index + ": the redeemScript is not the one the spent output pays to");
            }
            script = redeem;
        }
        byte[] witnessScript = in.witnessScript();
        if (witnessScript != null
                && (Scripts.type(script) != ScriptType.P2WSH
                        || !Arrays.equals(Scripts.payload(script), Digests.sha256(witnessScript)))) {
            throw new IllegalArgumentException("input " + index + ": the witnessScript is not the one the "
                    + (redeem != null ? "redeemScript" : "spent output") + " commits to");
        }
        if (witnessUtxo != null && prev == null && !isWitnessProgram(script)) {
            throw new IllegalArgumentException(
                    "input " + index + " spends a non-witness output but gives only a witness UTXO: "
                            + "a legacy signature needs the whole previous transaction (PSBT_IN_NON_WITNESS_UTXO)");
        }
    }

    private static boolean isWitnessProgram(byte[] s) {
        int n = s.length;
        if (n < 4 || n > 42 || (s[1] & 0xff) != n - 2) {
            return false;
        }
        int op = s[0] & 0xff;
        return op == 0 || (op >= 0x51 && op <= 0x60);
    }
}
