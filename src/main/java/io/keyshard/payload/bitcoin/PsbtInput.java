package io.keyshard.payload.bitcoin;

import static io.keyshard.payload.bitcoin.PsbtFields.IN_BIP32_DERIVATION;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_FINAL_SCRIPTSIG;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_FINAL_SCRIPTWITNESS;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_NON_WITNESS_UTXO;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_OUTPUT_INDEX;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_PARTIAL_SIG;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_PREVIOUS_TXID;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_REDEEM_SCRIPT;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_REQUIRED_HEIGHT_LOCKTIME;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_REQUIRED_TIME_LOCKTIME;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_SEQUENCE;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_SIGHASH_TYPE;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_TAP_BIP32_DERIVATION;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_TAP_INTERNAL_KEY;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_TAP_KEY_SIG;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_TAP_MERKLE_ROOT;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_WITNESS_SCRIPT;
import static io.keyshard.payload.bitcoin.PsbtFields.IN_WITNESS_UTXO;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Typed access to one PSBT input map; records this class does not know stay as they are. */
public final class PsbtInput extends PsbtSection {
    /** A PSBT_IN_PARTIAL_SIG: the key and its DER signature with the hash type byte. */
    public record PartialSig(byte[] publicKey, byte[] signature) {}

    /** A PSBT_IN/OUT_BIP32_DERIVATION: the key and where it comes from. */
    public record Derivation(byte[] publicKey, KeyOrigin origin) {}

    /** A PSBT_IN/OUT_TAP_BIP32_DERIVATION: the x-only key, its leaf hashes and origin. */
    public record TapDerivation(byte[] xOnlyKey, TapKeyOrigin origin) {}

    PsbtInput(PsbtMap map, int version) {
        super(map, version);
    }

    void checkComplete(String where, Transaction.TxIn unsigned) {
        if (version == 2 && (map.get(IN_PREVIOUS_TXID) == null || map.get(IN_OUTPUT_INDEX) == null)) {
            throw new IllegalArgumentException(
                    where + ": a version 2 PSBT input must have PSBT_IN_PREVIOUS_TXID and " + "PSBT_IN_OUTPUT_INDEX");
        }
        Transaction prev = nonWitnessUtxo();
        if (prev != null) {
            byte[] txid = unsigned != null ? unsigned.prevTxid() : previousTxid();
            long vout = unsigned != null ? unsigned.vout() : outputIndex();
            if (!Arrays.equals(prev.txid(), txid)) {
                throw new IllegalArgumentException(
                        where + ": the previous transaction given (PSBT_IN_NON_WITNESS_UTXO) is " + prev.txidHex()
                                + ", not the one this input spends");
            }
            if (vout >= prev.outputs().size()) {
                throw new IllegalArgumentException(where + ": spends output " + vout + " of a transaction with "
                        + prev.outputs().size() + " outputs");
            }
        }
    }

    public Transaction nonWitnessUtxo() {
        byte[] v = map.get(IN_NON_WITNESS_UTXO);
        return v == null ? null : Transaction.parse(v);
    }

    public Transaction.TxOut witnessUtxo() {
        byte[] v = map.get(IN_WITNESS_UTXO);
        return v == null ? null : Transaction.TxOut.parse(v);
    }

    /** The output this input spends, from the witness UTXO or the previous transaction; null when neither is given. */
    public Transaction.TxOut spentOutput(long vout) {
        Transaction.TxOut w = witnessUtxo();
        if (w != null) {
            return w;
        }
        Transaction prev = nonWitnessUtxo();
        return prev == null ? null : prev.outputs().get((int) vout);
    }

    public List<PartialSig> partialSigs() {
        List<PartialSig> out = new ArrayList<>();
        map.all(IN_PARTIAL_SIG).forEach(f -> out.add(new PartialSig(f.keyData(), f.value())));
        return out;
    }

    /** PSBT_IN_SIGHASH_TYPE, or null when the PSBT leaves it to the signer. */
    public Integer sighashType() {
        byte[] v = map.get(IN_SIGHASH_TYPE);
        return v == null ? null : (int) new BitcoinWireReader(v, "sighash type").u32();
    }

    public byte[] redeemScript() {
        return map.get(IN_REDEEM_SCRIPT);
    }

    public byte[] witnessScript() {
        return map.get(IN_WITNESS_SCRIPT);
    }

    public List<Derivation> bip32Derivations() {
        return map.derivations(IN_BIP32_DERIVATION);
    }

    public byte[] finalScriptSig() {
        return map.get(IN_FINAL_SCRIPTSIG);
    }

    /** The final witness stack, or null. */
    public List<byte[]> finalScriptWitness() {
        byte[] v = map.get(IN_FINAL_SCRIPTWITNESS);
        return v == null ? null : Witness.parse(v);
    }

    /** True once a finalizer has set the final scriptSig or witness. */
    public boolean isFinalized() {
        return map.get(IN_FINAL_SCRIPTSIG) != null || map.get(IN_FINAL_SCRIPTWITNESS) != null;
    }

    public byte[] tapKeySig() {
        return map.get(IN_TAP_KEY_SIG);
    }

    public List<TapDerivation> tapBip32Derivations() {
        return map.tapDerivations(IN_TAP_BIP32_DERIVATION);
    }

    public byte[] tapInternalKey() {
        return map.get(IN_TAP_INTERNAL_KEY);
    }

    public byte[] tapMerkleRoot() {
        return map.get(IN_TAP_MERKLE_ROOT);
    }

    /** Version 2: the txid of the spent output, internal byte order. */
    public byte[] previousTxid() {
        return map.get(IN_PREVIOUS_TXID);
    }

    /** Version 2: the index of the spent output. */
    public long outputIndex() {
        return new BitcoinWireReader(map.get(IN_OUTPUT_INDEX), "output index").u32();
    }

    /** Version 2: the sequence, 0xffffffff when absent. */
    public long sequence() {
        byte[] v = map.get(IN_SEQUENCE);
        return v == null ? 0xffffffffL : new BitcoinWireReader(v, "sequence").u32();
    }

    public Long requiredTimeLockTime() {
        byte[] v = map.get(IN_REQUIRED_TIME_LOCKTIME);
        return v == null ? null : new BitcoinWireReader(v, "time lock").u32();
    }

    public Long requiredHeightLockTime() {
        byte[] v = map.get(IN_REQUIRED_HEIGHT_LOCKTIME);
        return v == null ? null : new BitcoinWireReader(v, "height lock").u32();
    }

    void addPartialSig(byte[] publicKey, byte[] signatureWithHashType) {
        map.put(IN_PARTIAL_SIG, publicKey, signatureWithHashType);
    }

    void setTapKeySig(byte[] signature) {
        map.put(IN_TAP_KEY_SIG, new byte[0], signature);
    }

    /**
     * BIP-174 Input Finalizer: sets the final scriptSig and/or witness and clears every other record
     * it knows except the UTXOs (unknown and proprietary records stay).
     */
    void finalizeWith(byte[] scriptSig, List<byte[]> witness) {
        for (int type : new int[] {
            IN_PARTIAL_SIG,
            IN_SIGHASH_TYPE,
            IN_REDEEM_SCRIPT,
            IN_WITNESS_SCRIPT,
            IN_BIP32_DERIVATION,
            IN_TAP_KEY_SIG,
            PsbtFields.IN_TAP_SCRIPT_SIG,
            PsbtFields.IN_TAP_LEAF_SCRIPT,
            IN_TAP_BIP32_DERIVATION,
            IN_TAP_INTERNAL_KEY,
            IN_TAP_MERKLE_ROOT,
            PsbtFields.IN_RIPEMD160,
            PsbtFields.IN_SHA256,
            PsbtFields.IN_HASH160,
            PsbtFields.IN_HASH256
        }) {
            map.removeType(type);
        }
        if (scriptSig != null && scriptSig.length > 0) {
            map.put(IN_FINAL_SCRIPTSIG, new byte[0], scriptSig);
        }
        if (witness != null && !witness.isEmpty()) {
            map.put(IN_FINAL_SCRIPTWITNESS, new byte[0], Witness.serialize(witness));
        }
    }
}
