package io.keyshard.payload.evm;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Universal Router's {@code V4_SWAP} command: the actions it hands Uniswap v4's pool manager, read exactly as
 * v4-periphery's {@code V4Router} (the one router 2.0 is built with) decodes {@code abi.encode(bytes actions, bytes[]
 * params)}. Read when every action is a swap (multi-hop or single-pool, exact in or out) or a settle or take; any
 * other action (a pair settle, a wrap, a position) leaves the command unread.
 *
 * @param actions the actions in the order the pool manager runs them
 */
public record V4Swap(List<Action> actions) {
    /** A currency meaning the chain's coin (v4 pools hold it natively). */
    public static final String COIN = "0x0000000000000000000000000000000000000000";
    /** An amount meaning "whatever the swap owes or is owed so far" (v4-periphery's OPEN_DELTA). */
    public static final BigInteger OPEN_DELTA = BigInteger.ZERO;

    /** The actions read, by their byte in {@code actions} (v4-periphery's {@code Actions}). */
    public enum Kind {
        SWAP_EXACT_IN_SINGLE(0x06),
        SWAP_EXACT_IN(0x07),
        SWAP_EXACT_OUT_SINGLE(0x08),
        SWAP_EXACT_OUT(0x09),
        SETTLE(0x0b),
        SETTLE_ALL(0x0c),
        TAKE(0x0e),
        TAKE_ALL(0x0f),
        TAKE_PORTION(0x10);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        /** The action's byte in {@code actions}. */
        public int code() {
            return code;
        }

        static Optional<Kind> of(int code) {
            return Arrays.stream(values()).filter(k -> k.code == code).findFirst();
        }

        /** True for the swap actions. */
        public boolean swaps() {
            return exactIn() || exactOut();
        }

        /** True for a swap of an exact amount in, over a path or one pool. */
        public boolean exactIn() {
            return this == SWAP_EXACT_IN || this == SWAP_EXACT_IN_SINGLE;
        }

        /** True for a swap for an exact amount out, over a path or one pool. */
        public boolean exactOut() {
            return this == SWAP_EXACT_OUT || this == SWAP_EXACT_OUT_SINGLE;
        }
    }

    /**
     * One pool of a swap's path ({@code PathKey}): the currency on its far side and the pool's fee, tick spacing and
     * hook contract, with the data handed to the hook.
     *
     * @param currency the intermediate currency (EIP-55; {@link #COIN} for the coin)
     * @param fee the pool's fee in millionths
     * @param tickSpacing the pool's tick spacing
     * @param hooks the pool's hook contract (EIP-55); the zero address for none
     * @param hookData what the swap hands the hook (hex, no 0x)
     */
    public record Hop(String currency, int fee, int tickSpacing, String hooks, String hookData) {}

    /**
     * One action with its parameters.
     *
     * @param kind what the action does
     * @param currency a swap's currency in (exact in) or out (exact out); the currency paid or taken otherwise
     * @param recipient a TAKE's or TAKE_PORTION's recipient as written ({@link UniversalRouterCall#MSG_SENDER},
     *     {@link UniversalRouterCall#ADDRESS_THIS} or an address); null for the others
     * @param amount a swap's exact amount in or out, a SETTLE's or TAKE's amount ({@link #OPEN_DELTA}: all of it;
     *     {@link UniversalRouterCall#CONTRACT_BALANCE} for a SETTLE: all the router holds), SETTLE_ALL's most,
     *     TAKE_ALL's least, TAKE_PORTION's bips
     * @param limit a swap's least amount out (exact in) or most amount in (exact out); null for the others
     * @param payerIsUser a SETTLE's payer: true for the sender, false for the router; null for the others
     * @param path a swap's pools, as the action lists them (a single-pool swap: its one pool, by the currency on
     *     the far side); empty for the others
     */
    public record Action(
            Kind kind,
            String currency,
            String recipient,
            BigInteger amount,
            BigInteger limit,
            Boolean payerIsUser,
            List<Hop> path) {}

    /** The command's input, when it is {@code abi.encode(actions, params)} of actions all read here; else empty. */
    static Optional<V4Swap> decode(byte[] input) {
        AbiArguments a = AbiArguments.encoded(input, 2);
        byte[] codes = a == null ? null : a.bytes(0);
        List<byte[]> params = codes == null ? null : a.bytesList(1);
        if (params == null || !a.complete() || params.size() != codes.length || codes.length == 0) {
            return Optional.empty();
        }
        Action[] actions = new Action[codes.length];
        for (int k = 0; k < codes.length; k++) {
            byte[] param = params.get(k);
            actions[k] = Kind.of(codes[k] & 0xff).map(c -> action(c, param)).orElse(null);
            if (actions[k] == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new V4Swap(List.of(actions)));
    }

    private static Action action(Kind kind, byte[] p) {
        return switch (kind) {
            case SWAP_EXACT_IN, SWAP_EXACT_OUT -> swap(kind, p);
            case SWAP_EXACT_IN_SINGLE, SWAP_EXACT_OUT_SINGLE -> singlePool(kind, p);
            case SETTLE -> settle(p);
            case SETTLE_ALL, TAKE_ALL -> currencyAndAmount(kind, p);
            case TAKE, TAKE_PORTION -> take(kind, p);
        };
    }

    /**
     * {@code ExactInputParams(currencyIn, PathKey[] path, uint128 amountIn, uint128 amountOutMinimum)}, or {@code
     * ExactOutputParams(currencyOut, path, amountOut, amountInMaximum)}: one tuple, so its offset and then its heads.
     */
    private static Action swap(Kind kind, byte[] p) {
        AbiArguments outer = AbiArguments.encoded(p, 1);
        AbiArguments t = outer == null ? null : outer.tuple(0, 4);
        if (t == null) {
            return null;
        }
        String currency = t.address(0);
        List<Hop> path = t.tuples(1, 5, V4Swap::hop);
        BigInteger amount = t.uint(2);
        BigInteger limit = t.uint(3);
        if (currency == null
                || path == null
                || path.isEmpty()
                || !t.complete()
                || amount.bitLength() > 128
                || limit.bitLength() > 128) {
            return null;
        }
        return new Action(kind, currency, null, amount, limit, null, List.copyOf(path));
    }

    /**
     * {@code ExactInputSingleParams(PoolKey(currency0, currency1, uint24 fee, int24 tickSpacing, hooks), bool
     * zeroForOne, uint128 amountIn, uint128 amountOutMinimum, bytes hookData)}, or the exact-output form with
     * {@code amountOut, amountInMaximum}: one tuple, the pool key's five words inline. A key whose currencies are not
     * in order names no pool (v4-core initializes none such), so it is left unread.
     */
    private static Action singlePool(Kind kind, byte[] p) {
        AbiArguments outer = AbiArguments.encoded(p, 1);
        AbiArguments t = outer == null ? null : outer.tuple(0, 9);
        if (t == null) {
            return null;
        }
        String currency0 = t.address(0);
        String currency1 = t.address(1);
        BigInteger fee = t.uint(2);
        BigInteger tickSpacing = t.signed(3, 24);
        String hooks = t.address(4);
        Boolean zeroForOne = t.bool(5);
        BigInteger amount = t.uint(6);
        BigInteger limit = t.uint(7);
        byte[] hookData = t.bytes(8);
        if (currency0 == null
                || currency1 == null
                || new BigInteger(currency0.substring(2), 16).compareTo(new BigInteger(currency1.substring(2), 16)) >= 0
                || fee.bitLength() > 24
                || tickSpacing == null
                || hooks == null
                || zeroForOne == null
                || hookData == null
                || !t.complete()
                || amount.bitLength() > 128
                || limit.bitLength() > 128) {
            return null;
        }
        // the currency the action names, as the multi-hop form does: paid in (exact in) or bought (exact out)
        boolean named0 = zeroForOne == kind.exactIn();
        Hop pool = new Hop(
                named0 ? currency1 : currency0,
                fee.intValueExact(),
                tickSpacing.intValueExact(),
                hooks,
                Hex.encode(hookData));
        return new Action(kind, named0 ? currency0 : currency1, null, amount, limit, null, List.of(pool));
    }

    /** {@code PathKey(intermediateCurrency, uint24 fee, int24 tickSpacing, hooks, bytes hookData)}. */
    private static Hop hop(AbiArguments h) {
        String currency = h.address(0);
        BigInteger fee = h.uint(1);
        BigInteger tickSpacing = h.signed(2, 24);
        String hooks = h.address(3);
        byte[] hookData = currency == null ? null : h.bytes(4);
        if (hookData == null || fee.bitLength() > 24 || tickSpacing == null || hooks == null) {
            return null;
        }
        return new Hop(currency, fee.intValueExact(), tickSpacing.intValueExact(), hooks, Hex.encode(hookData));
    }

    /** (currency, uint256 amount, bool payerIsUser). */
    private static Action settle(byte[] p) {
        AbiArguments a = AbiArguments.encoded(p, 3);
        Boolean payerIsUser = a == null ? null : a.bool(2);
        if (payerIsUser == null || !a.complete() || a.address(0) == null) {
            return null;
        }
        return new Action(Kind.SETTLE, a.address(0), null, a.uint(1), null, payerIsUser, List.of());
    }

    /** (currency, uint256 amount): SETTLE_ALL's most to pay, TAKE_ALL's least to take. */
    private static Action currencyAndAmount(Kind kind, byte[] p) {
        AbiArguments a = AbiArguments.encoded(p, 2);
        if (a == null || !a.complete() || a.address(0) == null) {
            return null;
        }
        return new Action(kind, a.address(0), null, a.uint(1), null, null, List.of());
    }

    /** (currency, address recipient, uint256 amount): a TAKE's amount, a TAKE_PORTION's bips. */
    private static Action take(Kind kind, byte[] p) {
        AbiArguments a = AbiArguments.encoded(p, 3);
        if (a == null || !a.complete() || a.address(0) == null || a.address(1) == null) {
            return null;
        }
        return new Action(kind, a.address(0), a.address(1), a.uint(2), null, null, List.of());
    }

    /** A swap's currencies from the one paid to the one bought, and each pool's fee between two of them. */
    public static List<String> route(Action swap) {
        List<String> hops = swap.path().stream().map(Hop::currency).toList();
        return swap.kind().exactIn() ? concat(List.of(swap.currency()), hops) : concat(hops, List.of(swap.currency()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
