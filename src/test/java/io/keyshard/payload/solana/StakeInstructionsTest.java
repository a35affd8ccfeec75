package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Stake program's instructions read as what they do to a stake account, and handing its authority, or a new
 * stake account's withdraw authority, to another key is warned about.
 */
class StakeInstructionsTest {
    private static final byte[] SELF = SolanaWire.filled(0x11);
    private static final String ME = Base58.encode(SELF) + " (this key)";
    private static final String STAKE_ACCOUNT = Base58.encode(SolanaWire.filled(0x22));
    private static final String VOTE = Base58.encode(SolanaWire.filled(0x33));
    private static final String OTHER = Base58.encode(SolanaWire.filled(0x44));

    /** A message of one Stake instruction: keys this key (0), a stake account, a vote account, another key, a sysvar, the program. */
    private static InstructionText one(int[] accounts, int... data) {
        SolanaWire w = new SolanaWire().u8(1, 0, 3).len(6);
        for (int fill : new int[] {0x11, 0x22, 0x33, 0x44, 0x55}) {
            w.key(fill);
        }
        w.raw(Base58.decode(StakeInstructions.STAKE))
                .key(0x42)
                .len(1)
                .u8(5)
                .len(accounts.length)
                .u8(accounts);
        w.len(data.length).u8(data);
        return InstructionText.of(SolanaTransaction.parse(w.bytes()).message(), SELF)
                .get(0);
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static int[] u32(long v) {
        return new int[] {(int) (v & 0xff), (int) (v >>> 8 & 0xff), (int) (v >>> 16 & 0xff), (int) (v >>> 24 & 0xff)};
    }

    private static int[] u64(long v) {
        return concat(u32(v & 0xffffffffL), u32(v >>> 32));
    }

    private static int[] key(int fill) {
        int[] k = new int[32];
        Arrays.fill(k, fill);
        return k;
    }

    @Test
    void delegatingWithdrawingSplittingDeactivatingAndMergingReadAsWhatTheyDo() {
        InstructionText delegate = one(new int[] {1, 2, 4, 4, 4, 0}, u32(2));
        assertEquals("Stake Program", delegate.program());
        assertEquals(
                "delegate the stake account " + STAKE_ACCOUNT + " to the validator vote account " + VOTE
                        + " (authority " + ME + ")",
                delegate.action());
        assertNull(delegate.warning());
        assertEquals(
                "withdraw 1.5 SOL from the stake account " + STAKE_ACCOUNT + " to " + ME + " (authority " + ME + ")",
                one(new int[] {1, 0, 4, 4, 0}, concat(u32(4), u64(1_500_000_000L)))
                        .action());
        assertEquals(
                "split 2 SOL from the stake account " + STAKE_ACCOUNT + " into " + OTHER + " (authority " + ME + ")",
                one(new int[] {1, 3, 0}, concat(u32(3), u64(2_000_000_000L))).action());
        assertEquals(
                "deactivate the stake account " + STAKE_ACCOUNT + " (authority " + ME + ")",
                one(new int[] {1, 4, 0}, u32(5)).action());
        assertEquals(
                "merge the stake account " + OTHER + " into " + STAKE_ACCOUNT + " (authority " + ME + ")",
                one(new int[] {1, 3, 4, 4, 0}, u32(7)).action());
    }

    @Test
    void handingAStakeAccountsAuthorityToAnotherKeyIsWarned() {
        InstructionText away = one(new int[] {1, 4, 0}, concat(u32(1), key(0x44), u32(1)));
        assertEquals(
                "give the withdraw authority of the stake account " + STAKE_ACCOUNT + " to " + OTHER
                        + " (authority now " + ME + ")",
                away.action());
        assertTrue(away.warning().contains("goes to " + OTHER), away.warning());
        assertNull(
                one(new int[] {1, 4, 0}, concat(u32(1), key(0x11), u32(0))).warning(),
                "taking the staking authority back to this key hands nothing away");
        InstructionText checked = one(new int[] {1, 4, 0, 3}, concat(u32(10), u32(1)));
        assertTrue(checked.action().startsWith("give the withdraw authority"), checked.action());
        assertTrue(checked.warning().contains("goes to " + OTHER), checked.warning());

        InstructionText foreign = one(new int[] {1, 4}, concat(u32(0), key(0x11), key(0x44), u64(0), u64(0), key(0)));
        assertEquals(
                "set up the stake account " + STAKE_ACCOUNT + " (staking authority " + ME + ", withdraw authority "
                        + OTHER + ")",
                foreign.action());
        assertTrue(foreign.warning().contains("can be withdrawn by " + OTHER), foreign.warning());
        assertNull(one(new int[] {1, 4}, concat(u32(0), key(0x11), key(0x11), u64(0), u64(0), key(0)))
                .warning());
        assertNull(one(new int[] {1, 4, 0, 0}, u32(9)).warning(), "InitializeChecked with this key as withdrawer");
    }

    @Test
    void aStakeInstructionOfAnotherLengthIsNotReadAsOne() {
        // a Withdraw one byte short of its u64
        InstructionText cut = one(new int[] {1, 0, 4, 4, 0}, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
        assertEquals("11 bytes of data, not decoded here", cut.action());
        assertTrue(cut.warning().contains("names this key"), "an undecoded instruction that names this key warns");
    }
}
