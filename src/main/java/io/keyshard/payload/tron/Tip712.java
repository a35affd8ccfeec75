package io.keyshard.payload.tron;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import io.keyshard.json.StrictJson;
import io.keyshard.payload.evm.Eip712;
import io.keyshard.payload.evm.TypedData;
import io.keyshard.payload.evm.TypedDataDialect;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed data as TronLink and TronWeb's {@code signTypedData} sign it (TIP-712): EIP-712's hashing, with every
 * address the 20 bytes after its 0x41 and the atomic type {@code trcToken} hashed as a {@code uint256}. Takes the
 * JSON of {@code eth_signTypedData_v4} (GasFree's form) or TronWeb's {@code {domain, types, value}}, where the
 * domain's type and the primary type are found as TronWeb finds them.
 */
public final class Tip712 {
    /** Tron's dialect of typed data: addresses as {@code T...}, {@code 41...} or {@code 0x...}; {@code trcToken}. */
    public static final TypedDataDialect DIALECT = new TypedDataDialect() {
        @Override
        public String encodedAs(String type) {
            return type.equals("trcToken") ? "uint256" : null;
        }

        @Override
        public byte[] address(JsonNode value, String what) {
            return addressBytes(value, what);
        }

        @Override
        public String show(byte[] address) {
            return AccountAddresses.tron(address);
        }
    };

    /** The chain id of each Tron network: the last 4 bytes of its genesis block's hash (TIP-712 chainId). */
    private static final Map<BigInteger, String> NETWORKS = Map.of(
            BigInteger.valueOf(0x2b6653dcL), "Tron mainnet",
            BigInteger.valueOf(0xcd8690dcL), "Nile, a Tron test network",
            BigInteger.valueOf(0x94a9059eL), "Shasta, a Tron test network");

    /** TronWeb's domain members, in the order its domain type lists those present. */
    private static final Map<String, String> DOMAIN_MEMBERS = domainMembers();

    private static final Set<String> TOP_LEVEL = Set.of("types", "primaryType", "domain", "message", "value");

    private Tip712() {}

    /** Parses and checks TIP-712 typed data: v4's JSON, or TronWeb's {@code domain}, {@code types}, {@code value}. */
    public static TypedData parse(String json) {
        JsonNode parsed;
        try {
            parsed = StrictJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("typed data is not valid JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException(
                    "typed data must be a JSON object with domain, types and message (or TronWeb's value)");
        }
        ObjectNode root = ((ObjectNode) parsed).deepCopy();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new IllegalArgumentException("typed data: unknown field '" + name
                        + "' (expected domain, types, message or value, and primaryType)");
            }
        }
        if (root.has("value")) {
            if (root.has("message")) {
                throw new IllegalArgumentException(
                        "typed data gives both message and value: give the values to sign once, as either");
            }
            root.set("message", root.remove("value"));
        }
        if (root.path("types").isObject() && root.path("domain").isObject()) {
            ObjectNode types = (ObjectNode) root.get("types");
            if (!types.has(TypedData.DOMAIN_TYPE)) {
                types.set(TypedData.DOMAIN_TYPE, domainType((ObjectNode) root.get("domain")));
            }
            if (!root.has("primaryType")) {
                root.put("primaryType", primaryType(types));
            }
        }
        return TypedData.of(root, DIALECT);
    }

    /** The digest signed: EIP-712's, over the 20-byte addresses. */
    public static byte[] digest(TypedData data, List<String> uncovered) {
        return Eip712.digest(data, uncovered);
    }

    /** The account whose key made {@code signature} (65 bytes) over {@code digest}. */
    public static String signerOf(byte[] digest, byte[] signature) {
        return TronAddress.recover(digest, signature);
    }

    /**
     * The Tron network a domain's chain id names: exactly, or by its last 32 bits (TIP-712 compares
     * {@code block.chainid & 0xffffffff}); empty when it names none.
     */
    public static Optional<String> network(BigInteger chainId) {
        if (chainId == null) {
            return Optional.empty();
        }
        String exact = NETWORKS.get(chainId);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(NETWORKS.get(chainId.and(BigInteger.valueOf(0xffffffffL))));
    }

    /**
     * The domain's type as TronWeb makes it when the payload declares none: each member the domain gives (not
     * null), in the order name, version, chainId, verifyingContract, salt; any other member is refused.
     */
    private static ArrayNode domainType(ObjectNode domain) {
        for (Iterator<Map.Entry<String, JsonNode>> it = domain.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!DOMAIN_MEMBERS.containsKey(name)) {
                throw new IllegalArgumentException(
                        "typed data: domain." + name + " is not a member TronWeb's domain "
                                + "has (name, version, chainId, verifyingContract, salt): declare types.EIP712Domain to sign it");
            }
        }
        ArrayNode fields = JsonNodeFactory.instance.arrayNode();
        DOMAIN_MEMBERS.forEach((name, type) -> {
            JsonNode v = domain.get(name);
            if (v != null && !v.isNull()) {
                fields.addObject().put("name", name).put("type", type);
            }
        });
        return fields;
    }

    /** The one declared type no other type uses, as TronWeb picks it; none or several is refused. */
    private static String primaryType(ObjectNode types) {
        List<String> roots = new ArrayList<>();
        for (Iterator<String> it = types.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals(TypedData.DOMAIN_TYPE) && !usedByAnother(types, name)) {
                roots.add(name);
            }
        }
        if (roots.size() != 1) {
            throw new IllegalArgumentException("typed data gives no primaryType and "
                    + (roots.isEmpty()
                            ? "no type is left unused by the others"
                            : "the types " + roots + " are each used by no other")
                    + ": give primaryType, the type of the message");
        }
        return roots.get(0);
    }

    private static boolean usedByAnother(ObjectNode types, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(name) || !e.getValue().isArray()) {
                continue;
            }
            for (JsonNode f : e.getValue()) {
                String type = f.path("type").asText("");
                int bracket = type.indexOf('[');
                if ((bracket < 0 ? type : type.substring(0, bracket)).equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An address as Tron tools write it: {@code T...}, {@code 41} and 40 hex digits, or {@code 0x} and 40. */
    static byte[] addressBytes(JsonNode value, String what) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(what + " must be a Tron address string (T...)");
        }
        String text = value.textValue();
        byte[] base58 = TronAddress.bytesOf(text);
        if (base58 != null) {
            return Arrays.copyOfRange(base58, 1, 21);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches("(0x|41)[0-9a-f]{40}")) {
            return Hex.decode(lower.substring(2), what);
        }
        throw new IllegalArgumentException(what + " is not a Tron address: '" + text
                + "' (give it as T... in Base58Check, 41 and 40 hex digits, or 0x and 40 hex digits)");
    }

    private static Map<String, String> domainMembers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "string");
        m.put("version", "string");
        m.put("chainId", "uint256");
        m.put("verifyingContract", "address");
        m.put("salt", "bytes32");
        return m;
    }
}
