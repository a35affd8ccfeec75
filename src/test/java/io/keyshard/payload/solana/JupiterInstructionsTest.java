package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Base58;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Jupiter swap reads as what it sells, what it buys at least, where that goes and through which venues. */
class JupiterInstructionsTest {
    private static final String WALLET = "B7hSadyLX8YhNT8RDcK8RbnR3KAfX4HbWvV89XmeqitA";
    private static final String USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    private static final String WSOL = "So11111111111111111111111111111111111111112";
    private static final AnchorIdl IDL = new AnchorIdl("jupiter-v6-idl.json");
    private static final List<String> SWAP_FORMS = List.of(
            "route",
            "exact_out_route",
            "shared_accounts_route",
            "shared_accounts_exact_out_route",
            "route_v2",
            "exact_out_route_v2",
            "shared_accounts_route_v2",
            "shared_accounts_exact_out_route_v2");

    @Test
    void theRecordedMainnetRouteReadsAsTheProgramReadsIt() {
        JsonNode fixture = JupiterSwaps.recordedRoute();
        List<String> accounts = JupiterSwaps.accounts(fixture);
        SolanaMessage m = OneInstruction.message(
                WALLET,
                List.of(accounts.get(2), accounts.get(3)),
                JupiterSwaps.PROGRAM,
                accounts,
                Base58.decode(fixture.get("instruction_data").asText()));
        assertEquals(
                new InstructionText(
                        "Jupiter Aggregator v6",
                        "swap 0.002 wrapped SOL (mint " + WSOL + ") from the token account " + accounts.get(2)
                                + " for at least 1542899 of the mint " + accounts.get(5) + " (its smallest units), the"
                                + " quote of 1550653 less the 0.5% slippage it allows, into the token account "
                                + accounts.get(3) + " (this key's own for that mint); authority " + WALLET
                                + " (this key); through WhirlpoolSwapV2",
                        null),
                InstructionText.of(m, Base58.decode(WALLET)).get(0),
                "2,000,000 in, 1,550,653 quoted at 50 basis points: the figures its explorer shows");
        assertEquals(0, InstructionText.undecodedNaming(m, Base58.decode(WALLET)), "nothing left unread names the key");
    }

    @Test
    void everySwapFormOfTheIdlReadsItsAmountsAndAccountsByTheirNames() throws Exception {
        for (String form : SWAP_FORMS) {
            JsonNode ix = IDL.instruction(form);
            Map<String, String> keys = new HashMap<>();
            List<String> accounts = IDL.accounts(form, "user_transfer_authority", WALLET, keys);
            InstructionText text = read(WALLET, accounts, encode(ix, 1_000, 1_000_000));
            String action = text.action();
            String source = keys.getOrDefault("user_source_token_account", keys.get("source_token_account"));
            boolean exactOut = form.contains("exact_out");
            String trade = exactOut
                    ? "at most 1010000 of the mint " + keys.get("source_mint") + " (its smallest units), the quote of "
                            + "1000000 plus the 1% slippage it allows, from the token account " + source
                            + ", for exactly 1000 of the mint " + keys.get("destination_mint")
                    : " from the token account " + source + " for at least 990000 of the mint "
                            + keys.get("destination_mint") + " (its smallest units), the quote of 1000000 less the 1%";
            assertTrue(action.contains(trade), form + ": " + action);
            assertTrue(
                    action.contains("into the token account " + keys.get("destination_token_account") + ";"),
                    form + " pays what it buys into its destination account: " + action);
            assertTrue(action.contains("authority " + WALLET + " (this key)"), form + ": " + action);
            assertTrue(action.endsWith("; through Whirlpool"), form + ": " + action);
            assertTrue(text.warning().contains("not this key's own account"), form + ": " + text.warning());
        }
    }

    @Test
    void theRoutePlanTableAgreesWithEveryVenueOfTheIdl() {
        JsonNode variants = IDL.type("Swap").get("variants");
        assertEquals(147, variants.size());
        for (int tag = 0; tag < variants.size(); tag++) {
            Borsh b = new Borsh().u32(1).u8(tag);
            for (JsonNode field : variants.get(tag).path("fields")) {
                sample(b, field.get("type"));
            }
            byte[] plan = b.u8(100).u8(0).u8(1).bytes();
            JupiterRoutePlan.Read read = JupiterRoutePlan.read(plan, 0, false);
            String name = variants.get(tag).get("name").asText();
            assertNotNull(read, name);
            assertEquals(List.of(name), read.venues());
            assertEquals(plan.length, read.end(), name + " is read to its last byte");
        }
        assertNull(
                JupiterRoutePlan.read(
                        new Borsh().u32(1).u8(147).u8(100).u8(0).u8(1).bytes(), 0, false),
                "a venue newer than the table leaves the plan unread");
    }

    @Test
    void theDiscriminatorsAreTheIdls() {
        IDL.assertDiscriminators(SWAP_FORMS);
    }

    @Test
    void anythingTheProgramWouldReadOtherwiseStaysUnread() {
        List<String> accounts = JupiterSwaps.accounts(JupiterSwaps.recordedRoute());
        byte[] recorded = Base58.decode(
                JupiterSwaps.recordedRoute().get("instruction_data").asText());
        List<byte[]> hostile = List.of(
                append(recorded, 0), // Anchor ignores trailing bytes: the amounts might not be where they seem
                Arrays.copyOf(recorded, recorded.length - 1),
                set(recorded, 12, 147), // a venue the table does not know
                set(recorded, 13, 2), // a bool that is neither 0 nor 1
                set(recorded, 14, 2), // an Option tag that is neither 0 nor 1
                set(set(set(set(recorded, 8, 0xff), 9, 0xff), 10, 0xff), 11, 0xff)); // 4 billion steps
        for (byte[] data : hostile) {
            InstructionText text = read(WALLET, accounts, data);
            assertEquals(data.length + " bytes of data, not decoded here", text.action());
            assertTrue(text.warning().contains("not decoded here names this key"), text.warning());
        }
    }

    @Test
    void proceedsElsewhereHighSlippageAndFeesAreWarnedAndAKnownMintReadsInWholeTokens() throws Exception {
        JsonNode ix = IDL.instruction("shared_accounts_exact_out_route");
        byte[] wallet = Base58.decode(WALLET);
        List<String> accounts = new ArrayList<>();
        for (JsonNode a : ix.get("accounts")) {
            String name = a.get("name").asText();
            accounts.add(
                    switch (name) {
                        case "user_transfer_authority" -> WALLET;
                        case "source_mint" -> USDC;
                        case "destination_mint" -> WSOL;
                        case "destination_token_account" ->
                            ProgramAddress.associatedTokenAccount(wallet, InstructionText.TOKEN, WSOL);
                        default -> OneInstruction.addressNamed(name);
                    });
        }
        InstructionText own = read(WALLET, accounts, encode(ix, 2_000_000_000L, 300_000_000));
        assertTrue(
                own.action().startsWith("swap at most 303 USDC (mint " + USDC + "), the quote of 300 plus the 1%"),
                own.action());
        assertTrue(own.action().contains("for exactly 2 wrapped SOL"), own.action());
        assertTrue(own.action().contains("(this key's own for that mint)"), own.action());
        assertNull(own.warning(), "its own account, 1% slippage and no fee: nothing to warn of");

        InstructionText greedy = read(WALLET, accounts, encode(ix, 2_000_000_000L, 300_000_000, 600, 150));
        assertTrue(greedy.warning().contains("allows 6% slippage: it may cost that much more"), greedy.warning());
        assertTrue(greedy.warning().contains("a platform fee of 1.5% is over 1%"), greedy.warning());
        assertTrue(
                greedy.action()
                        .contains("; a platform fee of 1.5% to the token account "
                                + OneInstruction.addressNamed("platform_fee_account")),
                greedy.action());
    }

    @Test
    void aV2RouteNamesThePlatformsShareOfABetterPrice() throws Exception {
        JsonNode ix = IDL.instruction("route_v2");
        List<String> accounts = new ArrayList<>();
        for (JsonNode a : ix.get("accounts")) {
            String name = a.get("name").asText();
            accounts.add(name.equals("user_transfer_authority") ? WALLET : OneInstruction.addressNamed(name));
        }
        InstructionText text = read(WALLET, accounts, encode(ix, 1_000, 1_000_000, 50, 20, 5_000));
        assertTrue(
                text.action().contains("; a platform fee of 0.2%; the platform keeps 50% of anything above the quote"),
                text.action());
    }

    @Test
    void mintsALookupTableLoadsAreToldByTheKeysOwnAccountsOrSaidToBeUnchecked() {
        JsonNode ix = IDL.instruction("route_v2");
        byte[] wallet = Base58.decode(WALLET);
        String usdcAccount = ProgramAddress.associatedTokenAccount(wallet, InstructionText.TOKEN, USDC);
        String unknownMint = OneInstruction.addressNamed("a mint no list knows");
        for (String outMint : List.of(WSOL, unknownMint)) {
            // the key's own account for what it buys: known for a listed mint, not otherwise
            String outAccount = ProgramAddress.associatedTokenAccount(wallet, InstructionText.TOKEN, outMint);
            List<String> accounts = new ArrayList<>();
            for (JsonNode a : ix.get("accounts")) {
                accounts.add(
                        switch (a.get("name").asText()) {
                            case "user_transfer_authority" -> WALLET;
                            case "user_source_token_account" -> usdcAccount;
                            case "user_destination_token_account" -> outAccount;
                            case "source_mint" -> USDC;
                            case "destination_mint" -> outMint;
                            case "destination_token_account" -> JupiterSwaps.PROGRAM;
                            default -> OneInstruction.addressNamed(a.get("name").asText());
                        });
            }
            SolanaMessage m = OneInstruction.v0Message(
                    WALLET,
                    List.of(usdcAccount, outAccount),
                    JupiterSwaps.PROGRAM,
                    accounts,
                    encode(ix, 25_000_000, 123_456_789),
                    List.of(USDC, outMint));
            InstructionText text = InstructionText.of(m, wallet).get(0);
            assertTrue(
                    text.action()
                            .startsWith("swap 25 USDC (mint " + USDC + ") from the token account " + usdcAccount
                                    + " for at least"),
                    "the key's own USDC account tells the mint the table hides: " + text.action());
            if (outMint.equals(WSOL)) {
                assertTrue(text.action().contains("for at least 0.122222221 wrapped SOL"), text.action());
                assertNull(text.warning());
            } else {
                assertTrue(
                        text.action().contains("for at least 122222221 (the token's smallest units)"), text.action());
                assertTrue(
                        text.warning()
                                .contains("loaded from a lookup table, so whether that account is this key's"
                                        + " own cannot be checked here"),
                        text.warning());
            }
        }
    }

    private static InstructionText read(String signer, List<String> accounts, byte[] data) {
        SolanaMessage m = OneInstruction.message(signer, JupiterSwaps.PROGRAM, accounts, data);
        return InstructionText.of(m, Base58.decode(signer)).get(0);
    }

    private static byte[] encode(JsonNode ix, long exact, long quoted) {
        return encode(ix, exact, quoted, 100, 0, 0);
    }

    private static byte[] encode(JsonNode ix, long exact, long quoted, int slippage, int fee) {
        return encode(ix, exact, quoted, slippage, fee, 0);
    }

    /** The instruction's arguments in the IDL's order, with a one-step Whirlpool plan. */
    private static byte[] encode(JsonNode ix, long exact, long quoted, int slippage, int fee, int positive) {
        Borsh b = new Borsh().raw(AnchorData.discriminator(ix.get("name").asText()));
        for (JsonNode arg : ix.get("args")) {
            String name = arg.get("name").asText();
            String type = arg.get("type").isTextual() ? arg.get("type").asText() : "plan";
            switch (name) {
                case "id" -> b.u8(0);
                case "in_amount", "out_amount" -> b.u64(exact);
                case "quoted_out_amount", "quoted_in_amount" -> b.u64(quoted);
                case "slippage_bps" -> b.u16(slippage);
                case "platform_fee_bps" -> {
                    if (type.equals("u8")) {
                        b.u8(fee);
                    } else {
                        b.u16(fee);
                    }
                }
                case "positive_slippage_bps" -> b.u16(positive);
                case "route_plan" -> {
                    b.u32(1).u8(17).u8(1); // Whirlpool { a_to_b: true }
                    if (arg.get("type").toString().contains("RoutePlanStepV2")) {
                        b.u16(10_000);
                    } else {
                        b.u8(100);
                    }
                    b.u8(0).u8(1);
                }
                default -> throw new AssertionError("an argument the test does not fill: " + name);
            }
        }
        return b.bytes();
    }

    /** A value of the IDL type {@code t}: the last variant of an enum, one element of a vec, Some of an option. */
    private static void sample(Borsh b, JsonNode t) {
        if (t.isTextual()) {
            switch (t.asText()) {
                case "bool", "u8" -> b.u8(1);
                case "u16" -> b.u16(7);
                case "u32" -> b.u32(7);
                case "u64" -> b.u64(7);
                case "u128" -> b.u64(7).u64(0);
                case "bytes" -> b.u32(2).u8(9).u8(9);
                default -> throw new AssertionError(t.asText());
            }
        } else if (t.has("option")) {
            sample(b.u8(1), t.get("option"));
        } else if (t.has("vec")) {
            sample(b.u32(1), t.get("vec"));
        } else if (t.has("array")) {
            for (int i = 0; i < t.get("array").get(1).asInt(); i++) {
                sample(b, t.get("array").get(0));
            }
        } else {
            JsonNode defined = IDL.type(t.get("defined").get("name").asText());
            if (defined.get("kind").asText().equals("struct")) {
                defined.get("fields").forEach(f -> sample(b, f.get("type")));
            } else {
                int last = defined.get("variants").size() - 1;
                b.u8(last);
                defined.get("variants").get(last).path("fields").forEach(f -> sample(b, f.get("type")));
            }
        }
    }

    private static List<Byte> toList(byte[] b) {
        List<Byte> out = new ArrayList<>();
        for (byte x : b) {
            out.add(x);
        }
        return out;
    }

    private static byte[] append(byte[] b, int v) {
        byte[] out = Arrays.copyOf(b, b.length + 1);
        out[b.length] = (byte) v;
        return out;
    }

    private static byte[] set(byte[] b, int at, int v) {
        byte[] out = b.clone();
        out[at] = (byte) v;
        return out;
    }
}
