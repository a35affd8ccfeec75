package io.keyshard.cli;

import io.keyshard.bytes.Hex;
import io.keyshard.client.SignRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What {@code sign} reads: text, hex or a file, within the size a signer takes. */
final class SignInput {
    private SignInput() {}

    static byte[] message(String text, String hex, String file) {
        if (text != null) {
            return limited(text.getBytes(StandardCharsets.UTF_8));
        }
        if (hex != null) {
            return hex("--hex", hex);
        }
        Path p = Path.of(file);
        try {
            SignRequest.checkMessageLength(Files.size(p)); // before reading a huge file into memory
            return limited(Files.readAllBytes(p));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--file " + file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --file " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] hex(String option, String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("0x")) {
            return new byte[0];
        }
        return limited(Hex.decodeTyped(s, option));
    }

    private static byte[] limited(byte[] bytes) {
        SignRequest.checkMessageLength(bytes.length);
        return bytes;
    }
}
