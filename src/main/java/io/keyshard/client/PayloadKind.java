package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.curve.CurveName;
import io.keyshard.vault.SignedPayload;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a person signs through {@link PayloadSigning}: the rows of the payload table of docs/cli.md, sign. */
public enum PayloadKind {
    /** Raw message bytes (EdDSA, BIP-340; ECDSA hashes them with the curve's hash). */
    MESSAGE(SignedPayload.MESSAGE, "Message", null, CurveName.values()),
    /** A digest signed as given, of the curve's hash length (every curve but the EdDSA ones, which hash the message). */
    DIGEST(
            SignedPayload.DIGEST,
            "Digest",
            null,
            CurveName.SECP256K1,
            CurveName.SECP256K1_SCHNORR,
            CurveName.P256,
            CurveName.P384,
            CurveName.P521),
    /** EIP-191 {@code personal_sign}: the message bytes (text as UTF-8). */
    ETH_MESSAGE(SignedPayload.ETH_MESSAGE, "Ethereum message (EIP-191 personal_sign)", Chain.EVM, CurveName.SECP256K1),
    /** EIP-712 typed data: the JSON of {@code eth_signTypedData_v4}. */
    ETH_TYPED(SignedPayload.ETH_TYPED, "Ethereum typed data (EIP-712)", Chain.EVM, CurveName.SECP256K1),
    /**
     * An EVM transaction, EIP-1559, EIP-7702, EIP-2930 or legacy with its chain id (EIP-155): the JSON of {@code
     * eth_sendTransaction}, or its unsigned encoding.
     */
    ETH_TX(SignedPayload.ETH_TX, "Ethereum transaction", Chain.EVM, CurveName.SECP256K1),
    /** An EIP-7702 authorization, {@code {chainId, address, nonce}}: this key's account runs a contract's code. */
    ETH_AUTHORIZATION(
            SignedPayload.ETH_AUTHORIZATION, "Ethereum authorization (EIP-7702)", Chain.EVM, CurveName.SECP256K1),
    /** A Bitcoin PSBT (BIP-174 v0, BIP-370 v2): base64 text or the binary form. */
    PSBT(SignedPayload.PSBT, "Bitcoin PSBT", null, CurveName.SECP256K1, CurveName.SECP256K1_SCHNORR),
    /** A Solana transaction or bare message (legacy, v0): base64 or base58 text, or the wire bytes. */
    SOLANA_TX(SignedPayload.SOLANA_TX, "Solana transaction", Chain.SOLANA, CurveName.ED25519),
    /**
     * A message signed for a Bitcoin address: BIP-322 simple (P2WPKH, P2TR), Core's signmessage (P2PKH). Its
     * chain is the address kind, one of three: null here, picked by {@link BitcoinMessagePayloads}.
     */
    BTC_MESSAGE(
            SignedPayload.BTC_MESSAGE,
            "Bitcoin message (BIP-322)",
            null,
            CurveName.SECP256K1,
            CurveName.SECP256K1_SCHNORR),
    /** A Tron transaction: the JSON TronWeb builds, or its {@code raw_data} in hex. */
    TRON_TX(SignedPayload.TRON_TX, "Tron transaction", Chain.TRON, CurveName.SECP256K1),
    /** A message as TronLink's {@code signMessageV2} signs it (TIP-191): the message bytes (text as UTF-8). */
    TRON_MESSAGE(SignedPayload.TRON_MESSAGE, "Tron message (TIP-191 signMessageV2)", Chain.TRON, CurveName.SECP256K1),
    /** TIP-712 typed data as TronLink's {@code signTypedData} signs it: v4's JSON or TronWeb's three objects. */
    TRON_TYPED(SignedPayload.TRON_TYPED, "Tron typed data (TIP-712)", Chain.TRON, CurveName.SECP256K1);

    private final SignedPayload history;
    private final String title;
    private final Chain chain;
    private final Set<CurveName> curves;

    PayloadKind(SignedPayload history, String title, Chain chain, CurveName... curves) {
        this.history = history;
        this.title = title;
        this.chain = chain;
        this.curves = EnumSet.copyOf(Arrays.asList(curves));
    }

    /**
     * The chain this kind signs on (its addresses and default path), or null for a kind that signs on any
     * chain or, as a PSBT, at the paths it names.
     */
    public Chain chain() {
        return chain;
    }

    /**
     * The address kinds this kind signs for, the one to pick first first: its own chain, the three Bitcoin
     * address kinds for a Bitcoin message; empty when it signs for any chain or none (a message, a PSBT).
     */
    public List<Chain> chains() {
        if (this == BTC_MESSAGE) {
            return List.of(Chain.BITCOIN_P2WPKH, Chain.BITCOIN_P2TR, Chain.BITCOIN_P2PKH);
        }
        return chain == null ? List.of() : List.of(chain);
    }

    /** Whether this kind signs for an address of {@code chain} (null: no chain, the key at its path alone). */
    public boolean signsOn(Chain chain) {
        return chains().isEmpty() || chains().contains(chain);
    }

    /** Whether a key of {@code curve} signs this kind (the chains that take the payload use that curve). */
    public boolean signsWith(CurveName curve) {
        return curves.contains(curve);
    }

    /** The kinds a key of {@code curve} signs, in the order of this enum: what to offer for that key. */
    public static List<PayloadKind> forCurve(CurveName curve) {
        return Arrays.stream(values()).filter(k -> k.signsWith(curve)).toList();
    }

    /**
     * Refuses a key of a curve this kind is not signed with, naming the curves that do; the one copy of that
     * rule for every payload plan.
     */
    public void requireCurve(CurveName curve) {
        if (signsWith(curve)) {
            return;
        }
        StringBuilder names = new StringBuilder();
        for (CurveName c : curves) {
            names.append(names.length() == 0 ? "" : " or ").append(c.apiName());
        }
        throw new IllegalArgumentException(title + " is signed with a key of curve " + names + "; this key is "
                + curve.apiName() + ": pick a key of " + (curves.size() == 1 ? "that curve" : "one of those curves"));
    }

    /** The kind a signing history entry records. */
    public SignedPayload history() {
        return history;
    }

    /** The name of the {@code keyshard sign} subcommand, e.g. {@code eth-tx}. */
    public String id() {
        return history.id();
    }

    /** How a review heads it, e.g. {@code Ethereum message (personal_sign)}. */
    public String title() {
        return title;
    }

    /**
     * Whether the input may be typed as hex: false for the kinds that read JSON alone (typed data, an
     * authorization), where a Text/Hex choice would only mislead.
     */
    public boolean takesHex() {
        return this != ETH_TYPED && this != TRON_TYPED && this != ETH_AUTHORIZATION;
    }

    /** What a person types or pastes for this kind, as an input's prompt says it. */
    public String inputHint() {
        return switch (this) {
            case MESSAGE -> "Type the message, or paste its bytes in hex with Hex on";
            case DIGEST -> "Paste the digest in hex, as long as the curve's hash";
            case ETH_MESSAGE -> "Type the message a site asks you to sign (personal_sign), or paste hex with Hex on";
            case ETH_TYPED -> "Paste the JSON of eth_signTypedData_v4: types, primaryType, domain and message";
            case ETH_TX ->
                "Paste the JSON of eth_sendTransaction, or the unsigned transaction in hex (0x02..., 0x04..., "
                        + "0x01... or a legacy 0xf8...)";
            case ETH_AUTHORIZATION ->
                "Paste the authorization JSON, {chainId, address, nonce}: address is the contract to run as this "
                        + "account";
            case PSBT -> "Paste the PSBT in base64, or open its .psbt file";
            case SOLANA_TX -> "Paste the transaction or message in base64 or base58, or open its file";
            case BTC_MESSAGE -> "Type the message to sign for this Bitcoin address";
            case TRON_TX -> "Paste the transaction JSON TronWeb builds (with raw_data_hex), or its raw_data in hex";
            case TRON_MESSAGE -> "Type the message a site asks you to sign (signMessageV2), or paste hex with Hex on";
            case TRON_TYPED -> "Paste the typed data JSON: domain, types and message (or TronWeb's value)";
        };
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
                "unknown payload kind: one of message, digest, eth-message, eth-typed, eth-tx, psbt, solana-tx, "
                        + "btc-message, tron-tx, tron-message, tron-typed, eth-authorization");
    }
}
