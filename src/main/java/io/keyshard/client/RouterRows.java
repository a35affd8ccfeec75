package io.keyshard.client;

import io.keyshard.payload.evm.EvmChain;
import io.keyshard.payload.evm.Permit2Approval;
import io.keyshard.payload.evm.TransactionReview;
import io.keyshard.payload.evm.UniswapV2Pair;
import io.keyshard.payload.evm.UniversalRouterCall;
import io.keyshard.payload.evm.UniversalRouterCall.Command;
import io.keyshard.payload.evm.UniversalRouterCall.Step;
import io.keyshard.payload.evm.UniversalRouterCall.Swap;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The review of a Uniswap Universal Router call: each step in words (what is paid, what is bought and at least how
 * much, who gets it, which allowance a permit sets), and warnings for what takes value from the key: a swap nothing
 * protects against slippage, tokens sent to someone else, an allowance for someone other than the router, a large
 * fee, coins sent that no step uses.
 */
final class RouterRows {
    private final BigInteger chainId;
    private final String address;
    private final String router;
    private final BigInteger now;
    private final RouterWords words;

    private RouterRows(BigInteger chainId, String address, String router, Instant now) {
        this.chainId = chainId;
        this.address = address;
        this.router = router;
        this.now = BigInteger.valueOf(now.getEpochSecond());
        this.words = new RouterWords(chainId, address);
    }

    /**
     * Adds the rows and warnings of the call {@code t} makes to the router at {@code t.to()}; {@code now} is the
     * time a deadline already past is judged by.
     */
    static void add(
            UniversalRouterCall call,
            TransactionReview t,
            String address,
            Instant now,
            List<SignReview.Row> rows,
            List<String> warnings) {
        new RouterRows(t.chainId(), address, t.to(), now).rows(call, t, rows, warnings);
    }

    private void rows(UniversalRouterCall call, TransactionReview t, List<SignReview.Row> rows, List<String> warnings) {
        if (call.deadline() != null) {
            rows.add(new SignReview.Row("Deadline", EvmMessageRows.date(call.deadline())));
        }
        List<Step> steps = call.steps();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            String label = steps.size() == 1 ? "Step" : "Step " + (k + 1) + " of " + steps.size();
            boolean intoNextPool = k + 1 < steps.size() && paysIntoPoolOf(s, steps.get(k + 1));
            boolean paidBefore = k > 0 && paysIntoPoolOf(steps.get(k - 1), s);
            String who = intoNextPool
                    ? "the Uniswap v2 pool the next step swaps in"
                    : s.recipient() == null ? null : words.who(s.recipient());
            rows.add(new SignReview.Row(
                    label,
                    text(s, who, paidBefore)
                            + (s.mayFail() ? " (allowed to fail without failing the transaction)" : "")));
            if (!intoNextPool) {
                stepWarnings(label.toLowerCase(Locale.ROOT), s, warnings);
            }
        }
        passedDeadline(call, warnings);
        if (unprotected(steps)) {
            warnings.add("no step sets a least amount to receive: a bot that trades just before this swap can take "
                    + "almost all of it; have the app set a slippage limit and make the transaction again");
        }
        boolean usesCoin = steps.stream()
                .anyMatch(s -> s.command() == Command.WRAP_ETH
                        || UniversalRouterCall.COIN.equals(s.token())
                        || (s.v4() != null && V4SwapRows.usesCoin(s.v4())));
        if (t.valueWei().signum() != 0 && !usesCoin) {
            warnings.add("the transaction sends " + EvmChain.amount(chainId, t.value()) + " to the router, but no step "
                    + "uses it: it stays in the router, where anyone can take it");
        }
    }

    /**
     * A deadline already past: the router's own (it refuses the call once the block's time is past it), else a
     * permit's signature deadline (Permit2 refuses the signature, failing the call unless the step may fail). Either
     * way the transaction fails on chain and still pays for the gas it used.
     */
    private void passedDeadline(UniversalRouterCall call, List<String> warnings) {
        String fails = ": the transaction would fail on chain and still pay for the gas it used; have the app make "
                + "the transaction again";
        if (call.deadline() != null && call.deadline().compareTo(now) < 0) {
            warnings.add("the router's deadline, " + EvmMessageRows.date(call.deadline()) + ", has passed" + fails);
            return;
        }
        for (int k = 0; k < call.steps().size(); k++) {
            Step s = call.steps().get(k);
            if (s.permit() != null
                    && !s.mayFail()
                    && s.permit().signatureDeadline().compareTo(now) < 0) {
                warnings.add("the permit in step " + (k + 1) + " could be used until "
                        + EvmMessageRows.date(s.permit().signatureDeadline()) + ", which has passed" + fails);
                return;
            }
        }
    }

    /**
     * True when {@code s} pays straight into the first pool of {@code next}, a v2 swap: how the router chains a v3
     * pool into a v2 one without holding the tokens in between, or pays a v2 swap's input with a transfer before it.
     */
    private boolean paysIntoPoolOf(Step s, Step next) {
        if (next.swap() == null || next.swap().version() != 2) {
            return false;
        }
        List<String> route = next.swap().tokens();
        boolean pays = s.swap() != null
                || ((s.command() == Command.PERMIT2_TRANSFER_FROM || s.command() == Command.TRANSFER)
                        && route.get(0).equals(s.token()));
        return pays
                && UniswapV2Pair.of(chainId, route.get(0), route.get(1))
                        .map(s.recipient()::equals)
                        .orElse(false);
    }

    private String text(Step s, String who, boolean paidBefore) {
        BigInteger amount = s.amount();
        return switch (s.command()) {
            case V3_SWAP_EXACT_IN, V3_SWAP_EXACT_OUT, V2_SWAP_EXACT_IN, V2_SWAP_EXACT_OUT ->
                swapText(s.swap(), who, paidBefore);
            case WRAP_ETH ->
                "wrap "
                        + (RouterWords.all(amount)
                                ? "all the " + words.coin() + " the router holds"
                                : words.coinAmount(amount))
                        + " into " + words.wrapped() + ", to " + who;
            case UNWRAP_WETH ->
                "unwrap all the " + words.wrapped() + " the router holds (at least " + words.coinAmount(amount)
                        + ") into " + words.coin() + ", to " + who;
            case SWEEP ->
                "send all the router holds of " + words.name(s.token()) + " (at least "
                        + words.amount(s.token(), amount) + ") to " + who;
            case TRANSFER ->
                "send "
                        + (RouterWords.all(amount)
                                ? "all the router holds of " + words.name(s.token())
                                : words.amount(s.token(), amount))
                        + " from the router to " + who;
            case PAY_PORTION ->
                "pay " + RouterWords.percent(amount, 2) + " of the " + words.name(s.token()) + " the router holds to "
                        + who;
            case PERMIT2_TRANSFER_FROM ->
                "take " + words.amount(s.token(), amount) + " from this key's tokens through Permit2, to " + who;
            case PERMIT2_PERMIT -> permitText(s.permit().allowance());
            case V4_SWAP -> V4SwapRows.text(s.v4(), words);
            case BALANCE_CHECK_ERC20 ->
                "check that " + EvmMessageRows.marked(s.recipient(), address) + " holds at least "
                        + words.amount(s.token(), amount) + (s.mayFail() ? "" : ", or the transaction fails");
        };
    }

    /** A permit this key signed, handed to Permit2 by the router: the allowance it sets, to whom, until when. */
    private String permitText(Permit2Approval a) {
        return "give " + spender(a.spender()) + " a Permit2 allowance of " + allowance(a) + " until "
                + EvmMessageRows.permit2Until(a.expiration()) + ", by a permit this key signed";
    }

    private String allowance(Permit2Approval a) {
        return a.amount().equals(Permit2Approval.UNLIMITED)
                ? "any amount of " + words.name(a.token())
                : words.amount(a.token(), a.amount());
    }

    private String spender(String spender) {
        return spender.equalsIgnoreCase(router)
                ? "the router (it spends an allowance only in this key's own calls)"
                : EvmMessageRows.marked(spender, address);
    }

    /** A swap in words; {@code paidBefore} when the step before paid this swap's input into its pool. */
    private String swapText(Swap w, String who, boolean paidBefore) {
        String in = w.tokens().get(0);
        String out = w.tokens().get(w.tokens().size() - 1);
        String paid;
        if (paidBefore) {
            paid = "the " + words.name(in) + " the step before paid into the pool"
                    + (w.amountIn().signum() == 0 ? "" : " (and " + inAmount(w) + ")");
        } else if (!w.exactIn()) {
            paid = "at most " + words.amount(in, w.amountIn());
        } else {
            paid = inAmount(w);
        }
        String bought = (w.exactIn() ? "at least " : "exactly ") + words.amount(out, w.amountOut());
        List<String> route = new ArrayList<>();
        for (int k = 0; k < w.tokens().size(); k++) {
            if (k > 0 && !w.fees().isEmpty()) {
                // a v3 fee is in millionths: 500 is 0.05%
                route.add(RouterWords.percent(BigInteger.valueOf(w.fees().get(k - 1)), 4) + " pool");
            }
            route.add(words.name(w.tokens().get(k)));
        }
        return "swap " + paid + " for " + bought + " on Uniswap v" + w.version() + " (" + String.join(" → ", route)
                + "), paid "
                + (w.payerIsUser() ? "from this key's tokens through Permit2" : "from what the router holds")
                + ", to " + who;
    }

    /** An exact-input swap's input: an amount, all the router holds, or (v2) what was already sent to the pool. */
    private String inAmount(Swap w) {
        String in = w.tokens().get(0);
        if (RouterWords.all(w.amountIn())) {
            return "all the router holds of " + words.name(in);
        }
        if (w.version() == 2 && w.amountIn().signum() == 0) {
            return "the " + words.name(in) + " already sent to the pool";
        }
        return words.amount(in, w.amountIn());
    }

    private void stepWarnings(String step, Step s, List<String> warnings) {
        if (s.command() == Command.PERMIT2_PERMIT) {
            Permit2Approval a = s.permit().allowance();
            if (!a.spender().equalsIgnoreCase(router) && a.amount().signum() > 0) {
                warnings.add(step + " gives " + a.spender() + " a Permit2 allowance of " + allowance(a) + " until "
                        + EvmMessageRows.permit2Until(a.expiration()) + ": that address can then move this key's "
                        + "tokens with no further signature; sign only if you mean to trust it");
            }
            return;
        }
        if (s.command() == Command.BALANCE_CHECK_ERC20) {
            return;
        }
        if (s.command() == Command.V4_SWAP) {
            V4SwapRows.warnings(step, s.v4(), words, warnings);
            return;
        }
        String to = s.recipient();
        if (s.command() == Command.PAY_PORTION) {
            words.largeFee(step, s.amount(), s.token(), to).ifPresent(warnings::add);
        } else if (words.outside(to)) {
            warnings.add(RouterWords.elsewhere(step, s.swap() == null ? "moves" : "buys", to));
        }
    }

    /** True when the call swaps and nothing in it sets a least amount to receive. */
    private static boolean unprotected(List<Step> steps) {
        boolean swaps = steps.stream().anyMatch(s -> s.swap() != null || s.v4() != null);
        boolean least = steps.stream()
                .anyMatch(s -> s.swap() != null
                        ? !s.swap().exactIn() || s.swap().amountOut().signum() > 0
                        : s.v4() != null
                                ? V4SwapRows.protects(s.v4())
                                : (s.command() == Command.SWEEP || s.command() == Command.UNWRAP_WETH)
                                        && s.amount().signum() > 0);
        return swaps && !least;
    }
}
