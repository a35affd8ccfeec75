package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mainnet transactions published by paulmillr/micro-sol-signer: five v0 transactions of
 * test/versioned.test.ts (the first with several address lookup tables) and the two-signer USDT
 * transfer of examples/decode_tx.js (explorer signature 5Nnhjv…), one base64 transaction a line.
 */
class MicroSolSignerVectorsTest {
    static List<String> transactions() {
        try (InputStream in = MicroSolSignerVectorsTest.class.getResourceAsStream("micro-sol-signer.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("transactions")
    void parsesReEncodesAndVerifiesEverySignature(String base64) {
        SolanaTransaction tx = SolanaTransaction.parseText(base64);
        assertArrayEquals(Base64.getDecoder().decode(base64), tx.serialize());
        for (int i = 0; i < tx.signatures().size(); i++) {
            assertTrue(tx.isSigned(i), "signature " + i);
        }
        assertEquals(tx.signatures().size(), tx.review().signaturesPresent());
    }

    @Test
    void theTransactionWithSeveralLookupTablesShowsThemAll() {
        SolanaReview r = SolanaTransaction.parseText(transactions().get(0)).review();
        assertEquals("v0", r.version());
        assertTrue(r.lookups().size() > 1, r.lookups().toString());
        for (SolanaReview.Lookup l : r.lookups()) {
            assertTrue(l.writableIndexes().size() + l.readonlyIndexes().size() > 0, l.toString());
        }
    }

    @Test
    void theUsdtTransferNamesItsPayerBlockhashAndSecondSigner() {
        SolanaTransaction tx = SolanaTransaction.parseText(transactions().get(5));
        SolanaReview r = tx.review();
        assertEquals("legacy", r.version());
        assertEquals("EqywLUZcm73PSWri93X3M5TN62iFMsUPMjvWYUq89dKB", r.feePayer());
        assertEquals("9xp5Jz2v7ZsE3Xn5SVGkRisjo7h16vzF1ducwhWnc5n9", r.recentBlockhash());
        assertEquals(2, r.instructionCount());
        assertEquals(1, tx.signerSlot(Base58.decode("38QU8LKVK1Ew5uzsqttamNTTFxvnfzgi2ACQvj3ekuom")));
        assertEquals(
                List.of("11111111111111111111111111111111", "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"),
                r.programIds());
    }
}
