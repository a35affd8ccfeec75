package io.keyshard.client;

import io.keyshard.payload.evm.SeaportOrder;
import java.math.BigInteger;
import java.util.List;

/**
 * The review rows of a Seaport order in words: what the offerer gives, what each recipient is paid, and
 * when it can be filled, with a warning for an order that gives its offer away for nothing (how a listing
 * signature drains a wallet) and for one that offers any token of a collection rather than a named one.
 */
final class SeaportRows {
    private SeaportRows() {}

    /** Orders of a bulk order listed one by one; past this many the rest are counted and warned about. */
    static final int BULK_ORDERS_LISTED = 20;

    /** Adds the order's rows and warnings; {@code address} is the signing key's, marked where the order names it. */
    static void add(
            SeaportOrder order, BigInteger chainId, String address, List<SignReview.Row> rows, List<String> warnings) {
        order(order, "", "this Seaport order", chainId, address, rows, warnings);
    }

    /**
     * A bulk order: how many orders the one signature makes, then each that gives something, numbered in the
     * tree's order (the empty ones that pad a tree give nothing and are not listed).
     */
    static void addBulk(
            List<SeaportOrder> orders,
            BigInteger chainId,
            String address,
            List<SignReview.Row> rows,
            List<String> warnings) {
        rows.add(row("Seaport orders", orders.size() + " under this one signature; each can be filled on its own"));
        int listed = 0;
        int unlisted = 0;
        for (int k = 0; k < orders.size(); k++) {
            SeaportOrder order = orders.get(k);
            if (order.offer().isEmpty()) {
                continue;
            }
            if (listed == BULK_ORDERS_LISTED) {
                unlisted++;
                continue;
            }
            listed++;
            String name = "order " + (k + 1) + " of " + orders.size();
            order(order, "Order " + (k + 1) + ": ", "Seaport " + name, chainId, address, rows, warnings);
        }
        if (unlisted > 0) {
            rows.add(row("Seaport orders", "... and " + unlisted + " more that give something, not listed here"));
            warnings.add("this signature makes " + (listed + unlisted) + " Seaport orders that give something and only "
                    + "the first " + listed + " are listed: read the rest in the JSON before you sign");
        }
    }

    /** One order's rows, each label after {@code prefix}; {@code name} names it in its warnings. */
    private static void order(
            SeaportOrder order,
            String prefix,
            String name,
            BigInteger chainId,
            String address,
            List<SignReview.Row> rows,
            List<String> warnings) {
        rows.add(row(prefix + "Offerer", EvmMessageRows.marked(order.offerer(), address)));
        for (SeaportOrder.Item item : order.offer()) {
            rows.add(row(prefix + "Gives", item(item, chainId)));
        }
        boolean paid = false;
        for (SeaportOrder.Item item : order.consideration()) {
            boolean toOfferer = item.recipient().equals(order.offerer());
            paid |= toOfferer
                    && (item.startAmount().signum() > 0 || item.endAmount().signum() > 0);
            rows.add(row(
                    prefix + (toOfferer ? "Paid to the offerer" : "Paid to another"),
                    item(item, chainId)
                            + (toOfferer ? "" : " to " + EvmMessageRows.marked(item.recipient(), address))));
        }
        if (order.consideration().isEmpty()) {
            rows.add(row(prefix + "Paid to the offerer", "nothing"));
        }
        rows.add(row(
                prefix + "Can be filled",
                "from " + EvmMessageRows.date(order.startTime()) + " until " + EvmMessageRows.date(order.endTime())));
        if (!order.offer().isEmpty() && !paid) {
            warnings.add(name + " gives away what it offers for nothing: none of what it asks in return goes to the "
                    + "offerer " + EvmMessageRows.marked(order.offerer(), address) + "; anyone holding the signature "
                    + "can take it. Sign only an order you made yourself, at the price you set");
        }
        order.offer().stream()
                .filter(i -> i.kind().byCriteria())
                .forEach(i -> warnings.add(name + " offers "
                        + (i.identifierOrCriteria().signum() == 0 ? "any token" : "any of a set of tokens")
                        + " of the collection " + i.token() + ", which the filler picks, not a token you name"));
    }

    /** One item in words: "0.004 ETH", "250 USDC", "NFT id 102 of 0x…", "3 of token id 5 of 0x…". */
    private static String item(SeaportOrder.Item i, BigInteger chainId) {
        return switch (i.kind()) {
            case NATIVE, ERC20 -> amount(i, chainId);
            case ERC721 -> "NFT id " + i.identifierOrCriteria() + " of " + i.token();
            case ERC1155 -> amount(i, chainId) + " of token id " + i.identifierOrCriteria() + " of " + i.token();
            case ERC721_WITH_CRITERIA -> "an NFT of " + i.token() + ", " + criteria(i);
            case ERC1155_WITH_CRITERIA -> amount(i, chainId) + " of " + i.token() + ", " + criteria(i);
        };
    }

    /** Which ids a criteria item admits: any, or those under a Merkle root. */
    private static String criteria(SeaportOrder.Item i) {
        return i.identifierOrCriteria().signum() == 0
                ? "any token id"
                : "a token id of the set with Merkle root 0x"
                        + i.identifierOrCriteria().toString(16);
    }

    /** The amount, or its start and end when it moves over the order's time (a Dutch auction). */
    private static String amount(SeaportOrder.Item i, BigInteger chainId) {
        String start = units(i, i.startAmount(), chainId);
        return i.startAmount().equals(i.endAmount())
                ? start
                : "from " + start + " at the start to " + units(i, i.endAmount(), chainId) + " at the end";
    }

    private static String units(SeaportOrder.Item i, BigInteger value, BigInteger chainId) {
        return switch (i.kind()) {
            case NATIVE -> EvmMessageRows.coinAmount(chainId, value);
            case ERC20 -> EvmMessageRows.tokenAmount(chainId, i.token(), value);
            default -> value.toString();
        };
    }

    private static SignReview.Row row(String label, String value) {
        return new SignReview.Row(label, value);
    }
}
