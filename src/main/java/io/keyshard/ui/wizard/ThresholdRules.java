package io.keyshard.ui.wizard;

/** The t-of-n rules of the wizard (2 <= t <= n, at least two servers) and the sentence that explains a choice. */
public final class ThresholdRules {
    /** The smallest threshold and server count: one server alone would hold an ordinary key. */
    public static final int MIN = 2;

    private ThresholdRules() {}

    /** The nearest allowed threshold for {@code n} chosen servers ({@code MIN} when fewer than two are chosen). */
    public static int clamp(int threshold, int n) {
        return Math.max(MIN, Math.min(threshold, Math.max(MIN, n)));
    }

    /** What is wrong with a choice of {@code n} servers and threshold {@code t}, or null when it is allowed. */
    public static String problem(int n, int t) {
        if (n < MIN) {
            return "Choose at least two servers: with one server there is no sharing, just an ordinary key.";
        }
        if (t < MIN || t > n) {
            return "The threshold must be from 2 to " + n + " (the number of chosen servers).";
        }
        return null;
    }

    /**
     * What a t-of-n choice means now and later: making the key needs every chosen server, signing
     * needs any t of them, so n - t may be lost once the key exists.
     */
    public static String sentence(int n, int t) {
        if (problem(n, t) != null) {
            return problem(n, t);
        }
        String make = "Making the key needs every chosen server to answer. ";
        String fewer = t - 1 == 1 ? "one alone cannot" : "any " + (t - 1) + " together cannot";
        if (t == n) {
            return make + "Then all " + n + " must sign together; " + fewer + ". If one is lost, the key cannot sign.";
        }
        return make + "Then any " + t + " of these " + n + " can sign; " + fewer + ". Up to " + (n - t)
                + " may be lost and the key still signs.";
    }

    /** The words after the threshold spinner, e.g. "of 3 chosen servers must take part to sign". */
    public static String ofChosen(int n) {
        if (n < MIN) {
            return n == 1
                    ? "(only 1 server is chosen: choose at least two)"
                    : "(no server is chosen: choose at least two)";
        }
        return "of " + n + " chosen servers must take part to sign";
    }
}
