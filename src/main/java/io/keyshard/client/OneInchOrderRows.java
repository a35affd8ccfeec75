package io.keyshard.client;

import io.keyshard.payload.evm.OneInchLimitOrder;
import java.math.BigInteger;
import java.util.List;

/**
 * The review rows of a 1inch limit order in words: what it gives and asks in return, who receives the proceeds,
 * who may fill it and until when; warnings for an order anyone can fill for nothing, one that never expires, one
 * whose proceeds go to someone else, and one whose price a contract computes.
 */
final class OneInchOrderRows {
    private OneInchOrderRows() {}

    /** Adds the order's rows and warnings; {@code address} is the signing key's (EIP-55). */
    static void add(
            OneInchLimitOrder o, BigInteger chainId, String address, List<SignReview.Row> rows, List<String> warnings) {
        String given = EvmMessageRows.tokenAmount(chainId, o.makerAsset(), o.makingAmount());
        String asked = EvmMessageRows.tokenAmount(chainId, o.takerAsset(), o.takingAmount());
        rows.add(new SignReview.Row(
                "1inch limit order",
                "sell " + given + " for " + asked
                        + (o.partialFills() ? ", or a part of it at the same rate" : ", all at once")));
        rows.add(new SignReview.Row("Maker", EvmMessageRows.marked(o.maker(), address)));
        boolean toMaker =
                o.receiver().equals(OneInchLimitOrder.ZERO) || o.receiver().equals(o.maker());
        rows.add(new SignReview.Row(
                "Receiver",
                o.receiver().equals(OneInchLimitOrder.ZERO)
                        ? "the maker, " + EvmMessageRows.marked(o.maker(), address)
                        : EvmMessageRows.marked(o.receiver(), address)));
        String until = o.expiration() == null ? "no end (it never expires)" : EvmMessageRows.date(o.expiration());
        rows.add(new SignReview.Row("Valid until", until));
        rows.add(new SignReview.Row(
                "Who may fill",
                o.allowedSenderSuffix() == null ? "anyone" : "only an address ending in " + o.allowedSenderSuffix()));
        rows.add(new SignReview.Row(
                "Fills",
                o.partialFills()
                        ? (o.multipleFills() ? "in parts, several times" : "in one fill, of a part or the whole")
                        : "all at once or not at all"));
        if (o.permit2()) {
            rows.add(new SignReview.Row("Tokens taken", "through Permit2"));
        }
        if (o.unwrapWeth()) {
            rows.add(new SignReview.Row("Proceeds", "WETH received is unwrapped to the chain's coin"));
        }
        warnings.add("this signature is a 1inch limit order: "
                + (o.allowedSenderSuffix() == null ? "anyone" : "its " + "allowed sender")
                + " can fill it, taking up to " + given + " from " + o.maker() + " for " + asked
                + ", until " + until + ", with no transaction from you; it stays valid unless you cancel it on chain");
        if (!o.maker().equals(address)) {
            warnings.add("the order's maker is " + o.maker() + ", not this key's address " + address + ": the router "
                    + "refuses this signature for it");
        }
        if (!toMaker && !o.receiver().equals(address)) {
            warnings.add("this order sends what it buys to " + o.receiver() + ", not to the maker: sign only if you "
                    + "mean to pay that address");
        }
        if (o.takingAmount().signum() == 0) {
            warnings.add("this order asks nothing in return for " + given + ": whoever holds the signature can fill "
                    + "it and take the tokens; do not sign it unless you mean to give them away");
        }
        if (o.expiration() == null) {
            warnings.add("the order never expires: it can be filled whenever this address holds the tokens and "
                    + "the allowance, until you cancel it on chain");
        }
        if (o.extended()) {
            warnings.add("the order carries an extension or calls contracts when filled: a contract may compute "
                    + "the price it fills at, which is not among the amounts shown");
        }
    }
}
