package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Ed25519Encodings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Solana's program-derived addresses (solana-program {@code Pubkey::find_program_address}): SHA-256 of the seeds,
 * a bump seed from 255 down, the program's id and "ProgramDerivedAddress", the first that is no Ed25519 key.
 * Used to tell whether a token account is a key's own associated token account for a mint.
 */
final class ProgramAddress {
    private static final byte[] MARKER = "ProgramDerivedAddress".getBytes(StandardCharsets.US_ASCII);

    private ProgramAddress() {}

    /**
     * True when {@code account} is the associated token account of {@code owner} for {@code mint} under the Token or
     * the Token-2022 program: only the associated token account program can create an account at that address, and
     * only as a token account of that mint and owner.
     */
    static boolean isAssociated(String account, byte[] owner, String mint) {
        if (account == null || owner == null || mint == null) {
            return false;
        }
        for (String tokenProgram : new String[] {InstructionText.TOKEN, InstructionText.TOKEN_2022}) {
            if (account.equals(associatedTokenAccount(owner, tokenProgram, mint))) {
                return true;
            }
        }
        return false;
    }

    /** The associated token account of {@code owner} for {@code mint} under {@code tokenProgram} (all base58). */
    static String associatedTokenAccount(byte[] owner, String tokenProgram, String mint) {
        return Base58.encode(find(
                Base58.decode(InstructionText.ASSOCIATED_TOKEN),
                owner,
                Base58.decode(tokenProgram),
                Base58.decode(mint)));
    }

    /** The program-derived address of {@code seeds} under {@code program}, with the highest bump that gives one. */
    static byte[] find(byte[] program, byte[]... seeds) {
        for (int bump = 255; bump >= 0; bump--) {
            byte[][] parts = Arrays.copyOf(seeds, seeds.length + 3);
            parts[seeds.length] = new byte[] {(byte) bump};
            parts[seeds.length + 1] = program;
            parts[seeds.length + 2] = MARKER;
            byte[] candidate = Digests.sha256(parts);
            if (!Ed25519Encodings.hasPointWithY(candidate)) {
                return candidate;
            }
        }
        // about half of all hashes are off the curve, so 256 bumps all on it does not happen
        throw new IllegalStateException("no program address for these seeds");
    }
}
