package io.keyshard.payload.evm;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * A transaction that wraps the chain's native coin into its wrapped token or unwraps it: WETH9's {@code deposit()},
 * which credits the sender with as many wrapped tokens as the transaction's value, and {@code withdraw(amount)},
 * which burns the sender's wrapped tokens and pays the coin back to the sender. Read only when the transaction goes
 * to the chain's wrapped-coin contract ({@link KnownToken#wrapsCoin}) and the call data is exactly the function's.
 *
 * @param token the wrapped-coin contract
 * @param unwrapped for {@code withdraw}, the amount unwrapped in the token's smallest units (wei); null for {@code
 *     deposit}, which wraps the transaction's value
 */
public record WrappedCoin(KnownToken token, BigInteger unwrapped) {
    /** {@code deposit()}: the value sent becomes wrapped tokens of the sender. */
    public static final String DEPOSIT = "deposit()";
    /** {@code withdraw(uint256)}: wrapped tokens of the sender become the coin, paid to the sender. */
    public static final String WITHDRAW = "withdraw(uint256)";

    private static final byte[] DEPOSIT_SELECTOR = Hex.decode("d0e30db0", "selector");
    private static final byte[] WITHDRAW_SELECTOR = Hex.decode("2e1a7d4d", "selector");

    /** What {@code data} sent to {@code to} on chain {@code chainId} wraps or unwraps, when it is one of the two. */
    public static Optional<WrappedCoin> decode(BigInteger chainId, String to, byte[] data) {
        Optional<KnownToken> token = KnownToken.of(chainId, to).filter(KnownToken::wrapsCoin);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (data.length == 4 && Arrays.equals(data, DEPOSIT_SELECTOR)) {
            return Optional.of(new WrappedCoin(token.get(), null));
        }
        if (!Bytes.calls(data, WITHDRAW_SELECTOR)) {
            return Optional.empty();
        }
        AbiArguments args = AbiArguments.of(data, 1);
        if (args == null || !args.complete()) {
            return Optional.empty();
        }
        return Optional.of(new WrappedCoin(token.get(), args.uint(0)));
    }

    /** True for {@code deposit()}, which wraps the transaction's value. */
    public boolean wraps() {
        return unwrapped == null;
    }

    /** The function's Solidity signature. */
    public String signature() {
        return wraps() ? DEPOSIT : WITHDRAW;
    }
}
