package io.keyshard.client;

import io.keyshard.payload.bitcoin.PsbtReview;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A PSBT review as a person reads it: every input and output with amounts in BTC, the fee and fee rate. */
final class PsbtReviews {
    private PsbtReviews() {}

    static SignReview of(PsbtReview p) {
        List<SignReview.Row> rows = new ArrayList<>();
        rows.add(new SignReview.Row("Network", p.network().id()));
        rows.add(new SignReview.Row("PSBT version", Integer.toString(p.psbtVersion())));
        rows.add(new SignReview.Row("Txid", p.txid()));
        List<String> warnings = new ArrayList<>();
        for (PsbtReview.InputLine in : p.inputs()) {
            String whose = in.ours() ? "this key " + in.path() : "another key";
            String type = in.type() == null ? "unknown script" : in.type().title();
            String state = in.finalized() ? ", already finalized" : "";
            rows.add(new SignReview.Row(
                    "Input " + in.index(),
                    btc(in.amount()) + "  " + type + "  " + whose + "  " + in.outpoint() + state));
            if (in.ours()
                    && in.sighashType() != null
                    && !in.sighashType().equals("ALL")
                    && !in.sighashType().equals("DEFAULT")) {
                warnings.add("input " + in.index() + " is signed with hash type " + in.sighashType()
                        + ": others can change parts of the transaction after you sign");
            }
        }
        for (PsbtReview.OutputLine out : p.outputs()) {
            String to = out.address() == null ? "script " + out.scriptHex() : out.address();
            String change = out.change() ? "  change (this key " + out.path() + ")" : "";
            rows.add(new SignReview.Row("Output " + out.index(), btc(out.amount()) + "  " + to + change));
        }
        rows.add(new SignReview.Row("Total in", btc(p.totalIn())));
        rows.add(new SignReview.Row("Total out", btc(p.totalOut())));
        rows.add(new SignReview.Row("Fee", btc(p.fee())));
        rows.add(new SignReview.Row(
                "Fee rate",
                p.feeRate() == null
                        ? "unknown"
                        : String.format(
                                Locale.ROOT,
                                "%.2f sat/vB over %s%d vbytes",
                                p.feeRate(),
                                p.vsizeExact() ? "" : "about ",
                                p.vsize())));
        if (p.fee() == null) {
            warnings.add("an input's amount is not given: the fee cannot be known");
        } else if (!p.amountsVerified()) {
            warnings.add("the fee rests on amounts the PSBT states for inputs of other keys, which this signature "
                    + "does not cover: check them in your wallet");
        }
        return new SignReview(PayloadKind.PSBT.title(), rows, warnings);
    }

    /** Satoshis as BTC with all 8 decimals; "unknown" for null. */
    static String btc(Long sat) {
        return sat == null ? "unknown" : new BigDecimal(sat).movePointLeft(8).toPlainString() + " BTC";
    }
}
