package io.keyshard.payload.solana;

import io.keyshard.payload.Decimals;
import java.math.BigInteger;
import java.util.Map;

/**
 * Widely held SPL token mints, with their symbol and decimals as Jupiter's token list gives them, so that an
 * amount reads in whole tokens. The mint's address is what identifies a token, never its name: any other mint
 * reads in its smallest units, named by address.
 */
record KnownMint(String symbol, int decimals) {
    private static final Map<String, KnownMint> MINTS = Map.of(
            "So11111111111111111111111111111111111111112", new KnownMint("wrapped SOL", 9),
            "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", new KnownMint("USDC", 6),
            "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", new KnownMint("USDT", 6),
            "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN", new KnownMint("JUP", 6),
            "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", new KnownMint("BONK", 5),
            "mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So", new KnownMint("mSOL", 9),
            "J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn", new KnownMint("JitoSOL", 9),
            "jtojtomepa8beP8AuQc6eXt5FriJwfFMwQx2v2f9mCL", new KnownMint("JTO", 9),
            "3NZ9JMVBmGAqocybic2c7LQCJScmgsAZ6vQqTDzcqmJh", new KnownMint("WBTC (Wormhole)", 8),
            "7vfCXTUXx5WJV5JADk17DUJ4ksgau7utNKj4b963voxs", new KnownMint("ETH (Wormhole)", 8));

    /** The known mint whose associated token account of {@code owner} is {@code account}, or null. */
    static String ofOwnAccount(String account, byte[] owner) {
        for (String mint : MINTS.keySet()) {
            if (ProgramAddress.isAssociated(account, owner, mint)) {
                return mint;
            }
        }
        return null;
    }

    /**
     * The mint of the instruction's token account {@code account}: the instruction's account {@code mint} when the
     * message names it (-1: the instruction has no mint account; a v0 message may load it from a lookup table), else
     * the known mint whose associated token account of this key {@code account} is, else null.
     */
    static String ofAccount(InstructionData d, int mint, int account) {
        String named = mint < 0 ? null : d.address(mint);
        return named != null ? named : ofOwnAccount(d.address(account), d.self());
    }

    /** The known mint at this address, or null (a null address too). */
    static KnownMint at(String mint) {
        return mint == null ? null : MINTS.get(mint);
    }

    /** {@code units} as a number in whole tokens of {@code mint} when it is known, else as they are; null mint too. */
    static String number(BigInteger units, String mint) {
        KnownMint known = at(mint);
        return known == null ? units.toString() : Decimals.scaled(units, known.decimals);
    }

    /**
     * {@code units} of {@code mint}: "1.5 USDC (mint EPjF…)" when known, else in its smallest units; a null mint (one
     * the message does not name) is said to be in the token's smallest units.
     */
    static String amount(BigInteger units, String mint) {
        KnownMint known = at(mint);
        return mint == null
                ? units + " (the token's smallest units)"
                : known == null
                        ? units + " of the mint " + mint + " (its smallest units)"
                        : Decimals.scaled(units, known.decimals) + " " + known.symbol + " (mint " + mint + ")";
    }
}
