package io.keyshard.payload.solana;

import java.math.BigInteger;
import java.util.List;

/**
 * The trades of pump.fun, read by the account order and argument layouts of the IDLs pump.fun publishes
 * (pump-fun/pump-public-docs, {@code idl/pump.json} and {@code idl/pump_amm.json}) and the meaning its documents give
 * them: the bonding curve's {@code buy}, {@code buy_exact_sol_in} and {@code sell} of a SOL-paired coin, paid in the
 * buyer's own SOL, its {@code buy_v2}, {@code buy_exact_quote_in_v2} and {@code sell_v2} for any quote mint
 * ({@code docs/instructions/BUY.md}, {@code SELL.md}: wrapped SOL as the quote mint means native SOL), and the
 * PumpSwap AMM's {@code buy}, {@code buy_exact_quote_in} and {@code sell} between the user's token accounts. Both
 * programs take accounts after the IDL's (fee recipients, cashback accounts), so more accounts than the form's are
 * read; the data must be exactly the arguments, a buy's optional {@code track_volume} flag included or not.
 */
final class PumpInstructions {
    static final String BONDING_CURVE = "6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P";
    static final String AMM = "pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA";

    private static final String WRAPPED_SOL = "So11111111111111111111111111111111111111112";

    private static final byte[] BUY = AnchorData.discriminator("buy");
    private static final byte[] BUY_EXACT_SOL_IN = AnchorData.discriminator("buy_exact_sol_in");
    private static final byte[] SELL = AnchorData.discriminator("sell");
    private static final byte[] BUY_V2 = AnchorData.discriminator("buy_v2");
    private static final byte[] BUY_EXACT_QUOTE_IN_V2 = AnchorData.discriminator("buy_exact_quote_in_v2");
    private static final byte[] SELL_V2 = AnchorData.discriminator("sell_v2");
    private static final byte[] BUY_EXACT_QUOTE_IN = AnchorData.discriminator("buy_exact_quote_in");

    private PumpInstructions() {}

    /**
     * A trade on a bonding curve, by instruction positions: the user who signs and pays or is paid, the coin's mint
     * and the user's token account of it, the quote mint and the user's account of it (-1: SOL of the user itself).
     *
     * @param buy         coins are bought, else sold
     * @param exactCoins  the coin amount is fixed and the quote amount is the bound, else the quote amount is what
     *                    is spent (up to it) and the coin amount the least bought
     */
    private record CurveTrade(
            int user,
            int mint,
            int coins,
            int quoteMint,
            int quote,
            int curve,
            boolean buy,
            boolean exactCoins,
            BigInteger coinAmount,
            BigInteger quoteAmount) {}

    /** An instruction of the bonding-curve program in words, or null when it is not one of its trades. */
    static InstructionText bondingCurve(InstructionData d) {
        CurveTrade t = curveTrade(d);
        if (t == null) {
            return null;
        }
        if (t.quote >= 0) {
            // a quote token other than SOL: the curve is then a pool between the user's two token accounts
            int paid = t.buy ? t.quote : t.coins;
            int bought = t.buy ? t.coins : t.quote;
            boolean exactIn = t.buy != t.exactCoins;
            BigInteger amount = t.exactCoins ? t.coinAmount : t.quoteAmount;
            BigInteger bound = t.exactCoins ? t.quoteAmount : t.coinAmount;
            int paidMint = t.buy ? t.quoteMint : t.mint;
            int boughtMint = t.buy ? t.mint : t.quoteMint;
            return new PoolSwap(
                            t.user,
                            paid,
                            paidMint,
                            bought,
                            boughtMint,
                            List.of(t.curve),
                            exactIn,
                            amount,
                            bound,
                            t.buy && !t.exactCoins)
                    .describe(d, null);
        }
        return solTrade(d, t);
    }

    /** The bonding curve's trade forms, by their IDL's account positions; null for anything else. */
    private static CurveTrade curveTrade(InstructionData d) {
        int length = buyLength(d);
        if (AnchorData.is(d, BUY, length, 16) || AnchorData.is(d, BUY_EXACT_SOL_IN, length, 16)) {
            boolean exact = AnchorData.startsWith(d, BUY);
            // global, fee recipient, mint, bonding curve, its token account, the user's token account, user, ...
            return new CurveTrade(
                    6, 2, 5, -1, -1, 3, true, exact, exact ? d.u64(8) : d.u64(16), exact ? d.u64(16) : d.u64(8));
        }
        if (AnchorData.is(d, SELL, 24, 14)) {
            return new CurveTrade(6, 2, 5, -1, -1, 3, false, true, d.u64(8), d.u64(16));
        }
        boolean buy = AnchorData.is(d, BUY_V2, 24, 27) || AnchorData.is(d, BUY_EXACT_QUOTE_IN_V2, 24, 27);
        if (!buy && !AnchorData.is(d, SELL_V2, 24, 26)) {
            return null;
        }
        // global, base mint, quote mint, their token programs, ..., bonding curve (10), user (13), the user's base
        // and quote token accounts (14, 15); wrapped SOL as the quote mint is paid and received as the user's SOL
        boolean exact = !AnchorData.startsWith(d, BUY_EXACT_QUOTE_IN_V2);
        int quote = WRAPPED_SOL.equals(d.address(2)) ? -1 : 15;
        return new CurveTrade(
                13, 1, 14, 2, quote, 10, buy, exact, exact ? d.u64(8) : d.u64(16), exact ? d.u64(16) : d.u64(8));
    }

    /**
     * The length a buy's data must have: two u64 after the discriminator, then the optional {@code track_volume}
     * flag (an OptionBool: one byte, 0 or 1), which a client may leave out.
     */
    private static int buyLength(InstructionData d) {
        return d.length() == 25 && d.u8(24) <= 1 ? 25 : 24;
    }

    /** A bonding-curve trade paid or received in the user's own SOL. */
    private static InstructionText solTrade(InstructionData d, CurveTrade t) {
        String coin = d.address(t.mint);
        String coins = KnownMint.amount(t.coinAmount, coin);
        String sol = InstructionData.sol(t.quoteAmount);
        String curve = "; on the pump.fun bonding curve " + d.account(t.curve);
        if (!t.buy) {
            return warnedIf(
                    "sell exactly " + coins + " from the token account " + d.account(t.coins) + " for at least " + sol
                            + ", fees deducted, paid to " + d.account(t.user) + curve,
                    PoolSwap.boundWarning(true, t.quoteAmount));
        }
        boolean own = ProgramAddress.isAssociated(d.address(t.coins), d.self(), coin);
        String trade = t.exactCoins
                ? "buy exactly " + coins + " for at most " + sol
                : "buy at least " + coins + " for up to " + sol;
        String action =
                trade + ", fees included, from " + d.account(t.user) + InstructionText.into(d, t.coins, own) + curve;
        String elsewhere = own ? null : InstructionText.notOwnWarning(d, "the tokens bought", t.coins, coin);
        String bound = PoolSwap.boundWarning(!t.exactCoins, t.exactCoins ? t.quoteAmount : t.coinAmount);
        return warnedIf(action, elsewhere == null ? bound : bound == null ? elsewhere : elsewhere + "; " + bound);
    }

    private static InstructionText warnedIf(String action, String warning) {
        return warning == null ? InstructionText.said(action) : InstructionText.warned(action, warning);
    }

    /**
     * PumpSwap: {@code buy(base_amount_out, max_quote_amount_in)}, {@code buy_exact_quote_in(spendable_quote_in,
     * min_base_amount_out)} (spends up to its amount) and {@code sell(base_amount_in, min_quote_amount_out)}; accounts
     * pool, user, global config, base and quote mints, the user's base and quote token accounts, ...
     */
    static InstructionText amm(InstructionData d) {
        int length = buyLength(d);
        if (AnchorData.is(d, BUY, length, 23)) {
            return PoolSwap.paidThenBought(1, 6, 4, 5, 3, 0, false, d.u64(16), d.u64(8))
                    .describe(d, null);
        }
        if (AnchorData.is(d, BUY_EXACT_QUOTE_IN, length, 23)) {
            return new PoolSwap(1, 6, 4, 5, 3, List.of(0), true, d.u64(8), d.u64(16), true).describe(d, null);
        }
        if (AnchorData.is(d, SELL, 24, 21)) {
            return PoolSwap.paidThenBought(1, 5, 3, 6, 4, 0, true, d.u64(8), d.u64(16))
                    .describe(d, null);
        }
        return null;
    }

    /**
     * The most SOL a bonding-curve buy takes from this key: its bound when the key is the buyer and pays in SOL
     * (the program may also take the rent of accounts it opens for the buyer).
     */
    static BigInteger lamportsFrom(InstructionData d) {
        return buysWithOwnSol(d) ? curveTrade(d).quoteAmount : BigInteger.ZERO;
    }

    /** True when {@code d} is a bonding-curve buy that this key pays in its own SOL. */
    static boolean buysWithOwnSol(InstructionData d) {
        CurveTrade t = curveTrade(d);
        return t != null && t.buy && t.quote < 0 && d.isSelf(t.user);
    }
}
