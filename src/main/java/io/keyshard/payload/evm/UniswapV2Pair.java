package io.keyshard.payload.evm;

import io.keyshard.address.AccountAddresses;
import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.util.Arrays;

/**
 * The address of a Uniswap v2 pool on Ethereum, worked out as the factory deploys it: CREATE2 from the factory, salted
 * with the keccak of its two tokens in address order, over the pair contract's init code hash. A router route that
 * pays a swap's output straight into the next pool names that pool's address as the recipient.
 */
public final class UniswapV2Pair {
    private static final byte[] FACTORY = Hex.decode("5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f", "factory");
    private static final byte[] INIT_CODE_HASH =
            Hex.decode("96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f", "init code hash");

    private UniswapV2Pair() {}

    /** The pool of tokens {@code a} and {@code b} (EIP-55 or any case), in either order, as EIP-55. */
    public static String of(String a, String b) {
        byte[] x = Hex.decode(a.substring(2), "token");
        byte[] y = Hex.decode(b.substring(2), "token");
        boolean ordered = Arrays.compareUnsigned(x, y) < 0;
        byte[] salt = Hashes.keccak256(Bytes.concat(ordered ? x : y, ordered ? y : x));
        byte[] hash = Hashes.keccak256(Bytes.concat(new byte[] {(byte) 0xff}, FACTORY, salt, INIT_CODE_HASH));
        return AccountAddresses.eip55(Hex.encode(Arrays.copyOfRange(hash, 12, 32)));
    }
}
