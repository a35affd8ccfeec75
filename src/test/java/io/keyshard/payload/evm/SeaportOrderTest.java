package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A Seaport order is read from the exact types Seaport signs, and nothing that only resembles it is. */
class SeaportOrderTest {
    private static final String OFFERER = "0xAB3f74BF693Cd9cF123A31838357625ce3e5c0d2";
    private static final String ETH = "0x0000000000000000000000000000000000000000";

    private static SeaportOrder.Item eth(long wei, String recipient) {
        BigInteger v = BigInteger.valueOf(wei);
        return new SeaportOrder.Item(SeaportOrder.Kind.NATIVE, ETH, BigInteger.ZERO, v, v, recipient);
    }

    @Test
    void anOpenSeaListingReadsAsTheNftItGivesAndWhoIsPaidWhat() {
        SeaportOrder order = SeaportOrder.of(TypedData.parse(Resources.text("seaport-listing.json")))
                .orElseThrow();
        assertEquals(OFFERER, order.offerer());
        assertEquals(
                List.of(new SeaportOrder.Item(
                        SeaportOrder.Kind.ERC721,
                        "0x3Fc3a022EB15352D3f5E4e6D6f02BBfC57D9C159",
                        BigInteger.valueOf(102),
                        BigInteger.ONE,
                        BigInteger.ONE,
                        null)),
                order.offer());
        assertEquals(
                List.of(
                        eth(4_000_000_000_000_000L, OFFERER),
                        eth(100_000_000_000_000L, "0x0000a26b00c1F0DF003000390027140000fAa719"),
                        eth(5_000_000_000_000_000L, "0xA2695BC9E0e42f7eEac8C80D2E855D9AF9e9667B")),
                order.consideration());
        assertEquals(BigInteger.valueOf(1_709_314_672L), order.startTime());
        assertEquals(BigInteger.valueOf(1_709_315_738L), order.endTime());
    }

    /** The listing fixture with {@code change} made to its JSON. */
    private static TypedData listingWith(Consumer<ObjectNode> change) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = (ObjectNode) json.readTree(Resources.text("seaport-listing.json"));
            change.accept(root);
            return TypedData.parse(json.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Member {@code index} of the declared type {@code type}. */
    private static ObjectNode member(ObjectNode root, String type, int index) {
        return (ObjectNode) root.path("types").path(type).path(index);
    }

    @Test
    void onlySeaportsOwnLayoutIsReadAsAnOrder() {
        assertTrue(SeaportOrder.of(listingWith(root -> {})).isPresent());
        assertTrue(
                SeaportOrder.of(listingWith(root -> {
                            ObjectNode types = (ObjectNode) root.get("types");
                            types.set("Order", types.remove("OrderComponents"));
                            root.put("primaryType", "Order");
                        }))
                        .isEmpty(),
                "another primary type");
        assertTrue(
                SeaportOrder.of(listingWith(root -> member(root, "OfferItem", 3).put("type", "uint128")))
                        .isEmpty(),
                "an offer amount of another width");
        assertTrue(
                SeaportOrder.of(listingWith(root -> {
                            member(root, "ConsiderationItem", 5).put("name", "payee");
                            for (JsonNode item : root.path("message").path("consideration")) {
                                ((ObjectNode) item).set("payee", ((ObjectNode) item).remove("recipient"));
                            }
                        }))
                        .isEmpty(),
                "a recipient under another name");
        assertNull(
                SeaportOrder.of(listingWith(root -> ((ObjectNode) root.at("/message/offer/0")).put("itemType", "6")))
                        .orElse(null),
                "an item type Seaport does not have");
    }

    @Test
    void criteriaItemsAreAnyTokenTheFillerPicks() {
        TypedData listing = listingWith(root ->
                ((ObjectNode) root.at("/message/offer/0")).put("itemType", "4").put("identifierOrCriteria", "0"));
        SeaportOrder.Item offered =
                SeaportOrder.of(listing).orElseThrow().offer().get(0);
        assertEquals(SeaportOrder.Kind.ERC721_WITH_CRITERIA, offered.kind());
        assertTrue(offered.kind().byCriteria());
        assertFalse(SeaportOrder.Kind.ERC1155.byCriteria());
    }

    @Test
    void aBulkOrderReadsEveryOrderOfItsTreeInOrder() {
        TypedData bulk = TypedData.parse(Resources.text("seaport-bulk-listing.json"));
        // Seaport's bulk type: the tree, then the three structs of its single order (whose type hash Eip712Test
        // checks against Seaport's ORDER_TYPEHASH) in name order
        String order = Eip712.encodeType(bulk, "OrderComponents");
        int end = order.indexOf(')') + 1;
        assertEquals(
                "BulkOrder(OrderComponents[2][2] tree)" + order.substring(end) + order.substring(0, end),
                Eip712.encodeType(bulk, "BulkOrder"));
        List<SeaportOrder> orders = SeaportOrder.bulk(bulk).orElseThrow();
        assertEquals(4, orders.size(), "every leaf of a tree of height 2, the padding too");
        assertEquals(BigInteger.valueOf(102), orders.get(0).offer().get(0).identifierOrCriteria());
        assertEquals(BigInteger.valueOf(103), orders.get(1).offer().get(0).identifierOrCriteria());
        assertTrue(orders.get(2).offer().isEmpty() && orders.get(3).offer().isEmpty(), "the padding gives nothing");
        assertTrue(SeaportOrder.of(bulk).isEmpty(), "a bulk order is not a single one");
        assertTrue(SeaportOrder.bulk(TypedData.parse(Resources.text("seaport-listing.json")))
                .isEmpty());
    }
}
