package io.keyshard.bytes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only well-formed UTF-8 is text: a payload's bytes are never shown with characters guessed in. */
class Utf8Test {
    @Test
    void wellFormedTextDecodes() {
        assertEquals(Optional.of("gm ☀ café"), Utf8.decode("gm ☀ café".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(""), Utf8.decode(new byte[0]));
    }

    @Test
    void malformedOverlongAndSurrogateBytesAreNotText() {
        assertEquals(Optional.empty(), Utf8.decode(new byte[] {(byte) 0xc3, 0x28}), "a broken two-byte sequence");
        assertEquals(Optional.empty(), Utf8.decode(new byte[] {(byte) 0xc0, (byte) 0xaf}), "an overlong '/'");
        assertEquals(
                Optional.empty(),
                Utf8.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}),
                "an encoded surrogate");
        assertEquals(Optional.empty(), Utf8.decode(new byte[] {'a', (byte) 0xff}), "a byte UTF-8 never uses");
    }
}
