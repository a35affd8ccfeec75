package io.keyshard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.client.SigningReadiness;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.RecordCodec;
import io.keyshard.vault.SignatureCodec;
import io.keyshard.vault.SignatureEntry;
import java.util.List;

/**
 * A {@link KeyRecord} as the JSON record of docs/cli.md ({@code keygen}, {@code keys show},
 * and each entry of {@code keys list}); a FAILED key also carries {@code failureReason}, {@code keygen} and
 * {@code keys show} add {@code signing} for a READY key, and {@code keys show} the key's {@code signatures}.
 */
public final class KeyRecordJson {

    private KeyRecordJson() {}

    /** The record object. */
    public static ObjectNode toJson(KeyRecord record) {
        return RecordCodec.toJson(record);
    }

    /** The record object plus {@code "signing"}: whether the key signs at once ({@link SigningReadiness.State#word()}). */
    public static ObjectNode withSigning(KeyRecord record, SigningReadiness signing) {
        ObjectNode o = toJson(record);
        o.put("signing", signing.state().word());
        return o;
    }

    /**
     * What {@code keys show} prints: the record, {@code "signing"} unless {@code signing} is null (a key that is not
     * READY), and {@code "signatures": [entry, ...]}, the key's signing history oldest first.
     */
    public static ObjectNode shown(KeyRecord record, SigningReadiness signing, List<SignatureEntry> signatures) {
        ObjectNode o = signing == null ? toJson(record) : withSigning(record, signing);
        ArrayNode list = o.putArray("signatures");
        signatures.forEach(e -> list.add(SignatureCodec.toJson(e)));
        return o;
    }

    /** {@code { "keys": [record, ...] }}. */
    public static ObjectNode list(List<KeyRecord> records) {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        records.forEach(r -> root.withArray("keys").add(toJson(r)));
        if (records.isEmpty()) {
            root.putArray("keys");
        }
        return root;
    }

    /** Pretty-printed JSON text of one object, for stdout. */
    public static String write(ObjectNode node) {
        try {
            return StrictJson.pretty().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
