package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Solana transaction's instructions are shown in words: who gets what, and what hands control away. */
class InstructionTextTest {
    private static final String SIGNER = Base58.encode(SolanaWire.filled(0x11));
    private static final String OTHER = Base58.encode(SolanaWire.filled(0x77));
    private static final String DELEGATE = Base58.encode(SolanaWire.filled(0x66));

    @Test
    void thePublishedUsdtTransferReadsAsItsExplorerDecodesIt() {
        // paulmillr/micro-sol-signer examples/decode_tx.js: advanceNonce, then transferChecked of 64487.8509 USDT
        SolanaTransaction tx = SolanaTransaction.parseText(
                MicroSolSignerVectorsTest.transactions().get(5));
        List<InstructionText> ix = InstructionText.of(tx.message());
        assertEquals(2, ix.size());
        assertEquals("System Program", ix.get(0).program());
        assertEquals(
                "use the durable nonce in dN98UQCp6Hq9kedJKEczHt5B53tsC8eENv9cGEVwvuD (authority "
                        + "38QU8LKVK1Ew5uzsqttamNTTFxvnfzgi2ACQvj3ekuom)",
                ix.get(0).action());
        assertTrue(
                ix.get(0).warning().contains("does not expire"),
                "a durable-nonce transaction can be sent long after it is signed: "
                        + ix.get(0).warning());
        assertEquals(
                new InstructionText(
                        "Token Program",
                        "transfer 64487.8509 USDT (mint Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB) from the token "
                                + "account 3VDHywae15vgbG2euNPpwoHTEr2eyGLuS6EoF74kDkp4 to the token account "
                                + "3feqC1fmo5YHMh2iw7X9kGE9F8P147hiiDQqC5xtSbpN (authority "
                                + "EqywLUZcm73PSWri93X3M5TN62iFMsUPMjvWYUq89dKB)",
                        null),
                ix.get(1));
    }

    @Test
    void aSolTransferNamesItsAmountAndBothAccountsAndWhichIsThisKey() {
        SolanaMessage m = SolanaTransaction.parse(SolanaFixtures.transferMessage(List.of(SolanaWire.filled(0x11))))
                .message();
        assertEquals(
                "transfer 0.000001 SOL from " + SIGNER + " to " + OTHER,
                InstructionText.of(m).get(0).action());
        assertEquals(
                "transfer 0.000001 SOL from " + SIGNER + " (this key) to " + OTHER,
                InstructionText.of(m, SolanaWire.filled(0x11)).get(0).action(),
                "the signing key's own account is named as such");
    }

    /**
     * Accounts: 0 signer, 1 token account 0x77, 2 delegate 0x66, then the programs System, Token,
     * Compute Budget, Memo and one unknown (0x42).
     */
    private static SolanaMessage message(SolanaWire instructions, int count) {
        SolanaWire w = new SolanaWire()
                .u8(1, 0, 6)
                .len(8)
                .key(0x11)
                .key(0x77)
                .key(0x66)
                .key(0x00);
        for (String program : List.of(InstructionText.TOKEN, InstructionText.COMPUTE_BUDGET, InstructionText.MEMO)) {
            w.raw(Base58.decode(program));
        }
        w.key(0x42).key(0x33).len(count).raw(instructions.bytes());
        return SolanaTransaction.parse(w.bytes()).message();
    }

    @Test
    void approvalsAndAuthorityChangesWarnWhileFeesMemosAndUnknownProgramsAreNamed() {
        SolanaWire ix = new SolanaWire()
                .u8(5)
                .len(0)
                .len(5)
                .u8(2, 0x40, 0x0d, 0x03, 0) // unit limit 200000
                .u8(5)
                .len(0)
                .len(9)
                .u8(3, 0x10, 0x27, 0, 0, 0, 0, 0, 0) // 10000 micro-lamports a unit
                .u8(4)
                .len(3)
                .u8(1, 2, 0)
                .len(9)
                .u8(4, 0xe8, 0x03, 0, 0, 0, 0, 0, 0) // approve 1000
                .u8(4)
                .len(2)
                .u8(1, 0)
                .len(35)
                .u8(6, 2, 1)
                .key(0x55) // ownership to 0x55..
                .u8(6)
                .len(0)
                .len(6)
                .raw("thanks".getBytes(StandardCharsets.UTF_8))
                .u8(7)
                .len(1)
                .u8(0)
                .len(3)
                .u8(1, 2, 3)
                .u8(3)
                .len(2)
                .u8(0, 1)
                .len(11)
                .u8(2, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7); // a transfer cut short
        List<InstructionText> texts = InstructionText.of(message(ix, 7));
        assertEquals("set the compute unit limit to 200000", texts.get(0).action());
        assertEquals(
                "set the priority fee to 10000 micro-lamports per compute unit",
                texts.get(1).action());
        assertEquals(new PriorityFee(BigInteger.valueOf(2000), false), PriorityFee.of(message(ix, 7)));

        InstructionText approve = texts.get(2);
        assertEquals("Token Program", approve.program());
        assertEquals(
                "let " + DELEGATE + " move up to 1000 (the token's smallest units) from the token account " + OTHER
                        + " (owner " + SIGNER + ")",
                approve.action());
        assertTrue(approve.warning().startsWith(DELEGATE + " may move up to 1000"), approve.warning());

        InstructionText authority = texts.get(3);
        String newOwner = Base58.encode(SolanaWire.filled(0x55));
        assertEquals("give the ownership authority of " + OTHER + " to " + newOwner, authority.action());
        assertTrue(authority.warning().contains("only if you mean to give that control away"), authority.warning());

        assertEquals(new InstructionText("Memo Program", "memo \"thanks\"", null), texts.get(4));
        SolanaWire unlimited = new SolanaWire()
                .u8(4)
                .len(3)
                .u8(1, 2, 0)
                .len(9)
                .u8(4)
                .u8(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
        InstructionText all = InstructionText.of(message(unlimited, 1)).get(0);
        assertTrue(all.action().startsWith("let " + DELEGATE + " move up to an unlimited amount from"), all.action());
        String unknown = Base58.encode(SolanaWire.filled(0x42));
        assertEquals(new InstructionText(unknown, "3 bytes of data, not decoded here", null), texts.get(5));
        assertEquals(
                new InstructionText("System Program", "11 bytes of data, not decoded here", null),
                texts.get(6),
                "data that does not have its layout's exact length is not read as that instruction");
    }

    @Test
    void anInstructionNotDecodedHereThatNamesThisKeyWarnsThatItsProgramCanMoveTheKeysCoins() {
        byte[] self = SolanaWire.filled(0x11);
        String unknown = Base58.encode(SolanaWire.filled(0x42));
        SolanaWire withSelf = new SolanaWire().u8(7).len(1).u8(0).len(3).u8(1, 2, 3);
        InstructionText named = InstructionText.of(message(withSelf, 1), self).get(0);
        assertEquals(unknown, named.program());
        assertEquals("3 bytes of data, not decoded here", named.action());
        assertTrue(named.warning().contains("names this key") && named.warning().contains(unknown), named.warning());
        assertEquals(1, InstructionText.undecodedNaming(message(withSelf, 1), self));

        SolanaWire others = new SolanaWire().u8(7).len(1).u8(1).len(3).u8(1, 2, 3);
        assertNull(InstructionText.of(message(others, 1), self).get(0).warning(), "it does not name this key");
        assertEquals(0, InstructionText.undecodedNaming(message(others, 1), self));
        SolanaWire transfer = new SolanaWire().u8(3).len(2).u8(0, 1).len(12).u8(2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(
                0,
                InstructionText.undecodedNaming(message(transfer, 1), self),
                "a transfer decoded here is counted in what the key sends");
    }

    @Test
    void aPriorityFeeIsExactWithItsUnitLimitAndBoundedWithoutIt() {
        SolanaWire priceOnly = new SolanaWire().u8(5).len(0).len(9).u8(3, 0x10, 0x27, 0, 0, 0, 0, 0, 0);
        // no other instruction: at most the 3,000 units a compute-budget instruction is allowed, at 10,000 each
        assertEquals(new PriorityFee(BigInteger.valueOf(30), true), PriorityFee.of(message(priceOnly, 1)));
        SolanaWire none = new SolanaWire().u8(6).len(0).len(2).u8('h', 'i');
        assertNull(PriorityFee.of(message(none, 1)), "no unit price: no priority fee");

        // 10^12 micro-lamports a unit and a transfer, no unit limit: up to 203,000 units, so up to 203 SOL; a review
        // that left it out would show 0.000005 SOL as the fee
        SolanaWire greedy = new SolanaWire()
                .u8(5)
                .len(0)
                .len(9)
                .u8(3, 0x00, 0x10, 0xa5, 0xd4, 0xe8, 0, 0, 0)
                .u8(3)
                .len(2)
                .u8(0, 1)
                .len(12)
                .u8(2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(new PriorityFee(BigInteger.valueOf(203_000_000_000L), true), PriorityFee.of(message(greedy, 2)));

        // 3 units at 1 micro-lamport each is 0.000003 lamports: charged as 1
        SolanaWire tiny = new SolanaWire()
                .u8(5)
                .len(0)
                .len(5)
                .u8(2, 3, 0, 0, 0)
                .u8(5)
                .len(0)
                .len(9)
                .u8(3, 1, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(new PriorityFee(BigInteger.ONE, false), PriorityFee.of(message(tiny, 2)));

        // a limit above the runtime's 1,400,000 units is charged as 1,400,000
        SolanaWire overLimit = new SolanaWire()
                .u8(5)
                .len(0)
                .len(5)
                .u8(2, 0x00, 0x09, 0x3d, 0x00) // 4,000,000 units
                .u8(5)
                .len(0)
                .len(9)
                .u8(3, 0x40, 0x42, 0x0f, 0, 0, 0, 0, 0); // 1,000,000 micro-lamports (1 lamport) a unit
        assertEquals(new PriorityFee(BigInteger.valueOf(1_400_000), false), PriorityFee.of(message(overLimit, 2)));
    }

    @Test
    void theSolThisKeySendsAddsItsTransfersAndTheAccountsItFundsAndNothingElse() {
        byte[] owner = Base58.decode(InstructionText.TOKEN);
        SolanaWire ix = new SolanaWire()
                .u8(3) // System: 1.5 SOL from this key to 0x77
                .len(2)
                .u8(0, 1)
                .len(12)
                .u8(2, 0, 0, 0)
                .u8(le64(1_500_000_000L))
                .u8(3) // System: 7 lamports from 0x77 to this key, which this key receives
                .len(2)
                .u8(1, 0)
                .len(12)
                .u8(2, 0, 0, 0)
                .u8(le64(7))
                .u8(3) // System: create 0x66 with the rent of a token account, paid by this key
                .len(2)
                .u8(0, 2)
                .len(52)
                .u8(0, 0, 0, 0)
                .u8(le64(2_039_280L))
                .u8(le64(165))
                .raw(owner)
                .u8(3) // a transfer cut short is not read as one
                .len(2)
                .u8(0, 1)
                .len(11)
                .u8(2, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7);
        SolanaMessage m = message(ix, 4);
        assertEquals(
                BigInteger.valueOf(1_500_000_000L + 2_039_280L),
                InstructionText.lamportsSentBy(m, SolanaWire.filled(0x11)));
        assertEquals(BigInteger.valueOf(7), InstructionText.lamportsSentBy(m, SolanaWire.filled(0x77)));
        assertEquals(BigInteger.ZERO, InstructionText.lamportsSentBy(m, SolanaWire.filled(0x99)));
    }

    private static int[] le64(long v) {
        int[] out = new int[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (int) (v >>> (8 * i)) & 0xff;
        }
        return out;
    }

    @Test
    void creatingAnAssociatedTokenAccountSaysWhoPaysItsRent() {
        String mint = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
        byte[] self = Base58.decode(SIGNER);
        String account = ProgramAddress.associatedTokenAccount(self, InstructionText.TOKEN, mint);
        List<String> accounts = List.of(SIGNER, account, SIGNER, mint, InstructionText.SYSTEM, InstructionText.TOKEN);
        for (byte[] data : new byte[][] {{}, {0}, {1}}) {
            SolanaMessage m = OneInstruction.message(SIGNER, InstructionText.ASSOCIATED_TOKEN, accounts, data);
            assertEquals(
                    "create the token account " + account + " of " + SIGNER + " (this key) for the mint " + mint
                            + ", paid by " + SIGNER + " (this key)",
                    InstructionText.of(m, self).get(0).action());
            assertEquals(List.of("Associated Token Account Program"), InstructionText.rentPayingPrograms(m, self));
            assertEquals(List.of(), InstructionText.rentPayingPrograms(m, Base58.decode(OTHER)), "another funder");
        }
        SolanaMessage recover =
                OneInstruction.message(SIGNER, InstructionText.ASSOCIATED_TOKEN, accounts, new byte[] {2});
        assertEquals(
                "1 bytes of data, not decoded here",
                InstructionText.of(recover, self).get(0).action());
        assertEquals(List.of(), InstructionText.rentPayingPrograms(recover, self), "not a creation");
    }
}
