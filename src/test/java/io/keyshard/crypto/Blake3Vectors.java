package io.keyshard.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The BLAKE3 team's published test vectors (hash and keyed_hash, 131 bytes of extended output each). */
public final class Blake3Vectors {
    /** One input length and its two outputs. */
    public record Case(int inputLength, byte[] hash, byte[] keyedHash) {
        /** The vectors' input: 0, 1, ..., 250 repeated. */
        public byte[] input() {
            byte[] in = new byte[inputLength];
            for (int i = 0; i < inputLength; i++) {
                in[i] = (byte) (i % 251);
            }
            return in;
        }
    }

    private Blake3Vectors() {}

    /** The key of the keyed_hash outputs. */
    public static byte[] key() {
        return json().get("key").asText().getBytes(StandardCharsets.US_ASCII);
    }

    /** Every case of the file. */
    public static List<Case> cases() {
        HexFormat hex = HexFormat.of();
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : json().get("cases")) {
            cases.add(new Case(
                    c.get("input_len").asInt(),
                    hex.parseHex(c.get("hash").asText()),
                    hex.parseHex(c.get("keyed_hash").asText())));
        }
        return cases;
    }

    private static JsonNode json() {
        try (InputStream in = Blake3Vectors.class.getResourceAsStream("blake3-test-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
