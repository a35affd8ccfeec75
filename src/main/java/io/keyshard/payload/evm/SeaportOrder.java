package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Seaport order (OpenSea's listings and offers) read from its typed data: what the offerer gives and who is
 * paid what in return. Signing one is all it takes for anyone to fill it, so "a listing for 0 ETH" is the
 * shape of the signature drainers ask for; the review states both sides instead of thirty raw values.
 * Recognised by primary type {@code OrderComponents} (or {@code BulkOrder}, a tree of them under one signature)
 * and the exact member types of Seaport's order, offer and consideration items (the ones its
 * {@code ORDER_TYPEHASH} is made of), never by the domain's name alone.
 *
 * @param offerer who signs the order and gives the offer (EIP-55)
 * @param offer what the offerer gives, in order
 * @param consideration what the filler pays, each item to its recipient, in order
 * @param startTime unix seconds from which the order can be filled
 * @param endTime unix seconds until which it can be filled
 */
public record SeaportOrder(
        String offerer, List<Item> offer, List<Item> consideration, BigInteger startTime, BigInteger endTime) {
    /** Seaport's item types, in the order of its {@code ItemType} enum. */
    public enum Kind {
        NATIVE,
        ERC20,
        ERC721,
        ERC1155,
        ERC721_WITH_CRITERIA,
        ERC1155_WITH_CRITERIA;

        /** True for the kinds whose item is any token of the collection a criteria admits, not a named one. */
        public boolean byCriteria() {
            return this == ERC721_WITH_CRITERIA || this == ERC1155_WITH_CRITERIA;
        }
    }

    /**
     * One offer or consideration item.
     *
     * @param token the token contract (EIP-55; the zero address for the native coin)
     * @param identifierOrCriteria the token id, or for a criteria item the Merkle root of the ids it admits
     *     (0: every id)
     * @param startAmount the amount when the order starts (an ERC-721 item: 1)
     * @param endAmount the amount when it ends; the amount moves linearly in between when they differ
     * @param recipient who receives a consideration item (EIP-55); null for an offer item
     */
    public record Item(
            Kind kind,
            String token,
            BigInteger identifierOrCriteria,
            BigInteger startAmount,
            BigInteger endAmount,
            String recipient) {}

    /** Seaport's bulk order tree: a binary tree of orders of any height it signs. */
    private static final Pattern BULK_TREE = Pattern.compile("OrderComponents(\\[2\\])+");

    private static final List<String> ORDER = List.of(
            "offerer:address",
            "zone:address",
            "offer:OfferItem[]",
            "consideration:ConsiderationItem[]",
            "orderType:uint8",
            "startTime:uint256",
            "endTime:uint256",
            "zoneHash:bytes32",
            "salt:uint256",
            "conduitKey:bytes32",
            "counter:uint256");
    private static final List<String> OFFER_ITEM = List.of(
            "itemType:uint8",
            "token:address",
            "identifierOrCriteria:uint256",
            "startAmount:uint256",
            "endAmount:uint256");
    private static final List<String> CONSIDERATION_ITEM = List.of(
            "itemType:uint8",
            "token:address",
            "identifierOrCriteria:uint256",
            "startAmount:uint256",
            "endAmount:uint256",
            "recipient:address");

    /** The order {@code data} signs, when it is a Seaport order whose values all read. */
    public static Optional<SeaportOrder> of(TypedData data) {
        if (!data.primaryType().equals("OrderComponents") || !seaportTypes(data)) {
            return Optional.empty();
        }
        return read(data.message());
    }

    /**
     * The orders of a Seaport bulk order, in the order of its tree's leaves: one signature over a Merkle tree of
     * orders ({@code BulkOrder(OrderComponents[2]...[2] tree)}), each of which can be filled on its own. A leaf
     * left null (how a tree is padded when the value is absent) is no order and is skipped.
     */
    public static Optional<List<SeaportOrder>> bulk(TypedData data) {
        List<TypedData.Field> tree = data.types().get("BulkOrder");
        if (!data.primaryType().equals("BulkOrder")
                || !seaportTypes(data)
                || tree == null
                || tree.size() != 1
                || !tree.get(0).name().equals("tree")
                || !BULK_TREE.matcher(tree.get(0).type()).matches()) {
            return Optional.empty();
        }
        List<SeaportOrder> orders = new ArrayList<>();
        return leaves(data.message().get("tree"), orders) ? Optional.of(List.copyOf(orders)) : Optional.empty();
    }

    /** Adds the orders under {@code node} in tree order; false when one does not read. */
    private static boolean leaves(JsonNode node, List<SeaportOrder> orders) {
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (!leaves(child, orders)) {
                    return false;
                }
            }
            return true;
        }
        Optional<SeaportOrder> order = read(node);
        order.ifPresent(orders::add);
        return order.isPresent();
    }

    private static boolean seaportTypes(TypedData data) {
        return data.declares("OrderComponents", ORDER)
                && data.declares("OfferItem", OFFER_ITEM)
                && data.declares("ConsiderationItem", CONSIDERATION_ITEM);
    }

    /** One order's values, which the digest has already checked against Seaport's types. */
    private static Optional<SeaportOrder> read(JsonNode m) {
        if (m == null || !m.isObject()) {
            return Optional.empty();
        }
        List<Item> offer = items(m.get("offer"), false);
        List<Item> consideration = items(m.get("consideration"), true);
        if (offer == null || consideration == null || !m.path("offerer").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new SeaportOrder(
                address(m.get("offerer")),
                offer,
                consideration,
                Quantities.unsigned(m.get("startTime"), "startTime", 256),
                Quantities.unsigned(m.get("endTime"), "endTime", 256)));
    }

    /** The items of an array the digest already checked against its type; null for an item type Seaport lacks. */
    private static List<Item> items(JsonNode array, boolean consideration) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode n : array) {
            int type = Quantities.unsigned(n.get("itemType"), "itemType", 8).intValue();
            if (type >= Kind.values().length || !n.path("token").isTextual()) {
                return null;
            }
            items.add(new Item(
                    Kind.values()[type],
                    address(n.get("token")),
                    Quantities.unsigned(n.get("identifierOrCriteria"), "identifierOrCriteria", 256),
                    Quantities.unsigned(n.get("startAmount"), "startAmount", 256),
                    Quantities.unsigned(n.get("endAmount"), "endAmount", 256),
                    consideration && n.path("recipient").isTextual() ? address(n.get("recipient")) : null));
        }
        return List.copyOf(items);
    }

    private static String address(JsonNode node) {
        return Quantities.eip55(node, "address");
    }
}
