package io.keyshard.client;

import io.keyshard.vault.SignedPayload;
import java.util.Locale;

/** What a person signs through {@link PayloadSigning}: the rows of the payload table of docs/cli.md, sign. */
public enum PayloadKind {
    /** Raw message bytes (EdDSA, BIP-340; ECDSA hashes them with the curve's hash). */
    MESSAGE(SignedPayload.MESSAGE, "Message"),
    /** A digest signed as given: 32 bytes (SECP256k1, SECP256K1_SCHNORR). */
    DIGEST(SignedPayload.DIGEST, "Digest"),
    /** EIP-191 {@code personal_sign}: the message bytes (text as UTF-8). */
    ETH_MESSAGE(SignedPayload.ETH_MESSAGE, "Ethereum message (EIP-191 personal_sign)"),
    /** EIP-712 typed data: the JSON of {@code eth_signTypedData_v4}. */
    ETH_TYPED(SignedPayload.ETH_TYPED, "Ethereum typed data (EIP-712)"),
    /** An EIP-1559 transaction: the JSON of {@code eth_sendTransaction}. */
    ETH_TX(SignedPayload.ETH_TX, "Ethereum transaction (EIP-1559)"),
    /** A Bitcoin PSBT (BIP-174 v0, BIP-370 v2): base64 text or the binary form. */
    PSBT(SignedPayload.PSBT, "Bitcoin PSBT"),
    /** A Solana transaction or bare message (legacy, v0): base64 or base58 text, or the wire bytes. */
    SOLANA_TX(SignedPayload.SOLANA_TX, "Solana transaction");

    private final SignedPayload history;
    private final String title;

    PayloadKind(SignedPayload history, String title) {
        this.history = history;
        this.title = title;
    }

    /** The kind a signing history entry records. */
    public SignedPayload history() {
        return history;
    }

    /** The name of the {@code keyshard sign} subcommand, e.g. {@code eth-tx}. */
    public String id() {
        return history.id();
    }

    /** How a review heads it, e.g. {@code Ethereum transaction (EIP-1559)}. */
    public String title() {
        return title;
    }

    /** The kind named by its subcommand name (any case). */
    public static PayloadKind parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (PayloadKind k : values()) {
            if (k.id().equals(wanted)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "unknown payload kind: one of message, digest, eth-message, eth-typed, eth-tx, psbt, solana-tx");
    }
}
