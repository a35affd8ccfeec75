package io.keyshard.client;

import io.keyshard.payload.evm.OneInchCall;
import io.keyshard.payload.evm.TransactionReview;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A 1inch router swap in words: what is paid and how much, at least how much of what is bought, who receives it, and
 * the executor or pools it runs through; warned when someone else receives it, when nothing holds the price, when
 * the coins sent do not match what the router takes, and when coins beyond the amount go to the executor.
 */
final class OneInchRows {
    private OneInchRows() {}

    static void add(
            TransactionReview t, OneInchCall call, String address, List<SignReview.Row> rows, List<String> warnings) {
        BigInteger chainId = t.chainId();
        BigInteger paid = call.amount() == null ? t.valueWei() : call.amount();
        String bought = call.dstToken() == null
                ? call.minReturn() + " (its smallest units) of the token the last pool pays out, which the call "
                        + "does not name"
                : amount(chainId, call.dstToken(), call.minReturn());
        rows.add(row(
                "Swaps",
                (call.partialFill() ? "up to " : "") + amount(chainId, call.srcToken(), paid)
                        + (call.permit2() ? ", taken through Permit2," : "") + " for at least " + bought
                        + (call.partialFill() ? ", in proportion to what is spent" : "")));
        String receiver = call.receiver() == null ? address : call.receiver();
        rows.add(row(
                "Paid to", EvmMessageRows.marked(receiver, address) + (call.receiver() == null ? ", the sender" : "")));
        if (call.kind() == OneInchCall.Kind.SWAP) {
            rows.add(row(
                    "Route",
                    "run by the executor contract " + call.executor() + "; the router pays out what comes "
                            + "back and refuses less than the least above"));
        } else {
            List<String> pools = new ArrayList<>();
            call.pools()
                    .forEach(p -> pools.add(p.address() + " (" + p.protocol().words() + ")"));
            rows.add(row("Pools", String.join(" → ", pools)));
        }
        if (call.tag() != null) {
            rows.add(row(
                    "After the arguments",
                    call.tag().length() / 2 + " bytes (" + call.tag() + ") the router does not read; 1inch's app adds "
                            + "such a tag to the calls it builds"));
        }
        if (!receiver.equals(address)) {
            warnings.add("the swap pays what it buys to " + receiver + ", not to this key: sign only if you mean to "
                    + "pay that address");
        }
        if (call.minReturn().signum() == 0) {
            warnings.add(
                    call.kind() == OneInchCall.Kind.SWAP
                            ? "the swap asks for at least 0 in return, which the router refuses: the transaction fails, and "
                                    + "its fee is still paid"
                            : "the swap accepts any amount in return, even nothing: bots that trade around a swap take such "
                                    + "room; ask the app for a minimum");
        }
        coinWarnings(t, call, t.valueWei(), warnings);
    }

    /** What the router takes of the coins sent (GenericRouter.swap's msg.value rule; unoswap of a token takes none). */
    private static void coinWarnings(TransactionReview t, OneInchCall call, BigInteger value, List<String> warnings) {
        if (call.kind().paysCoin()) {
            return;
        }
        if (call.kind() != OneInchCall.Kind.SWAP) {
            TransactionRows.noCoinsAccepted(t, "1inch's " + call.kind().signature(), warnings);
            return;
        }
        BigInteger taken = OneInchCall.COIN.equals(call.srcToken()) ? call.amount() : BigInteger.ZERO;
        if (call.extraCoin() && value.compareTo(taken) > 0) {
            warnings.add("the transaction sends " + EvmMessageRows.coinAmount(t.chainId(), value.subtract(taken))
                    + " more than the swap pays, which the router hands to the executor " + call.executor()
                    + ": sign only if the app says what that pays for");
        } else if (!call.extraCoin() && !value.equals(taken)) {
            warnings.add("the transaction sends " + EvmMessageRows.coinAmount(t.chainId(), value) + " but the swap "
                    + "pays " + EvmMessageRows.coinAmount(t.chainId(), taken) + ", which the router refuses: the "
                    + "transaction fails, and its fee is still paid");
        } else if (call.extraCoin()) {
            warnings.add("the swap asks for coins beyond its amount but the transaction sends none beyond it, which "
                    + "the router refuses: the transaction fails, and its fee is still paid");
        }
    }

    private static String amount(BigInteger chainId, String token, BigInteger units) {
        return OneInchCall.COIN.equals(token)
                ? EvmMessageRows.coinAmount(chainId, units)
                : EvmMessageRows.tokenAmount(chainId, token, units);
    }

    private static SignReview.Row row(String label, String value) {
        return new SignReview.Row(label, value);
    }
}
