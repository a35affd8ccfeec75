package io.keyshard.cli;

import io.keyshard.address.DerivationProblem;

/** How {@code path} and {@code derive} word derivation problems: in their flags. */
final class DeriveFlags {
    static final String INDEX_RANGE = "must be 0 to 2147483647 (non-hardened)";

    private DeriveFlags() {}

    /** The problem as a usage error naming {@code --account}, {@code --index}, {@code --path} or {@code --network}. */
    static IllegalArgumentException worded(DerivationProblem p) {
        String text = switch (p.kind()) {
            case NO_ACCOUNT_LEVEL ->
                p.subject() + " paths have no account level (m/0/i): leave --account out, "
                        + "or give a whole path with --path";
            case INDEX_OUT_OF_RANGE -> "--" + p.subject() + " " + INDEX_RANGE;
            case PATH_AND_INDEX -> "give either --path or --account/--index, not both";
            case INDEX_WITHOUT_CHAIN ->
                "--account/--index need --chain to pick a default path; " + "or give a whole path with --path";
            case NETWORK_MISMATCH -> "--" + p.getMessage();
        };
        return new IllegalArgumentException(text, p);
    }

    /** {@code --account} or {@code --index} as a level: refused with its limit before anything runs. */
    static Integer level(String option, Long value) {
        if (value == null) {
            return null;
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " " + value + " " + INDEX_RANGE);
        }
        return value.intValue();
    }
}
