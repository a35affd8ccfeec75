package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON of {@code eth_signTypedData_v4} (EIP-712): {@code types}, {@code primaryType},
 * {@code domain}, {@code message}, checked strictly when parsed. Every field type is an atomic
 * Solidity type, {@code string}, {@code bytes}, a declared struct, or an array of one of these;
 * {@code EIP712Domain} must be declared. Values are checked against their types when hashed, addresses and
 * any atomic type the chain adds as its {@link TypedDataDialect} reads them.
 */
public record TypedData(
        Map<String, List<Field>> types,
        String primaryType,
        ObjectNode domain,
        ObjectNode message,
        TypedDataDialect dialect) {
    /** The type every typed-data payload signs its domain with. */
    public static final String DOMAIN_TYPE = "EIP712Domain";

    private static final Set<String> TOP_LEVEL = Set.of("types", "primaryType", "domain", "message");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern ARRAY_SUFFIX = Pattern.compile("\\[([1-9][0-9]{0,5})?]$");
    private static final Pattern ATOMIC =
            Pattern.compile("address|bool|string|bytes|bytes([1-9][0-9]?)|u?int([1-9][0-9]{0,2})");

    /** One member of a struct type. */
    public record Field(String name, String type) {}

    public TypedData {
        Map<String, List<Field>> copy = new LinkedHashMap<>();
        types.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        types = Collections.unmodifiableMap(copy);
        domain = domain.deepCopy();
        message = message.deepCopy();
        Objects.requireNonNull(dialect, "dialect");
    }

    /** A copy: the record's own tree stays as it was parsed. */
    @Override
    public ObjectNode domain() {
        return domain.deepCopy();
    }

    /** A copy: the record's own tree stays as it was parsed. */
    @Override
    public ObjectNode message() {
        return message.deepCopy();
    }

    /**
     * True when {@code struct} declares exactly these members ({@code name:type}), in this order: the layout a
     * contract's type hash is made of, so values read by name mean what that contract reads.
     */
    public boolean declares(String struct, List<String> members) {
        List<Field> fields = types.get(struct);
        return fields != null
                && fields.stream().map(f -> f.name() + ":" + f.type()).toList().equals(members);
    }

    /**
     * Whether the domain signs a verifying contract as an {@code address} (a domain may declare it as text): what
     * a reader of a contract's own domain requires before it takes the value as that contract.
     */
    public boolean signsContractAddress() {
        return types.get(DOMAIN_TYPE).stream()
                        .anyMatch(f ->
                                f.name().equals("verifyingContract") && f.type().equals("address"))
                && domain.hasNonNull("verifyingContract");
    }

    /** The message's unsigned integer member {@code name} (a {@code uint256}), read as it is hashed. */
    public BigInteger messageUint(String name) {
        return Quantities.unsigned(message.get(name), "message." + name, 256);
    }

    /** The message's address member {@code name}: its 20 bytes, read as the dialect hashes it. */
    public byte[] messageAddress(String name) {
        return dialect.address(message.get(name), "message." + name);
    }

    /** The domain's text member {@code name}, or null when the domain does not give it as text. */
    public String domainText(String name) {
        JsonNode v = domain.get(name);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** Parses and checks the JSON text of an EVM typed-data payload ({@code eth_signTypedData_v4}). */
    public static TypedData parse(String json) {
        return of(
                Quantities.object(json, "typed data", "with types, primaryType, domain and message"),
                TypedDataDialect.EVM);
    }

    /** Checks the JSON tree of a typed-data payload, its values to be read as {@code dialect} writes them. */
    public static TypedData of(JsonNode root, TypedDataDialect dialect) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new IllegalArgumentException(
                        "typed data: unknown field '" + name + "' (expected types, primaryType, domain, message)");
            }
        }
        for (String name : TOP_LEVEL) {
            if (!root.has(name)) {
                throw new IllegalArgumentException("typed data: " + name + " is missing");
            }
        }
        Map<String, List<Field>> types = parseTypes(root.get("types"), dialect);
        JsonNode primary = root.get("primaryType");
        if (!primary.isTextual() || !types.containsKey(primary.textValue())) {
            throw new IllegalArgumentException("typed data: primaryType must name a type declared in types");
        }
        if (!root.get("domain").isObject() || !root.get("message").isObject()) {
            throw new IllegalArgumentException("typed data: domain and message must be JSON objects");
        }
        return new TypedData(
                types, primary.textValue(), (ObjectNode) root.get("domain"), (ObjectNode) root.get("message"), dialect);
    }

    private static Map<String, List<Field>> parseTypes(JsonNode node, TypedDataDialect dialect) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("typed data: types must be an object of struct definitions");
        }
        Map<String, List<Field>> types = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!IDENTIFIER.matcher(name).matches() || isAtomic(name, dialect)) {
                throw new IllegalArgumentException("typed data: '" + name + "' cannot name a struct type");
            }
            types.put(name, parseFields(name, e.getValue()));
        }
        if (!types.containsKey(DOMAIN_TYPE)) {
            throw new IllegalArgumentException(
                    "typed data: types.EIP712Domain is missing (the domain's fields must be declared)");
        }
        types.forEach((struct, fields) -> {
            for (Field f : fields) {
                String base = baseType(f.type());
                if (!isAtomic(base, dialect) && !types.containsKey(base)) {
                    throw new IllegalArgumentException("typed data: type '" + f.type() + "' of " + struct + "."
                            + f.name() + " is neither a Solidity atomic type nor declared in types");
                }
            }
        });
        return types;
    }

    private static List<Field> parseFields(String struct, JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("typed data: types." + struct + " must be an array of {name, type}");
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : node) {
            if (!f.isObject()
                    || f.size() != 2
                    || !f.path("name").isTextual()
                    || !f.path("type").isTextual()) {
                throw new IllegalArgumentException("typed data: each member of types." + struct
                        + " must be exactly {\"name\": ..., \"type\": ...}");
            }
            String name = f.get("name").textValue();
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "typed data: '" + name + "' in types." + struct + " is not a valid member name");
            }
            if (fields.stream().anyMatch(x -> x.name().equals(name))) {
                throw new IllegalArgumentException("typed data: types." + struct + " declares '" + name + "' twice");
            }
            fields.add(new Field(name, f.get("type").textValue()));
        }
        return fields;
    }

    /** The type with every array suffix removed ({@code Person[][2]} is {@code Person}). */
    static String baseType(String type) {
        String t = type;
        Matcher m = ARRAY_SUFFIX.matcher(t);
        while (m.find()) {
            t = t.substring(0, m.start());
            m = ARRAY_SUFFIX.matcher(t);
        }
        return t;
    }

    /**
     * Whether the type is an atomic or dynamic Solidity type EIP-712 accepts (uint8..uint256, bytes1..bytes32, ...)
     * or one {@code dialect} adds.
     */
    static boolean isAtomic(String type, TypedDataDialect dialect) {
        if (dialect.encodedAs(type) != null) {
            return true;
        }
        Matcher m = ATOMIC.matcher(type);
        if (!m.matches()) {
            return false;
        }
        if (m.group(1) != null) {
            int n = Integer.parseInt(m.group(1));
            return n >= 1 && n <= 32;
        }
        if (m.group(2) != null) {
            int bits = Integer.parseInt(m.group(2));
            return bits % 8 == 0 && bits >= 8 && bits <= 256;
        }
        return true;
    }

    /** What a user is shown before signing. */
    public TypedDataReview review() {
        return TypedDataReview.of(this);
    }
}
