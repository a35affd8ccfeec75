package io.keyshard.ui.wizard;

/** The t-of-n rules of the wizard (2 <= t <= n, at least two servers) and the sentence that explains a choice. */
public final class ThresholdRules {
    /** The smallest threshold and server count: one server alone would hold an ordinary key. */
    public static final int MIN = 2;

    private ThresholdRules() {
    }

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

    /** One sentence saying what t-of-n means, e.g. "Any 2 of these 3 servers can sign; one alone cannot." */
    public static String sentence(int n, int t) {
        if (problem(n, t) != null) {
            return problem(n, t);
        }
        String fewer = t - 1 == 1 ? "one alone cannot" : "any " + (t - 1) + " together cannot";
        if (t == n) {
            return "All " + n + " servers must sign together; " + fewer + ". If one is lost, the key cannot sign.";
        }
        return "Any " + t + " of these " + n + " servers can sign; " + fewer + ". Up to " + (n - t)
                + " server" + (n - t == 1 ? "" : "s") + " may be down or lost.";
    }
}
