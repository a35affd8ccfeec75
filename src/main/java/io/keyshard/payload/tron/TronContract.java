package io.keyshard.payload.tron;

import io.keyshard.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the parameter of a Tron transaction's contract (the messages of java-tron's core/contract/*.proto) into a
 * {@link TronAction}, for the types a wallet sends: TRX and TRC-10 transfers, contract calls (TRC-20 token calls
 * in words), votes and their rewards, Stake 2.0 and resource delegation, and account permission changes. Each
 * message is read with exactly its fields ({@link ProtoMessage}).
 */
final class TronContract {
    private TronContract() {}

    /** The action of contract {@code type} whose parameter is {@code value}; {@code self} marks this key. */
    static TronAction read(ContractType type, byte[] value, String self) {
        String what = "the " + type.protoName();
        return switch (type) {
            case TRANSFER -> transfer(ProtoMessage.parse(value, what, 1, 2, 3), self);
            case TRANSFER_ASSET -> transferAsset(ProtoMessage.parse(value, what, 1, 2, 3, 4), self);
            case TRIGGER_SMART -> TronCall.read(ProtoMessage.parse(value, what, 1, 2, 3, 4, 5, 6), self);
            case VOTE_WITNESS -> vote(ProtoMessage.parse(value, what, 1, 2, 3));
            case WITHDRAW_BALANCE ->
                ownerOnly(
                        type,
                        value,
                        "Claim voting rewards",
                        "claims this account's voting and block rewards into its balance");
            case FREEZE_BALANCE_V2 -> stake(ProtoMessage.parse(value, what, 1, 2, 3), true);
            case UNFREEZE_BALANCE_V2 -> stake(ProtoMessage.parse(value, what, 1, 2, 3), false);
            case WITHDRAW_EXPIRE_UNFREEZE ->
                ownerOnly(
                        type,
                        value,
                        "Withdraw unstaked TRX",
                        "moves the TRX whose unstaking period has ended back into this account's balance");
            case CANCEL_ALL_UNFREEZE_V2 ->
                ownerOnly(
                        type,
                        value,
                        "Cancel all unstaking",
                        "stakes again every amount still unstaking, and withdraws what has already ended");
            case DELEGATE_RESOURCE -> delegate(ProtoMessage.parse(value, what, 1, 2, 3, 4, 5, 6), self, true);
            case UNDELEGATE_RESOURCE -> delegate(ProtoMessage.parse(value, what, 1, 2, 3, 4), self, false);
            case ACCOUNT_PERMISSION_UPDATE -> PermissionUpdate.read(ProtoMessage.parse(value, what, 1, 2, 3, 4), self);
            default -> throw new IllegalArgumentException(notSigned(type));
        };
    }

    /** Why a contract type is refused, naming the types that are signed. */
    static String notSigned(ContractType type) {
        return "the transaction is a " + type.protoName() + " (type " + type.number() + "), which Keyshard does "
                + "not read and so does not sign; it signs TRX and TRC-10 transfers, contract calls, votes, "
                + "rewards, Stake 2.0, resource delegation and permission changes";
    }

    private static TronAction transfer(ProtoMessage m, String self) {
        String owner = TronAddress.of(m.bytes(1, "owner_address"), "owner address");
        String to = TronAddress.of(m.bytes(2, "to_address"), "recipient address");
        long amount = positive(m.nonNegative(3, "amount"), "amount");
        List<TronAction.Line> lines =
                List.of(new TronAction.Line("To", marked(to, self)), new TronAction.Line("Amount", trx(amount)));
        List<String> warnings = new ArrayList<>();
        if (to.equals(owner)) {
            warnings.add("the transaction sends TRX from this account to itself");
        }
        if (to.equals(TronAddress.ZERO)) {
            warnings.add("the TRX goes to the zero address: what is sent there is lost for good");
        }
        return new TronAction("Send TRX", ContractType.TRANSFER.protoName(), owner, amount, lines, warnings);
    }

    private static TronAction transferAsset(ProtoMessage m, String self) {
        byte[] name = m.bytes(1, "asset_name");
        String owner = TronAddress.of(m.bytes(2, "owner_address"), "owner address");
        String to = TronAddress.of(m.bytes(3, "to_address"), "recipient address");
        long amount = positive(m.nonNegative(4, "amount"), "amount");
        String id = name == null ? "" : new String(name, StandardCharsets.US_ASCII);
        if (!id.matches("[0-9]{1,19}")) {
            throw new IllegalArgumentException("the TRC-10 token id is not a number: tokens are named by id");
        }
        List<TronAction.Line> lines = List.of(
                new TronAction.Line("Token", "TRC-10 token " + id),
                new TronAction.Line("To", marked(to, self)),
                new TronAction.Line("Amount", amount + " in the token's smallest units"));
        return new TronAction(
                "Send a TRC-10 token", ContractType.TRANSFER_ASSET.protoName(), owner, 0, lines, List.of());
    }

    private static TronAction vote(ProtoMessage m) {
        String owner = TronAddress.of(m.bytes(1, "owner_address"), "owner address");
        List<TronAction.Line> lines = new ArrayList<>();
        List<byte[]> votes = m.repeated(2, "votes");
        if (votes.isEmpty()) {
            throw new IllegalArgumentException("the vote names no super representative");
        }
        for (byte[] v : votes) {
            ProtoMessage vote = ProtoMessage.parse(v, "a vote", 1, 2);
            String candidate = TronAddress.of(vote.bytes(1, "vote_address"), "super representative address");
            long count = positive(vote.nonNegative(2, "vote_count"), "vote count");
            lines.add(new TronAction.Line("Vote", count + " for " + candidate));
        }
        m.bool(3, "support");
        List<String> warnings = List.of("votes replace every vote this account has cast before; they move no TRX");
        return new TronAction(
                "Vote for super representatives", ContractType.VOTE_WITNESS.protoName(), owner, 0, lines, warnings);
    }

    private static TronAction stake(ProtoMessage m, boolean freeze) {
        String owner = TronAddress.of(m.bytes(1, "owner_address"), "owner address");
        long amount = positive(m.nonNegative(2, freeze ? "frozen_balance" : "unfreeze_balance"), "amount");
        String resource = resource(m.int32(3, "resource"));
        List<TronAction.Line> lines =
                List.of(new TronAction.Line("Amount", trx(amount)), new TronAction.Line("Resource", resource));
        List<String> warnings = freeze
                ? List.of("staked TRX cannot be spent until it is unstaked, which takes 14 days")
                : List.of("unstaked TRX comes back after 14 days, with a withdrawal; the votes it carried are "
                        + "taken back");
        return new TronAction(
                freeze ? "Stake TRX (Stake 2.0)" : "Unstake TRX (Stake 2.0)",
                (freeze ? ContractType.FREEZE_BALANCE_V2 : ContractType.UNFREEZE_BALANCE_V2).protoName(),
                owner,
                0,
                lines,
                warnings);
    }

    private static TronAction delegate(ProtoMessage m, String self, boolean delegate) {
        String owner = TronAddress.of(m.bytes(1, "owner_address"), "owner address");
        String resource = resource(m.int32(2, "resource"));
        long amount = positive(m.nonNegative(3, "balance"), "amount");
        String receiver = TronAddress.of(m.bytes(4, "receiver_address"), "receiver address");
        List<TronAction.Line> lines = new ArrayList<>();
        lines.add(new TronAction.Line(delegate ? "To" : "From", marked(receiver, self)));
        lines.add(new TronAction.Line("Resource", resource + " of " + trx(amount) + " staked"));
        List<String> warnings = new ArrayList<>();
        if (delegate) {
            boolean lock = m.bool(5, "lock");
            long period = m.nonNegative(6, "lock_period");
            lines.add(new TronAction.Line(
                    "Lock",
                    !lock
                            ? "none: it can be taken back at any time"
                            : period == 0
                                    ? "the default, 86,400 blocks (3 days)"
                                    : period + " blocks (" + period * 3 / 3600 + " hours), as the network allows"));
            warnings.add("the receiver uses this account's " + resource.toLowerCase(Locale.ROOT)
                    + "; the staked TRX stays this account's");
        }
        return new TronAction(
                delegate ? "Delegate a resource" : "Take back a delegated resource",
                (delegate ? ContractType.DELEGATE_RESOURCE : ContractType.UNDELEGATE_RESOURCE).protoName(),
                owner,
                0,
                lines,
                warnings);
    }

    private static TronAction ownerOnly(ContractType type, byte[] value, String title, String does) {
        ProtoMessage m = ProtoMessage.parse(value, "the " + type.protoName(), 1);
        String owner = TronAddress.of(m.bytes(1, "owner_address"), "owner address");
        return new TronAction(title, type.protoName(), owner, 0, List.of(new TronAction.Line("Does", does)), List.of());
    }

    /** ResourceCode of core/contract/common.proto. */
    static String resource(int code) {
        return switch (code) {
            case 0 -> "Bandwidth";
            case 1 -> "Energy";
            case 2 -> "Tron power";
            default -> throw new IllegalArgumentException("the resource is " + code + ", not one Tron defines");
        };
    }

    static long positive(long value, String name) {
        if (value == 0) {
            throw new IllegalArgumentException("the " + name + " is zero: the network refuses it");
        }
        return value;
    }

    static String trx(long sun) {
        return TronUnits.trx(sun);
    }

    /** An address with "(this key)" after it when it is the signing key's. */
    static String marked(String address, String self) {
        return address.equals(self) ? address + " (this key)" : address;
    }

    /** The data of a call, as the review shows it when no decoder reads it. */
    static String describe(byte[] data) {
        return data.length < 4
                ? data.length + " bytes"
                : "selector 0x" + Hex.encode(Arrays.copyOf(data, 4)) + ", " + data.length + " bytes";
    }
}
