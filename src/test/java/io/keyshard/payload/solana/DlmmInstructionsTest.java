package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Base58;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Meteora DLMM swaps laid out by the account names and argument order of the IDL Meteora publishes: the user's token
 * accounts in and out, the least bought or most sold, and which of the pair's mints each side is, told by the key's own
 * token accounts.
 */
class DlmmInstructionsTest {
    private static final AnchorIdl IDL = new AnchorIdl("meteora-dlmm-swaps-idl.json");
    private static final String PROGRAM = "LBUZKhRxPF3XUpBCjp4YzTKgLccjZhTSDM9YuVaPwxo";
    private static final String WALLET = "B7hSadyLX8YhNT8RDcK8RbnR3KAfX4HbWvV89XmeqitA";
    private static final byte[] SELF = Base58.decode(WALLET);
    private static final String USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    private static final String WSOL = "So11111111111111111111111111111111111111112";
    private static final List<String> FORMS = List.of("swap", "swap2", "swap_exact_out", "swap_exact_out2");

    @Test
    void theDiscriminatorsAreTheIdls() {
        IDL.assertDiscriminators(FORMS);
    }

    @Test
    void everyFormPaysFromTheUsersTokenInIntoItsTokenOut() {
        for (String form : FORMS) {
            Map<String, String> keys = new HashMap<>();
            List<String> accounts = IDL.accounts(form, "user", WALLET, keys);
            boolean exactIn = !form.contains("exact_out");
            InstructionText text = read(accounts, encode(form, exactIn ? 1_000 : 1_010, exactIn ? 990 : 1_000));
            String what = form + ": " + text.action();
            assertEquals("Meteora DLMM", text.program(), what);
            assertTrue(
                    text.action()
                            .startsWith(
                                    exactIn
                                            ? "swap up to 1000 (the token's smallest units) from the token account "
                                                    + keys.get("user_token_in") + " for at least 990"
                                            : "swap at most 1010 (the token's smallest units) from the token account "
                                                    + keys.get("user_token_in") + " for exactly 1000"),
                    what);
            assertTrue(
                    text.action()
                            .contains(", into the token account " + keys.get("user_token_out") + "; authority " + WALLET
                                    + " (this key); in the pool " + keys.get("lb_pair")),
                    what);
            assertTrue(text.warning().contains("the instruction does not say which mint they are"), what);
        }
    }

    @Test
    void theKeysOwnAccountsTellWhichOfThePairsMintsIsSoldAndBought() {
        String ownUsdc = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, USDC);
        String ownWsol = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, WSOL);
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = IDL.accounts("swap2", "user", WALLET, keys);
        AnchorIdl.replace(accounts, keys, "token_x_mint", WSOL);
        AnchorIdl.replace(accounts, keys, "token_y_mint", USDC);
        AnchorIdl.replace(accounts, keys, "user_token_in", ownUsdc);
        AnchorIdl.replace(accounts, keys, "user_token_out", ownWsol);
        InstructionText text = read(accounts, encode("swap2", 25_000_000, 120_000_000));
        assertEquals(
                "swap up to 25 USDC (mint " + USDC + ") from the token account " + ownUsdc + " for at least 0.12 "
                        + "wrapped SOL (mint " + WSOL + "), into the token account " + ownWsol + " (this key's own "
                        + "for that mint); authority " + WALLET + " (this key); in the pool " + keys.get("lb_pair"),
                text.action());
        assertNull(text.warning());

        // proceeds to someone else's account: the key's own paying account still tells the mint bought
        AnchorIdl.replace(accounts, keys, "user_token_out", OneInstruction.addressNamed("someone's wrapped SOL"));
        InstructionText elsewhere = read(accounts, encode("swap2", 25_000_000, 0));
        assertTrue(elsewhere.action().contains("for at least 0 wrapped SOL"), elsewhere.action());
        assertTrue(
                elsewhere
                        .warning()
                        .contains("the tokens bought go to the token account " + keys.get("user_token_out")
                                + ", which is not this key's own account for the mint " + WSOL),
                elsewhere.warning());
        assertTrue(elsewhere.warning().contains("accepts any amount in return"), elsewhere.warning());

        // paid from an account that is not the key's own, into its own wrapped SOL: the other mint is the one sold
        AnchorIdl.replace(accounts, keys, "user_token_in", OneInstruction.addressNamed("a delegated USDC account"));
        AnchorIdl.replace(accounts, keys, "user_token_out", ownWsol);
        InstructionText delegated = read(accounts, encode("swap2", 25_000_000, 120_000_000));
        assertTrue(delegated.action().startsWith("swap up to 25 USDC (mint " + USDC + ")"), delegated.action());
        assertNull(delegated.warning());
    }

    @Test
    void remainingAccountSlicesReadToTheLastByteOrTheSwapStaysUnread() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = IDL.accounts("swap2", "user", WALLET, keys);
        byte[] head = Arrays.copyOf(encode("swap2", 1_000, 990), 24);
        // TransferHookX of 2 accounts, TransferHookMultiReward(1) of 1
        byte[] hooks =
                new Borsh().raw(head).u32(2).u8(0).u8(2).u8(3).u8(1).u8(1).bytes();
        assertTrue(
                read(accounts, hooks).action().startsWith("swap up to 1000"),
                read(accounts, hooks).action());
        assertUnread(accounts, new Borsh().raw(head).u32(1).u8(5).u8(1).bytes(), "an accounts type past the IDL's");
        assertUnread(accounts, new Borsh().raw(head).u32(1).u8(3).u8(1).bytes(), "a multi-reward slice cut short");
        assertUnread(accounts, new Borsh().raw(head).u32(2).u8(0).u8(1).bytes(), "fewer slices than counted");
        assertUnread(accounts, new Borsh().raw(head).u32(0).u8(0).bytes(), "a trailing byte");
        assertUnread(accounts, head, "no remaining-accounts list");
        assertUnread(accounts.subList(0, 15), encode("swap2", 1, 1), "fewer accounts than the form has");
        List<String> first = IDL.accounts("swap", "user", WALLET, keys);
        assertUnread(first, new Borsh().raw(encode("swap", 1, 1)).u8(0).bytes(), "a trailing byte on the first form");
    }

    private static void assertUnread(List<String> accounts, byte[] data, String what) {
        InstructionText text = read(accounts, data);
        assertEquals(data.length + " bytes of data, not decoded here", text.action(), what);
        assertTrue(text.warning().contains("not decoded here names this key"), what);
    }

    /** The form's arguments in the IDL's order; a remaining-accounts list of no slices. */
    private static byte[] encode(String form, long paid, long bought) {
        Borsh b = new Borsh().raw(AnchorData.discriminator(form));
        for (JsonNode arg : IDL.instruction(form).get("args")) {
            switch (arg.get("name").asText()) {
                case "amount_in", "max_in_amount" -> b.u64(paid);
                case "min_amount_out", "out_amount" -> b.u64(bought);
                case "remaining_accounts_info" -> b.u32(0);
                default -> throw new AssertionError("an argument the test does not fill: " + arg);
            }
        }
        return b.bytes();
    }

    private static InstructionText read(List<String> accounts, byte[] data) {
        return InstructionText.of(OneInstruction.message(WALLET, PROGRAM, accounts, data), SELF)
                .get(0);
    }
}
