package io.keyshard.payload.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.testing.TronRaw;
import io.keyshard.testing.TronRaw.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each contract type a wallet sends reads in words with the values a person checks, field numbers as java-tron's
 * core/contract/*.proto give them; a value the network refuses (a zero amount, an unknown resource) is refused.
 */
class TronContractTest {
    private static final String SELF = "TPswDDCAWhJAZGdHPidFg5nEf8TkNToDX1";
    private static final String OTHER = "TUznHJfHe6gdYY7gvWmf6bNZHuPHDZtowf";
    private static final String USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    private static final long LATER = 4_102_444_800_000L;

    private static TronAction read(int type, String name, Message parameter) {
        return TronTransaction.parse(TronRaw.raw(type, name, parameter, LATER, 0))
                .action(SELF);
    }

    private static List<TronAction.Line> lines(String... labelValue) {
        List<TronAction.Line> out = new ArrayList<>();
        for (int i = 0; i < labelValue.length; i += 2) {
            out.add(new TronAction.Line(labelValue[i], labelValue[i + 1]));
        }
        return out;
    }

    @Test
    void aTrc10TransferNamesItsTokenByIdAndCountsInItsUnits() {
        TronAction a = read(
                2,
                "TransferAssetContract",
                new Message()
                        .bytes(1, "1002000".getBytes(StandardCharsets.US_ASCII))
                        .address(2, SELF)
                        .address(3, OTHER)
                        .varint(4, 5_000));
        assertEquals("Send a TRC-10 token", a.title());
        assertEquals(SELF, a.owner());
        assertEquals(
                lines("Token", "TRC-10 token 1002000", "To", OTHER, "Amount", "5000 in the token's smallest units"),
                a.lines());
        assertEquals(0, a.sunSent());
    }

    @Test
    void votesListEachCandidateAndSayTheyReplaceEarlierVotes() {
        TronAction a = read(
                4,
                "VoteWitnessContract",
                new Message()
                        .address(1, SELF)
                        .message(2, new Message().address(1, OTHER).varint(2, 100))
                        .message(2, new Message().address(1, USDT).varint(2, 7)));
        assertEquals(lines("Vote", "100 for " + OTHER, "Vote", "7 for " + USDT), a.lines());
        assertTrue(a.warnings().get(0).contains("replace every vote"));
    }

    @Test
    void stakeTwoPointZeroAndItsWithdrawalsReadAsWhatTheyDo() {
        TronAction stake = read(
                54,
                "FreezeBalanceV2Contract",
                new Message().address(1, SELF).varint(2, 1_000_000_000).varint(3, 1));
        assertEquals("Stake TRX (Stake 2.0)", stake.title());
        assertEquals(lines("Amount", "1000 TRX", "Resource", "Energy"), stake.lines());
        assertTrue(stake.warnings().get(0).contains("14 days"));
        TronAction unstake = read(
                55, "UnfreezeBalanceV2Contract", new Message().address(1, SELF).varint(2, 1_500_000));
        assertEquals(lines("Amount", "1.5 TRX", "Resource", "Bandwidth"), unstake.lines());
        assertEquals(
                "Withdraw unstaked TRX",
                read(56, "WithdrawExpireUnfreezeContract", new Message().address(1, SELF))
                        .title());
        assertEquals(
                "Cancel all unstaking",
                read(59, "CancelAllUnfreezeV2Contract", new Message().address(1, SELF))
                        .title());
        assertEquals(
                "Claim voting rewards",
                read(13, "WithdrawBalanceContract", new Message().address(1, SELF))
                        .title());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> read(
                        54,
                        "FreezeBalanceV2Contract",
                        new Message().address(1, SELF).varint(2, 1).varint(3, 7)));
        assertTrue(e.getMessage().contains("resource is 7"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> read(54, "FreezeBalanceV2Contract", new Message().address(1, SELF)));
        assertTrue(e.getMessage().contains("amount is zero"), e.getMessage());
    }

    @Test
    void aDelegationNamesItsReceiverResourceAndLock() {
        Message base =
                new Message().address(1, SELF).varint(2, 1).varint(3, 2_000_000).address(4, OTHER);
        TronAction unlocked = read(57, "DelegateResourceContract", base);
        assertEquals(
                lines(
                        "To",
                        OTHER,
                        "Resource",
                        "Energy of 2 TRX staked",
                        "Lock",
                        "none: it can be taken back at any time"),
                unlocked.lines());
        TronAction locked = read(
                57,
                "DelegateResourceContract",
                new Message()
                        .address(1, SELF)
                        .varint(2, 0)
                        .varint(3, 2_000_000)
                        .address(4, OTHER)
                        .varint(5, 1));
        assertEquals(
                "the default, 86,400 blocks (3 days)", locked.lines().get(2).value());
        TronAction back = read(58, "UnDelegateResourceContract", base);
        assertEquals("Take back a delegated resource", back.title());
        assertEquals(lines("From", OTHER, "Resource", "Energy of 2 TRX staked"), back.lines());
    }

    @Test
    void tokenApprovalsAndAllowanceTransfersReadInWordsAndAnUnknownCallIsWarnedAbout() {
        String spender =
                "00".repeat(11) + "41" + Hex.encode(TronAddress.bytesOf(OTHER)).substring(2);
        TronAction approve = TronTransaction.parse(TronRaw.call(
                        SELF, USDT, Hex.decode("095ea7b3" + spender + "%064x".formatted(5_000_000), "d"), 1, LATER))
                .action(SELF);
        assertEquals("Approve a spender", approve.title());
        assertTrue(approve.lines().contains(new TronAction.Line("Allowance", "5 USDT")), approve.lines()::toString);
        assertTrue(approve.warnings().get(0).contains("up to 5 USDT"), approve.warnings()::toString);
        TronAction revoke = TronTransaction.parse(
                        TronRaw.call(SELF, USDT, Hex.decode("095ea7b3" + spender + "0".repeat(64), "d"), 1, LATER))
                .action(SELF);
        assertEquals("Revoke an approval", revoke.title());
        assertTrue(revoke.warnings().isEmpty());
        String from =
                "00".repeat(11) + "41" + Hex.encode(TronAddress.bytesOf(SELF)).substring(2);
        TronAction pull = TronTransaction.parse(TronRaw.call(
                        OTHER,
                        USDT,
                        Hex.decode("23b872dd" + from + spender + "%064x".formatted(1_000_000), "d"),
                        1,
                        LATER))
                .action(SELF);
        assertEquals("Move tokens with an allowance", pull.title());
        assertTrue(pull.lines().contains(new TronAction.Line("From", SELF + " (this key)")), pull.lines()::toString);
        TronAction unknown = TronTransaction.parse(TronRaw.call(SELF, OTHER, Hex.decode("deadbeef", "d"), 1, LATER))
                .action(SELF);
        assertEquals("Call a contract", unknown.title());
        assertEquals(
                "not decoded here: selector 0xdeadbeef, 4 bytes",
                unknown.lines().get(1).value());
        assertTrue(unknown.warnings().get(0).contains("not decoded here"));
    }

    @Test
    void tokensSentToTheirOwnContractOrTheZeroAddressAreWarnedAbout() {
        for (String to : List.of(USDT, TronAddress.ZERO)) {
            String word = "00".repeat(11) + Hex.encode(TronAddress.bytesOf(to));
            TronAction a = TronTransaction.parse(TronRaw.call(
                            SELF, USDT, Hex.decode("a9059cbb" + word + "%064x".formatted(5), "d"), 1, LATER))
                    .action(SELF);
            assertTrue(
                    a.warnings().stream().anyMatch(w -> w.contains("usually lost for good")), a.warnings()::toString);
        }
        TronAction burn = TronTransaction.parse(TronRaw.transfer(SELF, TronAddress.ZERO, 1, LATER))
                .action(SELF);
        assertTrue(burn.warnings().get(0).contains("zero address"), burn.warnings()::toString);
        assertEquals(TronAddress.ZERO, TronAddress.ofEvmBytes(new byte[20]));
    }

    @Test
    void aCallThatAlsoSendsTrxCountsItAsSent() {
        Message call = new Message()
                .address(1, SELF)
                .address(2, OTHER)
                .varint(3, 3_000_000)
                .bytes(4, Hex.decode("d0e30db0", "deposit()"));
        TronAction a = read(31, "TriggerSmartContract", call);
        assertEquals(3_000_000, a.sunSent());
        assertTrue(a.lines().contains(new TronAction.Line("TRX sent with the call", "3 TRX")), a.lines()::toString);
    }
}
