package io.keyshard.payload.tron;

import io.keyshard.payload.Decimals;
import java.math.BigInteger;
import java.util.Map;

/**
 * TRC-20 token contracts widely held on Tron, with their symbol and decimals, so that an amount reads in whole
 * tokens. The contract address is what identifies a token, never its name: any other contract's amounts read in
 * its smallest units.
 */
record Trc20Token(String symbol, int decimals) {
    private static final Map<String, Trc20Token> TOKENS = Map.of(
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", new Trc20Token("USDT", 6),
            "TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8", new Trc20Token("USDC", 6));

    /** An amount in whole tokens of {@code known}, or in smallest units when the token is not known (null). */
    static String shown(BigInteger units, Trc20Token known) {
        return known == null
                ? units + " in the token's smallest units (an unknown token: its decimals are not known here)"
                : Decimals.scaled(units, known.decimals()) + " " + known.symbol();
    }

    /** The known token at {@code contract}, or null. */
    static Trc20Token at(String contract) {
        return TOKENS.get(contract);
    }
}
