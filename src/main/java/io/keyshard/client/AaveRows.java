package io.keyshard.client;

import io.keyshard.payload.Decimals;
import io.keyshard.payload.evm.AaveCall;
import io.keyshard.payload.evm.KnownToken;
import io.keyshard.payload.evm.TransactionReview;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Aave v3 in words: which token and how much is supplied, withdrawn, borrowed or repaid, and who is credited, paid
 * or owes the debt; warned when a supply is credited to, a withdrawal paid to, or a repayment made for someone other
 * than this key, and when the call is sent coins it does not take.
 */
final class AaveRows {
    private AaveRows() {}

    static void add(
            TransactionReview t, AaveCall call, String address, List<SignReview.Row> rows, List<String> warnings) {
        Optional<KnownToken> token = KnownToken.of(t.chainId(), call.asset());
        String asset = token.map(k -> k.symbol() + " (" + call.asset() + ")").orElse("token " + call.asset());
        String party = call.party() == null ? null : EvmMessageRows.marked(call.party(), address);
        boolean other = call.party() != null && !call.party().equals(address);
        switch (call.kind()) {
            case SUPPLY, DEPOSIT -> {
                rows.add(row(
                        "Supplies", amount(call.amount(), token) + " of " + asset + " to Aave, credited to " + party));
                if (other) {
                    warnings.add("the supply is credited to " + call.party() + ", not to this key: that address gets "
                            + "the aTokens, and with them the right to withdraw it");
                }
            }
            case WITHDRAW -> {
                rows.add(row(
                        "Withdraws",
                        (call.amount().equals(AaveCall.ALL)
                                        ? "all of this key's supplied " + asset
                                        : amount(call.amount(), token) + " of " + asset)
                                + " from Aave, paid to " + party));
                if (other) {
                    warnings.add("the withdrawn tokens go to " + call.party() + ", not to this key: sign only if you "
                            + "mean to pay them there");
                }
            }
            case BORROW -> {
                rows.add(row(
                        "Borrows",
                        amount(call.amount(), token) + " of " + asset + " from Aave at the " + rate(call) + " rate"
                                + ", paid to the sender " + EvmMessageRows.marked(address, address)));
                rows.add(row("Debt of", party));
            }
            case REPAY, REPAY_WITH_ATOKENS -> {
                String whose = call.party() == null ? EvmMessageRows.marked(address, address) : party;
                rows.add(row(
                        "Repays",
                        (call.amount().equals(AaveCall.ALL) ? "all of the " : amount(call.amount(), token) + " of the ")
                                + rate(call) + "-rate debt in " + asset + " of " + whose
                                + (call.kind() == AaveCall.Kind.REPAY_WITH_ATOKENS
                                        ? ", paid with this key's aTokens of it"
                                        : ", paid with this key's tokens")));
                if (other) {
                    warnings.add("the repayment pays the debt of " + call.party() + ", not of this key, with this "
                            + "key's tokens");
                }
            }
            case COLLATERAL ->
                rows.add(row(
                        "Collateral",
                        (call.collateral() ? "use " : "stop using ") + "this key's supplied " + asset
                                + " as collateral on Aave"));
        }
        TransactionRows.noCoinsAccepted(t, "Aave's " + call.kind().signature(), warnings);
    }

    private static String amount(BigInteger units, Optional<KnownToken> token) {
        return token.map(k -> Decimals.scaled(units, k.decimals())).orElse(units + " (smallest units)");
    }

    private static String rate(AaveCall call) {
        return call.rateMode() == 2 ? "variable" : "stable";
    }

    private static SignReview.Row row(String label, String value) {
        return new SignReview.Row(label, value);
    }
}
