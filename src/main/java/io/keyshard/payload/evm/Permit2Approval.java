package io.keyshard.payload.evm;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A transaction that calls Uniswap Permit2's {@code approve(token, spender, amount, expiration)}: it lets the
 * spender move up to the amount of a token the key has approved to Permit2 before, until the expiration,
 * without asking again. Read only when the transaction goes to Permit2's address (the same on every chain it
 * is deployed on), strictly as the ABI lays the call out.
 *
 * @param token the token the allowance is for (EIP-55)
 * @param spender who may move it (EIP-55)
 * @param amount in the token's smallest units; {@link #UNLIMITED} is no limit
 * @param expiration unix seconds it holds until; 0 means the block the transaction is in, as Permit2 reads it
 */
public record Permit2Approval(String token, String spender, BigInteger amount, BigInteger expiration) {
    /** Permit2's address, deployed by the same deterministic deployer on every chain. */
    public static final String ADDRESS = "0x000000000022D473030F116dDEE9F6B43aC78BA3";
    /** The largest uint160, Permit2's unlimited allowance. */
    public static final BigInteger UNLIMITED = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
    /** The function's Solidity signature. */
    public static final String SIGNATURE = "approve(address,address,uint160,uint48)";

    private static final String SELECTOR_HEX = "87517c45";
    private static final byte[] SELECTOR = Hex.decode(SELECTOR_HEX, "selector");

    /** The approval {@code data} makes when sent to {@code to}, when it is Permit2's approve laid out exactly. */
    public static Optional<Permit2Approval> decode(String to, byte[] data) {
        if (!ADDRESS.equals(to) || !Bytes.calls(data, SELECTOR)) {
            return Optional.empty();
        }
        AbiArguments args = AbiArguments.of(data, 4);
        if (args == null || !args.complete()) {
            return Optional.empty();
        }
        String token = args.address(0);
        String spender = args.address(1);
        BigInteger amount = args.uint(2);
        BigInteger expiration = args.uint(3);
        if (token == null || spender == null || amount.bitLength() > 160 || expiration.bitLength() > 48) {
            return Optional.empty();
        }
        return Optional.of(new Permit2Approval(token, spender, amount, expiration));
    }

    /** True when the selector is Permit2's approve's, whoever it is sent to. */
    public static boolean isSelector(String selector) {
        return ("0x" + SELECTOR_HEX).equalsIgnoreCase(selector);
    }
}
