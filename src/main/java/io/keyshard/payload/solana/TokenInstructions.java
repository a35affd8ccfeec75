package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import io.keyshard.payload.Decimals;
import java.math.BigInteger;

/**
 * The SPL Token program's instructions that move or hand over tokens (the same layouts in Token-2022),
 * as spl-token's {@code TokenInstruction} packs them: a u8 tag, then a u64 amount and, for the checked
 * forms, the mint's decimals, which the program checks against the mint.
 */
final class TokenInstructions {
    private static final String[] AUTHORITY_TYPES = {"minting", "freezing", "ownership", "closing"};

    /** How an approval of the largest u64 reads: the program never counts it down to nothing. */
    private static final String UNLIMITED = "an unlimited amount";

    private static final BigInteger U64_MAX = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    private TokenInstructions() {}

    private static boolean unlimited(InstructionData d) {
        return d.u64(1).equals(U64_MAX);
    }

    static InstructionText describe(InstructionData d) {
        if (d.length() < 1) {
            return null;
        }
        return switch (d.u8(0)) {
            case 3 -> d.is(9, 3) ? transfer(d, raw(d.u64(1)), 0, 1, 2) : null;
            case 12 -> d.is(10, 4) ? transfer(d, checked(d, 1), 0, 2, 3) : null;
            case 4 -> d.is(9, 3) ? approve(d, unlimited(d) ? UNLIMITED : raw(d.u64(1)), 1, 2) : null;
            case 13 -> d.is(10, 4) ? approve(d, unlimited(d) ? UNLIMITED : checked(d, 1), 2, 3) : null;
            case 5 ->
                d.is(1, 2) ? InstructionText.said("revoke the delegate of the token account " + d.account(0)) : null;
            case 6 -> setAuthority(d);
            case 9 ->
                d.is(1, 3)
                        ? InstructionText.said(
                                "close the token account " + d.account(0) + "; its SOL goes to " + d.account(1))
                        : null;
            case 8 -> d.is(9, 3) ? InstructionText.said("burn " + raw(d.u64(1)) + " from " + d.account(0)) : null;
            case 15 -> d.is(10, 3) ? InstructionText.said("burn " + checked(d, 1) + " from " + d.account(0)) : null;
            default -> null;
        };
    }

    private static InstructionText transfer(InstructionData d, String amount, int from, int to, int authority) {
        return InstructionText.said("transfer " + amount + " from the token account " + d.account(from)
                + " to the token account " + d.account(to) + " (authority " + d.account(authority) + ")");
    }

    private static InstructionText approve(InstructionData d, String amount, int delegate, int owner) {
        return InstructionText.warned(
                "let " + d.account(delegate) + " move up to " + amount + " from the token account " + d.account(0)
                        + " (owner " + d.account(owner) + ")",
                d.account(delegate) + " may move up to " + amount + " from the token account " + d.account(0)
                        + " without asking again; approve only a program you trust");
    }

    /** SetAuthority: the authority type, then COption&lt;Pubkey&gt; (a 0 or 1 tag, and the key after a 1). */
    private static InstructionText setAuthority(InstructionData d) {
        boolean none = d.is(3, 2) && d.u8(2) == 0;
        boolean some = d.is(35, 2) && d.u8(2) == 1;
        if ((!none && !some) || d.u8(1) >= AUTHORITY_TYPES.length) {
            return null;
        }
        String what = AUTHORITY_TYPES[d.u8(1)];
        String to = none ? "no one" : Base58.encode(d.bytes(3, 35));
        return InstructionText.warned(
                "give the " + what + " authority of " + d.account(0) + " to " + to,
                "the " + what + " authority of " + d.account(0) + " goes to " + to
                        + ": sign it only if you mean to give that control away");
    }

    private static String raw(BigInteger amount) {
        return amount + " (the token's smallest units)";
    }

    /** The amount in whole tokens, by the decimals the instruction states, and the mint it is of. */
    private static String checked(InstructionData d, int mintAccount) {
        String mint = d.account(mintAccount);
        String amount = Decimals.scaled(d.u64(1), d.u8(9));
        KnownMint known = KnownMint.at(mint);
        return known == null ? amount + " of the mint " + mint : amount + " " + known.symbol() + " (mint " + mint + ")";
    }
}
