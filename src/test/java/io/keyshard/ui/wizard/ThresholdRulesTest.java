package io.keyshard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdRulesTest {
    @Test
    void allowsExactlyTwoToN() {
        for (int n = 0; n <= 6; n++) {
            for (int t = -1; t <= 7; t++) {
                boolean allowed = n >= 2 && t >= 2 && t <= n;
                assertEquals(allowed, ThresholdRules.problem(n, t) == null, "n=" + n + " t=" + t);
            }
        }
    }

    @Test
    void clampKeepsTheThresholdInRangeAsServersAreUnticked() {
        assertEquals(3, ThresholdRules.clamp(3, 4));
        assertEquals(2, ThresholdRules.clamp(3, 2), "unticking a server lowers t to n");
        assertEquals(2, ThresholdRules.clamp(1, 5), "never below 2");
        assertEquals(2, ThresholdRules.clamp(5, 1), "with fewer than two servers t rests at 2");
    }

    @Test
    void sentenceSaysWhoCanSign() {
        assertEquals(
                "Making the key needs every chosen server to answer. Then any 2 of these 3 can sign; one alone "
                        + "cannot. Up to 1 may be lost and the key still signs.",
                ThresholdRules.sentence(3, 2));
        assertTrue(ThresholdRules.sentence(5, 3).contains("Then any 3 of these 5 can sign; any 2 together cannot."));
        assertTrue(ThresholdRules.sentence(2, 2).contains("Then all 2 must sign together; one alone cannot."));
        assertTrue(
                ThresholdRules.sentence(2, 2).startsWith("Making the key needs every chosen server"),
                "while choosing, the sentence says that generation needs all of them, not only t");
        assertTrue(ThresholdRules.sentence(1, 2).contains("at least two servers"));
    }

    @Test
    void ofChosenNeverSaysOneChosenServers() {
        assertEquals("of 3 chosen servers must take part to sign", ThresholdRules.ofChosen(3));
        assertFalse(ThresholdRules.ofChosen(1).contains("1 chosen servers"));
        assertTrue(ThresholdRules.ofChosen(1).contains("at least two"));
        assertTrue(ThresholdRules.ofChosen(0).contains("at least two"));
    }

    @Test
    void problemsSayWhatToDo() {
        assertNotNull(ThresholdRules.problem(1, 2));
        assertTrue(ThresholdRules.problem(3, 4).contains("from 2 to 3"));
        assertNull(ThresholdRules.problem(2, 2));
    }
}
