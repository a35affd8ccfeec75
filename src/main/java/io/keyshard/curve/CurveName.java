package io.keyshard.curve;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seven curves of docs/derivation.md, by their API names ({@code SECP256k1}, {@code ED25519}, ...). */
public enum CurveName {
    SECP256K1("SECP256k1", "secp256k1: Bitcoin (legacy, SegWit), Ethereum/EVM, Tron, Cosmos"),
    ED25519("ED25519", "edwards25519: Solana, Stellar, Sui, Aptos"),
    P256("P256", "NIST P-256 (secp256r1): passkeys, WebAuthn, enterprise systems"),
    P384("P384", "NIST P-384 (secp384r1): high-assurance enterprise systems"),
    P521("P521", "NIST P-521 (secp521r1): the strongest NIST curve"),
    ED448("ED448", "edwards448: 224-bit security EdDSA"),
    SECP256K1_SCHNORR("SECP256K1_SCHNORR", "secp256k1 with BIP-340 x-only keys: Bitcoin Taproot");

    private final String apiName;
    private final String use;

    CurveName(String apiName, String use) {
        this.apiName = apiName;
        this.use = use;
    }

    /** The name used in JSON, on the command line and in the vault. */
    public String apiName() {
        return apiName;
    }

    /** One line on what the curve is used for, for people choosing one. */
    public String use() {
        return use;
    }

    /** The curve's arithmetic. */
    public Curve curve() {
        return Curves.of(this);
    }

    /** Parses an API name, ignoring case; the message lists the accepted names. */
    public static CurveName parse(String name) {
        if (name != null) {
            String wanted = name.trim().toUpperCase(Locale.ROOT);
            for (CurveName c : values()) {
                if (c.apiName.toUpperCase(Locale.ROOT).equals(wanted)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown curve '" + name + "': use one of "
                + Arrays.stream(values()).map(CurveName::apiName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return apiName;
    }
}
