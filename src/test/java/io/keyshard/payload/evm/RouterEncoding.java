package io.keyshard.payload.evm;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import io.keyshard.payload.evm.UniversalRouterCall.Step;
import io.keyshard.payload.evm.UniversalRouterCall.Swap;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.BigIntegers;

/**
 * A Universal Router call encoded as the router's SDK lays it out ({@code abi.encode} of each command's inputs, then
 * {@code execute}), independently of the reader, to check what it read.
 */
public final class RouterEncoding {
    /** A dynamic argument: its tail goes after the heads, and its head is the offset to it. */
    private record Tail(byte[] content) {}

    private RouterEncoding() {}

    /** The call data of {@code execute} that makes {@code call}. */
    public static byte[] of(UniversalRouterCall call) {
        byte[] commands = new byte[call.steps().size()];
        List<byte[]> inputs = new ArrayList<>();
        for (int k = 0; k < commands.length; k++) {
            Step s = call.steps().get(k);
            commands[k] = (byte) (s.command().code() | (s.mayFail() ? 0x80 : 0));
            inputs.add(input(s));
        }
        String signature =
                call.deadline() == null ? UniversalRouterCall.EXECUTE_NO_DEADLINE : UniversalRouterCall.EXECUTE;
        byte[] args = call.deadline() == null
                ? encode(new Tail(bytes(commands)), new Tail(bytesArray(inputs)))
                : encode(new Tail(bytes(commands)), new Tail(bytesArray(inputs)), uint(call.deadline()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 0, 4);
        out.writeBytes(args);
        return out.toByteArray();
    }

    private static byte[] input(Step s) {
        return switch (s.command()) {
            case V3_SWAP_EXACT_IN, V3_SWAP_EXACT_OUT, V2_SWAP_EXACT_IN, V2_SWAP_EXACT_OUT ->
                swap(s.recipient(), s.swap());
            case SWEEP, TRANSFER, PAY_PORTION, PERMIT2_TRANSFER_FROM ->
                encode(address(s.token()), address(s.recipient()), uint(s.amount()));
            case WRAP_ETH, UNWRAP_WETH -> encode(address(s.recipient()), uint(s.amount()));
            case BALANCE_CHECK_ERC20 -> encode(address(s.recipient()), address(s.token()), uint(s.amount()));
            case PERMIT2_PERMIT -> permit(s.permit());
            case V4_SWAP -> v4(s.v4());
        };
    }

    /** abi.encode(bytes actions, bytes[] params), each param as v4-periphery's router decodes it. */
    private static byte[] v4(V4Swap v) {
        byte[] actions = new byte[v.actions().size()];
        List<byte[]> params = new ArrayList<>();
        for (int k = 0; k < actions.length; k++) {
            V4Swap.Action a = v.actions().get(k);
            actions[k] = (byte) a.kind().code();
            params.add(
                    switch (a.kind()) {
                        case SWAP_EXACT_IN, SWAP_EXACT_OUT ->
                            encode(new Tail(encode(
                                    address(a.currency()),
                                    new Tail(tuples(a.path().stream()
                                            .map(RouterEncoding::hop)
                                            .toList())),
                                    uint(a.amount()),
                                    uint(a.limit()))));
                        case SWAP_EXACT_IN_SINGLE, SWAP_EXACT_OUT_SINGLE -> singlePool(a);
                        case SETTLE ->
                            encode(
                                    address(a.currency()),
                                    uint(a.amount()),
                                    uint(a.payerIsUser() ? BigInteger.ONE : BigInteger.ZERO));
                        case SETTLE_ALL, TAKE_ALL -> encode(address(a.currency()), uint(a.amount()));
                        case TAKE, TAKE_PORTION ->
                            encode(address(a.currency()), address(a.recipient()), uint(a.amount()));
                    });
        }
        return encode(new Tail(bytes(actions)), new Tail(bytesArray(params)));
    }

    /** ExactInputSingleParams / ExactOutputSingleParams: the pool key's currencies in order, zeroForOne from them. */
    private static byte[] singlePool(V4Swap.Action a) {
        V4Swap.Hop pool = a.path().get(0);
        String in = a.kind().exactIn() ? a.currency() : pool.currency();
        String out = a.kind().exactIn() ? pool.currency() : a.currency();
        boolean zeroForOne = new BigInteger(in.substring(2), 16).compareTo(new BigInteger(out.substring(2), 16)) < 0;
        return encode(new Tail(encode(
                address(zeroForOne ? in : out),
                address(zeroForOne ? out : in),
                uint(BigInteger.valueOf(pool.fee())),
                signed(pool.tickSpacing()),
                address(pool.hooks()),
                uint(zeroForOne ? BigInteger.ONE : BigInteger.ZERO),
                uint(a.amount()),
                uint(a.limit()),
                new Tail(bytes(Hex.decode(pool.hookData(), "hook data"))))));
    }

    private static byte[] hop(V4Swap.Hop h) {
        return encode(
                address(h.currency()),
                uint(BigInteger.valueOf(h.fee())),
                signed(h.tickSpacing()),
                address(h.hooks()),
                new Tail(bytes(Hex.decode(h.hookData(), "hook data"))));
    }

    /** An array of dynamic tuples: its length, an offset per element counted from after the length, the elements. */
    private static byte[] tuples(List<byte[]> elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(uint(BigInteger.valueOf(elements.size())));
        out.writeBytes(encode(elements.stream().map(e -> (Object) new Tail(e)).toArray()));
        return out.toByteArray();
    }

    /** An int as the ABI writes it: two's complement, sign-extended to a word. */
    private static byte[] signed(int v) {
        byte[] word = new byte[32];
        Arrays.fill(word, v < 0 ? (byte) 0xff : 0);
        byte[] b = BigInteger.valueOf(v).toByteArray();
        System.arraycopy(b, 0, word, 32 - b.length, b.length);
        return word;
    }

    /** PermitSingle's six static words (details, spender, signature deadline), then the signature as bytes. */
    private static byte[] permit(UniversalRouterCall.Permit p) {
        Permit2Approval a = p.allowance();
        return encode(
                address(a.token()),
                uint(a.amount()),
                uint(a.expiration()),
                uint(p.nonce()),
                address(a.spender()),
                uint(p.signatureDeadline()),
                new Tail(bytes(Hex.decode(p.signature(), "signature"))));
    }

    private static byte[] swap(String recipient, Swap w) {
        byte[] first = uint(w.exactIn() ? w.amountIn() : w.amountOut());
        byte[] second = uint(w.exactIn() ? w.amountOut() : w.amountIn());
        Object path;
        if (w.version() == 3) {
            List<String> tokens = new ArrayList<>(w.tokens());
            List<Integer> fees = new ArrayList<>(w.fees());
            if (!w.exactIn()) {
                Collections.reverse(tokens);
                Collections.reverse(fees);
            }
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            for (int k = 0; k < tokens.size(); k++) {
                if (k > 0) {
                    int fee = fees.get(k - 1);
                    p.write(fee >> 16);
                    p.write(fee >> 8);
                    p.write(fee);
                }
                p.writeBytes(raw(tokens.get(k)));
            }
            path = new Tail(bytes(p.toByteArray()));
        } else {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.writeBytes(uint(BigInteger.valueOf(w.tokens().size())));
            w.tokens().forEach(t -> p.writeBytes(address(t)));
            path = new Tail(p.toByteArray());
        }
        return encode(
                address(recipient), first, second, path, uint(w.payerIsUser() ? BigInteger.ONE : BigInteger.ZERO));
    }

    /** Heads in order, a dynamic argument's head being the offset of its tail; then the tails in order. */
    private static byte[] encode(Object... args) {
        ByteArrayOutputStream heads = new ByteArrayOutputStream();
        ByteArrayOutputStream tails = new ByteArrayOutputStream();
        int offset = 32 * args.length;
        for (Object a : args) {
            if (a instanceof Tail t) {
                heads.writeBytes(uint(BigInteger.valueOf(offset + tails.size())));
                tails.writeBytes(t.content());
            } else {
                heads.writeBytes((byte[]) a);
            }
        }
        heads.writeBytes(tails.toByteArray());
        return heads.toByteArray();
    }

    /** A bytes[]: its length, an offset per element counted from after the length, then the elements. */
    private static byte[] bytesArray(List<byte[]> elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(uint(BigInteger.valueOf(elements.size())));
        out.writeBytes(
                encode(elements.stream().map(e -> (Object) new Tail(bytes(e))).toArray()));
        return out.toByteArray();
    }

    private static byte[] raw(String address) {
        return Hex.decode(address.substring(2).toLowerCase(Locale.ROOT), "address");
    }

    private static byte[] address(String address) {
        byte[] word = new byte[32];
        System.arraycopy(raw(address), 0, word, 12, 20);
        return word;
    }

    private static byte[] uint(BigInteger v) {
        return BigIntegers.asUnsignedByteArray(32, v);
    }

    private static byte[] bytes(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(uint(BigInteger.valueOf(data.length)));
        out.writeBytes(Arrays.copyOf(data, (data.length + 31) / 32 * 32));
        return out.toByteArray();
    }
}
