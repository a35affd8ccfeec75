package io.keyshard.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration for everything that crosses a process boundary or is read from a
 * file (node API, servers.json, node files, vault header, records and backups, settings, CLI output):
 * unknown fields, duplicate keys, missing or null creator fields, coercions and trailing tokens are
 * refused; no default typing is ever enabled.
 */
public final class StrictJson {
    /**
     * The longest string value: a backup's sealed payload. Every reader bounds its whole input first
     * (node request bodies, node answers and backup files each have their own, smaller or equal, limit).
     */
    private static final int MAX_STRING = 64 << 20;

    private static final ObjectMapper MAPPER = build(false);
    private static final ObjectMapper PRETTY = build(true);

    private StrictJson() {}

    /** The shared strict mapper (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The same configuration, indenting its output (for files and CLI output people read). */
    public static ObjectMapper pretty() {
        return PRETTY;
    }

    /**
     * A strict reader for {@code type} that lets fields be left out or null (they read as null, or 0 for
     * numbers): for answers whose fields depend on a state, which the record's constructor or its reader
     * then checks.
     */
    public static ObjectReader readerAllowingAbsentFields(Class<?> type) {
        return MAPPER.readerFor(type)
                .without(
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static ObjectMapper build(boolean indent) {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .configure(SerializationFeature.INDENT_OUTPUT, indent)
                .build();
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(64)
                        .build());
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return mapper;
    }
}
