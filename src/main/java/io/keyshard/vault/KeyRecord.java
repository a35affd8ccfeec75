package io.keyshard.vault;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.DerivationScheme;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One key as the vault keeps it (docs/vault.md). Public data only: the shares stay on the
 * servers. The label is never null: a missing or blank one is {@code ""}. Byte values are lowercase
 * hex; {@code rootPublicKey}, {@code chainCode} and
 * {@code verificationShares} are null/empty until the key is READY.
 *
 * @param servers            the server names, in the order used by the key generation
 * @param verificationShares server name -> its verification share (encoded point, hex)
 * @param failureReason      why a FAILED key failed, else null
 */
public record KeyRecord(
        UUID keyId,
        String label,
        CurveName curve,
        int threshold,
        List<String> servers,
        String rootPublicKey,
        String chainCode,
        Map<String, String> verificationShares,
        DerivationScheme derivationScheme,
        KeyStatus status,
        String failureReason,
        Instant createdAt) {
    /** How every face shows a key made without a label. */
    public static final String NO_LABEL = "(no label)";

    public KeyRecord {
        label = label == null || label.isBlank() ? "" : label;
        servers = List.copyOf(servers);
        verificationShares = verificationShares == null ? Map.of() : Map.copyOf(verificationShares);
    }

    /** The label to show people: the label, or {@link #NO_LABEL} when there is none. */
    public String displayLabel() {
        return label.isEmpty() ? NO_LABEL : label;
    }

    /**
     * The key as a sentence names it: the label, or for a key without one its curve and the start of its keyId
     * ("ED25519 key a654af7f"), so that "Delete (no label)?" reads "Delete ED25519 key a654af7f?".
     */
    public String nameInText() {
        return label.isEmpty() ? curve.apiName() + " key " + keyId.toString().substring(0, 8) : label;
    }

    /** A new PENDING record, written before the key generation starts. */
    public static KeyRecord pending(
            UUID keyId, String label, CurveName curve, int threshold, List<String> servers, Instant createdAt) {
        return new KeyRecord(
                keyId,
                label,
                curve,
                threshold,
                servers,
                null,
                null,
                Map.of(),
                curve.curve().derivationScheme(),
                KeyStatus.PENDING,
                null,
                createdAt);
    }

    /** This record made READY with the public result the servers agreed on. */
    public KeyRecord ready(String rootPublicKey, String chainCode, Map<String, String> verificationShares) {
        return new KeyRecord(
                keyId,
                label,
                curve,
                threshold,
                servers,
                rootPublicKey,
                chainCode,
                verificationShares,
                derivationScheme,
                KeyStatus.READY,
                null,
                createdAt);
    }

    /** This record made FAILED with a reason a user can act on. */
    public KeyRecord failed(String reason) {
        return new KeyRecord(
                keyId,
                label,
                curve,
                threshold,
                servers,
                rootPublicKey,
                chainCode,
                verificationShares,
                derivationScheme,
                KeyStatus.FAILED,
                reason,
                createdAt);
    }

    /** This record with another label (blank: none). */
    public KeyRecord withLabel(String newLabel) {
        return new KeyRecord(
                keyId,
                newLabel,
                curve,
                threshold,
                servers,
                rootPublicKey,
                chainCode,
                verificationShares,
                derivationScheme,
                status,
                failureReason,
                createdAt);
    }
}
