package io.keyshard.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.sign.EcdsaVerifiers;
import io.keyshard.sign.Verifiers;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * The signature scheme a {@link SignKillStress} run signs with, and what differs between them: the curves, how
 * long after the client's last result a kill may land, the client's round timeout, whether the client makes new
 * keys (a threshold-ECDSA key's first signing runs its pairwise setup), and how a printed signature is verified
 * and found in the vault's signing history.
 */
enum SignScheme {
    /** FROST (RFC 9591) over the three FROST curves; kills up to 0.6 s after a result land in signings. */
    FROST(List.of(CurveName.ED25519, CurveName.SECP256K1_SCHNORR, CurveName.ED448), 600, 20, false),
    /**
     * Threshold ECDSA (DKLs23), P-521 for a curve whose base OTs run on another group; a setup and a loaded
     * P-521 signing take up to seconds, so kills up to 3 s after a result land in setups too.
     */
    ECDSA(List.of(CurveName.SECP256K1, CurveName.P256, CurveName.P521), 3000, 30, true);

    final List<CurveName> curves;
    final int killWindowMillis;
    final int roundTimeoutSeconds;
    /** Every fourth client command is a key generation whose key the next command signs with. */
    final boolean makesKeys;

    SignScheme(List<CurveName> curves, int killWindowMillis, int roundTimeoutSeconds, boolean makesKeys) {
        this.curves = curves;
        this.killWindowMillis = killWindowMillis;
        this.roundTimeoutSeconds = roundTimeoutSeconds;
        this.makesKeys = makesKeys;
    }

    /**
     * Whether a line {@code keyshard sign message --json} printed verifies under the key it printed: the JDK's or
     * BIP-340's verifier for FROST; Bouncy Castle's and the JCA's for ECDSA, with low s on secp256k1.
     */
    boolean verifies(JsonNode printed) throws GeneralSecurityException {
        CurveName curve = CurveName.parse(printed.get("curve").asText());
        String key = printed.get("publicKey").asText();
        byte[] payload = Hex.decode(printed.get("payload").asText(), "payload");
        if (this == FROST) {
            return Verifiers.accepts(
                    curve, key, payload, printed.get("signature").asText());
        }
        byte[] digest = EcdsaVerifiers.hash(curve, payload);
        String der = printed.get("der").asText();
        return EcdsaVerifiers.bouncyCastle(curve, key, digest, der)
                && EcdsaVerifiers.jca(curve, key, digest, der)
                && (curve != CurveName.SECP256K1 || lowS(printed.get("s").asText()));
    }

    /** Bitcoin and Ethereum accept only s at most n/2 (BIP-146, EIP-2). */
    private static boolean lowS(String sHex) {
        BigInteger n = CustomNamedCurves.getByName("secp256k1").getN();
        return new BigInteger(sHex, 16).compareTo(n.shiftRight(1)) <= 0;
    }

    /** The printed signature as the vault's signing history keeps it (ECDSA: r ‖ s ‖ v). */
    String historyEntry(JsonNode printed) {
        String signature = printed.get("signature").asText();
        return this == FROST
                ? signature
                : signature
                        + String.format(Locale.ROOT, "%02x", printed.get("v").asInt());
    }
}
