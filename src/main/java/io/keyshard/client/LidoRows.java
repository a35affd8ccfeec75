package io.keyshard.client;

import io.keyshard.payload.Decimals;
import io.keyshard.payload.evm.EvmChain;
import io.keyshard.payload.evm.LidoCall;
import io.keyshard.payload.evm.TransactionReview;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lido on Ethereum in words: what is staked, wrapped or unwrapped and who is credited, which withdrawal requests are
 * made and who owns them (whoever holds a request claims its ETH), and whose address a claim pays; warned when a
 * request or a claim goes to someone other than this key, and when a call that accepts no coins is sent some.
 */
final class LidoRows {
    private LidoRows() {}

    static void add(
            TransactionReview t, LidoCall call, String address, List<SignReview.Row> rows, List<String> warnings) {
        String self = EvmMessageRows.marked(address, address);
        String value = EvmChain.amount(t.chainId(), t.value());
        switch (call.kind()) {
            case STAKE, STAKE_BY_SENDING, STAKE_AND_WRAP -> {
                rows.add(new SignReview.Row(
                        "Stakes",
                        value + " with Lido for stETH"
                                + (call.kind() == LidoCall.Kind.STAKE_AND_WRAP
                                        ? ", wrapped into wstETH at Lido's rate when the transaction runs"
                                        : "")
                                + ", credited to the sender " + self));
                if (!call.noReferral()) {
                    rows.add(new SignReview.Row("Referral", call.party()));
                }
                if (t.valueWei().signum() == 0) {
                    warnings.add("the transaction stakes nothing: its value is 0; it only pays its fee");
                }
                return;
            }
            case WRAP ->
                rows.add(new SignReview.Row(
                        "Wraps",
                        steth(call.amounts().get(0), "stETH")
                                + " into wstETH at Lido's rate when the transaction runs, " + "credited to the sender "
                                + self));
            case UNWRAP ->
                rows.add(new SignReview.Row(
                        "Unwraps",
                        steth(call.amounts().get(0), "wstETH")
                                + " into stETH at Lido's rate when the transaction runs, " + "paid to the sender "
                                + self));
            case REQUEST, REQUEST_WSTETH -> requestRows(call, address, rows, warnings);
            case CLAIM, CLAIM_ALL, CLAIM_TO -> {
                String to = call.kind() == LidoCall.Kind.CLAIM_TO ? call.party() : address;
                rows.add(new SignReview.Row(
                        "Claims",
                        call.amounts().isEmpty()
                                ? "no withdrawal request"
                                : (call.amounts().size() == 1 ? "the withdrawal request " : "the withdrawal requests ")
                                        + ids(call.amounts()) + (call.amounts().size() == 1 ? ", its" : ", their")
                                        + " ETH paid to " + (to.equals(address) ? "the sender " + self : to)));
                if (!to.equals(address)) {
                    warnings.add("the claimed ETH goes to " + to + ", not to this key: sign only if you mean to pay "
                            + "it there");
                }
                if (call.amounts().isEmpty()) {
                    warnings.add("the transaction claims no request: it only pays its fee");
                }
            }
        }
        TransactionRows.noCoinsAccepted(t, "Lido's " + call.kind().signature(), warnings);
    }

    /**
     * Each amount is a request of its own whose unstETH NFT goes to the owner; the stETH (or wstETH, unwrapped by the
     * queue) is taken from the sender.
     */
    private static void requestRows(LidoCall call, String address, List<SignReview.Row> rows, List<String> warnings) {
        String token = call.kind() == LidoCall.Kind.REQUEST ? "stETH" : "wstETH";
        List<BigInteger> amounts = call.amounts();
        BigInteger total = amounts.stream().reduce(BigInteger.ZERO, BigInteger::add);
        String owner = call.owner(address);
        rows.add(new SignReview.Row(
                "Withdrawal requests",
                (amounts.isEmpty()
                                ? "no request"
                                : amounts.size() + (amounts.size() == 1 ? " request of " : " requests of "))
                        + amounts.stream().map(a -> steth(a, token)).collect(Collectors.joining(", "))
                        + (amounts.size() > 1 ? " (" + steth(total, token) + " in all)" : "")
                        + ", taken from the sender " + EvmMessageRows.marked(address, address)
                        + (token.equals("wstETH") ? " and unwrapped into stETH by the queue" : "")));
        rows.add(new SignReview.Row(
                "Requests owned by",
                EvmMessageRows.marked(owner, address)
                        + (owner.equals(call.party()) ? "" : " (the call names the zero address: the sender)")));
        if (!owner.equals(address)) {
            warnings.add("the withdrawal requests go to " + owner + ", not to this key: whoever holds a request "
                    + "claims its ETH");
        }
        if (amounts.isEmpty()) {
            warnings.add("the transaction requests no withdrawal: it only pays its fee");
        }
    }

    private static String steth(BigInteger amount, String token) {
        return Decimals.scaled(amount, 18) + " " + token;
    }

    private static String ids(List<BigInteger> ids) {
        return ids.stream().map(id -> "#" + id).collect(Collectors.joining(", "));
    }
}
