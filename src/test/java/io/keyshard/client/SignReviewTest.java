package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A review is printed to a terminal and shown in the app: what a payload supplies cannot steer either. */
class SignReviewTest {
    @Test
    void controlAndFormatCharactersFromAPayloadAreReplaced() {
        SignReview r = new SignReview(
                "T",
                List.of(new SignReview.Row("Domain name", "Uni\u001b[2Jswap\u202e\r\nTo  0xattacker")),
                List.of("bad \u0007 bell"));
        String value = r.rows().get(0).value();
        assertEquals("Uni?[2Jswap???To  0xattacker", value);
        assertFalse(r.text().contains("\u001b") || r.text().contains("\u202e"), r.text());
        assertEquals("bad ? bell", r.warnings().get(0));
    }

    @Test
    void textListsRowsAlignedThenWarnings() {
        SignReview r = new SignReview(
                "Title", List.of(new SignReview.Row("A", "1"), new SignReview.Row("Longer", "2")), List.of("careful"));
        String nl = System.lineSeparator();
        assertEquals("Title" + nl + "  A       1" + nl + "  Longer  2" + nl + "  WARNING: careful" + nl, r.text());
        assertTrue(r.text().startsWith("Title"));
    }
}
