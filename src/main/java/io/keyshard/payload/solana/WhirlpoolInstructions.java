package io.keyshard.payload.solana;

import java.math.BigInteger;
import java.util.List;

/**
 * The swaps of Orca's Whirlpool program (concentrated-liquidity pools), {@code swap}, {@code swap_v2},
 * {@code two_hop_swap} and {@code two_hop_swap_v2}, read from the account and argument layouts of its IDL with the
 * meaning its handlers give them (orca-so/whirlpools, {@code programs/whirlpool/src/instructions}): which token
 * account pays and which receives, the amount the swap fixes and the bound the program enforces on the other side.
 * An exact-in swap may stop early at its price limit or at the end of the pool's liquidity, so it sells up to its
 * amount; an exact-out swap with an explicit price limit may buy less than its amount. Data must be exactly as
 * Anchor would read it (bools 0 or 1, the v2 forms' optional remaining-accounts list to the last byte), or the
 * instruction stays undecoded.
 */
final class WhirlpoolInstructions {
    static final String PROGRAM = "whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc";

    /** The variants of the IDL's {@code AccountsType}, the tag of each slice of {@code RemainingAccountsInfo}. */
    private static final int ACCOUNTS_TYPES = 13;

    /** The four swap instructions: their discriminator, whether one pool or two, the v2 tail, the accounts needed. */
    private enum Form {
        SWAP("swap", false, false, 11),
        SWAP_V2("swap_v2", false, true, 15),
        TWO_HOP_SWAP("two_hop_swap", true, false, 20),
        TWO_HOP_SWAP_V2("two_hop_swap_v2", true, true, 24);

        final byte[] discriminator;
        final boolean twoHop;
        final boolean v2;
        final int accounts;

        Form(String name, boolean twoHop, boolean v2, int accounts) {
            this.discriminator = AnchorData.discriminator(name);
            this.twoHop = twoHop;
            this.v2 = v2;
            this.accounts = accounts;
        }

        /** Where the fixed arguments end: after the two price limits of a two-pool swap, or after one pool's. */
        int argumentsEnd() {
            return twoHop ? 59 : 42;
        }
    }

    private WhirlpoolInstructions() {}

    static InstructionText describe(InstructionData d) {
        for (Form form : Form.values()) {
            if (AnchorData.startsWith(d, form.discriminator)
                    && d.accountCount() >= form.accounts
                    && readsToTheEnd(d, form)) {
                return swap(d, form);
            }
        }
        return null;
    }

    /**
     * True when the data is what Anchor reads for the form: its bools 0 or 1, and nothing after the fixed arguments
     * but, in a v2 form, {@code Option<RemainingAccountsInfo>}: a 0, or a 1 and a u32-counted list of (type, length)
     * byte pairs whose type is one of the IDL's.
     */
    private static boolean readsToTheEnd(InstructionData d, Form form) {
        int end = form.argumentsEnd();
        if (d.length() < end) {
            return false;
        }
        int bools = form.twoHop ? 24 : 40;
        for (int i = bools; i < bools + (form.twoHop ? 3 : 2); i++) {
            if (d.u8(i) > 1) {
                return false;
            }
        }
        if (!form.v2) {
            return d.length() == end;
        }
        if (d.length() == end + 1) {
            return d.u8(end) == 0;
        }
        if (d.length() < end + 5 || d.u8(end) != 1) {
            return false;
        }
        long slices = d.u32(end + 1);
        if (slices != (d.length() - end - 5) / 2 || (d.length() - end - 5) % 2 != 0) {
            return false;
        }
        for (int i = end + 5; i < d.length(); i += 2) {
            if (d.u8(i) >= ACCOUNTS_TYPES) {
                return false;
            }
        }
        return true;
    }

    /**
     * Who pays and who receives, by the IDL's account names and the handlers' use of {@code a_to_b}; an exact-in swap
     * may stop early, an exact-out one only at an explicit price limit on the pool that delivers what is bought.
     */
    private static InstructionText swap(InstructionData d, Form form) {
        boolean exactIn = d.u8(form.twoHop ? 24 : 40) == 1;
        boolean partial = exactIn || !d.isZeroU128(form.twoHop ? 43 : 24);
        BigInteger amount = d.u64(8);
        BigInteger bound = d.u64(16);
        return switch (form) {
            case SWAP ->
                d.u8(41) == 1
                        ? new PoolSwap(1, 3, -1, 5, -1, List.of(2), exactIn, amount, bound, partial).describe(d, null)
                        : new PoolSwap(1, 5, -1, 3, -1, List.of(2), exactIn, amount, bound, partial).describe(d, null);
            case SWAP_V2 ->
                d.u8(41) == 1
                        ? new PoolSwap(3, 7, 5, 9, 6, List.of(4), exactIn, amount, bound, partial).describe(d, null)
                        : new PoolSwap(3, 9, 6, 7, 5, List.of(4), exactIn, amount, bound, partial).describe(d, null);
            case TWO_HOP_SWAP -> {
                boolean aToBOne = d.u8(25) == 1;
                boolean aToBTwo = d.u8(26) == 1;
                int hopOut = aToBOne ? 6 : 4;
                int hopIn = aToBTwo ? 8 : 10;
                PoolSwap swap = new PoolSwap(
                        1, aToBOne ? 4 : 6, -1, aToBTwo ? 10 : 8, -1, List.of(2, 3), exactIn, amount, bound, partial);
                yield swap.describe(d, d.account(hopOut).equals(d.account(hopIn)) ? null : middle(d, hopOut, hopIn));
            }
            case TWO_HOP_SWAP_V2 ->
                new PoolSwap(14, 8, 2, 13, 4, List.of(0, 1), exactIn, amount, bound, partial).describe(d, null);
        };
    }

    /** The first form of a two-pool swap passes the tokens between the pools through the key's own accounts. */
    private static String middle(InstructionData d, int hopOut, int hopIn) {
        return "the tokens between the two pools go to the token account " + d.account(hopOut)
                + ", but the second pool takes them from another, " + d.account(hopIn) + ": unless both are yours, "
                + "the swap pays them to whoever holds the first";
    }
}
