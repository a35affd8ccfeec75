package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Raydium swaps laid out as Raydium's SDK builds them (raydium-io/raydium-sdk-V2: {@code cpmm/instruction.ts},
 * {@code clmm/instrument.ts}, {@code liquidity/instruction.ts}, their account lists and data layouts) read as the
 * programs' processors read them: which token account pays, which receives, and the bound on the other side.
 */
class RaydiumInstructionsTest {
    private static final String AMM_V4 = "675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8";
    private static final String CPMM = "CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C";
    private static final String CLMM = "CAMMCzo5YL8w4VFF8KVHrK22GGUsp5VTaW7grrKgrWqK";
    private static final String WALLET = "B7hSadyLX8YhNT8RDcK8RbnR3KAfX4HbWvV89XmeqitA";
    private static final byte[] SELF = Base58.decode(WALLET);
    private static final String USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    private static final String WSOL = "So11111111111111111111111111111111111111112";

    /** The SDK's makeSwapCpmmBaseInInstruction and BaseOut: the program's {@code Swap} accounts. */
    private static final List<String> CPMM_ACCOUNTS = List.of(
            "payer",
            "authority",
            "configId",
            "poolId",
            "userInputAccount",
            "userOutputAccount",
            "inputVault",
            "outputVault",
            "inputTokenProgram",
            "outputTokenProgram",
            "inputMint",
            "outputMint",
            "observationId");

    /** The SDK's swapV2Instruction before its tick arrays; the first form stops after the token program. */
    private static final List<String> CLMM_V2_ACCOUNTS = List.of(
            "payer",
            "ammConfig",
            "poolId",
            "inputTokenAccount",
            "outputTokenAccount",
            "inputVault",
            "outputVault",
            "observationId",
            "tokenProgram",
            "token2022Program",
            "memoProgram",
            "inputTokenMint",
            "outputTokenMint");

    @Test
    void theCpmmDiscriminatorsAreTheSdks() {
        assertArrayEquals(bytes(143, 190, 90, 218, 196, 30, 51, 222), AnchorData.discriminator("swap_base_input"));
        assertArrayEquals(bytes(55, 217, 98, 86, 163, 74, 180, 173), AnchorData.discriminator("swap_base_output"));
    }

    @Test
    void aCpmmSwapOfKnownTokensIntoTheKeysOwnAccountReadsInWholeTokens() {
        String ownUsdc = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, USDC);
        String ownWsol = ProgramAddress.associatedTokenAccount(SELF, InstructionText.TOKEN, WSOL);
        List<String> accounts = named("cpmm", CPMM_ACCOUNTS, "payer");
        accounts.set(4, ownUsdc);
        accounts.set(5, ownWsol);
        accounts.set(10, USDC);
        accounts.set(11, WSOL);
        InstructionText in =
                read(CPMM, accounts, anchor("swap_base_input").u64(25_000_000).u64(120_000_000));
        assertEquals("Raydium CPMM", in.program());
        assertEquals(
                "swap 25 USDC (mint " + USDC + ") from the token account " + ownUsdc + " for at least 0.12 wrapped SOL"
                        + " (mint " + WSOL + "), into the token account " + ownWsol + " (this key's own for that "
                        + "mint); authority " + WALLET + " (this key); in the pool " + accounts.get(3),
                in.action());
        assertNull(in.warning());

        InstructionText out =
                read(CPMM, accounts, anchor("swap_base_output").u64(26_000_000).u64(120_000_000));
        assertTrue(
                out.action()
                        .startsWith("swap at most 26 USDC (mint " + USDC + ") from the token account " + ownUsdc
                                + " for exactly 0.12 wrapped SOL"),
                out.action());
    }

    @Test
    void aCpmmSwapIntoAnotherAccountOrWithoutAMinimumIsWarned() {
        List<String> accounts = named("cpmm", CPMM_ACCOUNTS, "payer");
        InstructionText text =
                read(CPMM, accounts, anchor("swap_base_input").u64(1_000).u64(0));
        assertTrue(
                text.action()
                        .startsWith("swap 1000 of the mint " + accounts.get(10) + " (its smallest units) from the"
                                + " token account " + accounts.get(4) + " for at least 0 of the mint "
                                + accounts.get(11)),
                text.action());
        assertTrue(text.action().contains(", into the token account " + accounts.get(5) + ";"), text.action());
        assertTrue(
                text.warning().contains("which is not this key's own account for the mint " + accounts.get(11)),
                text.warning());
        assertTrue(text.warning().contains("accepts any amount in return, even nothing"), text.warning());
    }

    @Test
    void aClmmSwapIsFilledExactlyWithoutAPriceLimitAndMayStopShortWithOne() {
        List<String> v2 = named("clmm", CLMM_V2_ACCOUNTS, "payer");
        InstructionText in = read(CLMM, v2, clmm("swap_v2", 1_000, 990, 0, true));
        assertEquals("Raydium CLMM", in.program());
        assertTrue(
                in.action()
                        .startsWith("swap 1000 of the mint " + v2.get(11) + " (its smallest units) from the token "
                                + "account " + v2.get(3) + " for at least 990 of the mint " + v2.get(12)),
                in.action());
        assertTrue(in.action().contains(", into the token account " + v2.get(4) + ";"), in.action());
        assertTrue(
                in.action().contains("; authority " + WALLET + " (this key); in the pool " + v2.get(2)), in.action());

        InstructionText limitedIn = read(CLMM, v2, clmm("swap_v2", 1_000, 990, 79_226_673_521_066_979L, true));
        assertTrue(limitedIn.action().startsWith("swap up to 1000 of the mint"), limitedIn.action());
        InstructionText out = read(CLMM, v2, clmm("swap_v2", 1_000, 1_010, 0, false));
        assertTrue(out.action().startsWith("swap at most 1010 of the mint " + v2.get(11)), out.action());
        assertTrue(out.action().contains(" for exactly 1000 of the mint " + v2.get(12)), out.action());
        InstructionText limitedOut = read(CLMM, v2, clmm("swap_v2", 1_000, 1_010, 79_226_673_521_066_979L, false));
        assertTrue(
                limitedOut.action().contains(" or less, if the swap reaches its price limit first"),
                limitedOut.action());

        // the first form names no mint and ends its accounts at the token program (then tick arrays)
        List<String> v1 = new ArrayList<>(v2.subList(0, 9));
        v1.add(OneInstruction.addressNamed("clmm tick array"));
        InstructionText first = read(CLMM, v1, clmm("swap", 1_000, 990, 0, true));
        assertTrue(
                first.action().contains("from the token account " + v1.get(3) + " for at least 990"), first.action());
        assertTrue(first.action().contains("into the token account " + v1.get(4) + ";"), first.action());
        assertTrue(first.warning().contains("the instruction does not say which mint they are"), first.warning());
    }

    @Test
    void anAmmV4SwapReadsWithAndWithoutTheOrderBooksAccounts() {
        for (int withTargetOrders = 0; withTargetOrders < 2; withTargetOrders++) {
            List<String> accounts = ammV4Accounts(withTargetOrders == 1);
            int n = accounts.size();
            InstructionText in =
                    read(AMM_V4, accounts, new Borsh().u8(9).u64(1_000).u64(990).bytes());
            assertEquals("Raydium AMM v4", in.program());
            assertEquals(
                    "swap 1000 (the token's smallest units) from the token account " + accounts.get(n - 3) + " for at "
                            + "least 990 (the token's smallest units), into the token account " + accounts.get(n - 2)
                            + "; authority " + WALLET + " (this key); in the pool " + accounts.get(1),
                    in.action(),
                    n + " accounts");
            InstructionText out = read(
                    AMM_V4, accounts, new Borsh().u8(11).u64(1_010).u64(1_000).bytes());
            assertTrue(
                    out.action()
                            .startsWith("swap at most 1010 (the token's smallest units) from the token account "
                                    + accounts.get(n - 3) + " for exactly 1000"),
                    out.action());
        }
        // the order-book-free forms: token program, pool, authority, two vaults, then the user's three
        List<String> eight = named(
                "amm v2",
                List.of("token", "amm", "authority", "coin vault", "pc vault", "source", "destination", "owner"),
                "owner");
        InstructionText v2 =
                read(AMM_V4, eight, new Borsh().u8(16).u64(1_000).u64(990).bytes());
        assertTrue(v2.action().contains("from the token account " + eight.get(5) + " for at least 990"), v2.action());
        assertTrue(v2.action().contains("into the token account " + eight.get(6) + ";"), v2.action());
        InstructionText v2Out =
                read(AMM_V4, eight, new Borsh().u8(17).u64(1_010).u64(1_000).bytes());
        assertTrue(v2Out.action().startsWith("swap at most 1010"), v2Out.action());
    }

    @Test
    void anythingTheProgramsWouldReadOtherwiseStaysUnread() {
        List<String> amm = ammV4Accounts(true);
        List<String> sixteen = new ArrayList<>(amm);
        sixteen.subList(4, 6).clear();
        assertUnread(AMM_V4, sixteen, new Borsh().u8(9).u64(1).u64(1).bytes(), "16 accounts");
        assertUnread(AMM_V4, amm, new Borsh().u8(9).u64(1).u64(1).u8(0).bytes(), "a trailing byte");
        assertUnread(AMM_V4, amm, new Borsh().u8(10).u64(1).u64(1).bytes(), "another tag");
        List<String> withExtra = new ArrayList<>(amm);
        withExtra.add(OneInstruction.addressNamed("one more"));
        assertUnread(AMM_V4, withExtra, new Borsh().u8(9).u64(1).u64(1).bytes(), "19 accounts");
        List<String> cpmm = named("cpmm", CPMM_ACCOUNTS, "payer");
        assertUnread(
                CPMM,
                cpmm.subList(0, 12),
                anchor("swap_base_input").u64(1).u64(1).bytes(),
                "12 accounts");
        assertUnread(CPMM, cpmm, anchor("swap_base_input").u64(1).bytes(), "one argument");
        List<String> clmm = named("clmm", CLMM_V2_ACCOUNTS, "payer");
        byte[] badBool = clmm("swap_v2", 1, 1, 0, true);
        badBool[40] = 2;
        assertUnread(CLMM, clmm, badBool, "a bool of 2");
        assertUnread(CLMM, clmm.subList(0, 12), clmm("swap_v2", 1, 1, 0, true), "a v2 swap without its mints");
    }

    private static void assertUnread(String program, List<String> accounts, byte[] data, String what) {
        InstructionText text = read(program, accounts, data);
        assertEquals(data.length + " bytes of data, not decoded here", text.action(), what);
        assertTrue(text.warning().contains("not decoded here names this key"), what);
    }

    private static void assertUnread(String program, List<String> accounts, Borsh data, String what) {
        assertUnread(program, accounts, data.bytes(), what);
    }

    /** The SDK's makeSwapFixedInInstruction for a version 4 pool; {@code targetOrders} adds the optional account. */
    private static List<String> ammV4Accounts(boolean targetOrders) {
        List<String> names = new ArrayList<>(List.of("token program", "amm", "authority", "open orders"));
        if (targetOrders) {
            names.add("target orders");
        }
        names.addAll(List.of(
                "vault a",
                "vault b",
                "market program",
                "market",
                "bids",
                "asks",
                "event queue",
                "market base vault",
                "market quote vault",
                "market authority",
                "token account in",
                "token account out",
                "owner"));
        return named("amm", names, "owner");
    }

    /** Accounts by name, the key signing as {@code signer}: the payer of the CPMM and CLMM, the AMM's owner. */
    private static List<String> named(String program, List<String> names, String signer) {
        List<String> accounts = new ArrayList<>();
        names.forEach(n -> accounts.add(n.equals(signer) ? WALLET : OneInstruction.addressNamed(program + " " + n)));
        return accounts;
    }

    /** The CLMM's {@code amount, otherAmountThreshold, sqrtPriceLimitX64, isBaseInput} after the discriminator. */
    private static byte[] clmm(String form, long amount, long threshold, long priceLimit, boolean baseInput) {
        return anchor(form)
                .u64(amount)
                .u64(threshold)
                .u64(priceLimit)
                .u64(0)
                .u8(baseInput ? 1 : 0)
                .bytes();
    }

    private static Borsh anchor(String name) {
        return new Borsh().raw(AnchorData.discriminator(name));
    }

    private static InstructionText read(String program, List<String> accounts, Borsh data) {
        return read(program, accounts, data.bytes());
    }

    private static InstructionText read(String program, List<String> accounts, byte[] data) {
        String payer = accounts.contains(WALLET) ? WALLET : accounts.get(0);
        return InstructionText.of(OneInstruction.message(payer, program, accounts, data), SELF)
                .get(0);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
