package io.keyshard.payload.solana;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A swap against liquidity pools in the terms its program enforces: the token account that pays and the one that
 * receives (instruction positions; a mint position of -1 is one the instruction does not name), the amount the swap
 * fixes and the bound the program holds the other side to. One wording and one set of warnings for every pool
 * program decoded here.
 *
 * @param authority the account that signs for the paying token account
 * @param exactIn   the amount is what is sold (the bound the least bought), else what is bought (the bound the most
 *                  sold)
 * @param partial   the program may stop before the amount is filled (at a price limit, or the pool's liquidity)
 */
record PoolSwap(
        int authority,
        int source,
        int sourceMint,
        int destination,
        int destinationMint,
        List<Integer> pools,
        boolean exactIn,
        BigInteger amount,
        BigInteger bound,
        boolean partial) {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static final String NO_MINT = "the instruction does not say which mint they are";

    /**
     * A swap in one pool, filled exactly, whose arguments give the paying side first: the amount sold then the least
     * bought (exact in), or the most sold then the amount bought (exact out).
     */
    static PoolSwap paidThenBought(
            int authority,
            int source,
            int sourceMint,
            int destination,
            int destinationMint,
            int pool,
            boolean exactIn,
            BigInteger paid,
            BigInteger bought) {
        return new PoolSwap(
                authority,
                source,
                sourceMint,
                destination,
                destinationMint,
                List.of(pool),
                exactIn,
                exactIn ? paid : bought,
                exactIn ? bought : paid,
                false);
    }

    /**
     * The warning for a bound that holds the swap to nothing: a least bought of 0 ({@code exactIn}) or a most sold of
     * 2^64-1; else null.
     */
    static String boundWarning(boolean exactIn, BigInteger bound) {
        if (exactIn && bound.signum() == 0) {
            return "the swap accepts any amount in return, even nothing: bots that trade around a swap take such "
                    + "room; ask the app for a minimum";
        }
        if (!exactIn && bound.equals(U64_MAX)) {
            return "the swap pays whatever the pool asks: bots that trade around a swap take such room; ask the app "
                    + "for a maximum";
        }
        return null;
    }

    /** The swap in words, with {@code more} (or null) after its own warnings. */
    InstructionText describe(InstructionData d, String more) {
        String paid = KnownMint.ofAccount(d, sourceMint, source);
        String bought = KnownMint.ofAccount(d, destinationMint, destination);
        String from = " from the token account " + d.account(source);
        String trade = exactIn
                ? (partial ? "up to " : "") + KnownMint.amount(amount, paid) + from + " for at least "
                        + KnownMint.amount(bound, bought)
                : "at most " + KnownMint.amount(bound, paid) + from + " for "
                        + (partial
                                ? KnownMint.amount(amount, bought) + " or less, if the swap reaches its price limit "
                                        + "first"
                                : "exactly " + KnownMint.amount(amount, bought));
        boolean own = ProgramAddress.isAssociated(d.address(destination), d.self(), bought);
        List<String> names = new ArrayList<>();
        pools.forEach(p -> names.add(d.account(p)));
        String action = "swap " + trade + InstructionText.into(d, destination, own) + "; authority "
                + d.account(authority) + "; " + (names.size() == 1 ? "in the pool " : "through the pools ")
                + String.join(" and ", names);
        List<String> warnings = new ArrayList<>();
        String elsewhere = own
                ? null
                : InstructionText.notOwnWarning(
                        d,
                        "the tokens bought",
                        destination,
                        bought,
                        destinationMint < 0 ? NO_MINT : InstructionText.MINT_FROM_TABLE);
        if (elsewhere != null) {
            warnings.add(elsewhere);
        }
        String loose = boundWarning(exactIn, bound);
        if (loose != null) {
            warnings.add(loose);
        }
        if (more != null) {
            warnings.add(more);
        }
        return new InstructionText(null, action, warnings.isEmpty() ? null : String.join("; ", warnings));
    }
}
