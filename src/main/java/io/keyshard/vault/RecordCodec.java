package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.DerivationScheme;
import io.keyshard.ids.KeyIds;
import io.keyshard.ids.ServerNames;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A {@link KeyRecord} as JSON in the record shape of docs/cli.md (plus {@code failureReason}
 * for FAILED keys). The vault seals this form, backups carry it, and the CLI prints it.
 */
public final class RecordCodec {
    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2}){1,200}");
    private static final Set<String> FIELDS = Set.of(
            "keyId",
            "label",
            "rootPublicKey",
            "curve",
            "threshold",
            "servers",
            "chainCode",
            "verificationShares",
            "derivationScheme",
            "status",
            "createdAt",
            "failureReason");
    static final int MAX_LABEL = 200;
    static final int MAX_SERVERS = 64;

    private RecordCodec() {}

    /** The record as a JSON object with the field names of docs/cli.md. */
    public static ObjectNode toJson(KeyRecord r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("keyId", r.keyId().toString());
        o.put("label", r.label());
        o.put("rootPublicKey", r.rootPublicKey());
        o.put("curve", r.curve().apiName());
        o.put("threshold", r.threshold());
        r.servers().forEach(o.putArray("servers")::add);
        o.put("chainCode", r.chainCode());
        ObjectNode shares = o.putObject("verificationShares");
        for (String server : r.servers()) {
            if (r.verificationShares().containsKey(server)) {
                shares.put(server, r.verificationShares().get(server));
            }
        }
        o.put("derivationScheme", r.derivationScheme().id());
        o.put("status", r.status().name());
        o.put("createdAt", r.createdAt().toString());
        if (r.failureReason() != null) {
            o.put("failureReason", r.failureReason());
        }
        return o;
    }

    /** Parses and validates a record; throws IllegalArgumentException naming the bad field. */
    public static KeyRecord fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a key record must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "' in a key record");
            }
        }
        UUID keyId = KeyIds.parse(text(o, "keyId", true));
        String label = text(o, "label", false);
        if (label != null && label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label longer than " + MAX_LABEL + " characters");
        }
        CurveName curve = CurveName.parse(text(o, "curve", true));
        List<String> servers = new ArrayList<>();
        JsonNode s = o.get("servers");
        if (s == null || !s.isArray() || s.size() < 2 || s.size() > MAX_SERVERS) {
            throw new IllegalArgumentException("servers must list 2 to " + MAX_SERVERS + " names");
        }
        for (JsonNode n : s) {
            if (!n.isTextual() || !ServerNames.isValid(n.asText()) || servers.contains(n.asText())) {
                throw new IllegalArgumentException("servers holds an invalid or repeated name");
            }
            servers.add(n.asText());
        }
        JsonNode t = o.get("threshold");
        if (t == null || !t.isInt() || t.intValue() < 2 || t.intValue() > servers.size()) {
            throw new IllegalArgumentException("threshold must be an integer from 2 to the number of servers");
        }
        KeyStatus status = status(text(o, "status", true));
        String root = hex(o, "rootPublicKey", status == KeyStatus.READY);
        String chain = hex(o, "chainCode", status == KeyStatus.READY);
        Map<String, String> shares = new LinkedHashMap<>();
        JsonNode v = o.get("verificationShares");
        if (v != null && !v.isNull()) {
            if (!v.isObject()) {
                throw new IllegalArgumentException("verificationShares must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!servers.contains(e.getKey())
                        || !e.getValue().isTextual()
                        || !HEX.matcher(e.getValue().asText()).matches()) {
                    throw new IllegalArgumentException("verificationShares must map listed servers to hex");
                }
                shares.put(e.getKey(), e.getValue().asText());
            }
        }
        DerivationScheme scheme = DerivationScheme.parse(text(o, "derivationScheme", true));
        Instant created;
        try {
            created = createdAt(text(o, "createdAt", true));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("createdAt must be an ISO-8601 UTC time");
        }
        String reason = text(o, "failureReason", false);
        return new KeyRecord(
                keyId,
                label,
                curve,
                t.intValue(),
                servers,
                root,
                chain,
                shares,
                scheme,
                status,
                status == KeyStatus.FAILED ? reason : null,
                created);
    }

    private static String text(JsonNode o, String field, boolean required) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IllegalArgumentException("a key record needs '" + field + "'");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return n.asText();
    }

    private static String hex(JsonNode o, String field, boolean required) {
        String h = text(o, field, required);
        if (h != null && !HEX.matcher(h).matches()) {
            throw new IllegalArgumentException("'" + field + "' must be lowercase hex");
        }
        return h;
    }

    private static KeyStatus status(String s) {
        try {
            return KeyStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be PENDING, READY or FAILED");
        }
    }

    /**
     * Times already parsed, by exact text: a key's createdAt is read on every signing (each {@code vault.get})
     * and {@link Instant#parse} was a tenth of the coordinator's time before round 1. Bounded.
     */
    private static final Map<String, Instant> PARSED_TIMES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > 1024;
        }
    };

    private static Instant createdAt(String text) {
        synchronized (PARSED_TIMES) {
            Instant hit = PARSED_TIMES.get(text);
            if (hit != null) {
                return hit;
            }
        }
        Instant parsed = Instant.parse(text);
        synchronized (PARSED_TIMES) {
            PARSED_TIMES.put(text, parsed);
        }
        return parsed;
    }
}
