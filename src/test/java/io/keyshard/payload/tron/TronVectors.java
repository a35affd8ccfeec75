package io.keyshard.payload.tron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The published Tron transactions of src/test/resources/tron (see the README there). */
final class TronVectors {
    private static final JsonNode ALL = load();

    private TronVectors() {}

    static JsonNode get(String name) {
        return ALL.get(name);
    }

    /** The vector as the node's HTTP API writes it: txID, raw_data_hex and its signatures. */
    static String json(String name) {
        JsonNode v = get(name);
        ObjectMapper m = new ObjectMapper();
        var out = m.createObjectNode();
        out.put("txID", v.get("txID").asText());
        out.put("raw_data_hex", v.get("raw_data_hex").asText());
        if (v.has("signature")) {
            out.set("signature", v.get("signature"));
        }
        return out.toString();
    }

    private static JsonNode load() {
        try (InputStream in = TronVectors.class.getResourceAsStream("/tron/published-transactions.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
