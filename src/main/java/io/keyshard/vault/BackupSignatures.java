package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.ids.KeyIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The signing histories inside a backup: {@code "signatures": {keyId: [entry, ...]}} beside
 * {@code "keys"} (absent in backups made before histories existed, which still import). An import
 * appends the entries a vault key does not hold yet; nothing already in a history changes.
 */
final class BackupSignatures {
    static final String FIELD = "signatures";

    private BackupSignatures() {}

    /** Every non-empty history of {@code records}. */
    static Map<UUID, List<SignatureEntry>> of(Vault vault, List<KeyRecord> records) {
        Map<UUID, List<SignatureEntry>> out = new LinkedHashMap<>();
        for (KeyRecord r : records) {
            List<SignatureEntry> h = vault.signatures(r.keyId());
            if (!h.isEmpty()) {
                out.put(r.keyId(), h);
            }
        }
        return out;
    }

    static void write(ObjectNode inner, Map<UUID, List<SignatureEntry>> histories) {
        ObjectNode section = inner.putObject(FIELD);
        histories.forEach((keyId, entries) -> {
            ArrayNode list = section.putArray(keyId.toString());
            entries.forEach(e -> list.add(SignatureCodec.toJson(e)));
        });
    }

    /** The histories of a backup's inner JSON, each checked against its key in {@code keys}; IllegalArgumentException if any is wrong. */
    static Map<UUID, List<SignatureEntry>> read(JsonNode inner, Collection<KeyRecord> keys) {
        JsonNode section = inner.get(FIELD);
        Map<UUID, List<SignatureEntry>> out = new LinkedHashMap<>();
        if (section == null || section.isNull()) {
            return out;
        }
        if (!section.isObject()) {
            throw new IllegalArgumentException("its signing histories are not an object");
        }
        Map<UUID, KeyRecord> byId = keys.stream().collect(Collectors.toMap(KeyRecord::keyId, Function.identity()));
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            KeyRecord key = byId.get(KeyIds.parse(f.getKey()));
            if (key == null || !f.getValue().isArray()) {
                throw new IllegalArgumentException("a signing history belongs to no key of the backup");
            }
            List<SignatureEntry> entries = new ArrayList<>(f.getValue().size());
            for (JsonNode n : f.getValue()) {
                SignatureEntry e = SignatureCodec.fromJson(n);
                SignatureHistory.checkFits(key, e);
                entries.add(e);
            }
            out.put(key.keyId(), entries);
        }
        return out;
    }

    /** Appends to each key of {@code into} the entries of its imported history that it lacks. */
    static void importInto(Vault vault, Map<UUID, List<SignatureEntry>> incoming, Set<UUID> into) {
        incoming.forEach((keyId, entries) -> {
            if (into.contains(keyId)) {
                List<SignatureEntry> add = SignatureHistory.missing(vault.signatures(keyId), entries);
                if (!add.isEmpty()) {
                    vault.recordSignatures(keyId, add);
                }
            }
        });
    }
}
