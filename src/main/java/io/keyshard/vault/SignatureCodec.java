package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A {@link SignatureEntry} as JSON: the vault seals this form, backups carry it, and {@code keys show
 * --json} prints it under {@code signatures}. Reading refuses unknown fields and anything out of bounds.
 */
public final class SignatureCodec {
    private static final Set<String> FIELDS =
            Set.of("signedAt", "payload", "description", "derivationPath", "address", "signers", "digest", "signature");
    /** Longer than any valid entry's JSON (about 9 KiB at most); a longer sealed entry is refused unopened. */
    static final int MAX_JSON_BYTES = 16 * 1024;

    private SignatureCodec() {}

    /** {@code {signedAt, payload, description, derivationPath, address, signers, digest, signature}}. */
    public static ObjectNode toJson(SignatureEntry e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("signedAt", e.signedAt().toString());
        o.put("payload", e.payload().id());
        o.put("description", e.description());
        o.put("derivationPath", e.derivationPath());
        o.put("address", e.address());
        e.signers().forEach(o.putArray("signers")::add);
        o.put("digest", e.digest());
        o.put("signature", e.signature());
        return o;
    }

    /** Parses and validates an entry; throws IllegalArgumentException naming what is wrong. */
    public static SignatureEntry fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a signature entry must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "' in a signature entry");
            }
        }
        Instant at;
        try {
            at = Instant.parse(text(o, "signedAt", true));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("signedAt must be an ISO-8601 UTC time");
        }
        JsonNode s = o.get("signers");
        if (s == null || !s.isArray() || s.size() > SignatureEntry.MAX_SIGNERS) {
            throw new IllegalArgumentException("signers must list 1 to " + SignatureEntry.MAX_SIGNERS + " names");
        }
        List<String> signers = new ArrayList<>();
        for (JsonNode n : s) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("signers must be names");
            }
            signers.add(n.asText());
        }
        return new SignatureEntry(
                at,
                SignedPayload.parse(text(o, "payload", true)),
                text(o, "description", false),
                text(o, "derivationPath", true),
                text(o, "address", false),
                signers,
                text(o, "digest", true),
                text(o, "signature", true));
    }

    private static String text(JsonNode o, String field, boolean required) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IllegalArgumentException("a signature entry needs '" + field + "'");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return n.asText();
    }
}
