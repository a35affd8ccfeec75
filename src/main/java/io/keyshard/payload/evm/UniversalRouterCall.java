package io.keyshard.payload.evm;

import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A call of Uniswap's Universal Router {@code execute(commands, inputs[, deadline])}, read step by step when every
 * command is one of the swaps (Uniswap v2, v3 and, on 2.0, v4), wraps, payments, Permit2 steps and balance checks below (their inputs exactly as the
 * router's Dispatcher decodes them); a call with any other command (a batch permit, a position change, an NFT purchase) is not
 * read at all. Read only when sent to a deployment of the router that runs every command in it
 * ({@link UniversalRouterDeployment}).
 *
 * @param steps the commands in the order the router runs them
 * @param deadline unix seconds after which the router refuses the call; null for the form without one
 */
public record UniversalRouterCall(List<Step> steps, BigInteger deadline) {
    /** The signatures of the two {@code execute} functions. */
    public static final String EXECUTE = "execute(bytes,bytes[],uint256)";

    public static final String EXECUTE_NO_DEADLINE = "execute(bytes,bytes[])";

    private static final byte[] EXECUTE_SELECTOR = Hex.decode("3593564c", "selector");
    private static final byte[] EXECUTE_NO_DEADLINE_SELECTOR = Hex.decode("24856bc3", "selector");

    /** A recipient meaning whoever called the router: the transaction's sender. */
    public static final String MSG_SENDER = "0x0000000000000000000000000000000000000001";
    /** A recipient meaning the router itself, which holds the tokens for a later step. */
    public static final String ADDRESS_THIS = "0x0000000000000000000000000000000000000002";
    /** The token address that means the chain's coin in a payment step. */
    public static final String COIN = "0x0000000000000000000000000000000000000000";
    /** An amount meaning everything the router holds of the token (the top bit alone). */
    public static final BigInteger CONTRACT_BALANCE = BigInteger.ONE.shiftLeft(255);

    /** The widest amount a command the Dispatcher reads into a {@code uint160} can mean: the router drops the rest. */
    private static final int UINT160_BITS = 160;

    /** The commands read, by their byte in {@code commands} (the top bit, "allow revert", and the next aside). */
    public enum Command {
        V3_SWAP_EXACT_IN(0x00),
        V3_SWAP_EXACT_OUT(0x01),
        PERMIT2_TRANSFER_FROM(0x02),
        SWEEP(0x04),
        TRANSFER(0x05),
        PAY_PORTION(0x06),
        V2_SWAP_EXACT_IN(0x08),
        V2_SWAP_EXACT_OUT(0x09),
        PERMIT2_PERMIT(0x0a),
        WRAP_ETH(0x0b),
        UNWRAP_WETH(0x0c),
        BALANCE_CHECK_ERC20(0x0e),
        V4_SWAP(0x10);

        private final int code;

        Command(int code) {
            this.code = code;
        }

        /** The command's byte in {@code commands}, without the flag bits. */
        public int code() {
            return code;
        }

        static Optional<Command> of(int code) {
            return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
        }
    }

    /**
     * One command with its inputs.
     *
     * @param command what the step does
     * @param mayFail true when the command byte lets it fail without failing the call
     * @param recipient who gets the result (EIP-55, or {@link #MSG_SENDER} or {@link #ADDRESS_THIS}); for a balance
     *     check whose balance it checks, as written (the router does not map it); null for a permit
     * @param token for a payment, a Permit2 transfer or a balance check the token ({@link #COIN} for the coin in a
     *     payment); null for a swap, a wrap or a permit
     * @param amount a payment's, Permit2 transfer's or wrap's amount, a sweep's or unwrap's least amount, a portion
     *     in bips, or the least balance a check requires; null for a swap or a permit
     * @param swap a swap's route and amounts; null for the other commands
     * @param permit a Permit2 permit's allowance and signature; null for the other commands
     * @param v4 a Uniswap v4 swap's actions; null for the other commands
     */
    public record Step(
            Command command,
            boolean mayFail,
            String recipient,
            String token,
            BigInteger amount,
            Swap swap,
            Permit permit,
            V4Swap v4) {}

    /**
     * A permit the sender signed for Permit2 ({@code PermitSingle}), which the router hands to Permit2 so that the
     * allowance takes effect in this transaction: Permit2 checks the signature against the sender.
     *
     * @param allowance the allowance it sets: token, spender, amount and expiration, as Permit2's approve would
     * @param nonce Permit2's nonce for the token and spender, used up by the permit
     * @param signatureDeadline unix seconds after which Permit2 refuses the signature
     * @param signature the sender's signature of the permit (hex, without 0x)
     */
    public record Permit(Permit2Approval allowance, BigInteger nonce, BigInteger signatureDeadline, String signature) {}

    /**
     * A swap through Uniswap v2 or v3 pools.
     *
     * @param version 2 or 3
     * @param exactIn true when the input amount is exact and the output has a least amount; false for the reverse
     * @param tokens the route's tokens from what is paid to what is bought
     * @param fees a v3 route's pool fees in millionths (500 is 0.05%), one between each two tokens; empty for v2
     * @param amountIn the exact amount paid, or the most that may be paid
     * @param amountOut the least amount bought, or the exact amount bought
     * @param payerIsUser true when the input is taken from the sender (through Permit2), false from the router
     */
    public record Swap(
            int version,
            boolean exactIn,
            List<String> tokens,
            List<Integer> fees,
            BigInteger amountIn,
            BigInteger amountOut,
            boolean payerIsUser) {}

    /** The call {@code data} sent to {@code to} on chain {@code chainId} makes, when it is one read here. */
    public static Optional<UniversalRouterCall> decode(BigInteger chainId, String to, byte[] data) {
        UniversalRouterDeployment router =
                UniversalRouterDeployment.of(chainId, to).orElse(null);
        if (router == null) {
            return Optional.empty();
        }
        boolean withDeadline = Bytes.calls(data, EXECUTE_SELECTOR);
        if (!withDeadline && !Bytes.calls(data, EXECUTE_NO_DEADLINE_SELECTOR)) {
            return Optional.empty();
        }
        AbiArguments args = AbiArguments.of(data, withDeadline ? 3 : 2);
        if (args == null) {
            return Optional.empty();
        }
        byte[] commands = args.bytes(0);
        List<byte[]> inputs = commands == null ? null : args.bytesList(1);
        if (inputs == null || !args.complete() || inputs.size() != commands.length || commands.length == 0) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < commands.length; k++) {
            // bit 7 is "allow revert"; bit 6 is unused by every command read here, so a byte with it is not read
            Optional<Command> command = Command.of(commands[k] & 0x7f).filter(router::runs);
            Step step = command.isPresent() ? step(command.get(), (commands[k] & 0x80) != 0, inputs.get(k)) : null;
            if (step == null) {
                return Optional.empty();
            }
            steps.add(step);
        }
        return Optional.of(new UniversalRouterCall(List.copyOf(steps), withDeadline ? args.uint(2) : null));
    }

    /** One command's inputs, as the Dispatcher lays them out; null when they are not exactly that. */
    private static Step step(Command c, boolean mayFail, byte[] input) {
        return switch (c) {
            case V3_SWAP_EXACT_IN, V3_SWAP_EXACT_OUT, V2_SWAP_EXACT_IN, V2_SWAP_EXACT_OUT -> swap(c, mayFail, input);
            case SWEEP, TRANSFER, PAY_PORTION, PERMIT2_TRANSFER_FROM -> payment(c, mayFail, input);
            case WRAP_ETH, UNWRAP_WETH -> wrap(c, mayFail, input);
            case PERMIT2_PERMIT -> permit(mayFail, input);
            case BALANCE_CHECK_ERC20 -> balanceCheck(mayFail, input);
            case V4_SWAP ->
                V4Swap.decode(input)
                        .map(v -> new Step(c, mayFail, null, null, null, null, null, v))
                        .orElse(null);
        };
    }

    /** (address recipient, uint256 amount, uint256 amount, bytes path | address[] path, bool payerIsUser) */
    private static Step swap(Command c, boolean mayFail, byte[] input) {
        AbiArguments a = AbiArguments.encoded(input, 5);
        if (a == null) {
            return null;
        }
        String recipient = a.address(0);
        Boolean payerIsUser = a.bool(4);
        boolean v3 = c == Command.V3_SWAP_EXACT_IN || c == Command.V3_SWAP_EXACT_OUT;
        boolean exactIn = c == Command.V3_SWAP_EXACT_IN || c == Command.V2_SWAP_EXACT_IN;
        List<String> tokens = new ArrayList<>();
        List<Integer> fees = new ArrayList<>();
        if (v3) {
            byte[] path = a.bytes(3);
            if (path == null || !v3Path(path, tokens, fees)) {
                return null;
            }
            if (!exactIn) {
                // an exact-output path runs from the token bought back to the token paid
                Collections.reverse(tokens);
                Collections.reverse(fees);
            }
        } else {
            List<String> path = a.addresses(3);
            if (path == null || path.size() < 2) {
                return null;
            }
            tokens.addAll(path);
        }
        if (recipient == null || payerIsUser == null || !a.complete()) {
            return null;
        }
        BigInteger first = a.uint(1);
        BigInteger second = a.uint(2);
        return new Step(
                c,
                mayFail,
                recipient,
                null,
                null,
                new Swap(
                        v3 ? 3 : 2,
                        exactIn,
                        List.copyOf(tokens),
                        List.copyOf(fees),
                        exactIn ? first : second,
                        exactIn ? second : first,
                        payerIsUser),
                null,
                null);
    }

    /** A v3 path: token, then a 3-byte fee and a token for each pool; false when it is not that shape. */
    private static boolean v3Path(byte[] path, List<String> tokens, List<Integer> fees) {
        if (path.length < 43 || (path.length - 20) % 23 != 0) {
            return false;
        }
        tokens.add(address(path, 0));
        for (int at = 20; at < path.length; at += 23) {
            fees.add(((path[at] & 0xff) << 16) | ((path[at + 1] & 0xff) << 8) | (path[at + 2] & 0xff));
            tokens.add(address(path, at + 3));
        }
        return true;
    }

    private static String address(byte[] bytes, int at) {
        return AccountAddresses.eip55(Hex.encode(Arrays.copyOfRange(bytes, at, at + 20)));
    }

    /**
     * (address token, address recipient, uint amount): a sweep's least, a transfer's value, a portion's bips, a
     * Permit2 transfer's amount. A sweep's and a Permit2 transfer's amount are a {@code uint160} to the Dispatcher,
     * which drops the bits above: a word with any of them set is not read, as it would show an amount the router does
     * not use.
     */
    private static Step payment(Command c, boolean mayFail, byte[] input) {
        AbiArguments a = AbiArguments.encoded(input, 3);
        if (a == null || !a.complete()) {
            return null;
        }
        String token = a.address(0);
        String recipient = a.address(1);
        BigInteger amount = a.uint(2);
        boolean uint160 = c == Command.SWEEP || c == Command.PERMIT2_TRANSFER_FROM;
        if (token == null || recipient == null || (uint160 && amount.bitLength() > UINT160_BITS)) {
            return null;
        }
        return new Step(c, mayFail, recipient, token, amount, null, null, null);
    }

    /** (address recipient, uint256 amount): a wrap's amount, an unwrap's least amount. */
    private static Step wrap(Command c, boolean mayFail, byte[] input) {
        AbiArguments a = AbiArguments.encoded(input, 2);
        if (a == null || !a.complete() || a.address(0) == null) {
            return null;
        }
        return new Step(c, mayFail, a.address(0), null, a.uint(1), null, null, null);
    }

    /**
     * (PermitSingle(PermitDetails(address token, uint160 amount, uint48 expiration, uint48 nonce), address spender,
     * uint256 sigDeadline), bytes signature): the struct's six words, then the signature's offset.
     */
    private static Step permit(boolean mayFail, byte[] input) {
        AbiArguments a = AbiArguments.encoded(input, 7);
        if (a == null) {
            return null;
        }
        String token = a.address(0);
        BigInteger amount = a.uint(1);
        BigInteger expiration = a.uint(2);
        BigInteger nonce = a.uint(3);
        String spender = a.address(4);
        byte[] signature = a.bytes(6);
        if (token == null
                || spender == null
                || signature == null
                || !a.complete()
                || amount.bitLength() > UINT160_BITS
                || expiration.bitLength() > 48
                || nonce.bitLength() > 48) {
            return null;
        }
        Permit permit = new Permit(
                new Permit2Approval(token, spender, amount, expiration), nonce, a.uint(5), Hex.encode(signature));
        return new Step(Command.PERMIT2_PERMIT, mayFail, null, null, null, null, permit, null);
    }

    /** (address owner, address token, uint256 minBalance): the step fails unless the owner holds that much. */
    private static Step balanceCheck(boolean mayFail, byte[] input) {
        AbiArguments a = AbiArguments.encoded(input, 3);
        if (a == null || !a.complete() || a.address(0) == null || a.address(1) == null) {
            return null;
        }
        return new Step(Command.BALANCE_CHECK_ERC20, mayFail, a.address(0), a.address(1), a.uint(2), null, null, null);
    }
}
