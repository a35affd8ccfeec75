package io.keyshard.client;

import io.keyshard.payload.evm.UniswapXOrder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The review rows of a UniswapX order in words: what the swapper receives at least, what else the order pays and to
 * whom, the reactor and the deadline; warnings when nothing comes back to the swapper, when the swapper is not this
 * key, and when the permit lets someone other than the order's reactor take the tokens.
 */
final class UniswapXRows {
    private UniswapXRows() {}

    /** Adds the order's rows and warnings; {@code address} is the signing key's (EIP-55). */
    static void add(
            UniswapXOrder o, BigInteger chainId, String address, List<SignReview.Row> rows, List<String> warnings) {
        List<String> received = new ArrayList<>();
        List<String> paidElsewhere = new ArrayList<>();
        for (UniswapXOrder.Output out : o.outputs()) {
            String amount = "at least " + amount(chainId, out);
            if (out.recipient().equals(o.swapper())) {
                received.add(amount);
            } else {
                paidElsewhere.add(amount + " to " + EvmMessageRows.marked(out.recipient(), address));
            }
        }
        rows.add(new SignReview.Row("UniswapX order", o.type() + ", settled by the reactor " + o.reactor()));
        rows.add(new SignReview.Row("Swapper", EvmMessageRows.marked(o.swapper(), address)));
        rows.add(new SignReview.Row("Swapper receives", received.isEmpty() ? "nothing" : String.join("; ", received)));
        if (!paidElsewhere.isEmpty()) {
            rows.add(new SignReview.Row("Also paid", String.join("; ", paidElsewhere)));
        }
        rows.add(new SignReview.Row("Order deadline", EvmMessageRows.date(o.deadline())));
        if (o.validator() != null) {
            rows.add(new SignReview.Row("Each fill checked by", o.validator()));
        }
        if (received.isEmpty()) {
            warnings.add("nothing this UniswapX order buys goes to its swapper: all of it is paid to "
                    + String.join("; ", paidElsewhere) + "; sign only if you mean to pay that");
        } else if (!paidElsewhere.isEmpty()) {
            warnings.add(
                    "besides what the swapper receives, this UniswapX order pays " + String.join("; ", paidElsewhere)
                            + " (an interface fee is paid this way: check that it is the fee you expect)");
        }
        if (!o.swapper().equals(address)) {
            warnings.add("the order's swapper is " + o.swapper() + ", not this key's address " + address
                    + ": a reactor refuses this signature for it");
        }
        if (!o.spender().equals(o.reactor())) {
            warnings.add("the permit lets " + o.spender() + " take the tokens, but the order names the reactor "
                    + o.reactor() + ": the spender can take them without settling this order; do not sign");
        }
    }

    private static String amount(BigInteger chainId, UniswapXOrder.Output out) {
        return out.token().equals(UniswapXOrder.NATIVE_COIN)
                ? EvmMessageRows.coinAmount(chainId, out.least())
                : EvmMessageRows.tokenAmount(chainId, out.token(), out.least());
    }
}
