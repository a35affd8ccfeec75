package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token permits a typed-data signature can be: EIP-2612 {@code Permit} (the domain's verifying
 * contract is the token) and Uniswap Permit2's {@code PermitSingle} and {@code PermitTransferFrom}
 * (the token is in the message). A permit is an approval by signature: whoever holds it can move the
 * tokens with no further word from the owner, so the review names spender, token, amount and how long
 * it holds. Recognised by primary type and the exact declared field types, never by the name alone.
 *
 * @param token the token contract (EIP-55)
 * @param spender who may move the tokens (EIP-55)
 * @param amount in the token's smallest units
 * @param unlimited true when the amount is the largest its type holds
 * @param validUntil unix seconds the permit holds until
 */
public record TypedPermit(String token, String spender, BigInteger amount, boolean unlimited, BigInteger validUntil) {
    /** A field a permit's types must declare, exactly: struct, member name and type. */
    private record Declared(String struct, String field, String type) {}

    /**
     * Where one kind of permit keeps its parts: the fields it must declare, and the JSON pointers (into
     * {@code {domain, message}}) of its token, amount and end, with the amount's width in bits.
     */
    private record Layout(
            String primaryType, List<Declared> declared, String token, String amount, int bits, String until) {}

    private static final List<Layout> LAYOUTS = List.of(
            new Layout(
                    "Permit",
                    List.of(
                            new Declared("Permit", "value", "uint256"),
                            new Declared("Permit", "deadline", "uint256"),
                            new Declared(TypedData.DOMAIN_TYPE, "verifyingContract", "address")),
                    "/domain/verifyingContract",
                    "/message/value",
                    256,
                    "/message/deadline"),
            new Layout(
                    "PermitSingle",
                    List.of(
                            new Declared("PermitSingle", "details", "PermitDetails"),
                            new Declared("PermitSingle", "sigDeadline", "uint256"),
                            new Declared("PermitDetails", "token", "address"),
                            new Declared("PermitDetails", "amount", "uint160"),
                            new Declared("PermitDetails", "expiration", "uint48")),
                    "/message/details/token",
                    "/message/details/amount",
                    160,
                    "/message/details/expiration"),
            new Layout(
                    "PermitTransferFrom",
                    List.of(
                            new Declared("PermitTransferFrom", "permitted", "TokenPermissions"),
                            new Declared("PermitTransferFrom", "deadline", "uint256"),
                            new Declared("TokenPermissions", "token", "address"),
                            new Declared("TokenPermissions", "amount", "uint256")),
                    "/message/permitted/token",
                    "/message/permitted/amount",
                    256,
                    "/message/deadline"));

    /** The permit {@code data} is, when it is one of the three. */
    public static Optional<TypedPermit> of(TypedData data) {
        Map<String, List<TypedData.Field>> types = data.types();
        Optional<Layout> layout = LAYOUTS.stream()
                .filter(l -> l.primaryType.equals(data.primaryType()))
                .filter(l -> declares(types, new Declared(l.primaryType, "spender", "address")))
                .filter(l -> l.declared.stream().allMatch(d -> declares(types, d)))
                .findFirst();
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("domain", data.domain());
        root.set("message", data.message());
        Layout l = layout.get();
        return permit(root.at(l.token), root.at("/message/spender"), root.at(l.amount), l.bits, root.at(l.until));
    }

    private static boolean declares(Map<String, List<TypedData.Field>> types, Declared d) {
        List<TypedData.Field> fields = types.get(d.struct);
        return fields != null && fields.contains(new TypedData.Field(d.field, d.type));
    }

    /** Values were checked against their types when the digest was made; a token may still be absent. */
    private static Optional<TypedPermit> permit(
            JsonNode token, JsonNode spender, JsonNode amount, int bits, JsonNode until) {
        if (!token.isTextual()) {
            return Optional.empty();
        }
        BigInteger value = Quantities.unsigned(amount, "amount", bits);
        return Optional.of(new TypedPermit(
                address(token),
                address(spender),
                value,
                value.equals(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)),
                Quantities.unsigned(until, "deadline", 256)));
    }

    private static String address(JsonNode node) {
        return AccountAddresses.eip55(Hex.encode(Quantities.address(node, "address")));
    }
}
