package io.keyshard.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The one framing, the frozen on-disk ones, big-endian integers and the one hex codec. */
class FramingTest {

    @Test
    void everyFieldComesAfterItsEightByteLength() {
        byte[] framed = Framing.frame("t", new byte[] {9}, new byte[0]);
        assertEquals(
                "0000000000000001" + "74" + "0000000000000001" + "09" + "0000000000000000",
                HexFormat.of().formatHex(framed));
    }

    @Test
    void movingABoundaryChangesTheBytes() {
        byte[] a = Framing.frame("t", "ab".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8));
        byte[] b = Framing.frame("t", "a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8));
        byte[] c = Framing.frame("ta", "b".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8));
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void frozenEncodingsKeepTheirExactBytes() {
        assertEquals(
                "keyshard/vault/record|0b0e4bde-7e5f-4c43-9a8c-4d1c1e7c9b01|3",
                new String(
                        Framing.Frozen.pipeJoined("keyshard/vault/record", "0b0e4bde-7e5f-4c43-9a8c-4d1c1e7c9b01", 3),
                        StandardCharsets.UTF_8));
        assertEquals("a||b", new String(Framing.Frozen.pipeJoined("a", "", "b"), StandardCharsets.UTF_8));
        assertEquals("00000002" + "6869" + "00000000", HexFormat.of().formatHex(Framing.Frozen.shortLengths("hi", "")));
    }

    @Test
    void bigEndianRoundTrips() {
        byte[] b = new byte[6];
        BigEndian.putInt(b, 1, 0x80010203);
        assertEquals("008001020300", HexFormat.of().formatHex(b));
        assertEquals(0x80010203, BigEndian.getInt(b, 1));
        assertArrayEquals(new byte[] {0, 0, 1, 0}, BigEndian.u32(256));
        assertEquals("0000000100000002", HexFormat.of().formatHex(BigEndian.u64(0x100000002L)));
    }

    @Test
    void hexIsLowercaseOutAndStrictIn() {
        assertEquals("00ff10", Hex.encode(new byte[] {0, -1, 16}));
        assertArrayEquals("00ff10".toCharArray(), Hex.encodeToChars(new byte[] {0, -1, 16}));
        assertArrayEquals(new byte[] {0, -1}, Hex.decode("00ff", "x"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0", "x"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0g", "x"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode(" 00", "x"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x00", "x"));
    }

    @Test
    void typedHexMayHaveSpaceAndAPrefix() {
        assertArrayEquals(new byte[] {0x0a, -1}, Hex.decodeTyped("  0X0aFF\n", "--public-key"));
        assertArrayEquals(new byte[] {0x0a}, Hex.decodeTyped("0x0a", "--public-key"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Hex.decodeTyped("0x", "--chain-code"));
        assertEquals("--chain-code must be an even number of hex digits (0-9, a-f)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hex.decodeTyped("abc", "--chain-code"));
    }
}
