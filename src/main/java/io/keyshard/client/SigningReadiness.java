package io.keyshard.client;

/**
 * Whether a READY key can sign at once, as the app's key view and {@code keyshard keys show} say it: keys on the
 * four ECDSA curves sign only once every server holds the same complete pairwise setup (docs/protocol.md, ECDSA
 * pairwise setup); FROST keys need none. {@code note} says why, when there is more to say (null otherwise).
 */
public record SigningReadiness(State state, String note) {
    /** Where the key's signing stands; {@link #word()} is its value in {@code keys show --json} ("signing"). */
    public enum State {
        /** This workspace is running the key's pairwise setup now (started at key generation or by a signing). */
        SETTING_UP("setting-up"),
        /** Every server holds the same complete setup, or the key signs with FROST and needs none. */
        READY("ready"),
        /** Some server holds no usable setup (none yet, another one, a burned pair): the next signing runs it first. */
        ON_FIRST_USE("on-first-use"),
        /** A server of the key could not be asked. */
        UNKNOWN("unknown");

        private final String word;

        State(String word) {
            this.word = word;
        }

        /** The JSON value. */
        public String word() {
            return word;
        }
    }

    public SigningReadiness {
        if (state == null) {
            throw new IllegalArgumentException("a signing readiness needs a state");
        }
    }

    /** A readiness with no note. */
    public static SigningReadiness of(State state) {
        return new SigningReadiness(state, null);
    }

    /** The state in words for people, with the note. */
    public String sentence() {
        String base = switch (state) {
            case SETTING_UP -> "setting up signing with the servers (once for each pair of servers, takes seconds)";
            case READY -> "ready to sign";
            case ON_FIRST_USE -> "signing will be set up on first use (once for each pair of servers, takes seconds)";
            case UNKNOWN -> "not known now";
        };
        return note == null ? base : base + ": " + note;
    }
}
