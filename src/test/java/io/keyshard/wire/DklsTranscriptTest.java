package io.keyshard.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keyshard.bytes.Framing;
import io.keyshard.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The signed fields and the sealing context of a threshold-ECDSA message (relay version 4). */
class DklsTranscriptTest {
    private static final byte[] HASH = new byte[32];

    @Test
    void theBodyEntersTheSignedFieldsByItsBlake3Hash() {
        // BLAKE3 of the empty input and of "abc", as published with the reference implementation
        byte[][] empty = DklsTranscript.signed(HASH, 1, 11, 12, new byte[0]);
        assertEquals(6, empty.length);
        assertArrayEquals(
                Hex.decode("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", "vector"), empty[5]);
        byte[][] abc = DklsTranscript.signed(HASH, 1, 11, 12, "abc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(
                Hex.decode("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85", "vector"), abc[5]);
    }

    @Test
    void thePairContextOutlivesTheRoundAndEachMessagesAssociatedDataBindsIt() {
        byte[] info = Framing.frame("t", DklsTranscript.pairContext(HASH, 11, 12));
        assertFalse(Arrays.equals(info, Framing.frame("t", DklsTranscript.pairContext(HASH, 12, 11))), "direction");
        byte[] one = Framing.frame("t", DklsTranscript.sealContext(HASH, 1, 11, 12));
        byte[] two = Framing.frame("t", DklsTranscript.sealContext(HASH, 2, 11, 12));
        assertFalse(Arrays.equals(one, two), "round");
    }
}
