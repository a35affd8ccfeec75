package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A liquid-staking deposit or withdrawal reads as what goes into the pool and what comes out, and to whom; the
 * layouts are the stake-pool program's {@code StakePoolInstruction} (Borsh: a u8 tag, then its u64 fields) and the
 * accounts its instruction builders place.
 */
class StakePoolInstructionsTest {
    private static final String WALLET = "B7hSadyLX8YhNT8RDcK8RbnR3KAfX4HbWvV89XmeqitA";
    private static final String JITOSOL = "J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn";
    private static final String POOL = key("the pool");

    @Test
    void aSolDepositNamesTheSolThePoolAndTheKeysOwnTokenAccountAndCountsTheSolSent() {
        String own = ProgramAddress.associatedTokenAccount(Base58.decode(WALLET), InstructionText.TOKEN, JITOSOL);
        List<String> accounts = depositSolAccounts(own);
        SolanaMessage m = message(accounts, data(14, 1_500_000_000L));
        assertEquals(
                new InstructionText(
                        "Stake Pool Program",
                        "deposit 1.5 SOL from " + WALLET + " (this key) into the stake pool " + POOL + ", for its pool "
                                + "tokens (mint " + JITOSOL + "), into the token account " + own
                                + " (this key's own for that mint)",
                        null),
                InstructionText.of(m, Base58.decode(WALLET)).get(0));
        assertEquals(
                BigInteger.valueOf(1_500_000_000L),
                InstructionText.lamportsSentBy(m, Base58.decode(WALLET)),
                "the SOL the pool takes from the key is in the SOL it sends");

        for (String sanctum : List.of(StakePoolInstructions.SANCTUM, StakePoolInstructions.SANCTUM_MULTI)) {
            SolanaMessage onSanctum = OneInstruction.message(WALLET, sanctum, accounts, data(14, 1_500_000_000L));
            assertTrue(
                    InstructionText.of(onSanctum, Base58.decode(WALLET))
                            .get(0)
                            .action()
                            .startsWith("deposit 1.5 SOL from " + WALLET),
                    "Sanctum's deployments of the program read the same");
            assertEquals(
                    BigInteger.valueOf(1_500_000_000L),
                    InstructionText.lamportsSentBy(onSanctum, Base58.decode(WALLET)));
        }

        InstructionText slippage = InstructionText.of(
                        message(accounts, data(25, 2_000_000_000L, 1_900_000_000L)), Base58.decode(WALLET))
                .get(0);
        assertTrue(
                slippage.action().contains("(mint " + JITOSOL + "), at least 1.9 JitoSOL (mint " + JITOSOL + ")"),
                slippage.action());

        InstructionText elsewhere = InstructionText.of(
                        message(depositSolAccounts(key("someone's token account")), data(14, 1)), Base58.decode(WALLET))
                .get(0);
        assertTrue(
                elsewhere.warning().contains("not this key's own account for the mint " + JITOSOL),
                elsewhere.warning());
    }

    @Test
    void aWithdrawalSaysWhereTheSolOrTheStakeAccountGoes() {
        List<String> sol = new ArrayList<>(List.of(
                POOL,
                key("withdraw authority"),
                WALLET,
                key("jitosol account"),
                key("reserve"),
                WALLET,
                key("fee"),
                JITOSOL,
                key("clock"),
                key("history"),
                StakeInstructions.STAKE,
                InstructionText.TOKEN));
        InstructionText toSelf = InstructionText.of(
                        message(sol, data(26, 1_000_000_000L, 1_050_000_000L)), Base58.decode(WALLET))
                .get(0);
        assertEquals(
                "redeem 1 JitoSOL (mint " + JITOSOL + ") of the stake pool " + POOL + " from the token account "
                        + key("jitosol account") + " (authority " + WALLET + " (this key)) for at least 1.05 SOL from "
                        + "its reserve, to " + WALLET + " (this key)",
                toSelf.action());
        assertNull(toSelf.warning());
        sol.set(5, key("someone else"));
        InstructionText toOther = InstructionText.of(message(sol, data(16, 5)), Base58.decode(WALLET))
                .get(0);
        assertTrue(
                toOther.warning().contains("the SOL goes to " + key("someone else") + ", not to this key"),
                toOther.warning());

        List<String> stake = new ArrayList<>(List.of(
                POOL,
                key("list"),
                key("withdraw authority"),
                key("validator stake"),
                key("new stake"),
                WALLET,
                WALLET,
                key("jitosol account"),
                key("fee"),
                JITOSOL,
                key("clock"),
                InstructionText.TOKEN,
                StakeInstructions.STAKE));
        assertNull(InstructionText.of(message(stake, data(10, 7)), Base58.decode(WALLET))
                .get(0)
                .warning());
        stake.set(5, key("someone else"));
        InstructionText handed = InstructionText.of(message(stake, data(10, 7)), Base58.decode(WALLET))
                .get(0);
        assertTrue(handed.warning().contains("withdraw authority becomes " + key("someone else")), handed.warning());
    }

    @Test
    void dataOfAnotherLengthOrTooFewAccountsIsNotDecoded() {
        String own = ProgramAddress.associatedTokenAccount(Base58.decode(WALLET), InstructionText.TOKEN, JITOSOL);
        List<String> accounts = depositSolAccounts(own);
        byte[] longer = new byte[10];
        longer[0] = 14; // try_from_slice refuses bytes left over
        for (SolanaMessage m : List.of(
                message(accounts, longer), message(accounts.subList(0, 9), data(14, 1)), message(accounts, data(14)))) {
            InstructionText text = InstructionText.of(m, Base58.decode(WALLET)).get(0);
            assertTrue(text.action().endsWith("not decoded here"), text.action());
            assertEquals(BigInteger.ZERO, InstructionText.lamportsSentBy(m, Base58.decode(WALLET)));
        }
    }

    /** DepositSol's accounts as the program's builder places them, this key funding it. */
    private static List<String> depositSolAccounts(String tokensTo) {
        return List.of(
                POOL,
                key("withdraw authority"),
                key("reserve"),
                WALLET,
                tokensTo,
                key("fee"),
                key("referral"),
                JITOSOL,
                InstructionText.SYSTEM,
                InstructionText.TOKEN);
    }

    private static SolanaMessage message(List<String> accounts, byte[] data) {
        return OneInstruction.message(WALLET, StakePoolInstructions.PROGRAM, accounts, data);
    }

    /** A u8 tag and u64 fields, little-endian. */
    private static byte[] data(int tag, long... fields) {
        Borsh b = new Borsh().u8(tag);
        for (long field : fields) {
            b.u64(field);
        }
        return b.bytes();
    }

    private static String key(String name) {
        return OneInstruction.addressNamed(name);
    }
}
