package io.keyshard.payload.tron;

import io.keyshard.bytes.Hex;
import io.keyshard.payload.evm.TokenCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A TriggerSmartContract: a call of a Tron contract, whose call data is the EVM's ABI. A TRC-20 transfer's real
 * recipient and amount are in that data, not in the contract address, so token calls are read by the same
 * decoder as on EVM chains ({@link TokenCall}) and their addresses written as Tron addresses.
 */
final class TronCall {
    private TronCall() {}

    static TronAction read(ProtoMessage m, String self) {
        String owner = TronAddress.of(m.bytes(1, "owner_address"), "owner address");
        String contract = TronAddress.of(m.bytes(2, "contract_address"), "contract address");
        long callValue = m.nonNegative(3, "call_value");
        byte[] data = m.bytes(4, "data");
        data = data == null ? new byte[0] : data;
        long tokenValue = m.nonNegative(5, "call_token_value");
        long tokenId = m.nonNegative(6, "token_id");
        Trc20Token known = Trc20Token.at(contract);
        List<TronAction.Line> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        lines.add(new TronAction.Line(
                "Contract", known == null ? contract : contract + " (" + known.symbol() + ", TRC-20)"));
        Optional<TokenCall> call = TokenCall.decode(withTronAddressWords(data));
        String title;
        if (call.isPresent()) {
            title = tokenLines(call.get(), known, self, lines, warnings);
            String party = tron(call.get().party());
            if (call.get().function().moves() && (party.equals(contract) || party.equals(TronAddress.ZERO))) {
                warnings.add("the tokens go to "
                        + (party.equals(contract) ? "the token contract itself" : "the zero address")
                        + ": tokens sent there are usually lost for good");
            }
        } else {
            title = "Call a contract";
            lines.add(new TronAction.Line("Call", "not decoded here: " + TronContract.describe(data)));
            warnings.add("a contract call not decoded here: what it does with this account's tokens and TRX is up to "
                    + "the contract; sign it only for a contract and site you trust");
        }
        if (callValue > 0) {
            lines.add(new TronAction.Line("TRX sent with the call", TronContract.trx(callValue)));
        }
        if (tokenValue > 0) {
            lines.add(new TronAction.Line(
                    "TRC-10 sent with the call", tokenValue + " of token " + tokenId + " in its smallest units"));
            warnings.add("the call also sends a TRC-10 token to the contract");
        } else if (tokenId != 0) {
            throw new IllegalArgumentException("the call names TRC-10 token " + tokenId + " but sends none of it");
        }
        return new TronAction(title, ContractType.TRIGGER_SMART.protoName(), owner, callValue, lines, warnings);
    }

    /**
     * The call data with each TRC-20 address argument written as an EVM one. Tron tools often write the whole
     * 21-byte address (0x41 first) into the 32-byte word; the token contract reads the low 20 bytes, which is the
     * same account, so the review shows it too. Only the words the function declares as addresses are touched.
     */
    static byte[] withTronAddressWords(byte[] data) {
        if (data.length < 4) {
            return data;
        }
        int addresses = switch (Hex.encode(Arrays.copyOf(data, 4))) {
            case "a9059cbb", "095ea7b3", "39509351" -> 1; // transfer, approve, increaseAllowance
            case "23b872dd" -> 2; // transferFrom
            default -> 0;
        };
        byte[] out = data.clone();
        for (int i = 0; i < addresses && 4 + 32 * (i + 1) <= out.length; i++) {
            int word = 4 + 32 * i;
            boolean tronAddress = (out[word + 11] & 0xff) == TronAddress.PREFIX;
            for (int j = 0; j < 11; j++) {
                tronAddress &= out[word + j] == 0;
            }
            if (tronAddress) {
                out[word + 11] = 0;
            }
        }
        return out;
    }

    /** Adds a token call's lines and warnings; returns its title. */
    private static String tokenLines(
            TokenCall t, Trc20Token known, String self, List<TronAction.Line> lines, List<String> warnings) {
        String party = TronContract.marked(tron(t.party()), self);
        lines.add(new TronAction.Line("Function", t.function().signature()));
        if (t.amount() == null) {
            lines.add(new TronAction.Line(t.function().moves() ? "To" : "Operator", party));
            warnings.add("a token standard other than TRC-20 (" + t.function().signature() + "): check it on the "
                    + "contract's own page");
            return t.function().moves() ? "Send tokens" : "Approve an operator";
        }
        String amount = Trc20Token.shown(t.amount(), known);
        switch (t.function()) {
            case TRANSFER -> {
                lines.add(new TronAction.Line("To", party));
                lines.add(new TronAction.Line("Amount", amount));
                return "Send " + (known == null ? "a TRC-20 token" : known.symbol());
            }
            case TRANSFER_FROM -> {
                lines.add(new TronAction.Line("From", TronContract.marked(tron(t.from()), self)));
                lines.add(new TronAction.Line("To", party));
                lines.add(new TronAction.Line("Amount", amount));
                return "Move tokens with an allowance";
            }
            default -> {
                lines.add(new TronAction.Line("Spender", party));
                boolean unlimited = t.amount().equals(TokenCall.UNLIMITED);
                lines.add(new TronAction.Line(
                        t.function() == TokenCall.Function.APPROVE ? "Allowance" : "Allowance added",
                        unlimited ? "unlimited" : amount));
                if (t.grantsSpending()) {
                    warnings.add("the spender " + party + " may move "
                            + (unlimited ? "all of this account's " : "up to " + amount + " of this account's ")
                            + (known == null ? "tokens" : known.symbol())
                            + " without asking again");
                }
                return t.grantsSpending() ? "Approve a spender" : "Revoke an approval";
            }
        }
    }

    private static String tron(String eip55) {
        return TronAddress.ofEvmBytes(Hex.decode(eip55.substring(2), "address"));
    }
}
