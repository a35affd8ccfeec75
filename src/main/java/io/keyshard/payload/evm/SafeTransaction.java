package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Safe (the multisig wallet once called Gnosis Safe) transaction as its owners sign it: EIP-712 {@code SafeTx},
 * which the Safe at the verifying contract runs once enough owners signed it. Its {@code operation} is the
 * danger a wallet must show: 1 (DELEGATECALL) runs the target's code as the Safe itself, with the power to change
 * its owners or move all it holds, which is how a Safe signed on screens that did not show it lost $1.5 billion in
 * February 2025. Recognised by primary type {@code SafeTx} with exactly the members of the Safe's
 * {@code SAFE_TX_TYPEHASH} (Safe 1.0.0 and later) and a verifying contract, never by the domain's name.
 *
 * @param safe the Safe that runs it (the verifying contract, EIP-55)
 * @param to the contract or account it calls (EIP-55)
 * @param value the chain's coin it sends, in wei
 * @param data the call data
 * @param delegateCall true for operation 1 (DELEGATECALL), false for 0 (CALL)
 * @param safeTxGas gas the Safe sets aside for the call (0: all there is)
 * @param baseGas gas the refund counts beside the call's
 * @param gasPrice the price per gas of the refund the Safe pays whoever executes it; 0 for none
 * @param gasToken what the refund is paid in (the zero address: the chain's coin)
 * @param refundReceiver who gets the refund (the zero address: whoever executes it)
 * @param nonce the Safe's nonce the transaction is for; null in an {@code execTransaction} call, which runs at the
 *     Safe's current nonce
 * @param signatures how many 65-byte owner signatures an {@code execTransaction} call carries; 0 in a {@code SafeTx}
 */
public record SafeTransaction(
        String safe,
        String to,
        BigInteger value,
        byte[] data,
        boolean delegateCall,
        BigInteger safeTxGas,
        BigInteger baseGas,
        BigInteger gasPrice,
        String gasToken,
        String refundReceiver,
        BigInteger nonce,
        int signatures) {
    /** The zero address, which means the chain's coin as gas token and the executor as refund receiver. */
    public static final String ZERO = "0x0000000000000000000000000000000000000000";

    /** SafeTx's members, in the order its type hash is made of. */
    private static final List<String> SAFE_TX = List.of(
            "to:address",
            "value:uint256",
            "data:bytes",
            "operation:uint8",
            "safeTxGas:uint256",
            "baseGas:uint256",
            "gasPrice:uint256",
            "gasToken:address",
            "refundReceiver:address",
            "nonce:uint256");

    /**
     * Safe's MultiSend (which may delegate-call in turn) and MultiSendCallOnly contracts, 1.3.0 (canonical, EIP-155
     * and zkSync deployments) and 1.4.1, as safe-global/safe-deployments lists them. They are deployed through a
     * deterministic deployer, so these addresses hold that code on every chain that has code there at all.
     */
    private static final Set<String> MULTI_SEND = Set.of(
            "0xA238CBeb142c10Ef7Ad8442C6D1f9E89e07e7761",
            "0x998739BFdAAdde7C933B942a68053933098f9EDa",
            "0x0dFcccB95225ffB03c6FBB2559B530C2B7C8A912",
            "0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526");

    private static final Set<String> MULTI_SEND_CALL_ONLY = Set.of(
            "0x40A2aCCbd92BCA938b02010E17A5b8929b49130D",
            "0xA1dabEF33b3B82c7814B6D82A79e50F4AC44102B",
            "0xf220D3b4DFb23C4ade8C88E526C1353AbAcbC38F",
            "0x9641d764fc13c8B624c04430C7356C1C7C8102e2");

    /** The Safe's function that runs a Safe transaction with its owners' signatures. */
    public static final String EXEC_TRANSACTION =
            "execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)";

    private static final String EXEC_TRANSACTION_SELECTOR = SafeSettingsCall.selector(EXEC_TRANSACTION);

    /** {@code multiSend(bytes)}. */
    private static final String MULTI_SEND_SELECTOR = "8d80ff0a";

    /** One call of a MultiSend batch, packed as operation (1 byte), to (20), value (32), data length (32), data. */
    public record Call(boolean delegateCall, String to, BigInteger value, byte[] data) {
        public Call {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    public SafeTransaction {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The Safe transaction {@code data} signs, when it is one. */
    public static Optional<SafeTransaction> of(TypedData data) {
        if (!data.primaryType().equals("SafeTx")
                || !data.declares("SafeTx", SAFE_TX)
                // the review hashes the whole data: asked only of a SafeTx
                || data.review().verifyingContract() == null
                || !data.signsContractAddress()) {
            return Optional.empty();
        }
        JsonNode m = data.message();
        BigInteger operation = Quantities.unsigned(m.get("operation"), "operation", 8);
        if (operation.compareTo(BigInteger.ONE) > 0) {
            return Optional.empty(); // the Safe refuses any other operation: the review lists the values as they are
        }
        return Optional.of(new SafeTransaction(
                Quantities.eip55(data.domain().get("verifyingContract"), "domain.verifyingContract"),
                Quantities.eip55(m.get("to"), "to"),
                Quantities.unsigned(m.get("value"), "value", 256),
                Quantities.data(m.get("data"), "data"),
                operation.signum() == 1,
                Quantities.unsigned(m.get("safeTxGas"), "safeTxGas", 256),
                Quantities.unsigned(m.get("baseGas"), "baseGas", 256),
                Quantities.unsigned(m.get("gasPrice"), "gasPrice", 256),
                Quantities.eip55(m.get("gasToken"), "gasToken"),
                Quantities.eip55(m.get("refundReceiver"), "refundReceiver"),
                Quantities.unsigned(m.get("nonce"), "nonce", 256),
                0));
    }

    /**
     * The Safe transaction an {@code execTransaction} call to {@code safe} runs with the owners' signatures it
     * carries, when {@code callData} is exactly that call; empty otherwise. Whether {@code safe} is a Safe at all
     * the call cannot say.
     */
    public static Optional<SafeTransaction> execution(String safe, byte[] callData) {
        if (callData.length < 4 || !Hex.encode(Arrays.copyOf(callData, 4)).equals(EXEC_TRANSACTION_SELECTOR)) {
            return Optional.empty();
        }
        AbiArguments args = AbiArguments.of(callData, 10);
        if (args == null) {
            return Optional.empty();
        }
        String to = args.address(0);
        String gasToken = args.address(7);
        String refundReceiver = args.address(8);
        BigInteger operation = args.uint(3);
        byte[] data = args.bytes(2);
        byte[] signatures = data == null ? null : args.bytes(9);
        if (to == null
                || gasToken == null
                || refundReceiver == null
                || operation.compareTo(BigInteger.ONE) > 0
                || signatures == null
                || !args.complete()) {
            return Optional.empty();
        }
        return Optional.of(new SafeTransaction(
                safe,
                to,
                args.uint(1),
                data,
                operation.signum() == 1,
                args.uint(4),
                args.uint(5),
                args.uint(6),
                gasToken,
                refundReceiver,
                null,
                signatures.length / 65));
    }

    /** True when {@code to} is one of Safe's MultiSend contracts (which may delegate-call the calls in turn). */
    public boolean toMultiSend() {
        return MULTI_SEND.contains(to);
    }

    /** True when {@code to} is one of Safe's MultiSendCallOnly contracts, which refuse a delegate call in a batch. */
    public boolean toMultiSendCallOnly() {
        return MULTI_SEND_CALL_ONLY.contains(to);
    }

    /**
     * The calls of the batch, when this delegate-calls a MultiSend contract with {@code multiSend(bytes)} whose
     * bytes are whole packed calls; empty otherwise (then the call is shown as it is).
     */
    public Optional<List<Call>> batch() {
        if (!delegateCall || !(toMultiSend() || toMultiSendCallOnly())) {
            return Optional.empty();
        }
        if (data.length < 4 || !Hex.encode(Arrays.copyOf(data, 4)).equals(MULTI_SEND_SELECTOR)) {
            return Optional.empty();
        }
        AbiArguments args = AbiArguments.of(data, 1);
        byte[] packed = args == null ? null : args.bytes(0);
        if (packed == null || !args.complete()) {
            return Optional.empty();
        }
        List<Call> calls = new ArrayList<>();
        int at = 0;
        while (at < packed.length) {
            if (packed.length - at < 85) {
                return Optional.empty();
            }
            int operation = packed[at] & 0xff;
            BigInteger length = new BigInteger(1, Arrays.copyOfRange(packed, at + 53, at + 85));
            if (operation > 1 || length.compareTo(BigInteger.valueOf(packed.length - at - 85)) > 0) {
                return Optional.empty();
            }
            int end = at + 85 + length.intValueExact();
            calls.add(new Call(
                    operation == 1,
                    AccountAddresses.eip55(Hex.encode(Arrays.copyOfRange(packed, at + 1, at + 21))),
                    new BigInteger(1, Arrays.copyOfRange(packed, at + 21, at + 53)),
                    Arrays.copyOfRange(packed, at + 85, end)));
            at = end;
        }
        return calls.isEmpty() ? Optional.empty() : Optional.of(calls);
    }
}
