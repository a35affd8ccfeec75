package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.bytes.Hex;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.payload.bitcoin.Psbt;
import io.keyshard.payload.bitcoin.PsbtFinalizer;
import io.keyshard.payload.bitcoin.PsbtInput;
import io.keyshard.payload.bitcoin.PsbtReview;
import io.keyshard.payload.bitcoin.PsbtSignatures;
import io.keyshard.payload.bitcoin.PsbtSigner;
import io.keyshard.payload.bitcoin.ScriptType;
import io.keyshard.payload.bitcoin.SigningInput;
import io.keyshard.payload.bitcoin.Transaction;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.TaprootTweak;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bitcoin PSBTs (BIP-174 v0, BIP-370 v2): every input of the key, matched by its BIP-32 derivation
 * entries, is signed: P2TR key path by a SECP256K1_SCHNORR key (BIP-340 under the input's taproot
 * output key), P2WPKH and P2PKH by a SECP256k1 key (ECDSA over the BIP-143 or legacy sighash).
 */
final class PsbtPayloads {
    /** The first bytes of a binary PSBT: "psbt" and 0xff. */
    private static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};

    private PsbtPayloads() {}

    static PayloadPlan plan(KeyRecord key, PayloadRequest r) {
        Psbt psbt = read(r.input());
        ExtendedPublicKey root = Workspace.rootOf(key).key();
        PsbtReview review = PsbtReview.of(psbt, root, r.network());
        List<SigningInput> inputs = unsigned(psbt, PsbtSigner.inputsFor(psbt, root));
        if (r.finalizePsbt()) {
            requireFinalizable(psbt, inputs);
        }
        List<PayloadPlan.Part> parts = new ArrayList<>();
        for (SigningInput in : inputs) {
            parts.add(part(in));
        }
        return new Plan(PsbtReviews.of(review, Instant.now()), parts, psbt, inputs, r.finalizePsbt());
    }

    /** Base64 text, or the binary form (which starts with {@code psbt 0xff}). */
    static Psbt read(byte[] input) {
        if (input.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(input, MAGIC.length), MAGIC)) {
            return Psbt.parse(input);
        }
        if (input.length == 0) {
            throw new IllegalArgumentException("the PSBT is empty");
        }
        return Psbt.fromBase64(new String(input, StandardCharsets.US_ASCII));
    }

    /**
     * The inputs of the key that do not carry its signature yet: a PSBT handed back partly signed is
     * signed again for the inputs left only. Refused when none is left.
     */
    private static List<SigningInput> unsigned(Psbt psbt, List<SigningInput> mine) {
        List<SigningInput> left = new ArrayList<>();
        for (SigningInput in : mine) {
            PsbtInput p = psbt.input(in.index());
            boolean signed = in.isSchnorr()
                    ? p.tapKeySig() != null
                    : p.partialSigs().stream().anyMatch(s -> Arrays.equals(s.publicKey(), in.publicKey()));
            if (!signed) {
                left.add(in);
            }
        }
        if (left.isEmpty() && !mine.isEmpty()) {
            throw new IllegalArgumentException("every input of this key in the PSBT already carries its signature: "
                    + "there is nothing left to sign");
        }
        return left;
    }

    /**
     * With finalization asked for, every input must end up with what its script needs: inputs of other
     * keys must already be finalized or carry their signature, else the transaction cannot be extracted.
     */
    private static void requireFinalizable(Psbt psbt, List<SigningInput> mine) {
        for (int i = 0; i < psbt.inputs().size(); i++) {
            int index = i;
            PsbtInput in = psbt.input(i);
            boolean ours = mine.stream().anyMatch(s -> s.index() == index);
            if (!ours && !in.isFinalized() && in.partialSigs().isEmpty() && in.tapKeySig() == null) {
                throw new IllegalArgumentException("input " + i + " is not this key's and has no signature yet, so "
                        + "the transaction cannot be finalized: sign without --finalize and finalize once every "
                        + "signer has signed");
            }
        }
    }

    private static PayloadPlan.Part part(SigningInput in) {
        Chain chain = switch (in.type()) {
            case P2TR -> in.merkleRoot() == null ? Chain.BITCOIN_P2TR : null;
            case P2WPKH -> Chain.BITCOIN_P2WPKH;
            case P2PKH -> Chain.BITCOIN_P2PKH;
            default -> null;
        };
        TaprootTweak tweak = in.type() == ScriptType.P2TR ? new TaprootTweak(in.merkleRoot()) : null;
        return new PayloadPlan.Part(
                in.path(),
                tweak,
                in.sighash(),
                true,
                chain,
                in.sighash(),
                "PSBT input " + in.index() + " (" + in.type().title() + ", " + in.amount() + " sat)");
    }

    /** The signings of one PSBT and how their signatures go into it. */
    private record Plan(
            SignReview review, List<PayloadPlan.Part> parts, Psbt psbt, List<SigningInput> inputs, boolean finalizePsbt)
            implements PayloadPlan {
        @Override
        public String address() {
            return null;
        }

        @Override
        public String digest() {
            return parts.size() == 1 ? Hex.encode(parts.get(0).message()) : null;
        }

        @Override
        public PayloadResult finish(List<SignResult> results) {
            return output(results, finalizePsbt);
        }

        /** The PSBT with the inputs signed so far; never finalized, since an input of the key lacks its signature. */
        @Override
        public PayloadResult finishPartial(List<SignResult> results) {
            return output(results, false);
        }

        /** The PSBT with the signatures of the first {@code results.size()} inputs, each checked as it is added. */
        private PayloadResult output(List<SignResult> results, boolean finalizeIt) {
            Psbt signed = psbt;
            List<SigningInput> done = inputs.subList(0, results.size());
            try {
                for (int i = 0; i < done.size(); i++) {
                    SigningInput in = done.get(i);
                    SignResult res = results.get(i);
                    if (in.isSchnorr()) {
                        signed = PsbtSignatures.addSchnorr(signed, in, Hex.decode(res.signature(), "signature"));
                    } else if (res.der() == null) {
                        throw PayloadResults.rejected("the signing returned no DER signature for input " + in.index());
                    } else {
                        signed = PsbtSignatures.addEcdsa(signed, in, Hex.decode(res.der(), "der"));
                    }
                }
                String finalTx = null;
                String txid = null;
                if (finalizeIt) {
                    signed = PsbtFinalizer.finalizeInputs(signed).psbt();
                    Transaction tx = PsbtFinalizer.extract(signed);
                    finalTx = Hex.encode(tx.serialize());
                    txid = tx.txidHex();
                }
                SignResult only = results.size() == 1 ? results.get(0) : null;
                return PayloadResults.of(
                        PayloadKind.PSBT,
                        results,
                        new PayloadResults.Output(
                                null,
                                only == null ? null : Hex.encode(parts.get(0).message()),
                                only == null ? null : only.signature(),
                                only == null ? null : only.r(),
                                only == null ? null : only.s(),
                                null,
                                only == null ? null : only.der(),
                                finalTx,
                                txid,
                                signed.toBase64(),
                                done.stream().map(SigningInput::index).toList()));
            } catch (IllegalArgumentException e) {
                throw PayloadResults.rejected(e.getMessage());
            }
        }
    }
}
