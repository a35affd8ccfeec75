package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Hostile PSBTs are refused before anything large is allocated, with a message that says why. */
class PsbtLimitsTest {
    private static final String MAGIC = "70736274ff";

    @Test
    void oversizedPsbtIsRefusedBeforeParsing() {
        byte[] huge = new byte[Psbt.MAX_BYTES + 1];
        System.arraycopy(Hex.decode(MAGIC), 0, huge, 0, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Psbt.parse(huge));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
        String text = "A".repeat(Psbt.MAX_BYTES / 3 * 4 + 8);
        e = assertThrows(IllegalArgumentException.class, () -> Psbt.fromBase64(text));
        assertTrue(e.getMessage().contains("characters"), e.getMessage());
    }

    @Test
    void aMillionInputsInAVersion2PsbtAreRefusedFromTheCount() {
        // version 2, tx version 2, input count 1 000 000 (0xfe 40420f00), output count 0, then nothing.
        String psbt = MAGIC + "01fb0402000000" + "01020402000000" + "010405fe40420f00" + "01050100" + "00";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Psbt.parse(Hex.decode(psbt)));
        assertTrue(e.getMessage().contains("1000000 inputs"), e.getMessage());
    }

    @Test
    void aMillionInputsInTheUnsignedTransactionAreRefusedFromTheCount() {
        String tx = "02000000" + "fe40420f00" + "00".repeat(10);
        String psbt = MAGIC + "0100" + String.format("%02x", tx.length() / 2) + tx + "00";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Psbt.parse(Hex.decode(psbt)));
        assertTrue(e.getMessage().contains("input count says 1000000"), e.getMessage());
    }

    @Test
    void nonMinimalSizesAndTrailingBytesAreRefused() {
        // key length 1 written as 0xfd 0100
        String nonMinimal = MAGIC + "fd010000" + "00";
        assertThrows(IllegalArgumentException.class, () -> Psbt.parse(Hex.decode(nonMinimal)));
        byte[] valid = Hex.decode(MAGIC + "01000a" + "02000000" + "00" + "00" + "00000000" + "00");
        assertEquals(0, Psbt.parse(valid).inputs().size());
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Psbt.parse(trailing));
        assertTrue(e.getMessage().contains("after its last output map"), e.getMessage());
    }

    @Test
    void unknownAndProprietaryRecordsSurviveAChange() {
        // one input with an unknown type 0xf0 record and a proprietary record; one output.
        String tx = "0200000001" + "11".repeat(32) + "00000000" + "00" + "ffffffff" + "01" + "0000000000000000" + "00"
                + "00000000";
        String unknown = "02f0aa" + "03010203";
        String proprietary = "06fc03616263" + "01" + "02beef";
        String psbtHex = MAGIC + "0100" + String.format("%02x", tx.length() / 2) + tx + "00" + unknown + proprietary
                + "00" + "00";
        Psbt psbt = Psbt.parse(Hex.decode(psbtHex));
        assertEquals(psbtHex, Hex.toHexString(psbt.serialize()));
        psbt.input(0).finalizeWith(new byte[] {0x51}, List.of());
        String out = Hex.toHexString(psbt.serialize());
        assertTrue(out.contains(unknown) && out.contains(proprietary), out);
        assertEquals(1, psbt.input(0).finalScriptSig().length);
    }
}
