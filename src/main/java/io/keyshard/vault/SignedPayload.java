package io.keyshard.vault;

import java.util.Locale;

/** What kind of payload a signature was made over: the {@code keyshard sign} subcommands of docs/cli.md. */
public enum SignedPayload {
    MESSAGE("message"),
    DIGEST("digest"),
    ETH_MESSAGE("eth-message"),
    ETH_TYPED("eth-typed"),
    ETH_TX("eth-tx"),
    PSBT("psbt"),
    SOLANA_TX("solana-tx"),
    BTC_MESSAGE("btc-message"),
    TRON_TX("tron-tx"),
    TRON_MESSAGE("tron-message"),
    TRON_TYPED("tron-typed"),
    ETH_AUTHORIZATION("eth-authorization");

    private final String id;

    SignedPayload(String id) {
        this.id = id;
    }

    /** The name used on the command line and in JSON, e.g. {@code eth-tx}. */
    public String id() {
        return id;
    }

    /** The kind named {@code text} (its id, any case). */
    public static SignedPayload parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (SignedPayload p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown payload kind: one of message, digest, eth-message, eth-typed, eth-tx, psbt, solana-tx, "
                        + "btc-message, tron-tx, tron-message, tron-typed, eth-authorization");
    }
}
