package io.keyshard.client;

import java.util.List;

/**
 * What a person reads before approving a signature: a title, rows of label and value (in the order
 * shown), and warnings about anything unusual. Built from the payload's own decoding, never from
 * what a sender claims about it; values hold no secret.
 */
public record SignReview(String title, List<Row> rows, List<String> warnings) {
    /** How the review and the result name the key a Taproot signature verifies under (the BIP-86 tweaked key). */
    public static final String OUTPUT_KEY = "Output key (signs)";

    /** One line of the review; control and format characters (escape sequences, bidi overrides) become '?'. */
    public record Row(String label, String value) {
        public Row {
            label = safe(label);
            value = safe(value);
        }
    }

    public SignReview {
        title = safe(title);
        rows = List.copyOf(rows);
        warnings = warnings.stream().map(SignReview::safe).toList();
    }

    /**
     * Values come from the payload (a typed-data domain name, say): a terminal must not take them as
     * commands, and neither face may show them reordered or on lines of their own.
     */
    private static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> b.appendCodePoint(
                        Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return b.toString();
    }

    /** The review as plain text lines: the title, one {@code label  value} line per row, then each warning. */
    public String text() {
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        StringBuilder b = new StringBuilder(title).append(System.lineSeparator());
        for (Row r : rows) {
            b.append("  ")
                    .append(r.label())
                    .append(" ".repeat(width - r.label().length() + 2))
                    .append(r.value())
                    .append(System.lineSeparator());
        }
        for (String w : warnings) {
            b.append("  WARNING: ").append(w).append(System.lineSeparator());
        }
        return b.toString();
    }
}
