package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The token permits a typed-data signature can be: EIP-2612 {@code Permit} and DAI's older {@code Permit}
 * (the domain's verifying contract is the token), and Uniswap Permit2's allowances ({@code PermitSingle},
 * {@code PermitBatch}) and transfers ({@code PermitTransferFrom}, {@code PermitBatchTransferFrom} and their
 * witness forms, which UniswapX orders use), the tokens in the message. A permit is an approval by
 * signature: whoever holds it can move the tokens with no further word from the owner, so the review names
 * the spender and, for every token, the amount and how long it holds. Recognised by primary type and the
 * exact declared field types, never by the name alone.
 *
 * @param spender who may move the tokens (EIP-55)
 * @param grants what it may move: one token, or every token of a batch in the message's order
 */
public record TypedPermit(String spender, List<Grant> grants) {
    /**
     * One token a permit lets its spender move.
     *
     * @param token the token contract (EIP-55)
     * @param amount in the token's smallest units
     * @param unlimited true when the amount is the largest its type holds (or DAI's {@code allowed})
     * @param validUntil unix seconds the grant holds until; null when it never ends (DAI's expiry 0)
     */
    public record Grant(String token, BigInteger amount, boolean unlimited, BigInteger validUntil) {}

    /** A field a permit's types must declare, exactly: struct, member name and type. */
    private record Declared(String struct, String field, String type) {}

    /** One kind of permit: the fields it must declare, and how its grants are read from {@code {domain, message}}. */
    private record Layout(String primaryType, List<Declared> declared, Function<JsonNode, List<Grant>> grants) {}

    private static final String UINT256 = "uint256";
    private static final List<Declared> PERMIT_DETAILS = List.of(
            new Declared("PermitDetails", "token", "address"),
            new Declared("PermitDetails", "amount", "uint160"),
            new Declared("PermitDetails", "expiration", "uint48"));
    private static final List<Declared> TOKEN_PERMISSIONS = List.of(
            new Declared("TokenPermissions", "token", "address"), new Declared("TokenPermissions", "amount", UINT256));

    private static final List<Layout> LAYOUTS = List.of(
            new Layout(
                    "Permit",
                    List.of(
                            new Declared("Permit", "value", UINT256),
                            new Declared("Permit", "deadline", UINT256),
                            new Declared(TypedData.DOMAIN_TYPE, "verifyingContract", "address")),
                    root -> single(grant(
                            root.at("/domain/verifyingContract"),
                            root.at("/message/value"),
                            256,
                            root.at("/message/deadline")))),
            // DAI's permit predates EIP-2612: all or nothing, and an expiry of 0 never ends
            new Layout(
                    "Permit",
                    List.of(
                            new Declared("Permit", "holder", "address"),
                            new Declared("Permit", "expiry", UINT256),
                            new Declared("Permit", "allowed", "bool"),
                            new Declared(TypedData.DOMAIN_TYPE, "verifyingContract", "address")),
                    TypedPermit::daiGrant),
            new Layout(
                    "PermitSingle",
                    with(PERMIT_DETAILS, new Declared("PermitSingle", "details", "PermitDetails")),
                    root -> single(allowance(root.at("/message/details")))),
            new Layout(
                    "PermitBatch",
                    with(PERMIT_DETAILS, new Declared("PermitBatch", "details", "PermitDetails[]")),
                    root -> each(root.at("/message/details"), TypedPermit::allowance)),
            transfer("PermitTransferFrom"),
            transfer("PermitWitnessTransferFrom"),
            batchTransfer("PermitBatchTransferFrom"),
            batchTransfer("PermitBatchWitnessTransferFrom"));

    /** The permit {@code data} is, when it is one of those above. */
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
        List<Grant> grants = layout.get().grants.apply(root);
        if (grants.stream().anyMatch(Objects::isNull)) {
            return Optional.empty(); // a token the message leaves out
        }
        return Optional.of(new TypedPermit(address(root.at("/message/spender")), List.copyOf(grants)));
    }

    /** Permit2's {@code PermitTransferFrom} or its witness form: one token, until the signature's deadline. */
    private static Layout transfer(String primaryType) {
        return new Layout(
                primaryType,
                with(
                        TOKEN_PERMISSIONS,
                        new Declared(primaryType, "permitted", "TokenPermissions"),
                        deadline(primaryType)),
                root -> single(transferred(root.at("/message/permitted"), root.at("/message/deadline"))));
    }

    /** Permit2's batch transfer or its witness form: each token, all until the signature's deadline. */
    private static Layout batchTransfer(String primaryType) {
        return new Layout(
                primaryType,
                with(
                        TOKEN_PERMISSIONS,
                        new Declared(primaryType, "permitted", "TokenPermissions[]"),
                        deadline(primaryType)),
                root -> each(root.at("/message/permitted"), p -> transferred(p, root.at("/message/deadline"))));
    }

    private static Declared deadline(String struct) {
        return new Declared(struct, "deadline", UINT256);
    }

    /** One grant, or null for a token the message leaves out (a list that holds a null, unlike List.of). */
    private static List<Grant> single(Grant g) {
        return Collections.singletonList(g);
    }

    private static List<Declared> with(List<Declared> shared, Declared... more) {
        List<Declared> out = new ArrayList<>(shared);
        out.addAll(List.of(more));
        return out;
    }

    private static List<Grant> each(JsonNode array, Function<JsonNode, Grant> read) {
        List<Grant> out = new ArrayList<>();
        array.forEach(element -> out.add(read.apply(element)));
        return out;
    }

    /** A Permit2 allowance's details: token, uint160 amount and its own expiration. */
    private static Grant allowance(JsonNode details) {
        return grant(details.at("/token"), details.at("/amount"), 160, details.at("/expiration"));
    }

    private static Grant transferred(JsonNode permissions, JsonNode deadline) {
        return grant(permissions.at("/token"), permissions.at("/amount"), 256, deadline);
    }

    private static List<Grant> daiGrant(JsonNode root) {
        JsonNode token = root.at("/domain/verifyingContract");
        if (!token.isTextual()) {
            return single(null);
        }
        boolean allowed = root.at("/message/allowed").asBoolean();
        BigInteger expiry = Quantities.unsigned(root.at("/message/expiry"), "expiry", 256);
        BigInteger all = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        return List.of(new Grant(
                address(token), allowed ? all : BigInteger.ZERO, allowed, expiry.signum() == 0 ? null : expiry));
    }

    private static boolean declares(Map<String, List<TypedData.Field>> types, Declared d) {
        List<TypedData.Field> fields = types.get(d.struct);
        return fields != null && fields.contains(new TypedData.Field(d.field, d.type));
    }

    /** Values were checked against their types when the digest was made; a token may still be absent (null). */
    private static Grant grant(JsonNode token, JsonNode amount, int bits, JsonNode until) {
        if (!token.isTextual()) {
            return null;
        }
        BigInteger value = Quantities.unsigned(amount, "amount", bits);
        return new Grant(
                address(token),
                value,
                value.equals(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)),
                Quantities.unsigned(until, "deadline", 256));
    }

    private static String address(JsonNode node) {
        return Quantities.eip55(node, "address");
    }
}
