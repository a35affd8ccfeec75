package io.keyshard.payload.solana;

import java.math.BigInteger;
import java.util.ArrayList;
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

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** The variants of the IDL's {@code AccountsType}, the tag of each slice of {@code RemainingAccountsInfo}. */
    private static final int ACCOUNTS_TYPES = 13;

    private static final String NO_MINT = "the instruction does not name their mint";

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

    /**
     * One swap's accounts by role (instruction positions; a mint of -1 is one the form does not name), and whether
     * the amount fixed is exact when bought (no explicit price limit on the pool that delivers it).
     */
    private record Roles(
            int authority,
            int source,
            int sourceMint,
            int destination,
            int destinationMint,
            int[] pools,
            int hopOut,
            int hopIn,
            boolean exactOutFills) {}

    private WhirlpoolInstructions() {}

    static InstructionText describe(InstructionData d) {
        for (Form form : Form.values()) {
            if (AnchorData.startsWith(d, form.discriminator)
                    && d.accountCount() >= form.accounts
                    && readsToTheEnd(d, form)) {
                return text(d, form);
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

    /** Who pays and who receives, by the IDL's account names and the handler's use of {@code a_to_b}. */
    private static Roles roles(InstructionData d, Form form) {
        boolean exactOutFills = isZero(d, form.twoHop ? 43 : 24);
        return switch (form) {
            case SWAP ->
                d.u8(41) == 1
                        ? new Roles(1, 3, -1, 5, -1, new int[] {2}, -1, -1, exactOutFills)
                        : new Roles(1, 5, -1, 3, -1, new int[] {2}, -1, -1, exactOutFills);
            case SWAP_V2 ->
                d.u8(41) == 1
                        ? new Roles(3, 7, 5, 9, 6, new int[] {4}, -1, -1, exactOutFills)
                        : new Roles(3, 9, 6, 7, 5, new int[] {4}, -1, -1, exactOutFills);
            case TWO_HOP_SWAP -> {
                boolean aToBOne = d.u8(25) == 1;
                boolean aToBTwo = d.u8(26) == 1;
                yield new Roles(
                        1,
                        aToBOne ? 4 : 6,
                        -1,
                        aToBTwo ? 10 : 8,
                        -1,
                        new int[] {2, 3},
                        aToBOne ? 6 : 4,
                        aToBTwo ? 8 : 10,
                        exactOutFills);
            }
            case TWO_HOP_SWAP_V2 -> new Roles(14, 8, 2, 13, 4, new int[] {0, 1}, -1, -1, exactOutFills);
        };
    }

    private static InstructionText text(InstructionData d, Form form) {
        Roles r = roles(d, form);
        BigInteger amount = d.u64(8);
        BigInteger threshold = d.u64(16);
        boolean exactIn = d.u8(form.twoHop ? 24 : 40) == 1;
        String sourceMint = KnownMint.ofAccount(d, r.sourceMint, r.source);
        String destinationMint = KnownMint.ofAccount(d, r.destinationMint, r.destination);
        String from = " from the token account " + d.account(r.source);
        String trade = exactIn
                ? "up to " + KnownMint.amount(amount, sourceMint) + from + " for at least "
                        + KnownMint.amount(threshold, destinationMint)
                : "at most " + KnownMint.amount(threshold, sourceMint) + from + " for "
                        + (r.exactOutFills
                                ? "exactly " + KnownMint.amount(amount, destinationMint)
                                : KnownMint.amount(amount, destinationMint) + " or less, if the swap reaches its "
                                        + "price limit first");
        boolean own = ProgramAddress.isAssociated(d.address(r.destination), d.self(), destinationMint);
        List<String> pools = new ArrayList<>();
        for (int pool : r.pools) {
            pools.add(d.account(pool));
        }
        String action = "swap " + trade + InstructionText.into(d, r.destination, own) + "; authority "
                + d.account(r.authority) + "; " + (pools.size() == 1 ? "in the pool " : "through the pools ")
                + String.join(" and ", pools);
        return new InstructionText(null, action, warnings(d, r, exactIn, threshold, own, destinationMint));
    }

    private static String warnings(
            InstructionData d, Roles r, boolean exactIn, BigInteger threshold, boolean own, String destinationMint) {
        List<String> warnings = new ArrayList<>();
        if (!own) {
            String elsewhere = InstructionText.notOwnWarning(
                    d,
                    "the tokens bought",
                    r.destination,
                    destinationMint,
                    r.destinationMint < 0 ? NO_MINT : InstructionText.MINT_FROM_TABLE);
            if (elsewhere != null) {
                warnings.add(elsewhere);
            }
        }
        if (exactIn && threshold.signum() == 0) {
            warnings.add("the swap accepts any amount in return, even nothing: bots that trade around a swap take "
                    + "such room; ask the app for a minimum");
        } else if (!exactIn && threshold.equals(U64_MAX)) {
            warnings.add("the swap pays whatever the pool asks: bots that trade around a swap take such room; ask "
                    + "the app for a maximum");
        }
        if (r.hopOut >= 0 && !d.account(r.hopOut).equals(d.account(r.hopIn))) {
            warnings.add("the tokens between the two pools go to the token account " + d.account(r.hopOut)
                    + ", but the second pool takes them from another, " + d.account(r.hopIn) + ": unless both are "
                    + "yours, the swap pays them to whoever holds the first");
        }
        return warnings.isEmpty() ? null : String.join("; ", warnings);
    }

    /** True when the u128 price limit at {@code at} is 0, the program's "no explicit limit". */
    private static boolean isZero(InstructionData d, int at) {
        return d.u64(at).signum() == 0 && d.u64(at + 8).signum() == 0;
    }
}
