package io.keyshard.payload.solana;

import java.util.List;

/**
 * The swaps of Meteora's DLMM program (liquidity in price bins): {@code swap}, {@code swap2}, {@code swap_exact_out}
 * and {@code swap_exact_out2}, read from the account and argument layouts of the IDL Meteora publishes
 * (MeteoraAg/dlmm-sdk, {@code idls/dlmm.json}; the program's source is not published). The user's token accounts in
 * and out are named; the pair's two mints are named but not which one each account holds, so that is told by the key's
 * own associated token accounts. An exact-in swap is said to sell up to its amount, since nothing published says the
 * program must fill it. Data must read to its last byte, or the instruction stays undecoded.
 */
final class DlmmInstructions {
    static final String PROGRAM = "LBUZKhRxPF3XUpBCjp4YzTKgLccjZhTSDM9YuVaPwxo";

    /** The variants of the IDL's {@code AccountsType}; {@code TransferHookMultiReward} (3) carries a u8. */
    private static final int ACCOUNTS_TYPES = 5;

    private static final int MULTI_REWARD = 3;

    private static final int LB_PAIR = 0;
    private static final int USER_TOKEN_IN = 4;
    private static final int USER_TOKEN_OUT = 5;
    private static final int TOKEN_X_MINT = 6;
    private static final int TOKEN_Y_MINT = 7;
    private static final int USER = 10;

    /** The four forms: discriminator, exact in or out, the v2 {@code RemainingAccountsInfo} tail, the accounts. */
    private enum Form {
        SWAP("swap", true, false, 15),
        SWAP2("swap2", true, true, 16),
        SWAP_EXACT_OUT("swap_exact_out", false, false, 15),
        SWAP_EXACT_OUT2("swap_exact_out2", false, true, 16);

        final byte[] discriminator;
        final boolean exactIn;
        final boolean v2;
        final int accounts;

        Form(String name, boolean exactIn, boolean v2, int accounts) {
            this.discriminator = AnchorData.discriminator(name);
            this.exactIn = exactIn;
            this.v2 = v2;
            this.accounts = accounts;
        }
    }

    private DlmmInstructions() {}

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
     * Two u64 after the discriminator, then in a v2 form {@code RemainingAccountsInfo}: a u32 count of slices, each an
     * accounts type of the IDL (with its u8 for the multi-reward one) and a u8 length, to the last byte.
     */
    private static boolean readsToTheEnd(InstructionData d, Form form) {
        if (!form.v2) {
            return d.length() == 24;
        }
        if (d.length() < 28) {
            return false;
        }
        long slices = d.u32(24);
        int at = 28;
        for (long i = 0; i < slices; i++) {
            if (at >= d.length() || d.u8(at) >= ACCOUNTS_TYPES) {
                return false;
            }
            at += d.u8(at) == MULTI_REWARD ? 3 : 2;
            if (at > d.length()) {
                return false;
            }
        }
        return at == d.length();
    }

    /** {@code amount_in, min_amount_out} or {@code max_in_amount, out_amount}: the paying side first either way. */
    private static InstructionText swap(InstructionData d, Form form) {
        int inMint = ownMint(d, USER_TOKEN_IN);
        int outMint = ownMint(d, USER_TOKEN_OUT);
        if (inMint < 0 && outMint >= 0) {
            inMint = otherMint(outMint);
        } else if (outMint < 0 && inMint >= 0) {
            outMint = otherMint(inMint);
        }
        PoolSwap swap = form.exactIn
                ? new PoolSwap(
                        USER,
                        USER_TOKEN_IN,
                        inMint,
                        USER_TOKEN_OUT,
                        outMint,
                        List.of(LB_PAIR),
                        true,
                        d.u64(8),
                        d.u64(16),
                        true)
                : PoolSwap.paidThenBought(
                        USER, USER_TOKEN_IN, inMint, USER_TOKEN_OUT, outMint, LB_PAIR, false, d.u64(8), d.u64(16));
        return swap.describe(d, null);
    }

    /** The position of the pair's mint whose associated token account of this key {@code account} is, or -1. */
    private static int ownMint(InstructionData d, int account) {
        for (int mint : new int[] {TOKEN_X_MINT, TOKEN_Y_MINT}) {
            if (ProgramAddress.isAssociated(d.address(account), d.self(), d.address(mint))) {
                return mint;
            }
        }
        return -1;
    }

    private static int otherMint(int mint) {
        return mint == TOKEN_X_MINT ? TOKEN_Y_MINT : TOKEN_X_MINT;
    }
}
