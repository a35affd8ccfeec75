package io.keyshard.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.keyshard.json.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Reading a bounded, strict JSON body from an exchange and writing JSON answers and errors. */
final class ApiExchange {
    private ApiExchange() {}

    /** Bodies up to this size are read to the end even when refused, so the client can read its 413. */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    /** Reads at most {@code limit} bytes; a longer body (declared or actual) is refused with 413. */
    static byte[] readBody(NodeExchange ex, int limit) throws IOException, ApiException {
        String declared = ex.header("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > DRAIN_LIMIT) {
                    throw ApiException.tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw ApiException.malformed("Content-Length is not a number");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        try (InputStream in = ex.body()) {
            int n;
            while ((n = in.read(buf)) > 0 && total <= DRAIN_LIMIT) {
                total += n;
                if (total <= limit) {
                    out.write(buf, 0, n);
                }
            }
        }
        if (total > limit) {
            throw ApiException.tooLarge(limit);
        }
        return out.toByteArray();
    }

    /** Whether a body is a JSON object with {@code field}; a body that is not is left to the strict parse. */
    static boolean hasField(byte[] body, String field) {
        JsonNode tree = tree(body);
        return tree != null && tree.has(field);
    }

    /** A body's JSON object, or null when it is not one (left to the strict parse). */
    static JsonNode tree(byte[] body) {
        try {
            JsonNode tree = StrictJson.mapper().readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses a body strictly into {@code type}; any deviation is a 400 naming the problem, not the value. */
    static <T> T parse(byte[] body, Class<T> type) throws ApiException {
        if (body.length == 0) {
            throw ApiException.malformed("request body is empty; a JSON object is expected");
        }
        try {
            T value = StrictJson.mapper().readValue(body, type);
            if (value == null) {
                throw ApiException.malformed("request body is null; a JSON object is expected");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.malformed("unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            throw ApiException.malformed("field " + path(e) + " has the wrong type or format");
        } catch (MismatchedInputException e) {
            throw ApiException.malformed("field " + path(e) + " is missing, null or of the wrong type");
        } catch (ValueInstantiationException e) {
            throw ApiException.malformed("a field has a value out of its range");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            throw ApiException.malformed(
                    msg != null && msg.startsWith("Duplicate field")
                            ? "a field appears twice"
                            : "body is not well-formed JSON");
        } catch (IOException e) {
            throw ApiException.malformed("body cannot be read as JSON");
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed(e.getMessage());
        }
    }

    /** Refuses a list field with a null entry: the strict reader refuses null fields, not null entries of a list. */
    static void noNullEntries(List<?> list, String field) throws ApiException {
        if (list.contains(null)) {
            throw ApiException.malformed("field '" + field + "' holds a null entry");
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            sb.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return sb.length() == 0 ? "(root)" : "'" + sb.substring(sb.charAt(0) == '.' ? 1 : 0) + "'";
    }

    static void send(NodeExchange ex, int status, Object body) throws IOException {
        ex.answer(
                status,
                Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                StrictJson.mapper().writeValueAsBytes(body));
    }

    static void sendError(NodeExchange ex, ApiException e) throws IOException {
        send(ex, e.status(), e.answer());
    }
}
