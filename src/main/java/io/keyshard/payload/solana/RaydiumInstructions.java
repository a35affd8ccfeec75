package io.keyshard.payload.solana;

import java.util.List;

/**
 * The swaps of Raydium's three pool programs, read as their processors read them: the AMM v4's {@code SwapBaseIn}
 * and {@code SwapBaseOut} with and without the order book's accounts (raydium-io/raydium-amm,
 * {@code program/src/instruction.rs} and {@code processor.rs}), the constant-product CPMM's {@code swap_base_input}
 * and {@code swap_base_output} (raydium-io/raydium-cp-swap) and the concentrated-liquidity CLMM's {@code swap} and
 * {@code swap_v2} (raydium-io/raydium-clmm, whose swap without a price limit must fill its amount and with one may
 * stop short). Data must be exactly as long as the arguments, or the instruction stays undecoded.
 */
final class RaydiumInstructions {
    static final String AMM_V4 = "675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8";
    static final String CPMM = "CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C";
    static final String CLMM = "CAMMCzo5YL8w4VFF8KVHrK22GGUsp5VTaW7grrKgrWqK";

    private static final byte[] SWAP_BASE_INPUT = AnchorData.discriminator("swap_base_input");
    private static final byte[] SWAP_BASE_OUTPUT = AnchorData.discriminator("swap_base_output");
    private static final byte[] CLMM_SWAP = AnchorData.discriminator("swap");
    private static final byte[] CLMM_SWAP_V2 = AnchorData.discriminator("swap_v2");

    private RaydiumInstructions() {}

    /**
     * AMM v4: a u8 tag and two u64. Tags 9 ({@code amount_in, minimum_amount_out}) and 11 ({@code max_amount_in,
     * amount_out}) take the order book's accounts, 17 or 18 of them (the target-orders account is optional), the user's
     * source, destination and wallet last; their order-book-free forms 16 and 17 take 8, the user's at 5, 6 and 7.
     */
    static InstructionText ammV4(InstructionData d) {
        if (d.length() != 17) {
            return null;
        }
        int tag = d.u8(0);
        int n = d.accountCount();
        int owner;
        if ((tag == 9 || tag == 11) && (n == 17 || n == 18)) {
            owner = n - 1;
        } else if ((tag == 16 || tag == 17) && n >= 8) {
            owner = 7;
        } else {
            return null;
        }
        boolean exactIn = tag == 9 || tag == 16;
        return PoolSwap.paidThenBought(owner, owner - 2, -1, owner - 1, -1, 1, exactIn, d.u64(1), d.u64(9))
                .describe(d, null);
    }

    /**
     * CPMM: {@code swap_base_input(amount_in, minimum_amount_out)} and {@code swap_base_output(max_amount_in,
     * amount_out)} over one {@code Swap} account list: payer, authority, config, pool, input and output token
     * accounts, their vaults, their token programs, their mints, observation.
     */
    static InstructionText cpmm(InstructionData d) {
        boolean exactIn = AnchorData.is(d, SWAP_BASE_INPUT, 24, 13);
        if (!exactIn && !AnchorData.is(d, SWAP_BASE_OUTPUT, 24, 13)) {
            return null;
        }
        return PoolSwap.paidThenBought(0, 4, 10, 5, 11, 3, exactIn, d.u64(8), d.u64(16))
                .describe(d, null);
    }

    /**
     * CLMM: {@code swap} and {@code swap_v2(amount, other_amount_threshold, sqrt_price_limit_x64, is_base_input)};
     * accounts payer, config, pool, input and output token accounts, their vaults, observation, then token programs
     * and, in v2 only, the memo program and the input and output mints.
     */
    static InstructionText clmm(InstructionData d) {
        boolean v2 = AnchorData.is(d, CLMM_SWAP_V2, 41, 13);
        if ((!v2 && !AnchorData.is(d, CLMM_SWAP, 41, 10)) || d.u8(40) > 1) {
            return null;
        }
        return new PoolSwap(
                        0,
                        3,
                        v2 ? 11 : -1,
                        4,
                        v2 ? 12 : -1,
                        List.of(2),
                        d.u8(40) == 1,
                        d.u64(8),
                        d.u64(16),
                        !d.isZeroU128(24))
                .describe(d, null);
    }
}
