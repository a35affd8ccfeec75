package io.keyshard.cli;

import io.keyshard.bytes.Hex;
import io.keyshard.wire.SignRound1Request;
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
            if (Files.size(p) > SignRound1Request.MAX_MESSAGE) {
                throw tooLong(Files.size(p));
            }
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
        if (bytes.length > SignRound1Request.MAX_MESSAGE) {
            throw tooLong(bytes.length);
        }
        return bytes;
    }

    private static IllegalArgumentException tooLong(long length) {
        return new IllegalArgumentException("the message is " + length + " bytes; at most "
                + SignRound1Request.MAX_MESSAGE + " bytes (64 KiB) are signed");
    }
}
