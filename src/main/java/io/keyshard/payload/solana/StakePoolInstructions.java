package io.keyshard.payload.solana;

import java.math.BigInteger;

/**
 * The SPL Stake Pool program's deposits and withdrawals in words (solana-program/stake-pool {@code
 * StakePoolInstruction}: a Borsh enum, a u8 tag and its u64 fields, the whole data read as the program reads it with
 * {@code try_from_slice}; accounts by position as its instruction builders place them). Liquid-staking tokens such as
 * JitoSOL are such pools, on this program or on Sanctum's deployments of it. What the pool pays, in pool tokens, SOL
 * or a stake account, and where it goes is said, with a warning when that is not this key's.
 */
final class StakePoolInstructions {
    static final String PROGRAM = "SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy";

    // Sanctum's deployments of the same program, for its single-validator and its multi-validator pools
    static final String SANCTUM = "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY";
    static final String SANCTUM_MULTI = "SPMBzsVUuoHA4Jm6KunbsotaahvVikZs1JyTW6iJvbn";

    private static final int DEPOSIT_STAKE = 9;
    private static final int WITHDRAW_STAKE = 10;
    private static final int DEPOSIT_SOL = 14;
    private static final int WITHDRAW_SOL = 16;
    private static final int DEPOSIT_STAKE_WITH_SLIPPAGE = 23;
    private static final int WITHDRAW_STAKE_WITH_SLIPPAGE = 24;
    private static final int DEPOSIT_SOL_WITH_SLIPPAGE = 25;
    private static final int WITHDRAW_SOL_WITH_SLIPPAGE = 26;

    private StakePoolInstructions() {}

    static InstructionText describe(InstructionData d) {
        if (d.length() < 1) {
            return null;
        }
        return switch (d.u8(0)) {
            // DepositSol(lamports), DepositSolWithSlippage(lamports_in, minimum_pool_tokens_out): pool, withdraw
            // authority, reserve, funder (a signer), pool tokens to, fee, referral fee, pool mint, System, Token
            case DEPOSIT_SOL -> d.is(9, 10) ? depositSol(d, null) : null;
            case DEPOSIT_SOL_WITH_SLIPPAGE -> d.is(17, 10) ? depositSol(d, d.u64(9)) : null;
            // WithdrawSol(pool_tokens), WithdrawSolWithSlippage(pool_tokens_in, minimum_lamports_out): pool,
            // withdraw authority, token authority, pool tokens from, reserve, SOL to, fee, pool mint, ...
            case WITHDRAW_SOL -> d.is(9, 12) ? withdrawSol(d, null) : null;
            case WITHDRAW_SOL_WITH_SLIPPAGE -> d.is(17, 12) ? withdrawSol(d, d.u64(9)) : null;
            // DepositStake, DepositStakeWithSlippage(minimum_pool_tokens_out): pool, validator list, deposit
            // authority, withdraw authority, stake to join, validator stake, reserve, pool tokens to, fee, referral
            // fee, pool mint, clock, stake history, Token, Stake
            case DEPOSIT_STAKE -> d.is(1, 15) ? depositStake(d, null) : null;
            case DEPOSIT_STAKE_WITH_SLIPPAGE -> d.is(9, 15) ? depositStake(d, d.u64(1)) : null;
            // WithdrawStake(pool_tokens), WithdrawStakeWithSlippage(pool_tokens_in, minimum_lamports_out): pool,
            // validator list, withdraw authority, stake to split, new stake account, its withdraw authority, token
            // authority, pool tokens from, fee, pool mint, clock, Token, Stake
            case WITHDRAW_STAKE -> d.is(9, 13) ? withdrawStake(d, null) : null;
            case WITHDRAW_STAKE_WITH_SLIPPAGE -> d.is(17, 13) ? withdrawStake(d, d.u64(9)) : null;
            default -> null;
        };
    }

    /** True for the program and its deployments read here. */
    static boolean isProgram(String id) {
        return id.equals(PROGRAM) || id.equals(SANCTUM) || id.equals(SANCTUM_MULTI);
    }

    /** The lamports a SOL deposit takes from this key: DepositSol's when the key is the account funding it. */
    static BigInteger lamportsFrom(InstructionData d) {
        if (d.length() < 1) {
            return BigInteger.ZERO;
        }
        int tag = d.u8(0);
        boolean deposit = (tag == DEPOSIT_SOL && d.is(9, 10)) || (tag == DEPOSIT_SOL_WITH_SLIPPAGE && d.is(17, 10));
        return deposit && d.isSelf(3) ? d.u64(1) : BigInteger.ZERO;
    }

    private static InstructionText depositSol(InstructionData d, BigInteger leastTokens) {
        String mint = d.address(7);
        return InstructionText.intoTokenAccount(
                d,
                "deposit " + InstructionData.sol(d.u64(1)) + " from " + d.account(3) + " into the stake pool "
                        + d.account(0) + ", for " + poolTokens(leastTokens, mint),
                4,
                mint);
    }

    private static InstructionText depositStake(InstructionData d, BigInteger leastTokens) {
        String mint = d.address(10);
        return InstructionText.intoTokenAccount(
                d,
                "deposit the stake account " + d.account(4) + " into the stake pool " + d.account(0) + ", for "
                        + poolTokens(leastTokens, mint),
                7,
                mint);
    }

    private static InstructionText withdrawSol(InstructionData d, BigInteger leastLamports) {
        String action = "redeem " + KnownMint.amount(d.u64(1), d.address(7)) + " of the stake pool " + d.account(0)
                + " from the token account " + d.account(3) + " (authority " + d.account(2) + ") for "
                + (leastLamports == null ? "SOL" : "at least " + InstructionData.sol(leastLamports))
                + " from its reserve, to " + d.account(5);
        return InstructionText.solTo(d, action, 5);
    }

    private static InstructionText withdrawStake(InstructionData d, BigInteger leastLamports) {
        String action = "redeem " + KnownMint.amount(d.u64(1), d.address(9)) + " of the stake pool " + d.account(0)
                + " from the token account " + d.account(7) + " (authority " + d.account(6) + ") for the stake account "
                + d.account(4) + (leastLamports == null ? "" : " of at least " + InstructionData.sol(leastLamports))
                + ", split from " + d.account(3) + ", whose withdraw authority becomes " + d.account(5);
        return d.self() != null && !d.isSelf(5)
                ? InstructionText.warned(
                        action,
                        "the stake account's withdraw authority becomes " + d.account(5) + ", not this key: whoever "
                                + "holds it takes the SOL in it")
                : InstructionText.said(action);
    }

    private static String poolTokens(BigInteger least, String mint) {
        String of = mint == null ? "its pool tokens" : "its pool tokens (mint " + mint + ")";
        return least == null ? of : of + ", at least " + KnownMint.amount(least, mint);
    }
}
