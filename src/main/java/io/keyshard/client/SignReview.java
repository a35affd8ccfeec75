package io.keyshard.client;

import java.util.List;

/**
 * What a person reads before approving a signature: a title, rows of label and value (in the order
 * shown), and warnings about anything unusual. Built from the payload's own decoding, never from
 * what a sender claims about it; values hold no secret.
 */
public record SignReview(String title, List<Row> rows, List<String> warnings) {
    /** One line of the review. */
    public record Row(String label, String value) {}

    public SignReview {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
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
