package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** What an OP_RETURN output carries, read from its pushes. */
class ScriptsTest {
    @Test
    void theDataOfAnOpReturnIsItsPushesJoined() {
        assertArrayEquals(
                "hello".getBytes(StandardCharsets.US_ASCII), Scripts.opReturnData(Hex.decode("6a0568656c6c6f")));
        assertArrayEquals(new byte[0], Scripts.opReturnData(Hex.decode("6a")));
        assertArrayEquals(new byte[0], Scripts.opReturnData(Hex.decode("6a00")));
        // PUSHDATA1 of 80 bytes, the old standard limit, then a second push
        byte[] eighty = new byte[80];
        eighty[79] = 7;
        byte[] script = new ByteWriter()
                .u8(0x6a)
                .u8(0x4c)
                .u8(80)
                .bytes(eighty)
                .u8(1)
                .u8(9)
                .toByteArray();
        byte[] joined = new byte[81];
        joined[79] = 7;
        joined[80] = 9;
        assertArrayEquals(joined, Scripts.opReturnData(script));
        // PUSHDATA2 and PUSHDATA4 read their lengths little-endian
        assertArrayEquals(new byte[] {1, 2}, Scripts.opReturnData(Hex.decode("6a4d02000102")));
        assertArrayEquals(new byte[] {3}, Scripts.opReturnData(Hex.decode("6a4e0100000003")));
    }

    @Test
    void anythingButPushesAfterOpReturnIsNotReadAsData() {
        assertNull(Scripts.opReturnData(Hex.decode("0014" + "00".repeat(20))), "not an OP_RETURN");
        assertNull(Scripts.opReturnData(Hex.decode("6a0568656c6c")), "a push past the end");
        assertNull(Scripts.opReturnData(Hex.decode("6a4c")), "a PUSHDATA1 without its length");
        assertNull(Scripts.opReturnData(Hex.decode("6a4dff")), "a PUSHDATA2 with half its length");
        assertNull(Scripts.opReturnData(Hex.decode("6a0101ac")), "an opcode after the pushes");
        assertNull(Scripts.opReturnData(Hex.decode("6a4effffffff00")), "a length far past the end");
    }

    @Test
    void anyScriptIsReadWithoutThrowingAndItsDataIsNoLongerThanIt() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 20_000; n++) {
            byte[] script = new byte[random.nextInt(12)];
            for (int i = 0; i < script.length; i++) {
                script[i] = (byte) random.nextInt(256);
            }
            if (script.length > 0 && random.nextBoolean()) {
                script[0] = 0x6a;
            }
            byte[] data = Scripts.opReturnData(script);
            assertTrue(data == null || data.length < script.length, Hex.toHexString(script));
        }
    }
}
