package io.keyshard.payload.evm;

import io.keyshard.address.AccountAddresses;
import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The address of a Uniswap v2 pool, worked out as the chain's factory deploys it: CREATE2 from the factory, salted
 * with the keccak of its two tokens in address order, over the pair contract's init code hash (the same on every
 * chain). A router route that pays straight into the next pool names that pool's address as the recipient.
 */
public final class UniswapV2Pair {
    /** The factory on each chain whose Universal Router the review reads, as Uniswap's deploy parameters give it. */
    private static final Map<Long, byte[]> FACTORIES = Map.of(
            1L, factory("5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f"),
            10L, factory("0c3c1c532f1e39edf36be9fe0be1410313e074bf"),
            56L, factory("8909dc15e40173ff4699343b6eb8132c65e18ec6"),
            137L, factory("9e5a52f57b3038f1b8eee45f28b3c1967e22799c"),
            8453L, factory("8909dc15e40173ff4699343b6eb8132c65e18ec6"),
            42161L, factory("f1d7cc64fb4452f05c498126312ebe29f30fbcf9"));

    private static final byte[] INIT_CODE_HASH =
            Hex.decode("96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f", "init code hash");

    private UniswapV2Pair() {}

    private static byte[] factory(String hex) {
        return Hex.decode(hex, "factory");
    }

    /**
     * The pool of tokens {@code a} and {@code b} (EIP-55 or any case), in either order, as EIP-55, on chain {@code
     * chainId}; empty on a chain whose factory is not listed here.
     */
    public static Optional<String> of(BigInteger chainId, String a, String b) {
        byte[] factory = chainId.bitLength() > 63 ? null : FACTORIES.get(chainId.longValue());
        if (factory == null) {
            return Optional.empty();
        }
        byte[] x = Hex.decode(a.substring(2), "token");
        byte[] y = Hex.decode(b.substring(2), "token");
        boolean ordered = Arrays.compareUnsigned(x, y) < 0;
        byte[] salt = Hashes.keccak256(Bytes.concat(ordered ? x : y, ordered ? y : x));
        byte[] hash = Hashes.keccak256(Bytes.concat(new byte[] {(byte) 0xff}, factory, salt, INIT_CODE_HASH));
        return Optional.of(AccountAddresses.eip55(Hex.encode(Arrays.copyOfRange(hash, 12, 32))));
    }
}
