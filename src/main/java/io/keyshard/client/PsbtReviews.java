package io.keyshard.client;

import io.keyshard.bytes.Hex;
import io.keyshard.payload.bitcoin.PsbtReview;
import io.keyshard.payload.bitcoin.RelayPolicy;
import io.keyshard.payload.bitcoin.Scripts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PSBT review as a person reads it: every input and output with amounts in BTC, what goes to
 * others, the fee and fee rate, lock time and replaceability, and warnings for what would lose
 * money or keep the transaction from being mined.
 */
final class PsbtReviews {
    /** Electrum's threshold: a fee of 5% or more of what is sent is unusually high. */
    private static final double HIGH_FEE_SHARE = 0.05;
    /** Electrum's threshold of an unusually high fee rate. */
    private static final double HIGH_FEE_RATE = 600;
    /** A lock time at or above this is a Unix time, below it a block height (BIP-65). */
    private static final long LOCKTIME_THRESHOLD = 500_000_000L;

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PsbtReviews() {}

    /** The review of {@code p}; {@code now} decides whether a time lock is still ahead. */
    static SignReview of(PsbtReview p, Instant now) {
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
        long toOthers = 0;
        int othersCount = 0;
        for (PsbtReview.OutputLine out : p.outputs()) {
            String to = out.address() == null ? script(out.scriptHex()) : out.address();
            String change = out.change() ? "  change (this key " + out.path() + ")" : "";
            rows.add(new SignReview.Row("Output " + out.index(), btc(out.amount()) + "  " + to + change));
            if (!out.change()) {
                toOthers += out.amount();
                othersCount++;
            }
            if (out.dust()) {
                warnings.add("output " + out.index() + " pays " + out.amount() + " sat, below the "
                        + out.dustThreshold() + " sat that nodes relay for its script (dust): the transaction "
                        + "would not reach miners; raise that amount or leave the output out in your wallet");
            }
        }
        rows.add(new SignReview.Row(
                "Paid to others", btc(toOthers) + "  in " + othersCount + (othersCount == 1 ? " output" : " outputs")));
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
        } else {
            if (!p.amountsVerified()) {
                warnings.add("the fee rests on amounts the PSBT states for inputs of other keys, which this signature "
                        + "does not cover: check them in your wallet");
            }
            feeWarnings(p, toOthers, warnings);
        }
        if (p.vsize() > RelayPolicy.MAX_STANDARD_VSIZE) {
            warnings.add("the transaction is " + p.vsize() + " vbytes, over the " + RelayPolicy.MAX_STANDARD_VSIZE
                    + " that nodes relay: split it into smaller transactions in your wallet");
        }
        lockTime(p, now, rows, warnings);
        rows.add(new SignReview.Row(
                "Replaceable",
                p.signalsReplacement()
                        ? "yes (BIP-125): a version with a higher fee can replace it until it is mined"
                        : "not signalled (BIP-125)"));
        return new SignReview(PayloadKind.PSBT.title(), rows, warnings);
    }

    /** Too low to be relayed, or unusually high for what it sends; rates compared exactly, fee against vsize. */
    private static void feeWarnings(PsbtReview p, long toOthers, List<String> warnings) {
        long fee = p.fee();
        long vsize = p.vsize();
        String rate = String.format(Locale.ROOT, "%.2f sat/vB", p.feeRate());
        if (fee < RelayPolicy.MIN_RELAY_SAT_PER_VB * vsize) {
            warnings.add("the fee rate, " + rate + ", is below the " + RelayPolicy.MIN_RELAY_SAT_PER_VB
                    + " sat/vB that nodes relay: the transaction would not reach miners; raise the fee in your wallet");
        } else if (fee < RelayPolicy.OLD_MIN_RELAY_SAT_PER_VB * vsize) {
            warnings.add("the fee rate, " + rate + ", is below 1 sat/vB, which nodes older than Bitcoin Core 29.1 "
                    + "and Bitcoin Knots do not relay: it may spread slowly and wait long to be mined");
        }
        if (fee > RelayPolicy.MAX_FEE_RATE_SAT_PER_VB * vsize) {
            warnings.add("the fee rate, " + rate + ", is above the " + (long) RelayPolicy.MAX_FEE_RATE_SAT_PER_VB
                    + " sat/vB a Bitcoin Core node sends by default: almost surely a mistake; check the fee in your "
                    + "wallet");
        } else if (fee >= HIGH_FEE_RATE * vsize) {
            warnings.add("the fee rate, " + rate + ", is unusually high: check the fee in your wallet");
        }
        if (toOthers == 0 && p.totalOut() == 0 && fee > 0) {
            warnings.add("every output is empty: all " + btc(fee) + " of the inputs goes to the miner as fee");
            return;
        }
        long moved = toOthers > 0 ? toOthers : p.totalOut();
        if (fee >= HIGH_FEE_SHARE * moved) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the fee, %s, is %.1f%% of the %s %s: check it in your wallet",
                    btc(fee),
                    100.0 * fee / moved,
                    btc(moved),
                    toOthers > 0 ? "paid to others" : "the transaction moves"));
        }
    }

    /** The lock time when consensus enforces it: a block height, or a time that may still be ahead. */
    private static void lockTime(PsbtReview p, Instant now, List<SignReview.Row> rows, List<String> warnings) {
        if (!p.lockTimeInForce() || p.lockTime() == 0) {
            return;
        }
        if (p.lockTime() < LOCKTIME_THRESHOLD) {
            rows.add(new SignReview.Row(
                    "Lock time", "height " + p.lockTime() + ": it can only be mined in a block after that one"));
            return;
        }
        Instant at = Instant.ofEpochSecond(p.lockTime());
        rows.add(new SignReview.Row("Lock time", UTC.format(at) + ": it cannot be mined before then"));
        if (at.isAfter(now)) {
            warnings.add("the transaction cannot be mined before " + UTC.format(at)
                    + " (its lock time): it waits until then, whatever its fee");
        }
    }

    /** A script without an address: OP_RETURN's data as text or hex, else the script in hex. */
    static String script(String hex) {
        byte[] data = Scripts.opReturnData(Hex.decode(hex, "script"));
        if (data == null) {
            return "script " + hex;
        }
        return (data.length == 0 ? "OP_RETURN, no data" : "OP_RETURN data " + Decoding.display(data))
                + " (cannot be spent)";
    }

    /** Satoshis as BTC with all 8 decimals; "unknown" for null. */
    static String btc(Long sat) {
        return sat == null ? "unknown" : new BigDecimal(sat).movePointLeft(8).toPlainString() + " BTC";
    }
}
