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
 * Orca Whirlpool swaps read as the program's handlers use them: the IDL's account names and argument order, which
 * owner account pays and which receives for each direction (orca-so/whirlpools, {@code instructions/swap.rs},
 * {@code two_hop_swap.rs} and their v2 forms), and the bound the program holds the other side to.
 */
class WhirlpoolInstructionsTest {
    private static final AnchorIdl IDL = new AnchorIdl("orca-whirlpool-swaps-idl.json");
    private static final String PROGRAM = "whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc";
    private static final String WALLET = "B7hSadyLX8YhNT8RDcK8RbnR3KAfX4HbWvV89XmeqitA";
    private static final byte[] SELF = Base58.decode(WALLET);
    private static final String USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    private static final String WSOL = "So11111111111111111111111111111111111111112";
    private static final List<String> FORMS = List.of("swap", "swap_v2", "two_hop_swap", "two_hop_swap_v2");

    @Test
    void theDiscriminatorsAreTheIdls() {
        IDL.assertDiscriminators(FORMS);
    }

    @Test
    void everyFormAndDirectionPaysFromAndIntoTheAccountsTheProgramUses() {
        for (String form : FORMS) {
            for (int directions = 0; directions < 4; directions++) {
                for (boolean exactIn : new boolean[] {true, false}) {
                    boolean first = (directions & 1) == 1;
                    boolean second = (directions & 2) == 2;
                    Map<String, String> keys = new HashMap<>();
                    List<String> accounts = IDL.accounts(form, "token_authority", WALLET, keys);
                    Map<String, Object> args = Map.of(
                            "amount_specified_is_input",
                            exactIn,
                            "a_to_b",
                            first,
                            "a_to_b_one",
                            first,
                            "a_to_b_two",
                            second);
                    InstructionText text = read(accounts, encode(form, 1_000, exactIn ? 990 : 1_010, args));
                    String[] ends = sourceAndDestination(form, first, second);
                    String source = keys.get(ends[0]);
                    String destination = keys.get(ends[1]);
                    String what = form + (first ? " a->b" : " b->a") + (second ? " a->b" : " b->a")
                            + (exactIn ? " exact in" : " exact out") + ": " + text.action();
                    assertEquals("Orca Whirlpool", text.program(), what);
                    assertTrue(text.action().startsWith(exactIn ? "swap up to 1000" : "swap at most 1010"), what);
                    assertTrue(text.action().contains(" from the token account " + source + " for "), what);
                    assertTrue(text.action().contains(exactIn ? " for at least 990" : " for exactly 1000"), what);
                    assertTrue(text.action().contains(", into the token account " + destination + ";"), what);
                    assertTrue(text.action().contains("; authority " + WALLET + " (this key); "), what);
                    assertTrue(
                            text.action()
                                    .endsWith(
                                            form.startsWith("two_hop")
                                                    ? "through the pools " + keys.get("whirlpool_one") + " and "
                                                            + keys.get("whirlpool_two")
                                                    : "in the pool " + keys.get("whirlpool")),
                            what);
                    assertTrue(
                            text.warning().contains("not this key's own account")
                                    || text.warning().contains("does not say which mint they are"),
                            what);
                }
            }
        }
    }

    @Test
    void aSwapOfKnownTokensIntoTheKeysOwnAccountReadsInWholeTokensWithoutWarning() {
        String ownUsdc = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, USDC);
        String ownWsol = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, WSOL);
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = IDL.accounts("swap_v2", "token_authority", WALLET, keys);
        AnchorIdl.replace(accounts, keys, "token_mint_a", WSOL);
        AnchorIdl.replace(accounts, keys, "token_mint_b", USDC);
        AnchorIdl.replace(accounts, keys, "token_owner_account_a", ownWsol);
        AnchorIdl.replace(accounts, keys, "token_owner_account_b", ownUsdc);
        Map<String, Object> usdcForSol = Map.of("amount_specified_is_input", true, "a_to_b", false);
        byte[] data = encode("swap_v2", 25_000_000, 120_000_000, usdcForSol);
        // Some(RemainingAccountsInfo) with two slices of supplemental tick arrays, as the SDK adds for long swaps
        data[data.length - 1] = 1;
        data = new Borsh().raw(data).u32(2).u8(6).u8(2).u8(6).u8(1).bytes();
        InstructionText text = read(accounts, data);
        assertEquals(
                "swap up to 25 USDC (mint " + USDC + ") from the token account " + ownUsdc + " for at least 0.12 "
                        + "wrapped SOL (mint " + WSOL + "), into the token account " + ownWsol + " (this key's own "
                        + "for that mint); authority " + WALLET + " (this key); in the pool "
                        + keys.get("whirlpool"),
                text.action());
        assertNull(text.warning());

        // the first form names no mint: a known mint is told by the key's own account for it
        Map<String, String> v1 = new HashMap<>();
        List<String> v1Accounts = IDL.accounts("swap", "token_authority", WALLET, v1);
        AnchorIdl.replace(v1Accounts, v1, "token_owner_account_a", ownWsol);
        AnchorIdl.replace(v1Accounts, v1, "token_owner_account_b", ownUsdc);
        InstructionText first = read(v1Accounts, encode("swap", 25_000_000, 120_000_000, usdcForSol));
        assertTrue(first.action().startsWith("swap up to 25 USDC (mint " + USDC + ")"), first.action());
        assertTrue(first.action().contains("at least 0.12 wrapped SOL"), first.action());
        assertNull(first.warning());
    }

    @Test
    void noMinimumNoMaximumAndProceedsElsewhereAreWarned() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = IDL.accounts("swap_v2", "token_authority", WALLET, keys);
        InstructionText anyPrice =
                read(accounts, encode("swap_v2", 1_000, 0, Map.of("amount_specified_is_input", true, "a_to_b", true)));
        assertTrue(anyPrice.warning().contains("accepts any amount in return, even nothing"), anyPrice.warning());
        assertTrue(
                anyPrice.warning()
                        .contains("the tokens bought go to the token account " + keys.get("token_owner_account_b")
                                + ", which is not this key's own account for the mint " + keys.get("token_mint_b")),
                anyPrice.warning());

        InstructionText anyCost = read(
                accounts, encode("swap_v2", 1_000, -1, Map.of("amount_specified_is_input", false, "a_to_b", true)));
        assertTrue(anyCost.action().contains("at most 18446744073709551615 of the mint"), anyCost.action());
        assertTrue(anyCost.warning().contains("pays whatever the pool asks"), anyCost.warning());

        Map<String, String> v1 = new HashMap<>();
        InstructionText unnamed = read(
                IDL.accounts("swap", "token_authority", WALLET, v1),
                encode("swap", 1_000, 990, Map.of("amount_specified_is_input", true, "a_to_b", true)));
        assertTrue(
                unnamed.warning()
                        .contains(v1.get("token_owner_account_b")
                                + ", and the instruction does not say which mint they are, "
                                + "so whether that account is this key's own cannot be checked here"),
                unnamed.warning());
    }

    @Test
    void anExactOutSwapWithAPriceLimitMayBuyLess() {
        Map<String, String> keys = new HashMap<>();
        Map<String, Object> limited =
                Map.of("amount_specified_is_input", false, "a_to_b", true, "sqrt_price_limit", 4_295_048_016L);
        InstructionText text =
                read(IDL.accounts("swap", "token_authority", WALLET, keys), encode("swap", 1_000, 1_010, limited));
        assertTrue(
                text.action()
                        .contains(" for 1000 (the token's smallest units) or less, if the swap reaches its price "
                                + "limit first"),
                text.action());

        String secondLimited = twoHopExactOutLimiting("sqrt_price_limit_two");
        assertTrue(secondLimited.contains(" or less, if the swap reaches its price limit first"), secondLimited);
        String firstLimited = twoHopExactOutLimiting("sqrt_price_limit_one");
        assertTrue(
                firstLimited.contains(" for exactly 1000"),
                "the pool that delivers what is bought has no limit, so the amount is filled: " + firstLimited);
    }

    /** A two-pool exact-out swap of 1000 whose price limit {@code limit} is set, the other left at none. */
    private static String twoHopExactOutLimiting(String limit) {
        Map<String, Object> args = Map.of(
                "amount_specified_is_input", false, "a_to_b_one", true, "a_to_b_two", true, limit, 4_295_048_016L);
        List<String> accounts = IDL.accounts("two_hop_swap_v2", "token_authority", WALLET, new HashMap<>());
        return read(accounts, encode("two_hop_swap_v2", 1_000, 1_010, args)).action();
    }

    @Test
    void aTwoPoolSwapWhoseMiddleAccountsDifferIsWarned() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = IDL.accounts("two_hop_swap", "token_authority", WALLET, keys);
        Map<String, Object> args = Map.of("amount_specified_is_input", true, "a_to_b_one", true, "a_to_b_two", true);
        InstructionText text = read(accounts, encode("two_hop_swap", 1_000, 990, args));
        assertTrue(
                text.warning()
                        .contains("the tokens between the two pools go to the token account "
                                + keys.get("token_owner_account_one_b") + ", but the second pool takes them from "
                                + "another, " + keys.get("token_owner_account_two_a")),
                text.warning());

        AnchorIdl.replace(accounts, keys, "token_owner_account_two_a", keys.get("token_owner_account_one_b"));
        InstructionText same = read(accounts, encode("two_hop_swap", 1_000, 990, args));
        assertTrue(!same.warning().contains("between the two pools"), same.warning());
    }

    @Test
    void anythingTheProgramWouldReadOtherwiseStaysUnread() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = IDL.accounts("swap_v2", "token_authority", WALLET, keys);
        byte[] good = encode("swap_v2", 1_000, 990, Map.of("amount_specified_is_input", true, "a_to_b", true));
        assertUnread(accounts, Arrays.copyOf(good, good.length - 1), "short");
        assertUnread(accounts, new Borsh().raw(good).u8(0).bytes(), "a trailing byte");
        byte[] badBool = good.clone();
        badBool[41] = 2;
        assertUnread(accounts, badBool, "a bool of 2");
        byte[] some = good.clone();
        some[some.length - 1] = 1;
        assertUnread(accounts, new Borsh().raw(some).u32(1).u8(13).u8(1).bytes(), "an accounts type past the IDL's");
        assertUnread(accounts, new Borsh().raw(some).u32(2).u8(6).u8(1).bytes(), "fewer slices than counted");
        assertUnread(accounts, new Borsh().raw(some).u32(1).u8(6).bytes(), "half a slice");
        byte[] tag = good.clone();
        tag[tag.length - 1] = 2;
        assertUnread(accounts, tag, "an option tag of 2");
        assertUnread(accounts.subList(0, 14), good, "fewer accounts than the form has");
    }

    private static void assertUnread(List<String> accounts, byte[] data, String what) {
        InstructionText text = read(accounts, data);
        assertEquals(data.length + " bytes of data, not decoded here", text.action(), what);
        assertTrue(text.warning().contains("not decoded here names this key"), what);
    }

    /**
     * The owner accounts that pay and receive, by the handlers' rules: one pool's {@code a_to_b} pays from A into B;
     * two pools pay from the first's input side into the second's output side; the v2 two-pool form names them.
     */
    private static String[] sourceAndDestination(String form, boolean first, boolean second) {
        return switch (form) {
            case "swap", "swap_v2" ->
                first
                        ? new String[] {"token_owner_account_a", "token_owner_account_b"}
                        : new String[] {"token_owner_account_b", "token_owner_account_a"};
            case "two_hop_swap" ->
                new String[] {
                    first ? "token_owner_account_one_a" : "token_owner_account_one_b",
                    second ? "token_owner_account_two_b" : "token_owner_account_two_a"
                };
            default -> new String[] {"token_owner_account_input", "token_owner_account_output"};
        };
    }

    /** The form's arguments in the IDL's order: bools and price limits from {@code args}, else 0; None for a list. */
    private static byte[] encode(String form, long amount, long threshold, Map<String, Object> args) {
        Borsh b = new Borsh().raw(AnchorData.discriminator(form));
        for (JsonNode arg : IDL.instruction(form).get("args")) {
            String name = arg.get("name").asText();
            String type = arg.get("type").isTextual() ? arg.get("type").asText() : "option";
            switch (type) {
                case "u64" -> b.u64(name.equals("amount") ? amount : threshold);
                case "u128" -> b.u64((Long) args.getOrDefault(name, 0L)).u64(0);
                case "bool" -> b.u8((Boolean) args.getOrDefault(name, false) ? 1 : 0);
                case "option" -> b.u8(0);
                default -> throw new AssertionError("an argument the test does not fill: " + name);
            }
        }
        return b.bytes();
    }

    private static InstructionText read(List<String> accounts, byte[] data) {
        return InstructionText.of(OneInstruction.message(WALLET, PROGRAM, accounts, data), SELF)
                .get(0);
    }
}
