package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.TestVectors;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Strict transaction parsing: what a malformed or hostile transaction gets back. */
class TransactionTest {
    /** The BIP-143 native P2WPKH example's unsigned transaction. */
    private static final String UNSIGNED = "0100000002fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f"
            + "0000000000eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206"
            + "000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2"
            + "f0167faa815988ac11000000";

    @Test
    void legacyTransactionRoundTripsWithItsWeight() {
        Transaction tx = Transaction.parseHex(UNSIGNED);
        assertEquals(UNSIGNED, Hex.toHexString(tx.serialize()));
        assertEquals(UNSIGNED.length() / 2 * 4, tx.weight());
        assertEquals(tx.txidHex(), tx.wtxidHex());
        assertEquals(0x11, tx.lockTime());
        assertEquals(2, tx.outputs().size());
    }

    @Test
    void trailingBytesAreRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Transaction.parseHex(UNSIGNED + "00"));
        assertTrue(e.getMessage().contains("after its lock time"), e.getMessage());
    }

    @Test
    void aSegwitMarkerWithoutWitnessesIsRefused() {
        String noWitness = "01000000" + "0001" + UNSIGNED.substring(8, UNSIGNED.length() - 8) + "0000" + "11000000";
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Transaction.parseHex(noWitness));
        assertTrue(e.getMessage().contains("no witness data"), e.getMessage());
    }

    @Test
    void aWrongSegwitFlagIsRefused() {
        String badFlag = "01000000" + "0002" + UNSIGNED.substring(8);
        assertThrows(IllegalArgumentException.class, () -> Transaction.parseHex(badFlag));
    }

    @Test
    void anOutputScriptLongerThanTheDataIsRefused() {
        String cut = UNSIGNED.substring(0, UNSIGNED.length() - 40);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transaction.parseHex(cut));
        assertTrue(e.getMessage().contains("ends early") || e.getMessage().contains("left"), e.getMessage());
    }

    @Test
    void aCountThatWrapsAroundWhenMultipliedByTheItemSizeIsRefused() {
        // 0x1c71c71c71c71c72 outputs of at least 9 bytes: 2^64 + 2 bytes, which wraps around to 2 in 64 bits
        String tx = "02000000" + "00" + "ff" + "721cc7711cc7711c" + "00".repeat(12);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Transaction.parse(Hex.decode(tx), false));
        assertTrue(e.getMessage().contains("the output count says 2049638230412172402"), e.getMessage());
    }

    @Test
    void txidOfThePreviousTransactionInTheBip174Example() {
        // BIP-174's creator spends 75ddabb2...:0, and its updater adds that transaction as the non-witness UTXO.
        Psbt updated = Psbt.parse(Hex.decode(TestVectors.load("bitcoin/psbt_bip174.json")
                .get("workflow")
                .get(1)
                .get("hex")
                .asText()));
        Transaction prev = updated.input(0).nonWitnessUtxo();
        assertEquals("75ddabb27b8845f5247975c8a5ba7c6f336c4570708ebe230caf6db5217ae858", prev.txidHex());
        assertEquals(prev.txidHex(), prev.wtxidHex());
        assertEquals(
                "75ddabb27b8845f5247975c8a5ba7c6f336c4570708ebe230caf6db5217ae858:0",
                updated.unsignedTransaction().inputs().get(0).outpoint());
    }
}
