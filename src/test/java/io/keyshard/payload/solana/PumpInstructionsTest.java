package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Base58;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * pump.fun's trades laid out by the account names and argument order of the IDLs pump.fun publishes: the coin and
 * SOL (or quote token) each side pays and receives, the bound the program holds it to, whose accounts receive, and
 * the SOL a buy may take from the key.
 */
class PumpInstructionsTest {
    private static final AnchorIdl CURVE = new AnchorIdl("pump-trades-idl.json");
    private static final AnchorIdl AMM = new AnchorIdl("pump-amm-trades-idl.json");
    private static final String PUMP = "6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P";
    private static final String PUMP_SWAP = "pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA";
    private static final String WALLET = "B7hSadyLX8YhNT8RDcK8RbnR3KAfX4HbWvV89XmeqitA";
    private static final byte[] SELF = Base58.decode(WALLET);
    private static final String USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    private static final String WSOL = "So11111111111111111111111111111111111111112";
    private static final String COIN = OneInstruction.addressNamed("a coin made on pump.fun");
    /** A coin made by {@code create_v2}, a Token-2022 mint: the key's account of it is under Token-2022. */
    private static final String OWN_COIN =
            ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN_2022, COIN);

    @Test
    void theDiscriminatorsAreTheIdls() {
        CURVE.assertDiscriminators(
                List.of("buy", "buy_exact_sol_in", "sell", "buy_v2", "buy_exact_quote_in_v2", "sell_v2"));
        AMM.assertDiscriminators(List.of("buy", "buy_exact_quote_in", "sell"));
    }

    @Test
    void aBuyOnTheBondingCurvePaysAtMostItsSolForExactlyItsCoinsIntoTheKeysOwnAccount() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = curve("buy", keys);
        for (Integer flag : new Integer[] {null, 0, 1}) {
            InstructionText text = read(PUMP, accounts, encode(CURVE, "buy", 3_500_000_000L, 250_000_000L, flag));
            assertEquals("pump.fun", text.program());
            assertEquals(
                    "buy exactly 3500000000 of the mint " + COIN + " (its smallest units) for at most 0.25 SOL, fees "
                            + "included, from " + WALLET + " (this key), into the token account " + OWN_COIN
                            + " (this key's own for that mint); on the pump.fun bonding curve "
                            + keys.get("bonding_curve"),
                    text.action(),
                    "volume flag " + flag);
            assertNull(text.warning());
        }
        SolanaMessage m =
                OneInstruction.message(WALLET, PUMP, accounts, encode(CURVE, "buy", 3_500_000_000L, 250_000_000L, 1));
        assertEquals(BigInteger.valueOf(250_000_000L), InstructionText.lamportsSentBy(m, SELF));
        assertTrue(InstructionText.sentIsBound(m, SELF));
        byte[] other = Base58.decode(OneInstruction.addressNamed("another signer"));
        assertEquals(BigInteger.ZERO, InstructionText.lamportsSentBy(m, other), "the key is not the buyer");
        assertFalse(InstructionText.sentIsBound(m, other));
        assertEquals(List.of("pump.fun"), InstructionText.rentPayingPrograms(m, SELF));
        assertEquals(List.of(), InstructionText.rentPayingPrograms(m, other));
    }

    @Test
    void aBuyIntoAnotherAccountOrWithoutALimitIsWarned() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = curve("buy", keys);
        AnchorIdl.replace(accounts, keys, "associated_user", OneInstruction.addressNamed("someone's coin account"));
        InstructionText text = read(PUMP, accounts, encode(CURVE, "buy", 1_000, -1L, null));
        assertTrue(text.action().contains("for at most 18446744073.709551615 SOL"), text.action());
        assertTrue(
                text.warning()
                        .startsWith("the tokens bought go to the token account " + keys.get("associated_user")
                                + ", which is not this key's own account for the mint " + COIN),
                text.warning());
        assertTrue(
                text.warning()
                        .endsWith("the swap pays whatever the pool asks: bots that trade around a swap take "
                                + "such room; ask the app for a maximum"),
                text.warning());
    }

    @Test
    void aBuyOfExactSolSpendsUpToItForAtLeastItsCoins() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = curve("buy_exact_sol_in", keys);
        InstructionText text = read(PUMP, accounts, encode(CURVE, "buy_exact_sol_in", 100_000_000L, 0, 1));
        assertTrue(
                text.action()
                        .startsWith("buy at least 0 of the mint " + COIN + " (its smallest units) for up to 0.1 SOL, "
                                + "fees included, from " + WALLET + " (this key), into the token account " + OWN_COIN),
                text.action());
        assertTrue(text.warning().startsWith("the swap accepts any amount in return"), text.warning());
        SolanaMessage m = OneInstruction.message(
                WALLET, PUMP, accounts, encode(CURVE, "buy_exact_sol_in", 100_000_000L, 0, null));
        assertEquals(BigInteger.valueOf(100_000_000L), InstructionText.lamportsSentBy(m, SELF));
    }

    @Test
    void aSellOnTheBondingCurveSellsExactlyItsCoinsForAtLeastItsSol() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = curve("sell", keys);
        InstructionText text = read(PUMP, accounts, encode(CURVE, "sell", 3_500_000_000L, 240_000_000L, null));
        assertEquals(
                "sell exactly 3500000000 of the mint " + COIN + " (its smallest units) from the token account "
                        + OWN_COIN + " for at least 0.24 SOL, fees deducted, paid to " + WALLET + " (this key); on the "
                        + "pump.fun bonding curve " + keys.get("bonding_curve"),
                text.action());
        assertNull(text.warning());
        assertTrue(read(PUMP, accounts, encode(CURVE, "sell", 1, 0, null))
                .warning()
                .startsWith("the swap accepts any amount in return"));
        SolanaMessage m = OneInstruction.message(WALLET, PUMP, accounts, encode(CURVE, "sell", 1, 0, null));
        assertEquals(BigInteger.ZERO, InstructionText.lamportsSentBy(m, SELF), "a sale takes no SOL from the key");
    }

    @Test
    void theSecondFormsPayInSolForAWrappedSolQuoteAndFromTheKeysTokenAccountOtherwise() {
        Map<String, String> keys = new HashMap<>();
        List<String> accounts = CURVE.accounts("buy_v2", "user", WALLET, keys);
        AnchorIdl.replace(accounts, keys, "base_mint", COIN);
        AnchorIdl.replace(accounts, keys, "quote_mint", WSOL);
        AnchorIdl.replace(accounts, keys, "associated_base_user", OWN_COIN);
        byte[] data = encode(CURVE, "buy_v2", 3_500_000_000L, 250_000_000L, null);
        InstructionText sol = read(PUMP, accounts, data);
        assertTrue(
                sol.action()
                        .startsWith("buy exactly 3500000000 of the mint " + COIN + " (its smallest units) for at most "
                                + "0.25 SOL, fees included, from " + WALLET + " (this key), into the token account "
                                + OWN_COIN + " (this key's own for that mint); on the pump.fun bonding curve "
                                + keys.get("bonding_curve")),
                sol.action());
        SolanaMessage m = OneInstruction.message(WALLET, PUMP, accounts, data);
        assertEquals(BigInteger.valueOf(250_000_000L), InstructionText.lamportsSentBy(m, SELF));

        String ownUsdc = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, USDC);
        AnchorIdl.replace(accounts, keys, "quote_mint", USDC);
        AnchorIdl.replace(accounts, keys, "associated_quote_user", ownUsdc);
        InstructionText usdc = read(PUMP, accounts, data);
        assertEquals(
                "swap at most 250 USDC (mint " + USDC + ") from the token account " + ownUsdc + " for exactly "
                        + "3500000000 of the mint " + COIN + " (its smallest units), into the token account "
                        + OWN_COIN + " (this key's own for that mint); authority " + WALLET + " (this key); in the "
                        + "pool " + keys.get("bonding_curve"),
                usdc.action());
        SolanaMessage byToken = OneInstruction.message(WALLET, PUMP, accounts, data);
        assertEquals(BigInteger.ZERO, InstructionText.lamportsSentBy(byToken, SELF), "paid in USDC, not SOL");
        assertFalse(InstructionText.sentIsBound(byToken, SELF));

        List<String> spend = CURVE.accounts("buy_exact_quote_in_v2", "user", WALLET, keys);
        AnchorIdl.replace(spend, keys, "base_mint", COIN);
        AnchorIdl.replace(spend, keys, "quote_mint", USDC);
        AnchorIdl.replace(spend, keys, "associated_quote_user", ownUsdc);
        AnchorIdl.replace(spend, keys, "associated_base_user", OWN_COIN);
        assertTrue(read(PUMP, spend, encode(CURVE, "buy_exact_quote_in_v2", 250_000_000L, 9, null))
                .action()
                .startsWith("swap up to 250 USDC (mint " + USDC + ") from the token account " + ownUsdc
                        + " for at least 9 of the mint " + COIN));

        List<String> sell = CURVE.accounts("sell_v2", "user", WALLET, keys);
        AnchorIdl.replace(sell, keys, "base_mint", COIN);
        AnchorIdl.replace(sell, keys, "quote_mint", USDC);
        AnchorIdl.replace(sell, keys, "associated_quote_user", ownUsdc);
        AnchorIdl.replace(sell, keys, "associated_base_user", OWN_COIN);
        assertTrue(read(PUMP, sell, encode(CURVE, "sell_v2", 3_500_000_000L, 240_000_000L, null))
                .action()
                .startsWith("swap 3500000000 of the mint " + COIN + " (its smallest units) from the token account "
                        + OWN_COIN + " for at least 240 USDC (mint " + USDC + "), into the token account " + ownUsdc
                        + " (this key's own for that mint)"));
        AnchorIdl.replace(sell, keys, "quote_mint", WSOL);
        assertTrue(read(PUMP, sell, encode(CURVE, "sell_v2", 3_500_000_000L, 240_000_000L, null))
                .action()
                .startsWith("sell exactly 3500000000 of the mint " + COIN + " (its smallest units) from the token "
                        + "account " + OWN_COIN + " for at least 0.24 SOL, fees deducted, paid to " + WALLET));
    }

    @Test
    void pumpSwapTradesBetweenTheUsersBaseAndQuoteTokenAccounts() {
        String ownWsol = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, WSOL);
        for (String form : List.of("buy", "buy_exact_quote_in", "sell")) {
            Map<String, String> keys = new HashMap<>();
            List<String> accounts = AMM.accounts(form, "user", WALLET, keys);
            AnchorIdl.replace(accounts, keys, "base_mint", COIN);
            AnchorIdl.replace(accounts, keys, "quote_mint", WSOL);
            AnchorIdl.replace(accounts, keys, "user_base_token_account", OWN_COIN);
            AnchorIdl.replace(accounts, keys, "user_quote_token_account", ownWsol);
            String coins = "3500000000 of the mint " + COIN + " (its smallest units)";
            String sol = "0.25 wrapped SOL (mint " + WSOL + ")";
            String expected = switch (form) {
                case "buy" ->
                    "swap at most " + sol + " from the token account " + ownWsol + " for exactly " + coins
                            + ", into the token account " + OWN_COIN;
                case "buy_exact_quote_in" ->
                    "swap up to " + sol + " from the token account " + ownWsol + " for at least " + coins
                            + ", into the token account " + OWN_COIN;
                default ->
                    "swap " + coins + " from the token account " + OWN_COIN + " for at least " + sol
                            + ", into the token account " + ownWsol;
            };
            byte[] data = form.equals("sell")
                    ? encode(AMM, form, 3_500_000_000L, 250_000_000L, null)
                    : form.equals("buy")
                            ? encode(AMM, form, 3_500_000_000L, 250_000_000L, 1)
                            : encode(AMM, form, 250_000_000L, 3_500_000_000L, 0);
            InstructionText text = read(PUMP_SWAP, accounts, data);
            assertEquals("PumpSwap", text.program(), form);
            assertEquals(
                    expected + " (this key's own for that mint); authority " + WALLET + " (this key); in the pool "
                            + keys.get("pool"),
                    text.action(),
                    form);
            assertNull(text.warning(), form);
        }
    }

    @Test
    void anythingButTheExactLayoutStaysUnread() {
        Map<String, String> keys = new HashMap<>();
        List<String> buy = curve("buy", keys);
        byte[] flagged = encode(CURVE, "buy", 1, 1, 1);
        flagged[24] = 2;
        assertUnread(PUMP, buy, flagged, "a volume flag that is no bool");
        assertUnread(
                PUMP, buy, new Borsh().raw(encode(CURVE, "buy", 1, 1, 1)).u8(0).bytes(), "a byte past the flag");
        assertUnread(PUMP, buy.subList(0, 15), encode(CURVE, "buy", 1, 1, null), "fewer accounts than the form has");
        List<String> sell = curve("sell", keys);
        assertUnread(
                PUMP,
                sell,
                new Borsh().raw(encode(CURVE, "sell", 1, 1, null)).u8(0).bytes(),
                "a sell takes no volume flag");
        assertUnread(PUMP, sell.subList(0, 13), encode(CURVE, "sell", 1, 1, null), "a sell short of its accounts");
        List<String> v2 = CURVE.accounts("buy_v2", "user", WALLET, keys);
        assertUnread(
                PUMP,
                v2.subList(0, 26),
                encode(CURVE, "buy_v2", 1, 1, null),
                "a second-form buy short of its accounts");
        assertUnread(
                PUMP,
                v2,
                new Borsh().raw(encode(CURVE, "buy_v2", 1, 1, null)).u8(1).bytes(),
                "a second-form buy takes no volume flag");
        List<String> amm = AMM.accounts("sell", "user", WALLET, keys);
        assertUnread(PUMP_SWAP, amm.subList(0, 20), encode(AMM, "sell", 1, 1, null), "a PumpSwap sell short");
        assertUnread(PUMP_SWAP, amm, encode(CURVE, "buy_v2", 1, 1, null), "a bonding-curve form on PumpSwap");

        // accounts past the IDL's (fee recipients, cashback accounts) are the programs' own and still read
        List<String> more = new ArrayList<>(buy);
        more.add(OneInstruction.addressNamed("a fee recipient"));
        assertTrue(read(PUMP, more, encode(CURVE, "buy", 1, 1, null)).action().startsWith("buy exactly 1 of the mint"));
    }

    /** A first-form bonding-curve trade: the coin made on pump.fun, bought into the key's own account of it. */
    private static List<String> curve(String form, Map<String, String> keys) {
        List<String> accounts = CURVE.accounts(form, "user", WALLET, keys);
        AnchorIdl.replace(accounts, keys, "mint", COIN);
        AnchorIdl.replace(accounts, keys, "associated_user", OWN_COIN);
        return accounts;
    }

    private static void assertUnread(String program, List<String> accounts, byte[] data, String what) {
        InstructionText text = read(program, accounts, data);
        assertEquals(data.length + " bytes of data, not decoded here", text.action(), what);
        assertTrue(text.warning().contains("not decoded here names this key"), what);
    }

    /** The form's arguments in the IDL's order: its two amounts, then the volume flag when it has one and not null. */
    private static byte[] encode(AnchorIdl idl, String form, long first, long second, Integer flag) {
        Borsh b = new Borsh().raw(AnchorData.discriminator(form));
        int amounts = 0;
        for (JsonNode arg : idl.instruction(form).get("args")) {
            if (arg.get("name").asText().equals("track_volume")) {
                assertEquals(
                        "OptionBool", arg.get("type").get("defined").get("name").asText());
                if (flag != null) {
                    b.u8(flag);
                }
            } else {
                assertEquals("u64", arg.get("type").asText(), form);
                b.u64(amounts++ == 0 ? first : second);
            }
        }
        return b.bytes();
    }

    private static InstructionText read(String program, List<String> accounts, byte[] data) {
        return InstructionText.of(OneInstruction.message(WALLET, program, accounts, data), SELF)
                .get(0);
    }
}
