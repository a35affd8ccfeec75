package io.keyshard.payload.bitcoin;

import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a person checks before signing a PSBT: every input (amount, this key's path or foreign),
 * every output (address, amount, change recognised by its derivation entry), the fee and the fee
 * rate over the virtual size the final transaction will have.
 *
 * @param totalIn null when an input's amount is not given (then fee and fee rate are null too)
 * @param vsize estimated virtual size of the final transaction, in vbytes
 * @param vsizeExact false when an input's final script could not be estimated (a script type this key does not sign)
 * @param amountsVerified true when every input amount is either bound by this key's signature (its own segwit
 *     inputs; all inputs once one taproot input is signed) or read from the whole previous transaction; false
 *     when the fee rests on amounts the PSBT merely states for other inputs (the BIP-143 fee attack)
 * @param lockTime the transaction's nLockTime: a block height below 500,000,000, else a Unix time
 * @param lockTimeInForce true when an input's sequence is not final, so that consensus enforces {@code lockTime}
 * @param signalsReplacement true when an input's sequence is below 0xfffffffe (BIP-125 opt-in replace-by-fee)
 */
public record PsbtReview(
        Network network,
        int psbtVersion,
        String txid,
        List<InputLine> inputs,
        List<OutputLine> outputs,
        Long totalIn,
        long totalOut,
        Long fee,
        long vsize,
        boolean vsizeExact,
        Double feeRate,
        boolean amountsVerified,
        long lockTime,
        boolean lockTimeInForce,
        boolean signalsReplacement) {
    /** No amount, nor sum of amounts, exceeds the 21 million bitcoin that can ever exist. */
    public static final long MAX_MONEY = 21_000_000L * 100_000_000L;
    /** An input sequence that opts out of the lock time and of replacement. */
    private static final long FINAL_SEQUENCE = 0xffffffffL;

    /** One input: {@code path} is null for an input of another key. */
    public record InputLine(
            int index,
            String outpoint,
            Long amount,
            ScriptType type,
            boolean ours,
            String path,
            String sighashType,
            boolean finalized) {}

    /**
     * One output: {@code address} null for a script without one (OP_RETURN), {@code path} set for change,
     * {@code dustThreshold} the least amount its script may carry for nodes to relay the transaction.
     */
    public record OutputLine(
            int index, String address, String scriptHex, long amount, boolean change, String path, long dustThreshold) {
        /** Below the dust threshold: nodes do not relay a transaction with such an output. */
        public boolean dust() {
            return amount < dustThreshold;
        }
    }

    public PsbtReview {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Reviews {@code psbt} for the key {@code root}; refuses a PSBT with no input this key signs. */
    public static PsbtReview of(Psbt psbt, ExtendedPublicKey root, Network network) {
        List<SigningInput> mine = PsbtSigner.inputsFor(psbt, root);
        if (mine.isEmpty()) {
            throw new IllegalArgumentException("no input of this PSBT belongs to this key (fingerprint "
                    + String.format(Locale.ROOT, "%08x", root.fingerprint()) + "): nothing to sign");
        }
        Transaction tx = psbt.unsignedTransaction();
        List<InputLine> ins = new ArrayList<>();
        Long totalIn = 0L;
        boolean taprootSigned = mine.stream().anyMatch(SigningInput::isSchnorr);
        boolean verified = true;
        for (int i = 0; i < tx.inputs().size(); i++) {
            PsbtInput in = psbt.input(i);
            Transaction.TxOut spent = in.spentOutput(tx.inputs().get(i).vout());
            SigningInput s = find(mine, i);
            String hashType = s != null
                    ? Sighash.name(s.hashType())
                    : in.sighashType() == null ? null : Sighash.name(in.sighashType());
            ins.add(new InputLine(
                    i,
                    tx.inputs().get(i).outpoint(),
                    spent == null ? null : spent.amount(),
                    spent == null ? null : Scripts.type(spent.scriptPubKey()),
                    s != null,
                    s == null ? null : s.path().toString(),
                    hashType,
                    in.isFinalized()));
            totalIn = totalIn == null || spent == null
                    ? null
                    : money(totalIn + money(spent.amount(), "input " + i), "the inputs");
            verified &= taprootSigned || s != null || in.nonWitnessUtxo() != null;
        }
        List<OutputLine> outs = new ArrayList<>();
        long totalOut = 0;
        for (int i = 0; i < tx.outputs().size(); i++) {
            Transaction.TxOut o = tx.outputs().get(i);
            DerivationPath change = changePath(psbt.output(i), o.scriptPubKey(), root);
            outs.add(new OutputLine(
                    i,
                    Scripts.address(o.scriptPubKey(), network),
                    Hex.encode(o.scriptPubKey()),
                    o.amount(),
                    change != null,
                    change == null ? null : change.toString(),
                    RelayPolicy.dustThreshold(o.scriptPubKey())));
            totalOut = money(totalOut + money(o.amount(), "output " + i), "the outputs");
        }
        Long fee = totalIn == null ? null : totalIn - totalOut;
        if (fee != null && fee < 0) {
            throw new IllegalArgumentException(
                    "the outputs (" + totalOut + " sat) spend more than the inputs (" + totalIn + " sat)");
        }
        FinalSize size = FinalSize.estimate(psbt, tx);
        Double rate = fee == null
                ? null
                : new BigDecimal(fee)
                        .divide(new BigDecimal(size.vsize()), 2, RoundingMode.HALF_UP)
                        .doubleValue();
        return new PsbtReview(
                network,
                psbt.version(),
                tx.txidHex(),
                ins,
                outs,
                totalIn,
                totalOut,
                fee,
                size.vsize(),
                size.exact(),
                rate,
                verified,
                tx.lockTime(),
                tx.inputs().stream().anyMatch(in -> in.sequence() != FINAL_SEQUENCE),
                tx.inputs().stream().anyMatch(in -> in.sequence() < FINAL_SEQUENCE - 1));
    }

    private static long money(long amount, String what) {
        if (amount < 0 || amount > MAX_MONEY) {
            throw new IllegalArgumentException(
                    what + " amount " + amount + " sat is not between 0 and 21 million bitcoin");
        }
        return amount;
    }

    private static SigningInput find(List<SigningInput> mine, int index) {
        return mine.stream().filter(s -> s.index() == index).findFirst().orElse(null);
    }

    /** The path of this key that {@code script} pays to, by the output's derivation entries; null when none does. */
    static DerivationPath changePath(PsbtOutput out, byte[] script, ExtendedPublicKey root) {
        if (root.curve() == CurveName.SECP256K1_SCHNORR) {
            byte[] internal = out.tapInternalKey();
            if (internal == null || !Arrays.equals(script, Scripts.p2tr(Taproot.outputKey(internal, null)))) {
                return null;
            }
            for (PsbtInput.TapDerivation d : out.tapBip32Derivations()) {
                if (d.origin().leafHashes().isEmpty() && Arrays.equals(internal, d.xOnlyKey())) {
                    return PsbtSigner.ownPath(root, d.origin().origin(), d.xOnlyKey());
                }
            }
            return null;
        }
        for (PsbtInput.Derivation d : out.bip32Derivations()) {
            byte[] hash = Digests.hash160(d.publicKey());
            if (Arrays.equals(script, Scripts.p2wpkh(hash)) || Arrays.equals(script, Scripts.p2pkh(hash))) {
                return PsbtSigner.ownPath(root, d.origin(), d.publicKey());
            }
        }
        return null;
    }
}
