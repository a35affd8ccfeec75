package io.keyshard.derive;

import java.util.Locale;

/** Mainnet or testnet: picks coin type 1 in Bitcoin paths, {@code tpub} over {@code xpub}, {@code tb1} over {@code bc1}. */
public enum Network {
    MAINNET("mainnet"),
    TESTNET("testnet");

    private final String id;

    Network(String id) {
        this.id = id;
    }

    /** The name used on the command line and in JSON. */
    public String id() {
        return id;
    }

    /** Parses {@code mainnet} or {@code testnet}, ignoring case. */
    public static Network parse(String text) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Network n : values()) {
                if (n.id.equals(t)) {
                    return n;
                }
            }
        }
        throw new IllegalArgumentException("unknown network '" + text + "': use mainnet or testnet");
    }

    @Override
    public String toString() {
        return id;
    }
}
