package io.keyshard.payload.solana;

import java.math.BigInteger;

/**
 * Marinade's liquid staking (program {@code MarBmsSg...}, marinade-finance/liquid-staking-program, Anchor): staking
 * SOL for mSOL, unstaking mSOL at once through the liquidity pool or by a ticket claimed after the epoch, read from
 * the Anchor discriminator and the u64 argument, accounts in the order of each instruction's {@code Accounts} struct.
 */
final class MarinadeInstructions {
    static final String PROGRAM = "MarBmsSgKXdrN1egZf5sqe1TMai9K1rChYNDJgjq7aD";

    private static final byte[] DEPOSIT = AnchorData.discriminator("deposit");
    private static final byte[] LIQUID_UNSTAKE = AnchorData.discriminator("liquid_unstake");
    private static final byte[] ORDER_UNSTAKE = AnchorData.discriminator("order_unstake");
    private static final byte[] CLAIM = AnchorData.discriminator("claim");

    private MarinadeInstructions() {}

    static InstructionText describe(InstructionData d) {
        if (AnchorData.is(d, DEPOSIT, 16, 11)) {
            // state, mSOL mint, SOL leg, mSOL leg, mSOL leg authority, reserve, transfer from (signer), mint to, ...
            return InstructionText.intoTokenAccount(
                    d,
                    "stake " + InstructionData.sol(d.u64(8)) + " from " + d.account(6) + " with Marinade, for mSOL",
                    7,
                    d.address(1));
        }
        if (AnchorData.is(d, LIQUID_UNSTAKE, 16, 10)) {
            // state, mSOL mint, SOL leg, mSOL leg, treasury, mSOL from, its authority (signer), SOL to, ...
            String action = "unstake " + KnownMint.amount(d.u64(8), d.address(1)) + " at once from the token account "
                    + d.account(5) + " (authority " + d.account(6) + ") through Marinade's liquidity pool, less its "
                    + "fee, for SOL to " + d.account(7);
            return InstructionText.solTo(d, action, 7);
        }
        if (AnchorData.is(d, ORDER_UNSTAKE, 16, 8)) {
            // state, mSOL mint, burn from, its authority (signer), new ticket, clock, rent, Token; the ticket's
            // beneficiary is the owner of the account the mSOL is burnt from
            return InstructionText.said("order a delayed unstake of " + KnownMint.amount(d.u64(8), d.address(1))
                    + " from the token account " + d.account(2) + " (authority " + d.account(3) + "): the ticket "
                    + d.account(4) + " claims the SOL for that account's owner once the epoch has ended");
        }
        if (AnchorData.is(d, CLAIM, 8, 6)) {
            // state, reserve, ticket, SOL to (the program requires the ticket's beneficiary), clock, System
            return InstructionText.said("claim the SOL of the unstake ticket " + d.account(2) + " to " + d.account(3));
        }
        return null;
    }

    /** The lamports a deposit takes from this key: its amount when the key is the account it takes them from. */
    static BigInteger lamportsFrom(InstructionData d) {
        return AnchorData.is(d, DEPOSIT, 16, 11) && d.isSelf(6) ? d.u64(8) : BigInteger.ZERO;
    }
}
