package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The signing's bulk oracle: BLAKE3 against the BLAKE3 team's published vectors, and its framing. */
class OracleTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void blake3MatchesThePublishedHashAndKeyedHashVectorsWithExtendedOutput() throws IOException {
        JsonNode vectors = vectors();
        byte[] key = vectors.get("key").asText().getBytes(StandardCharsets.US_ASCII);
        for (JsonNode c : vectors.get("cases")) {
            byte[] in = input(c.get("input_len").asInt());
            byte[] hash = HEX.parseHex(c.get("hash").asText());
            byte[] keyed = HEX.parseHex(c.get("keyed_hash").asText());
            assertArrayEquals(hash, Oracle.blake3(null, in, hash.length), "hash, input_len " + in.length);
            assertArrayEquals(keyed, Oracle.blake3(key, in, keyed.length), "keyed_hash, input_len " + in.length);
            assertArrayEquals(Arrays.copyOf(hash, 32), Oracle.blake3(null, in, 32), "default length " + in.length);
        }
    }

    @Test
    void oneKeyedOracleReusedForManyInputsAndWipedKeepsItsKey() throws IOException {
        JsonNode vectors = vectors();
        Oracle.Keyed oracle = new Oracle.Keyed(vectors.get("key").asText().getBytes(StandardCharsets.US_ASCII));
        for (int round = 0; round < 2; round++) {
            for (JsonNode c : vectors.get("cases")) {
                byte[] in = input(c.get("input_len").asInt());
                byte[] expected = HEX.parseHex(c.get("keyed_hash").asText());
                byte[] out = new byte[expected.length + 3];
                oracle.hash(in, 0, in.length, out, 3, expected.length);
                assertArrayEquals(expected, Arrays.copyOfRange(out, 3, out.length), "input_len " + in.length);
            }
            // wiping the last input's copies leaves the oracle as it was
            oracle.wipe();
        }
    }

    @Test
    void theBulkOracleSeparatesTagsAndPartSplitsAndEachKeyedOracleIsItsOwn() {
        byte[] ab = {1, 2};
        byte[] a = {1};
        byte[] b = {2};
        assertFalse(Arrays.equals(Oracle.bulk("x", 32, ab), Oracle.bulk("x", 32, a, b)));
        assertFalse(Arrays.equals(Oracle.bulk("x", 32, ab), Oracle.bulk("y", 32, ab)));
        assertFalse(Arrays.equals(Oracle.bulk("x", 32, ab), Oracle.hash("x", 32, ab)));
        byte[] row = new byte[36];
        byte[] one = new byte[192];
        byte[] other = new byte[192];
        Oracle.keyed("cot", a).hash(row, 0, row.length, one, 0, one.length);
        Oracle.keyed("cot", b).hash(row, 0, row.length, other, 0, other.length);
        assertFalse(Arrays.equals(one, other));
        Oracle.keyed("ote-prg", a).hash(row, 0, row.length, other, 0, other.length);
        assertFalse(Arrays.equals(one, other));
        Oracle.keyed("cot", a).hash(row, 0, row.length, other, 0, other.length);
        assertArrayEquals(one, other);
    }

    private static JsonNode vectors() throws IOException {
        try (InputStream in = OracleTest.class.getResourceAsStream("blake3-test-vectors.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The vectors' input: 0, 1, ..., 250 repeated. */
    private static byte[] input(int length) {
        byte[] in = new byte[length];
        for (int i = 0; i < length; i++) {
            in[i] = (byte) (i % 251);
        }
        return in;
    }
}
