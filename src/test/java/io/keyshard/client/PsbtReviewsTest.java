package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.derive.Network;
import io.keyshard.payload.bitcoin.PsbtReview;
import io.keyshard.payload.bitcoin.ScriptType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The words a PSBT review shows: what goes to others, the lock time, and warnings on fee, dust and size. */
class PsbtReviewsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String TXID = "ab".repeat(32);
    private static final String RECIPIENT = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
    private static final String CHANGE = "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3";

    @Test
    void anOrdinaryPaymentShowsWhatGoesToOthersWithoutWarnings() {
        SignReview r = PsbtReviews.of(review(100_000, List.of(paid(60_000), change(38_590)), 141, 0, true), NOW);
        assertEquals("0.00060000 BTC  in 1 output", row(r, "Paid to others"));
        assertEquals("0.00001410 BTC", row(r, "Fee"));
        assertEquals("10.00 sat/vB over 141 vbytes", row(r, "Fee rate"));
        assertTrue(row(r, "Replaceable").startsWith("yes (BIP-125)"), row(r, "Replaceable"));
        assertEquals(List.of(), r.warnings());
        assertTrue(r.rows().stream().noneMatch(x -> x.label().equals("Lock time")));
    }

    @Test
    void aFeeRateNodesDoNotRelayIsWarnedAbout() {
        // 14 sat over 141 vbytes: 0.099 sat/vB, under Bitcoin Core's 0.1
        assertOne(
                PsbtReviews.of(review(60_014, List.of(paid(60_000)), 141, 0, true), NOW),
                "is below the 0.1 sat/vB that nodes relay");
        // 70 sat over 141 vbytes: 0.5 sat/vB, relayed by current Bitcoin Core but not by older nodes
        assertOne(
                PsbtReviews.of(review(60_070, List.of(paid(60_000)), 141, 0, true), NOW),
                "below 1 sat/vB, which nodes older than Bitcoin Core 29.1");
        // exactly 1 sat/vB is fine
        assertEquals(
                List.of(),
                PsbtReviews.of(review(60_141, List.of(paid(60_000)), 141, 0, true), NOW)
                        .warnings());
    }

    @Test
    void anUnusuallyHighFeeIsWarnedAbout() {
        // 600 sat/vB on a large payment: the rate alone
        assertOne(
                PsbtReviews.of(review(100_084_600, List.of(paid(100_000_000)), 141, 0, true), NOW),
                "the fee rate, 600.00 sat/vB, is unusually high");
        // over 10,000 sat/vB: what a Bitcoin Core node refuses to send
        assertOne(
                PsbtReviews.of(review(101_410_141, List.of(paid(100_000_000)), 141, 0, true), NOW),
                "above the 10000 sat/vB a Bitcoin Core node sends by default");
        // 5% of what is paid, at a modest rate
        List<String> share = PsbtReviews.of(review(21_000, List.of(paid(20_000)), 141, 0, true), NOW)
                .warnings();
        assertEquals(1, share.size(), share.toString());
        assertTrue(
                share.get(0).contains("the fee, 0.00001000 BTC, is 5.0% of the 0.00020000 BTC paid to others"),
                share.get(0));
        // moving coins to this key's own change: the share is of what the transaction moves
        assertOne(
                PsbtReviews.of(review(21_000, List.of(change(20_000)), 141, 0, true), NOW),
                "5.0% of the 0.00020000 BTC the transaction moves");
        // nothing paid at all: the whole input is fee
        List<String> burnt = PsbtReviews.of(review(20_000, List.of(opReturn()), 141, 0, true), NOW)
                .warnings();
        assertTrue(
                burnt.stream().anyMatch(w -> w.contains("every output is empty: all 0.00020000 BTC")),
                burnt.toString());
    }

    @Test
    void aDustOutputIsNamedWithItsThreshold() {
        List<PsbtReview.OutputLine> outs = new ArrayList<>(List.of(paid(60_000)));
        outs.add(new PsbtReview.OutputLine(1, RECIPIENT, "0014", 293, false, null, 294));
        assertOne(
                PsbtReviews.of(review(61_703, outs, 141, 0, true), NOW),
                "output 1 pays 293 sat, below the 294 sat that nodes relay for its script (dust)");
    }

    @Test
    void aTransactionTooLargeToRelayIsWarnedAbout() {
        assertOne(
                PsbtReviews.of(review(1_000_000_000, List.of(paid(998_000_000)), 100_001, 0, true), NOW),
                "the transaction is 100001 vbytes, over the 100000 that nodes relay");
    }

    @Test
    void theLockTimeIsShownAndATimeStillAheadIsWarnedAbout() {
        SignReview height = PsbtReviews.of(review(61_410, List.of(paid(60_000)), 141, 880_000, true), NOW);
        assertEquals("height 880000: it can only be mined in a block after that one", row(height, "Lock time"));
        assertEquals(List.of(), height.warnings());

        long past = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        SignReview done = PsbtReviews.of(review(61_410, List.of(paid(60_000)), 141, past, true), NOW);
        assertEquals("2026-01-01 00:00 UTC: it cannot be mined before then", row(done, "Lock time"));
        assertEquals(List.of(), done.warnings());

        long ahead = Instant.parse("2027-03-01T09:30:00Z").getEpochSecond();
        assertOne(
                PsbtReviews.of(review(61_410, List.of(paid(60_000)), 141, ahead, true), NOW),
                "cannot be mined before 2027-03-01 09:30 UTC (its lock time)");

        // every input final: consensus ignores the lock time, and so does the review
        SignReview off = PsbtReviews.of(review(61_410, List.of(paid(60_000)), 141, ahead, false), NOW);
        assertTrue(off.rows().stream().noneMatch(x -> x.label().equals("Lock time")));
        assertEquals(List.of(), off.warnings());
    }

    @Test
    void anOpReturnOutputShowsItsDataAsTextOrHex() {
        assertEquals("OP_RETURN data \"hello\" (cannot be spent)", PsbtReviews.script("6a0568656c6c6f"));
        assertEquals("OP_RETURN data 0x00ff (cannot be spent)", PsbtReviews.script("6a0200ff"));
        assertEquals("OP_RETURN, no data (cannot be spent)", PsbtReviews.script("6a00"));
        assertEquals("script 6a05ff", PsbtReviews.script("6a05ff"), "a push past the end is shown as the script");
        assertEquals("script 51ae", PsbtReviews.script("51ae"));
    }

    private static PsbtReview review(
            long in, List<PsbtReview.OutputLine> outs, long vsize, long lockTime, boolean inForce) {
        long out = outs.stream().mapToLong(PsbtReview.OutputLine::amount).sum();
        long fee = in - out;
        PsbtReview.InputLine input =
                new PsbtReview.InputLine(0, TXID + ":0", in, ScriptType.P2WPKH, true, "m/84/0/0/0/0", "ALL", false);
        return new PsbtReview(
                Network.MAINNET,
                0,
                TXID,
                List.of(input),
                outs,
                in,
                out,
                fee,
                vsize,
                true,
                Math.round(fee * 100.0 / vsize) / 100.0,
                true,
                lockTime,
                inForce,
                inForce);
    }

    private static PsbtReview.OutputLine paid(long amount) {
        return new PsbtReview.OutputLine(0, RECIPIENT, "0014", amount, false, null, 294);
    }

    private static PsbtReview.OutputLine change(long amount) {
        return new PsbtReview.OutputLine(1, CHANGE, "0020", amount, true, "m/84/0/0/1/0", 330);
    }

    private static PsbtReview.OutputLine opReturn() {
        return new PsbtReview.OutputLine(0, null, "6a00", 0, false, null, 0);
    }

    private static String row(SignReview r, String label) {
        return r.rows().stream()
                .filter(x -> x.label().equals(label))
                .map(SignReview.Row::value)
                .collect(Collectors.joining("|"));
    }

    private static void assertOne(SignReview r, String part) {
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains(part), r.warnings().get(0));
    }
}
