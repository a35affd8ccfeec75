package io.keyshard.client;

import io.keyshard.payload.evm.TypedData;
import io.keyshard.payload.evm.TypedDataReview;
import io.keyshard.payload.evm.TypedMessageLines;
import java.util.List;
import java.util.Locale;

/**
 * The review rows every typed-data payload has, Ethereum's (EIP-712) and Tron's (TIP-712): the domain, every
 * value signed, the values left out of the hash, the digest.
 */
final class TypedDataRows {
    /** Message values listed in a typed-data review; a longer message is listed this far and warned about. */
    static final int MESSAGE_LINES = 100;
    /** How many values outside a typed message's types the review names; the rest it counts. */
    private static final int UNCOVERED_NAMED = 10;

    private TypedDataRows() {}

    /** The primary type and the domain's signed members; {@code chain} is the chain id as the chain names it. */
    static void domain(TypedDataReview t, String chain, List<SignReview.Row> rows) {
        rows.add(new SignReview.Row("Primary type", t.primaryType()));
        optional(rows, "Domain name", t.name());
        optional(rows, "Domain version", t.version());
        optional(rows, "Chain id", chain);
        optional(rows, "Verifying contract", t.verifyingContract());
        optional(rows, "Salt", t.salt());
    }

    /** Every value signed, those left out of the hash ({@code uncovered}), and the digest. */
    static void signed(
            TypedData data,
            String address,
            List<String> uncovered,
            String digest,
            List<SignReview.Row> rows,
            List<String> warnings) {
        messageLines(data, address, rows, warnings);
        if (!uncovered.isEmpty()) {
            rows.add(new SignReview.Row("Not signed", notSigned(uncovered)));
        }
        rows.add(new SignReview.Row("Digest", digest));
    }

    /** A permit the review did not read in words still gets the one warning every permit deserves. */
    static void unreadPermit(boolean read, TypedDataReview t, List<String> warnings) {
        if (!read && t.primaryType().toLowerCase(Locale.ROOT).contains("permit")) {
            warnings.add("a " + t.primaryType() + " lets its spender move your tokens without a transaction from you");
        }
    }

    /**
     * The values whose types do not declare them: a wallet's v4 leaves them out of the hash, so the review
     * names them as not signed instead of listing them among what is.
     */
    private static String notSigned(List<String> uncovered) {
        int shown = Math.min(uncovered.size(), UNCOVERED_NAMED);
        String names = String.join(", ", uncovered.subList(0, shown))
                + (uncovered.size() > shown ? " and " + (uncovered.size() - shown) + " more" : "");
        return names + ": "
                + (uncovered.size() == 1 ? "its type does not declare it" : "their types do not declare them")
                + ", so the signature does not cover " + (uncovered.size() == 1 ? "it" : "them");
    }

    /** Every value the message signs, one row each (a wallet shows the same), as many as a person can read. */
    private static void messageLines(TypedData data, String address, List<SignReview.Row> rows, List<String> warnings) {
        TypedMessageLines m = TypedMessageLines.of(data, MESSAGE_LINES);
        if (m.total() == 0) {
            rows.add(new SignReview.Row("Message", "(none: only the domain above is signed)"));
        }
        for (TypedMessageLines.Line l : m.lines()) {
            // the signer's own address among the values: an owner or sender field, most often
            rows.add(new SignReview.Row(l.path(), EvmMessageRows.marked(l.value(), address)));
        }
        if (m.cut()) {
            int left = m.total() - m.lines().size();
            rows.add(new SignReview.Row("message", "... and " + left + " more values, not listed here"));
            warnings.add("the message holds " + m.total() + " values and only the first "
                    + m.lines().size() + " are listed: read the rest in the JSON before you sign");
        }
    }

    private static void optional(List<SignReview.Row> rows, String label, String value) {
        if (value != null) {
            rows.add(new SignReview.Row(label, value));
        }
    }
}
