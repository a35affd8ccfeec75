package io.keyshard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Files the payload subcommands of {@code sign} read, refused before reading when over their size limit. */
final class PayloadInput {
    /** Typed data and transaction JSON: far above any real payload, far below what strains memory. */
    static final int MAX_JSON = 1024 * 1024;
    /** A Solana transaction is at most 1232 bytes; its base58 text about 1.4 times that. */
    static final int MAX_SOLANA = 4096;

    private PayloadInput() {}

    /**
     * The bytes of {@code --file} when one is given, else of {@code text} given inline as {@code option}; each at
     * most {@code max}, and {@code tooLong} says why a longer text cannot be the payload.
     */
    static byte[] fileOrText(String file, String option, String text, int max, String tooLong) {
        if (file != null) {
            return file("--file", file, max);
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(option + " is " + text.length() + " characters; " + tooLong);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes of {@code file} (named by {@code option} in refusals), at most {@code max}. */
    static byte[] file(String option, String file, long max) {
        Path p = Path.of(file);
        try (InputStream in = Files.newInputStream(p)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new IllegalArgumentException(option + " " + file + " is over " + max
                        + " bytes, more than a payload of this kind can be: check that it is the right file");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + option + " " + file + ": " + e.getMessage(), e);
        }
    }
}
