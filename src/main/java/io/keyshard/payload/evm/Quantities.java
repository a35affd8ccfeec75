package io.keyshard.payload.evm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import io.keyshard.json.StrictJson;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Strict readers of the JSON wallets send, on the project's strict Jackson configuration (no
 * duplicate keys, no trailing tokens, JSON numbers of at most 64 digits): the payload object,
 * quantities as {@code 0x} hex, decimal strings or JSON integers, {@code 0x} byte strings and
 * addresses. Every message names the field.
 */
final class Quantities {
    private Quantities() {}

    /** Parses JSON text that must be one object; {@code what} and {@code shape} word the refusals. */
    static ObjectNode object(String json, String what, String shape) {
        JsonNode root;
        try {
            root = StrictJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object " + shape);
        }
        return (ObjectNode) root;
    }

    /** The first field of {@code object} that {@code known} does not take, for the caller's refusal. */
    static Optional<String> firstUnknownField(JsonNode object, Predicate<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.test(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The first of {@code required} that {@code object} lacks or holds as null, for the caller's refusal. */
    static Optional<String> firstMissingField(JsonNode object, Collection<String> required) {
        return required.stream().filter(name -> !object.hasNonNull(name)).findFirst();
    }

    /** An unsigned integer of at most {@code bits} bits. */
    static BigInteger unsigned(JsonNode node, String field, int bits) {
        BigInteger v = integer(node, field);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative (got " + v + ")");
        }
        if (v.bitLength() > bits) {
            throw new IllegalArgumentException(field + " does not fit in " + bits + " bits (got " + v + ")");
        }
        return v;
    }

    /** A signed integer in {@code [-2^(bits-1), 2^(bits-1))}. */
    static BigInteger signed(JsonNode node, String field, int bits) {
        BigInteger v = integer(node, field);
        if (v.bitLength() > bits - 1) {
            throw new IllegalArgumentException(field + " does not fit in int" + bits + " (got " + v + ")");
        }
        return v;
    }

    /** A JSON integer, a {@code 0x} hex string or a decimal string (an optional leading minus sign). */
    static BigInteger integer(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be an integer, a 0x hex string or a decimal string");
        }
        String text = node.textValue();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("-0x")) {
            throw new IllegalArgumentException(field + " must not be negative (got " + text + ")");
        }
        if (lower.startsWith("0x")) {
            String digits = text.substring(2);
            if (!digits.matches("[0-9a-fA-F]{1,64}")) {
                throw new IllegalArgumentException(
                        field + " is not a 0x hex quantity of 1 to 64 digits: '" + text + "'");
            }
            return new BigInteger(digits, 16);
        }
        if (!text.matches("-?[0-9]{1,78}")) {
            throw new IllegalArgumentException(
                    field + " is neither a 0x hex quantity nor a decimal integer: '" + text + "'");
        }
        return new BigInteger(text);
    }

    /** A {@code 0x} byte string with an even number of hex digits ({@code 0x} alone is empty). */
    static byte[] data(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a 0x hex string");
        }
        String text = node.textValue();
        if (!text.startsWith("0x") && !text.startsWith("0X")) {
            throw new IllegalArgumentException(field + " must start with 0x");
        }
        return Hex.decode(text.substring(2).toLowerCase(Locale.ROOT), field);
    }

    /** An address as {@link #address} reads it, written in its EIP-55 form. */
    static String eip55(JsonNode node, String field) {
        return AccountAddresses.eip55(Hex.encode(address(node, field)));
    }

    /** A 20-byte address: all lower case, all upper case, or exactly its EIP-55 checksummed form. */
    static byte[] address(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a 0x address string");
        }
        String text = node.textValue();
        if (!text.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException(field + " is not a 0x address of 40 hex digits: '" + text + "'");
        }
        if (!AccountAddresses.isValidEvm(text)) {
            throw new IllegalArgumentException(field + " has a wrong EIP-55 checksum (mixed case that is not "
                    + AccountAddresses.eip55(text.substring(2)) + ")");
        }
        return Hex.decode(text.substring(2).toLowerCase(Locale.ROOT), field);
    }
}
