package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id cost parameters, kept in the vault header and in backups so they can be raised later.
 * {@link #PRODUCTION} is what {@code keyshard init} uses; lighter values exist only for tests.
 *
 * @param memoryKiB   memory cost in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {

    /** 64 MiB, 3 passes, 1 lane: about 0.7 s on a laptop core. */
    public static final KdfParams PRODUCTION = new KdfParams(64 * 1024, 3, 1);

    /** Bounds applied to parameters read from a file, so a damaged header cannot exhaust memory. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;

    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    public KdfParams {
        if (parallelism < 1
                || parallelism > MAX_PARALLELISM
                || iterations < 1
                || iterations > MAX_ITERATIONS
                || memoryKiB < 8 * parallelism
                || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id parameters out of range");
        }
    }

    /** Writes these parameters as the {@code kdf} object of a header or backup. */
    void writeTo(ObjectNode parent) {
        ObjectNode k = parent.putObject("kdf");
        k.put("algorithm", "argon2id");
        k.put("memoryKiB", memoryKiB);
        k.put("iterations", iterations);
        k.put("parallelism", parallelism);
    }

    /** Reads the {@code kdf} object of a header or backup; IllegalArgumentException if missing or out of range. */
    static KdfParams readFrom(JsonNode parent) {
        JsonNode k = parent.get("kdf");
        if (k == null
                || !"argon2id".equals(k.path("algorithm").asText())
                || !k.path("memoryKiB").isInt()
                || !k.path("iterations").isInt()
                || !k.path("parallelism").isInt()) {
            throw new IllegalArgumentException("missing or unknown kdf");
        }
        return new KdfParams(
                k.get("memoryKiB").intValue(),
                k.get("iterations").intValue(),
                k.get("parallelism").intValue());
    }

    /** Argon2id(password, salt) -> {@code length} bytes. The caller wipes the result. */
    byte[] derive(char[] password, byte[] salt, int length) {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] pwd = utf8(password);
        try {
            byte[] out = new byte[length];
            gen.generateBytes(pwd, out);
            return out;
        } finally {
            Arrays.fill(pwd, (byte) 0);
        }
    }

    /** UTF-8 bytes of a password without going through an immutable String. */
    static byte[] utf8(char[] chars) {
        try {
            ByteBuffer buf = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(chars));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            if (buf.hasArray()) {
                Arrays.fill(buf.array(), (byte) 0);
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the password is not valid text (unpaired surrogate)");
        }
    }
}
