package io.keyshard.payload.bitcoin;

import java.util.ArrayList;
import java.util.List;

/**
 * The virtual size a PSBT's transaction will have once signed: finalized inputs as they are, the
 * others with the largest signature data their script type takes.
 */
record FinalSize(long vsize, boolean exact) {
    /** A low-s DER signature is at most 71 bytes, plus the hash type. */
    static final int ECDSA_SIG = 72;

    static final int COMPRESSED_KEY = 33;

    static FinalSize estimate(Psbt psbt, Transaction unsigned) {
        Transaction tx = unsigned;
        boolean exact = true;
        for (int i = 0; i < unsigned.inputs().size(); i++) {
            PsbtInput in = psbt.input(i);
            Transaction.TxIn txIn = unsigned.inputs().get(i);
            byte[] scriptSig = new byte[0];
            List<byte[]> witness = List.of();
            if (in.isFinalized()) {
                scriptSig = in.finalScriptSig() == null ? scriptSig : in.finalScriptSig();
                witness = in.finalScriptWitness() == null ? witness : in.finalScriptWitness();
            } else {
                Transaction.TxOut spent = in.spentOutput(txIn.vout());
                ScriptType type = spent == null ? ScriptType.OTHER : Scripts.type(spent.scriptPubKey());
                switch (type) {
                    case P2WPKH -> witness = List.of(new byte[ECDSA_SIG], new byte[COMPRESSED_KEY]);
                    case P2PKH -> scriptSig = new byte[1 + ECDSA_SIG + 1 + COMPRESSED_KEY];
                    case P2TR -> {
                        Integer t = in.sighashType();
                        witness = List.of(new byte[t == null || t == Sighash.DEFAULT ? 64 : 65]);
                    }
                    default -> exact = false;
                }
            }
            tx = tx.withInput(i, txIn.withScriptSig(scriptSig, new ArrayList<>(witness)));
        }
        return new FinalSize(tx.vsize(), exact);
    }
}
