package io.keyshard.client;

import io.keyshard.payload.evm.CowOrder;
import java.math.BigInteger;
import java.util.List;

/**
 * The review rows of a CoW Protocol order in words: what it sells and buys and at what limit, who receives what it
 * buys, until when it can be settled; warnings for an order whose proceeds go to someone else or that asks nothing in
 * return, since whoever holds the signature can have it settled.
 */
final class CowOrderRows {
    private CowOrderRows() {}

    /** Adds the order's rows and warnings; {@code address} is the signing key's (EIP-55). */
    static void add(CowOrder o, BigInteger chainId, String address, List<SignReview.Row> rows, List<String> warnings) {
        String sold = EvmMessageRows.tokenAmount(chainId, o.sellToken(), o.sellAmount());
        String bought = bought(o, chainId);
        rows.add(new SignReview.Row(
                "CoW order",
                o.sell()
                        ? "sell exactly " + sold + " for at least " + bought
                        : "buy exactly " + bought + " for at most " + sold));
        if (o.feeAmount().signum() > 0) {
            rows.add(new SignReview.Row(
                    "Fee", EvmMessageRows.tokenAmount(chainId, o.sellToken(), o.feeAmount()) + ", on top"));
        }
        boolean toOwner = o.receiver().equals(CowOrder.OWNER) || o.receiver().equals(address);
        rows.add(new SignReview.Row(
                "Receiver",
                o.receiver().equals(CowOrder.OWNER)
                        ? "the order's owner, " + address + " (this key)"
                        : EvmMessageRows.marked(o.receiver(), address)));
        rows.add(new SignReview.Row("Valid until", EvmMessageRows.date(o.validTo())));
        rows.add(new SignReview.Row(
                "Fills", o.partiallyFillable() ? "in parts, up to the whole order" : "all at once or not at all"));
        if (!o.sellTokenBalance().equals("erc20") || !o.buyTokenBalance().equals("erc20")) {
            rows.add(new SignReview.Row(
                    "Balances",
                    "sold from " + balance(o.sellTokenBalance()) + ", bought into " + balance(o.buyTokenBalance())));
        }
        if (!toOwner) {
            warnings.add("this CoW order sends what it buys to " + o.receiver() + ", not to this key: sign only if "
                    + "you mean to pay that address");
        }
        if (o.buyAmount().signum() == 0) {
            warnings.add("this CoW order asks nothing in return for " + sold + ": whoever holds the signature can "
                    + "have it settled and take the tokens; do not sign it unless you mean to give them away");
        }
    }

    private static String bought(CowOrder o, BigInteger chainId) {
        return o.buyToken().equals(CowOrder.NATIVE_COIN)
                ? EvmMessageRows.coinAmount(chainId, o.buyAmount())
                : EvmMessageRows.tokenAmount(chainId, o.buyToken(), o.buyAmount());
    }

    /** A GPv2 balance marker in words. */
    private static String balance(String marker) {
        return switch (marker) {
            case "erc20" -> "the key's own token balance";
            case "external" -> "the key's token balance through Balancer's vault";
            default -> "the key's internal balance in Balancer's vault";
        };
    }
}
