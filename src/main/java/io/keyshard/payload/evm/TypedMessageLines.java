package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every value a typed-data signature covers, as a person reads it before signing: one line per
 * value, in the order the types declare the members (the order they are hashed in), each named by
 * its path from the message ({@code message.from.wallet}, {@code message.items[2].amount}).
 * Wallets show the message this way; a JSON text cut after a few hundred characters hides what
 * comes after. Only members of the declared types are listed, and {@link Eip712} refuses any other,
 * so what is shown is exactly what is signed.
 *
 * @param lines the first values, at most the {@code max} asked for
 * @param total how many values the message holds in all
 */
public record TypedMessageLines(List<Line> lines, int total) {
    /** Bytes shown of a {@code bytes} value before its length stands in for the rest. */
    static final int BYTES_SHOWN = 64;
    /** Characters shown of a {@code string} value before its length stands in for the rest. */
    static final int CHARS_SHOWN = 200;
    /** Characters of a path kept: a longer one keeps its end, where the member's own name is. */
    static final int PATH_SHOWN = 60;

    /** One value: where it is in the message, and the value written for its type. */
    public record Line(String path, String value) {}

    public TypedMessageLines {
        lines = List.copyOf(lines);
    }

    /**
     * The lines of {@code data}'s message; {@code data} must hash (its values are checked against
     * their types there). With primary type {@code EIP712Domain} the message is empty: no lines.
     */
    public static TypedMessageLines of(TypedData data, int max) {
        Eip712.digest(data);
        Walk walk = new Walk(data, max);
        if (!data.primaryType().equals(TypedData.DOMAIN_TYPE)) {
            walk.members(data.primaryType(), data.message(), "message");
        }
        return new TypedMessageLines(walk.lines, walk.total);
    }

    /** Whether some values were left out of {@link #lines()}. */
    public boolean cut() {
        return total > lines.size();
    }

    private static final class Walk {
        private final TypedData data;
        private final int max;
        private final List<Line> lines = new ArrayList<>();
        private int total;

        Walk(TypedData data, int max) {
            this.data = data;
            this.max = max;
        }

        void members(String struct, JsonNode value, String path) {
            List<TypedData.Field> fields = data.types().get(struct);
            if (fields.isEmpty()) {
                add(path, "{} (a " + struct + " has no members)");
            }
            for (TypedData.Field f : fields) {
                value(f.type(), value.get(f.name()), path + "." + f.name());
            }
        }

        void value(String type, JsonNode value, String path) {
            if (type.endsWith("]")) {
                String element = type.substring(0, type.lastIndexOf('['));
                if (value.isEmpty()) {
                    add(path, "[] (an empty list of " + element + ")");
                }
                for (int i = 0; i < value.size(); i++) {
                    value(element, value.get(i), path + "[" + i + "]");
                }
            } else if (data.types().containsKey(type)) {
                if (value == null || value.isNull()) {
                    // EIP-712 as MetaMask's v4 hashes an absent struct as 32 zero bytes
                    add(path, "(none: no " + type + ")");
                } else {
                    members(type, value, path);
                }
            } else {
                add(path, atomic(data.dialect(), type, value, path));
            }
        }

        private void add(String path, String value) {
            total++;
            if (lines.size() < max) {
                lines.add(new Line(shortPath(path), value));
            }
        }
    }

    /** A value of an atomic type as wallets write it; {@code value} already passed {@link Eip712}'s checks. */
    static String atomic(TypedDataDialect dialect, String type, JsonNode value, String path) {
        String solidity = dialect.encodedAs(type);
        switch (solidity == null ? type : solidity) {
            case "address" -> {
                return dialect.show(dialect.address(value, path));
            }
            case "bool" -> {
                return Boolean.toString(value.booleanValue());
            }
            case "string" -> {
                return quoted(value.textValue());
            }
            default -> {
                if (type.startsWith("bytes")) {
                    return bytes(Quantities.data(value, path));
                }
                return integer(solidity == null ? type : solidity, value, path);
            }
        }
    }

    private static String integer(String type, JsonNode value, String path) {
        if (type.startsWith("uint")) {
            int bits = Integer.parseInt(type.substring(4));
            BigInteger n = Quantities.unsigned(value, path, bits);
            boolean largest = n.equals(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return n + (largest ? " (the largest " + type + ")" : "");
        }
        return Quantities.signed(value, path, Integer.parseInt(type.substring(3)))
                .toString();
    }

    private static String bytes(byte[] b) {
        if (b.length <= BYTES_SHOWN) {
            return "0x" + Hex.encode(b);
        }
        byte[] head = Arrays.copyOf(b, BYTES_SHOWN);
        return "0x" + Hex.encode(head) + "... (" + b.length + " bytes)";
    }

    private static String quoted(String s) {
        int length = s.codePointCount(0, s.length());
        if (length <= CHARS_SHOWN) {
            return "\"" + s + "\"";
        }
        String head = s.substring(0, s.offsetByCodePoints(0, CHARS_SHOWN));
        return "\"" + head + "\"... (" + length + " characters)";
    }

    private static String shortPath(String path) {
        if (path.length() <= PATH_SHOWN) {
            return path;
        }
        return "..." + path.substring(path.length() - PATH_SHOWN + 3);
    }
}
