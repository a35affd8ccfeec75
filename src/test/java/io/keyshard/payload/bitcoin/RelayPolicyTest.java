package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.crypto.Digests;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** The dust thresholds Bitcoin Core's default policy gives each standard script. */
class RelayPolicyTest {
    private static final byte[] HASH20 = Digests.hash160(new byte[] {7});
    private static final byte[] HASH32 = Digests.sha256(new byte[] {7});

    @Test
    void eachStandardScriptHasTheThresholdBitcoinCoreGivesIt() {
        // policy.h and the P2A documentation: 546 for P2PKH, 294 for P2WPKH, 330 for P2WSH and P2TR, 240 for P2A
        assertEquals(546, RelayPolicy.dustThreshold(Scripts.p2pkh(HASH20)));
        assertEquals(294, RelayPolicy.dustThreshold(Scripts.p2wpkh(HASH20)));
        assertEquals(330, RelayPolicy.dustThreshold(Scripts.p2tr(HASH32)));
        assertEquals(330, RelayPolicy.dustThreshold(Hex.decode("0020" + Hex.toHexString(HASH32))));
        assertEquals(540, RelayPolicy.dustThreshold(Hex.decode("a914" + Hex.toHexString(HASH20) + "87")));
        assertEquals(240, RelayPolicy.dustThreshold(Hex.decode("51024e73")));
    }

    @Test
    void dataThatCanNeverBeSpentIsNotDust() {
        assertEquals(0, RelayPolicy.dustThreshold(Hex.decode("6a0568656c6c6f")));
        assertEquals(0, RelayPolicy.dustThreshold(new byte[10_001]));
    }

    @Test
    void aWitnessProgramIsAVersionThenOnePushOfTwoToFortyBytes() {
        assertTrue(RelayPolicy.isWitnessProgram(Hex.decode("51024e73")));
        assertTrue(RelayPolicy.isWitnessProgram(Hex.decode("6028" + "00".repeat(40))));
        assertFalse(RelayPolicy.isWitnessProgram(Hex.decode("6029" + "00".repeat(41))));
        assertFalse(RelayPolicy.isWitnessProgram(Hex.decode("5001ff")));
        // OP_1NEGATE (0x4f) and OP_RESERVED (0x50) are not versions
        assertFalse(RelayPolicy.isWitnessProgram(Hex.decode("50024e73")));
        // the push must cover the rest of the script exactly
        assertFalse(RelayPolicy.isWitnessProgram(Hex.decode("0014" + Hex.toHexString(HASH20) + "00")));
    }
}
