package io.keyshard.payload.solana;

/**
 * The Stake program's common instructions in words (solana-program/stake {@code StakeInstruction}: a u32 tag,
 * then bincode fields; accounts by position as its instruction builders place them). Handing a stake account's
 * staking or withdraw authority to another key is warned about: whoever holds the withdraw authority takes the
 * SOL in it.
 */
final class StakeInstructions {
    static final String STAKE = "Stake11111111111111111111111111111111111111";
    private static final String[] AUTHORITIES = {"staking", "withdraw"};

    private StakeInstructions() {}

    static InstructionText describe(InstructionData d) {
        if (d.length() < 4) {
            return null;
        }
        long tag = d.u32(0);
        if (tag == 0 && d.is(116, 2)) {
            // Initialize(Authorized { staker, withdrawer }, Lockup { unix_timestamp, epoch, custodian }): stake, rent
            return initialized(d, d.key(4), d.key(36), d.isSelfKey(36));
        }
        if (tag == 9 && d.is(4, 4)) {
            // InitializeChecked: stake, rent, staker, withdrawer (a signer)
            return initialized(d, d.account(2), d.account(3), d.isSelf(3));
        }
        if (tag == 1 && d.is(40, 3) && d.u32(36) < 2) {
            // Authorize(new authority, StakeAuthorize): stake, clock, current authority
            return authorized(d, AUTHORITIES[(int) d.u32(36)], d.key(4), d.isSelfKey(4));
        }
        if (tag == 10 && d.is(8, 4) && d.u32(4) < 2) {
            // AuthorizeChecked(StakeAuthorize): stake, clock, current authority, new authority (a signer)
            return authorized(d, AUTHORITIES[(int) d.u32(4)], d.account(3), d.isSelf(3));
        }
        if (tag == 2 && d.is(4, 6)) {
            // DelegateStake: stake, vote, clock, stake history, config, staking authority
            return InstructionText.said("delegate the stake account " + d.account(0) + " to the validator vote account "
                    + d.account(1) + " (authority " + d.account(5) + ")");
        }
        if (tag == 3 && d.is(12, 3)) {
            // Split(lamports): stake, new stake account, staking authority
            return InstructionText.said("split " + InstructionData.sol(d.u64(4)) + " from the stake account "
                    + d.account(0) + " into " + d.account(1) + " (authority " + d.account(2) + ")");
        }
        if (tag == 4 && d.is(12, 5)) {
            // Withdraw(lamports): stake, recipient, clock, stake history, withdraw authority
            return InstructionText.said("withdraw " + InstructionData.sol(d.u64(4)) + " from the stake account "
                    + d.account(0) + " to " + d.account(1) + " (authority " + d.account(4) + ")");
        }
        if (tag == 5 && d.is(4, 3)) {
            // Deactivate: stake, clock, staking authority
            return InstructionText.said(
                    "deactivate the stake account " + d.account(0) + " (authority " + d.account(2) + ")");
        }
        if (tag == 7 && d.is(4, 5)) {
            // Merge: destination, source, clock, stake history, staking authority
            return InstructionText.said("merge the stake account " + d.account(1) + " into " + d.account(0)
                    + " (authority " + d.account(4) + ")");
        }
        return null;
    }

    /** A new stake account and its two authorities; warned when its withdraw authority is not this key. */
    private static InstructionText initialized(
            InstructionData d, String staker, String withdrawer, boolean withdrawerIsSelf) {
        String action = "set up the stake account " + d.account(0) + " (staking authority " + staker
                + ", withdraw authority " + withdrawer + ")";
        return withdrawerIsSelf
                ? InstructionText.said(action)
                : InstructionText.warned(
                        action,
                        "the SOL in the stake account " + d.account(0) + " can be withdrawn by " + withdrawer
                                + ", not by this key: sign it only if that is who should hold it");
    }

    private static InstructionText authorized(InstructionData d, String which, String to, boolean toSelf) {
        String action = "give the " + which + " authority of the stake account " + d.account(0) + " to " + to
                + " (authority now " + d.account(2) + ")";
        return toSelf
                ? InstructionText.said(action)
                : InstructionText.warned(
                        action,
                        "the " + which + " authority of the stake account " + d.account(0) + " goes to " + to
                                + ": sign it only if you mean to give that control away");
    }
}
