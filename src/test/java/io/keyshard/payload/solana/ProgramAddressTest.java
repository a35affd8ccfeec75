package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.Ed25519Encodings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key's associated token accounts are found as Solana finds them, so the review can say which are the key's. */
class ProgramAddressTest {
    private static final String WALLET = "B7hSadyLX8YhNT8RDcK8RbnR3KAfX4HbWvV89XmeqitA";
    private static final String WSOL = "So11111111111111111111111111111111111111112";

    @Test
    void theRecordedSwapsTokenAccountsAreItsWalletsAssociatedAccounts() {
        // a mainnet swap from the wallet's wrapped-SOL account into its account for the mint it bought
        List<String> accounts = JupiterSwaps.accounts(JupiterSwaps.recordedRoute());
        byte[] wallet = Base58.decode(WALLET);
        assertEquals(accounts.get(2), ProgramAddress.associatedTokenAccount(wallet, InstructionText.TOKEN, WSOL));
        assertTrue(ProgramAddress.isAssociated(accounts.get(3), wallet, accounts.get(5)));
        assertFalse(
                ProgramAddress.isAssociated(accounts.get(3), wallet, WSOL),
                "an account is the associated one of exactly one mint");
        assertFalse(
                ProgramAddress.isAssociated(accounts.get(3), Base58.decode(accounts.get(2)), accounts.get(5)),
                "nor of another owner");
    }

    @Test
    void aProgramAddressIsNoPointAndAKeyIs() {
        byte[] derived = Base58.decode(
                ProgramAddress.associatedTokenAccount(Base58.decode(WALLET), InstructionText.TOKEN, WSOL));
        assertFalse(Ed25519Encodings.hasPointWithY(derived), "a program address is off the curve by construction");
        assertTrue(Ed25519Encodings.hasPointWithY(Base58.decode(WALLET)), "a wallet's key is a point");
        byte[] base = Hex.decode("5866666666666666666666666666666666666666666666666666666666666666", "B");
        assertTrue(Ed25519Encodings.hasPointWithY(base));
        base[31] |= (byte) 0x80;
        assertTrue(Ed25519Encodings.hasPointWithY(base), "the sign bit does not decide it");
    }

    @Test
    void aNonCanonicalYIsReadModuloThePrimeAsSolanaReadsIt() {
        // y = p + 1 encodes the identity's y = 1 the long way; dalek's decompression reduces it and finds x = 0
        byte[] yPlusP = Hex.decode("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "y");
        assertTrue(Ed25519Encodings.hasPointWithY(yPlusP));
        assertFalse(Ed25519Encodings.hasPointWithY(new byte[31]), "not 32 bytes");
    }
}
