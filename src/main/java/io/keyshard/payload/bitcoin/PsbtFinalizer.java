package io.keyshard.payload.bitcoin;

import java.util.List;

/** BIP-174 Transaction Extractor: the network transaction of a PSBT whose every input is finalized. */
public final class PsbtFinalizer {
    private PsbtFinalizer() {
    }

    /** The signed transaction; refuses a PSBT with an input not yet finalized, naming it. */
    public static Transaction extract(Psbt psbt) {
        Transaction tx = psbt.unsignedTransaction();
        for (int i = 0; i < psbt.inputs().size(); i++) {
            PsbtInput in = psbt.input(i);
            if (!in.isFinalized()) {
                throw new IllegalArgumentException("input " + i + " is not finalized: it has no final scriptSig or witness yet");
            }
            byte[] scriptSig = in.finalScriptSig();
            List<byte[]> witness = in.finalScriptWitness();
            tx = tx.withInput(i, tx.inputs().get(i).withScriptSig(scriptSig == null ? new byte[0] : scriptSig,
                    witness == null ? List.of() : witness));
        }
        return tx;
    }
}
