package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Hashes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * EIP-712 hashing as {@code eth_signTypedData_v4}: {@code encodeType}, {@code hashStruct} and the
 * digest {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))}. Arrays (dynamic and
 * fixed, nested) hash the concatenation of their encoded elements. As in MetaMask's v4, a struct
 * member that is absent or null encodes as 32 zero bytes (it is how recursive types end); every
 * other member must be present. A value that names a member its type lacks is left out of the hash, as
 * v4 leaves it out (OpenSea's Seaport listings carry one), and reported by {@link #digest(TypedData, List)}
 * so that a review can say the signature does not cover it.
 */
public final class Eip712 {
    private static final byte[] PREFIX = {0x19, 0x01};

    private Eip712() {}

    /** The digest a wallet signs. With primaryType {@code EIP712Domain} it covers the domain alone. */
    public static byte[] digest(TypedData data) {
        return digest(data, new ArrayList<>());
    }

    /**
     * The digest, adding to {@code uncovered} the path of each value ({@code message.extra}) that names a member
     * its type does not declare: the digest does not cover it.
     */
    public static byte[] digest(TypedData data, List<String> uncovered) {
        byte[] domainSeparator = hashStruct(data, TypedData.DOMAIN_TYPE, data.domain(), "domain", uncovered);
        if (data.primaryType().equals(TypedData.DOMAIN_TYPE)) {
            if (!data.message().isEmpty()) {
                throw new IllegalArgumentException(
                        "typed data: with primaryType EIP712Domain the message is not signed, so it must be {}");
            }
            return Hashes.keccak256(Bytes.concat(PREFIX, domainSeparator));
        }
        byte[] messageHash = hashStruct(data, data.primaryType(), data.message(), "message", uncovered);
        return Hashes.keccak256(Bytes.concat(PREFIX, domainSeparator, messageHash));
    }

    /** The domain separator: {@code hashStruct(EIP712Domain, domain)}. */
    public static byte[] domainSeparator(TypedData data) {
        return hashStruct(data, TypedData.DOMAIN_TYPE, data.domain(), "domain", new ArrayList<>());
    }

    /** {@code Mail(Person from,Person to,string contents)Person(string name,address wallet)}. */
    public static String encodeType(TypedData data, String type) {
        Set<String> deps = new TreeSet<>();
        collect(data, type, deps);
        deps.remove(type);
        StringBuilder sb = new StringBuilder();
        append(sb, data, type);
        for (String dep : deps) {
            append(sb, data, dep);
        }
        return sb.toString();
    }

    public static byte[] typeHash(TypedData data, String type) {
        return Hashes.keccak256(encodeType(data, type).getBytes(StandardCharsets.UTF_8));
    }

    private static void append(StringBuilder sb, TypedData data, String type) {
        sb.append(type).append('(');
        List<TypedData.Field> fields = data.types().get(type);
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ",")
                    .append(fields.get(i).type())
                    .append(' ')
                    .append(fields.get(i).name());
        }
        sb.append(')');
    }

    private static void collect(TypedData data, String type, Set<String> found) {
        if (!data.types().containsKey(type) || !found.add(type)) {
            return;
        }
        for (TypedData.Field f : data.types().get(type)) {
            collect(data, TypedData.baseType(f.type()), found);
        }
    }

    /** {@code keccak256(typeHash ‖ encodeData(value))}; {@code path} names the value in messages. */
    public static byte[] hashStruct(TypedData data, String type, JsonNode value, String path) {
        return hashStruct(data, type, value, path, new ArrayList<>());
    }

    private static byte[] hashStruct(TypedData data, String type, JsonNode value, String path, List<String> uncovered) {
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException(path + " must be an object of type " + type);
        }
        List<TypedData.Field> fields = data.types().get(type);
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                uncovered.add(path + "." + name);
            }
        }
        List<byte[]> parts = new ArrayList<>();
        parts.add(typeHash(data, type));
        for (TypedData.Field f : fields) {
            parts.add(encodeField(data, f.type(), value.get(f.name()), path + "." + f.name(), uncovered));
        }
        return Hashes.keccak256(Bytes.concat(parts));
    }

    private static byte[] encodeField(
            TypedData data, String type, JsonNode value, String path, List<String> uncovered) {
        if (type.endsWith("]")) {
            return encodeArray(data, type, value, path, uncovered);
        }
        if (data.types().containsKey(type)) {
            if (value == null || value.isNull()) {
                return new byte[32];
            }
            return hashStruct(data, type, value, path, uncovered);
        }
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(path + " (" + type + ") is missing");
        }
        return encodeAtomic(data.dialect(), type, value, path);
    }

    private static byte[] encodeArray(
            TypedData data, String type, JsonNode value, String path, List<String> uncovered) {
        int open = type.lastIndexOf('[');
        String element = type.substring(0, open);
        String size = type.substring(open + 1, type.length() - 1);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(path + " (" + type + ") must be an array");
        }
        if (!size.isEmpty() && value.size() != Integer.parseInt(size)) {
            throw new IllegalArgumentException(
                    path + " (" + type + ") must have exactly " + size + " elements, got " + value.size());
        }
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            parts.add(encodeField(data, element, value.get(i), path + "[" + i + "]", uncovered));
        }
        return Hashes.keccak256(Bytes.concat(parts));
    }

    private static byte[] encodeAtomic(TypedDataDialect dialect, String type, JsonNode value, String path) {
        String what = path + " (" + type + ")";
        String solidity = dialect.encodedAs(type);
        switch (solidity == null ? type : solidity) {
            case "string" -> {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException(what + " must be a JSON string");
                }
                return Hashes.keccak256(value.textValue().getBytes(StandardCharsets.UTF_8));
            }
            case "bytes" -> {
                return Hashes.keccak256(Quantities.data(value, what));
            }
            case "bool" -> {
                if (!value.isBoolean()) {
                    throw new IllegalArgumentException(what + " must be true or false");
                }
                return Bytes.word(value.booleanValue() ? BigInteger.ONE : BigInteger.ZERO);
            }
            case "address" -> {
                return Bytes.word(new BigInteger(1, dialect.address(value, what)));
            }
            default -> {
                return encodeSized(solidity == null ? type : solidity, value, what);
            }
        }
    }

    private static byte[] encodeSized(String type, JsonNode value, String what) {
        if (type.startsWith("bytes")) {
            int n = Integer.parseInt(type.substring(5));
            byte[] b = Quantities.data(value, what);
            if (b.length != n) {
                throw new IllegalArgumentException(what + " must be exactly " + n + " bytes, got " + b.length);
            }
            return Bytes.leftAligned(b);
        }
        if (type.startsWith("uint")) {
            return Bytes.word(Quantities.unsigned(value, what, Integer.parseInt(type.substring(4))));
        }
        return Bytes.word(Quantities.signed(value, what, Integer.parseInt(type.substring(3))));
    }
}
