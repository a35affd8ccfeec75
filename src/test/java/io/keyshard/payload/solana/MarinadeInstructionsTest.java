package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Staking with Marinade reads as the SOL staked and where its mSOL goes, and unstaking as the mSOL given and where its
 * SOL goes; accounts in the order of the program's {@code Accounts} structs (marinade-finance/liquid-staking-program).
 */
class MarinadeInstructionsTest {
    private static final String WALLET = "B7hSadyLX8YhNT8RDcK8RbnR3KAfX4HbWvV89XmeqitA";
    private static final String MSOL = "mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So";
    private static final byte[] SELF = Base58.decode(WALLET);

    @Test
    void aDepositStakesTheKeysSolForMsolIntoItsOwnAccountAndCountsTheSolSent() {
        String own = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, MSOL);
        SolanaMessage m = message(deposit(own), data("deposit", 2_500_000_000L));
        assertEquals(
                new InstructionText(
                        "Marinade Finance",
                        "stake 2.5 SOL from " + WALLET + " (this key) with Marinade, for mSOL, into the token account "
                                + own + " (this key's own for that mint)",
                        null),
                InstructionText.of(m, SELF).get(0));
        assertEquals(BigInteger.valueOf(2_500_000_000L), InstructionText.lamportsSentBy(m, SELF));

        InstructionText elsewhere = InstructionText.of(
                        message(deposit(name("someone's mSOL")), data("deposit", 1)), SELF)
                .get(0);
        assertTrue(
                elsewhere.warning().contains("not this key's own account for the mint " + MSOL), elsewhere.warning());
    }

    @Test
    void unstakingSaysWhereTheSolGoes() {
        List<String> liquid = Arrays.asList(
                name("state"),
                MSOL,
                name("sol leg"),
                name("msol leg"),
                name("treasury"),
                name("msol account"),
                WALLET,
                WALLET,
                InstructionText.SYSTEM,
                InstructionText.TOKEN);
        InstructionText now = InstructionText.of(message(liquid, data("liquid_unstake", 1_500_000_000L)), SELF)
                .get(0);
        assertEquals(
                "unstake 1.5 mSOL (mint " + MSOL + ") at once from the token account " + name("msol account")
                        + " (authority " + WALLET + " (this key)) through Marinade's liquidity pool, less its fee, "
                        + "for SOL to " + WALLET + " (this key)",
                now.action());
        assertNull(now.warning());
        liquid.set(7, name("someone else"));
        InstructionText other = InstructionText.of(message(liquid, data("liquid_unstake", 1)), SELF)
                .get(0);
        assertTrue(other.warning().contains("the SOL goes to " + name("someone else")), other.warning());

        List<String> order = List.of(
                name("state"),
                MSOL,
                name("msol account"),
                WALLET,
                name("ticket"),
                name("clock"),
                name("rent"),
                InstructionText.TOKEN);
        assertTrue(InstructionText.of(message(order, data("order_unstake", 1_000_000_000L)), SELF)
                .get(0)
                .action()
                .startsWith("order a delayed unstake of 1 mSOL"));
        List<String> claim =
                List.of(name("state"), name("reserve"), name("ticket"), WALLET, name("clock"), InstructionText.SYSTEM);
        assertEquals(
                "claim the SOL of the unstake ticket " + name("ticket") + " to " + WALLET + " (this key)",
                InstructionText.of(message(claim, AnchorData.discriminator("claim")), SELF)
                        .get(0)
                        .action());
    }

    @Test
    void anotherLengthOrTooFewAccountsIsNotDecodedAndSendsNothingCounted() {
        String own = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, MSOL);
        byte[] longer = Arrays.copyOf(data("deposit", 5), 17);
        for (SolanaMessage m :
                List.of(message(deposit(own), longer), message(deposit(own).subList(0, 10), data("deposit", 5)))) {
            InstructionText text = InstructionText.of(m, SELF).get(0);
            assertTrue(text.action().endsWith("not decoded here"), text.action());
            assertEquals(BigInteger.ZERO, InstructionText.lamportsSentBy(m, SELF));
        }
    }

    /** Deposit's accounts, this key paying: state, mSOL mint, the pool's legs and authorities, reserve, from, to. */
    private static List<String> deposit(String mintTo) {
        return List.of(
                name("state"),
                MSOL,
                name("sol leg"),
                name("msol leg"),
                name("leg authority"),
                name("reserve"),
                WALLET,
                mintTo,
                name("mint authority"),
                InstructionText.SYSTEM,
                InstructionText.TOKEN);
    }

    private static SolanaMessage message(List<String> accounts, byte[] data) {
        return OneInstruction.message(WALLET, MarinadeInstructions.PROGRAM, accounts, data);
    }

    /** The instruction's discriminator and one u64 argument, little-endian. */
    private static byte[] data(String instruction, long amount) {
        return new Borsh()
                .raw(AnchorData.discriminator(instruction))
                .u64(amount)
                .bytes();
    }

    private static String name(String name) {
        return OneInstruction.addressNamed(name);
    }
}
