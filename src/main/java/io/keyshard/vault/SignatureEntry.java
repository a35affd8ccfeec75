package io.keyshard.vault;

import io.keyshard.bytes.Hex;
import io.keyshard.derive.DerivationPath;
import io.keyshard.ids.ServerNames;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One signature a key made, as its signing history keeps it: when, over what kind of payload (with a
 * short description), at which path and address, by which servers, the digest that was signed and
 * the signature. Byte values are lowercase hex. Every field is bounded, so a history entry read back
 * from the vault or a backup cannot grow without limit.
 *
 * @param address the address of the signing key on the chain used, or null when no chain was named
 */
public record SignatureEntry(
        Instant signedAt,
        SignedPayload payload,
        String description,
        String derivationPath,
        String address,
        List<String> signers,
        String digest,
        String signature) {
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_ADDRESS = 200;
    static final int MAX_PATH = 64 * 12;
    static final int MAX_SIGNERS = RecordCodec.MAX_SERVERS;
    static final int MAX_DIGEST_BYTES = 128;
    static final int MAX_SIGNATURE_BYTES = 1024;

    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]*");
    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2})+");

    /** Checks every field; throws IllegalArgumentException naming the one that is wrong. */
    public SignatureEntry {
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(payload, "payload");
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION || hasControl(description)) {
            throw new IllegalArgumentException(
                    "a signature's description is at most " + MAX_DESCRIPTION + " characters, no control characters");
        }
        if (derivationPath == null || derivationPath.length() > MAX_PATH) {
            throw new IllegalArgumentException(
                    "a signature needs the derivation path it was made at, at most " + MAX_PATH + " characters");
        }
        derivationPath = DerivationPath.parse(derivationPath).toString();
        if (address != null
                && (address.isEmpty()
                        || address.length() > MAX_ADDRESS
                        || !PRINTABLE.matcher(address).matches())) {
            throw new IllegalArgumentException(
                    "a signature's address is 1 to " + MAX_ADDRESS + " printable characters, or none");
        }
        signers = List.copyOf(signers);
        if (signers.isEmpty() || signers.size() > MAX_SIGNERS) {
            throw new IllegalArgumentException("a signature names 1 to " + MAX_SIGNERS + " signing servers");
        }
        if (!signers.stream().allMatch(ServerNames::isValid) || new HashSet<>(signers).size() != signers.size()) {
            throw new IllegalArgumentException("a signature's servers hold an invalid or repeated name");
        }
        checkHex("digest", digest, MAX_DIGEST_BYTES);
        checkHex("signature", signature, MAX_SIGNATURE_BYTES);
    }

    /**
     * An entry from what a signing returned; control characters in {@code description} (it may quote
     * the payload) become {@code '?'} so the history prints safely in a terminal.
     */
    public static SignatureEntry of(
            Instant signedAt,
            byte[] digest,
            String derivationPath,
            String address,
            List<String> signers,
            byte[] signature,
            SignedPayload payload,
            String description) {
        String shown = description == null ? "" : printable(description.strip());
        if (shown.length() > MAX_DESCRIPTION) {
            shown = shown.substring(0, MAX_DESCRIPTION - 1) + "…";
        }
        return new SignatureEntry(
                signedAt,
                payload,
                shown,
                derivationPath,
                address,
                signers,
                Hex.encode(Objects.requireNonNull(digest, "digest")),
                Hex.encode(Objects.requireNonNull(signature, "signature")));
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(SignatureEntry::isControl);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(isControl(c) ? '?' : c));
        return sb.toString();
    }

    /** Control characters and invisible format characters (bidi overrides) that could disguise what is printed. */
    private static boolean isControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }

    private static void checkHex(String field, String value, int maxBytes) {
        if (value == null
                || value.length() > 2 * maxBytes
                || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a signature's " + field + " is 1 to " + maxBytes + " bytes of lowercase hex");
        }
    }
}
