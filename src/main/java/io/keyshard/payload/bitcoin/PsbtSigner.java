package io.keyshard.payload.bitcoin;

import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.frost.Bip340;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the inputs of a PSBT that a key signs, by their BIP-32 derivation entries (the key's root
 * fingerprint and a non-hardened path that derives to the very key the input pays), and computes
 * what each signature must commit to. A SECP256k1 key signs P2WPKH and P2PKH inputs with ECDSA; a
 * SECP256K1_SCHNORR key signs P2TR key-path inputs.
 */
public final class PsbtSigner {
    /** Bitcoin Core relays transactions of at most 400 000 weight units (MAX_STANDARD_TX_WEIGHT). */
    public static final long MAX_STANDARD_VSIZE = 100_000;
    /** Derivation entries deeper than this are not followed: wallets use 3 to 6 levels, and each level costs a point multiplication. */
    static final int MAX_MATCH_DEPTH = 32;

    private PsbtSigner() {}

    /** Every input's spent output, computed once per PSBT and only when a taproot input needs it. */
    private static final class SpentOutputs {
        private final Psbt psbt;
        private final Transaction tx;
        private List<Transaction.TxOut> list;

        SpentOutputs(Psbt psbt, Transaction tx) {
            this.psbt = psbt;
            this.tx = tx;
        }

        List<Transaction.TxOut> get() {
            if (list == null) {
                list = spentOutputs(psbt, tx);
            }
            return list;
        }
    }

    /** The inputs {@code root} signs, in input order; empty when none is this key's. */
    public static List<SigningInput> inputsFor(Psbt psbt, ExtendedPublicKey root) {
        Transaction tx = psbt.unsignedTransaction();
        long vsize = FinalSize.estimate(psbt, tx).vsize();
        if (vsize > MAX_STANDARD_VSIZE) {
            // Also bounds the signature hashing, which is quadratic in the number of inputs for legacy inputs.
            throw new IllegalArgumentException("the signed transaction would be about " + vsize
                    + " vbytes; nodes relay at most " + MAX_STANDARD_VSIZE + ", so it could never be broadcast");
        }
        SpentOutputs spent = new SpentOutputs(psbt, tx);
        List<SigningInput> out = new ArrayList<>();
        for (int i = 0; i < psbt.inputs().size(); i++) {
            PsbtInput in = psbt.input(i);
            if (in.isFinalized()) {
                continue;
            }
            SigningInput s = root.curve() == CurveName.SECP256K1_SCHNORR
                    ? taproot(in, tx, i, root, spent)
                    : ecdsa(tx, in, i, root);
            if (s != null) {
                SignerChecks.check(psbt, i);
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The path of {@code origin} from {@code root} when the origin names this key and derives to
     * {@code key}; else null. Callers first check that {@code key} is the one the script pays, so
     * that a PSBT full of entries with this key's fingerprint costs one derivation per script.
     */
    static DerivationPath ownPath(ExtendedPublicKey root, KeyOrigin origin, byte[] key) {
        if (origin.fingerprint() != root.fingerprint()
                || !origin.isUnhardened()
                || origin.path().size() > MAX_MATCH_DEPTH) {
            return null;
        }
        DerivationPath path = DerivationPath.of(origin.indices());
        ExtendedPublicKey child = PublicDerivation.derive(root, path).key();
        byte[] derived =
                key.length == 32 ? Bip340.x(child.point()) : child.point().encode();
        return Arrays.equals(derived, key) ? path : null;
    }

    private static SigningInput ecdsa(Transaction tx, PsbtInput in, int i, ExtendedPublicKey root) {
        Transaction.TxIn txIn = tx.inputs().get(i);
        Transaction.TxOut spent = in.spentOutput(txIn.vout());
        if (spent == null) {
            if (in.bip32Derivations().stream().anyMatch(d -> d.origin().fingerprint() == root.fingerprint())) {
                throw new IllegalArgumentException(
                        "input " + i + " names this key but the PSBT does not give the output it "
                                + "spends (PSBT_IN_WITNESS_UTXO or PSBT_IN_NON_WITNESS_UTXO)");
            }
            return null;
        }
        ScriptType type = Scripts.type(spent.scriptPubKey());
        if (type != ScriptType.P2WPKH && type != ScriptType.P2PKH) {
            return null;
        }
        byte[] paid = Scripts.payload(spent.scriptPubKey());
        for (PsbtInput.Derivation d : in.bip32Derivations()) {
            byte[] keyHash = Digests.hash160(d.publicKey());
            DerivationPath path = Arrays.equals(paid, keyHash) ? ownPath(root, d.origin(), d.publicKey()) : null;
            if (path == null) {
                continue;
            }
            int hashType = in.sighashType() == null ? Sighash.ALL : in.sighashType();
            checkEcdsaHashType(i, hashType);
            if (type == ScriptType.P2WPKH) {
                byte[] sighash = Sighash.segwitV0(tx, i, Sighash.p2wpkhScriptCode(keyHash), spent.amount(), hashType);
                return new SigningInput(i, path, type, sighash, hashType, d.publicKey(), null, null, spent.amount());
            }
            if (in.nonWitnessUtxo() == null) {
                throw new IllegalArgumentException(
                        "input " + i + " is a legacy P2PKH input: the PSBT must give the whole "
                                + "previous transaction (PSBT_IN_NON_WITNESS_UTXO), a witness UTXO alone cannot be checked");
            }
            byte[] sighash = Sighash.legacy(tx, i, spent.scriptPubKey(), hashType);
            return new SigningInput(i, path, type, sighash, hashType, d.publicKey(), null, null, spent.amount());
        }
        return null;
    }

    private static SigningInput taproot(PsbtInput in, Transaction tx, int i, ExtendedPublicKey root, SpentOutputs all) {
        byte[] internal = in.tapInternalKey();
        if (internal == null) {
            if (in.tapBip32Derivations().stream()
                    .anyMatch(d -> d.origin().origin().fingerprint() == root.fingerprint())) {
                throw new IllegalArgumentException("input " + i + " names this key but has no taproot internal key "
                        + "(PSBT_IN_TAP_INTERNAL_KEY), which the output key is made from");
            }
            return null;
        }
        for (PsbtInput.TapDerivation d : in.tapBip32Derivations()) {
            if (!d.origin().leafHashes().isEmpty() || !Arrays.equals(internal, d.xOnlyKey())) {
                continue;
            }
            DerivationPath path = ownPath(root, d.origin().origin(), d.xOnlyKey());
            if (path == null) {
                continue;
            }
            byte[] merkleRoot = in.tapMerkleRoot();
            byte[] outputKey = Taproot.outputKey(d.xOnlyKey(), merkleRoot);
            Transaction.TxOut spent = in.spentOutput(tx.inputs().get(i).vout());
            if (spent == null || !Arrays.equals(spent.scriptPubKey(), Scripts.p2tr(outputKey))) {
                throw new IllegalArgumentException("input " + i + " is this key's (" + path + ") but "
                        + (spent == null
                                ? "the PSBT does not give the output it spends"
                                : "the output it spends does not pay " + "this key's taproot output key"));
            }
            int hashType = in.sighashType() == null ? Sighash.DEFAULT : in.sighashType();
            byte[] sighash = Sighash.taprootKeyPath(tx, i, all.get(), hashType, null);
            return new SigningInput(
                    i, path, ScriptType.P2TR, sighash, hashType, outputKey, d.xOnlyKey(), merkleRoot, spent.amount());
        }
        return null;
    }

    /**
     * The signature hash of {@code request}'s input recomputed from {@code psbt}: equal to the
     * request's only when the request was made for this very PSBT and input.
     */
    static byte[] recompute(Psbt psbt, SigningInput request) {
        Transaction tx = psbt.unsignedTransaction();
        int i = request.index();
        if (i >= tx.inputs().size()) {
            throw new IllegalArgumentException("the PSBT has no input " + i);
        }
        Transaction.TxOut spent = psbt.input(i).spentOutput(tx.inputs().get(i).vout());
        byte[] script = spent == null ? new byte[0] : spent.scriptPubKey();
        byte[] key = request.publicKey();
        return switch (request.type()) {
            case P2WPKH ->
                Arrays.equals(script, Scripts.p2wpkh(Digests.hash160(key)))
                        ? Sighash.segwitV0(
                                tx,
                                i,
                                Sighash.p2wpkhScriptCode(Digests.hash160(key)),
                                spent.amount(),
                                request.hashType())
                        : new byte[0];
            case P2PKH ->
                Arrays.equals(script, Scripts.p2pkh(Digests.hash160(key)))
                        ? Sighash.legacy(tx, i, script, request.hashType())
                        : new byte[0];
            case P2TR ->
                Arrays.equals(script, Scripts.p2tr(key))
                        ? Sighash.taprootKeyPath(tx, i, spentOutputs(psbt, tx), request.hashType(), null)
                        : new byte[0];
            default -> new byte[0];
        };
    }

    /** Every input's spent output, which a BIP-341 signature hash commits to. */
    static List<Transaction.TxOut> spentOutputs(Psbt psbt, Transaction tx) {
        List<Transaction.TxOut> spent = new ArrayList<>();
        for (int j = 0; j < tx.inputs().size(); j++) {
            Transaction.TxOut o = psbt.input(j).spentOutput(tx.inputs().get(j).vout());
            if (o == null) {
                throw new IllegalArgumentException(
                        "a taproot signature commits to the amount and script of every input, "
                                + "but the PSBT does not give them for input " + j);
            }
            spent.add(o);
        }
        return spent;
    }

    private static void checkEcdsaHashType(int i, int hashType) {
        int base = hashType & ~Sighash.ANYONECANPAY;
        if (base < Sighash.ALL || base > Sighash.SINGLE) {
            throw new IllegalArgumentException(
                    "input " + i + " asks for sighash type 0x" + Integer.toHexString(hashType)
                            + ", which is not ALL, NONE or SINGLE (optionally with ANYONECANPAY)");
        }
    }
}
