package io.keyshard.client;

import io.keyshard.payload.evm.UniversalRouterCall;
import io.keyshard.payload.evm.V4Swap;
import io.keyshard.payload.evm.V4Swap.Action;
import io.keyshard.payload.evm.V4Swap.Hop;
import io.keyshard.payload.evm.V4Swap.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Universal Router step that swaps on Uniswap v4, in words: each action the pool manager runs (a swap and its
 * route, what is paid in and from where, what is taken out and to whom), and the warnings it calls for: proceeds sent
 * to someone else, a fee over 1%, pools whose hook contract runs its own code during the swap.
 */
final class V4SwapRows {
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private V4SwapRows() {}

    /** The step's actions in words, one after the other. */
    static String text(V4Swap v, RouterWords words) {
        List<String> parts = new ArrayList<>();
        for (Action a : v.actions()) {
            parts.add(action(a, words));
        }
        return "on Uniswap v4: " + String.join("; then ", parts);
    }

    private static String action(Action a, RouterWords w) {
        String c = a.currency();
        BigInteger n = a.amount();
        boolean open = V4Swap.OPEN_DELTA.equals(n);
        return switch (a.kind()) {
            case SWAP_EXACT_IN, SWAP_EXACT_IN_SINGLE -> {
                List<String> route = V4Swap.route(a);
                String out = route.get(route.size() - 1);
                yield "swap " + (open ? "all the " + w.name(c) + " paid in so far" : w.amount(c, n)) + " for at least "
                        + w.amount(out, a.limit()) + " (" + route(a, w) + ")";
            }
            case SWAP_EXACT_OUT, SWAP_EXACT_OUT_SINGLE -> {
                String in = V4Swap.route(a).get(0);
                yield "swap at most " + w.amount(in, a.limit()) + " for "
                        + (open ? "all the " + w.name(c) + " owed so far" : "exactly " + w.amount(c, n)) + " ("
                        + route(a, w) + ")";
            }
            case SETTLE ->
                "pay in "
                        + (open
                                ? "what the swap owes in " + w.name(c)
                                : RouterWords.all(n) ? "all the router holds of " + w.name(c) : w.amount(c, n))
                        + payer(c, a.payerIsUser(), w);
            case SETTLE_ALL ->
                "pay in what the swap owes in " + w.name(c) + " (at most " + w.amount(c, n) + ")" + payer(c, true, w);
            case TAKE ->
                "send " + (open ? "all the swap made of " + w.name(c) : w.amount(c, n) + " of what it made") + " to "
                        + w.who(a.recipient());
            case TAKE_ALL ->
                "send all the swap made of " + w.name(c) + " (at least " + w.amount(c, n) + ") to "
                        + w.who(UniversalRouterCall.MSG_SENDER);
            case TAKE_PORTION ->
                "pay " + RouterWords.percent(n, 2) + " of the " + w.name(c) + " the swap made to "
                        + w.who(a.recipient());
        };
    }

    /** Where a payment into the pool manager comes from: the coin always from the router's, a token as flagged. */
    private static String payer(String currency, boolean payerIsUser, RouterWords w) {
        if (currency.equals(V4Swap.COIN)) {
            return ", from the " + w.coin() + " the router holds";
        }
        return payerIsUser ? ", from this key's tokens through Permit2" : ", from what the router holds";
    }

    /** A swap's route: currencies from the one paid to the one bought, each pool by its fee and any hook. */
    private static String route(Action a, RouterWords w) {
        List<String> route = V4Swap.route(a);
        List<String> words = new ArrayList<>();
        for (int k = 0; k < route.size(); k++) {
            if (k > 0) {
                Hop hop = a.path().get(k - 1);
                words.add(RouterWords.percent(BigInteger.valueOf(hop.fee()), 4) + " pool"
                        + (hop.hooks().equals(ZERO) ? "" : " with hook " + hop.hooks()));
            }
            words.add(w.name(route.get(k)));
        }
        return String.join(" → ", words);
    }

    /** The warnings for one step's actions; {@code step} names the step in them. */
    static void warnings(String step, V4Swap v, RouterWords w, List<String> warnings) {
        Set<String> hooks = new LinkedHashSet<>();
        for (Action a : v.actions()) {
            a.path().stream().map(Hop::hooks).filter(h -> !h.equals(ZERO)).forEach(hooks::add);
            if (a.kind() == Kind.TAKE_PORTION) {
                w.largeFee(step, a.amount(), a.currency(), a.recipient()).ifPresent(warnings::add);
            } else if (a.kind() == Kind.TAKE && w.outside(a.recipient())) {
                warnings.add(RouterWords.elsewhere(step, "takes from the swap", a.recipient()));
            }
        }
        for (String hook : hooks) {
            warnings.add(step + " swaps through a Uniswap v4 pool whose hook contract " + hook + " runs its own code "
                    + "during the swap and can change what it pays: sign only for a pool you trust");
        }
    }

    /** True when an action sets a least amount to receive (or an exact amount out). */
    static boolean protects(V4Swap v) {
        return v.actions().stream()
                .anyMatch(a -> a.kind().exactOut()
                        || (a.kind().exactIn() && a.limit().signum() > 0)
                        || (a.kind() == Kind.TAKE_ALL && a.amount().signum() > 0));
    }

    /** True when an action pays the pool manager in the chain's coin, which the transaction sends to the router. */
    static boolean usesCoin(V4Swap v) {
        return v.actions().stream()
                .anyMatch(a -> (a.kind() == Kind.SETTLE || a.kind() == Kind.SETTLE_ALL)
                        && a.currency().equals(V4Swap.COIN));
    }
}
