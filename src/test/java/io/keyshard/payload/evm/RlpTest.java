package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of the yellow paper's RLP appendix (as on ethereum.org), and the strict decoder's refusals. */
class RlpTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void encodesTheSpecExamples() {
        assertEquals("83646f67", Hex.encode(Rlp.encodeString(ascii("dog"))));
        assertEquals(
                "c88363617483646f67",
                Hex.encode(Rlp.encodeList(List.of(Rlp.encodeString(ascii("cat")), Rlp.encodeString(ascii("dog"))))));
        assertEquals("80", Hex.encode(Rlp.encodeString(new byte[0])));
        assertEquals("c0", Hex.encode(Rlp.encodeList(List.of())));
        assertEquals("80", Hex.encode(Rlp.encodeInteger(BigInteger.ZERO)));
        assertEquals("00", Hex.encode(Rlp.encodeString(new byte[] {0})));
        assertEquals("0f", Hex.encode(Rlp.encodeInteger(BigInteger.valueOf(15))));
        assertEquals("820400", Hex.encode(Rlp.encodeInteger(BigInteger.valueOf(1024))));
        // [ [], [[]], [ [], [[]] ] ]: the set-theoretical representation of three
        byte[] empty = Rlp.encodeList(List.of());
        byte[] one = Rlp.encodeList(List.of(empty));
        assertEquals(
                "c7c0c1c0c3c0c1c0",
                Hex.encode(Rlp.encodeList(List.of(empty, one, Rlp.encodeList(List.of(empty, one))))));
        String lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";
        assertEquals("b838" + Hex.encode(ascii(lorem)), Hex.encode(Rlp.encodeString(ascii(lorem))));
    }

    @Test
    void decodesWhatItEncodes() {
        byte[] enc = Rlp.encodeList(List.of(
                Rlp.encodeString(ascii("cat")), Rlp.encodeList(List.of(Rlp.encodeInteger(BigInteger.valueOf(1024))))));
        Rlp.Seq seq = (Rlp.Seq) Rlp.decode(enc);
        assertArrayEquals(ascii("cat"), ((Rlp.Str) seq.items().get(0)).bytes());
        Rlp.Seq inner = (Rlp.Seq) seq.items().get(1);
        assertEquals(BigInteger.valueOf(1024), ((Rlp.Str) inner.items().get(0)).asInteger("n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "8100, single byte below 0x80",
        "b80100, short form",
        "b9000100, leading zero",
        "83646f, truncated",
        "83646f6700, after the end",
        "c383646f, runs past the end",
        "'', truncated",
    })
    void refusesNonCanonicalOrTruncatedInput(String hex, String expected) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Rlp.decode(Hex.decode(hex, "rlp")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void refusesAnIntegerWithALeadingZero() {
        Rlp.Str s = (Rlp.Str) Rlp.decode(Hex.decode("820001", "rlp"));
        assertThrows(IllegalArgumentException.class, () -> s.asInteger("nonce"));
    }
}
