package io.keyshard.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a password comes from, in this order: a file named by an option (its first line), an
 * environment variable, a prompt on the console (asked twice when a new password is chosen).
 * With none of them there is no way to ask, so it fails with exit 2 saying how to give one.
 *
 * @param what       what the password is for, as shown in prompts and errors ("vault password")
 * @param envVar     the environment variable, e.g. {@code KEYSHARD_PASSWORD}
 * @param fileOption the option that names a file, e.g. {@code --password-file}
 */
public record PasswordSource(String what, String envVar, String fileOption) {

    /** The vault password: {@code --password-file}, {@code KEYSHARD_PASSWORD}, or a prompt. */
    public static final PasswordSource VAULT =
            new PasswordSource("vault password", "KEYSHARD_PASSWORD", "--password-file");
    /** A backup file's own password (vault export / import). */
    public static final PasswordSource BACKUP =
            new PasswordSource("backup password", "KEYSHARD_BACKUP_PASSWORD", "--backup-password-file");
    /** The new vault password of {@code vault passwd}. */
    public static final PasswordSource NEW_VAULT =
            new PasswordSource("new vault password", "KEYSHARD_NEW_PASSWORD", "--new-password-file");

    /** Reads the password from {@code file}, else the environment, else the console; the caller wipes it. */
    public char[] read(Path file, Map<String, String> env, Console console, boolean confirm) {
        if (file != null) {
            return fromFile(file);
        }
        String value = env.get(envVar);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        if (console == null) {
            throw new IllegalArgumentException("no " + what + " given and no terminal to ask on: set " + envVar
                    + " or pass " + fileOption + " FILE");
        }
        char[] first = console.readPassword("%s: ", capitalized());
        if (first == null || first.length == 0) {
            throw new IllegalArgumentException("no " + what + " entered");
        }
        if (confirm) {
            char[] again = console.readPassword("%s again: ", capitalized());
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new IllegalArgumentException("the two " + what + "s did not match; nothing was changed");
            }
        }
        return first;
    }

    /** The same, from this process's environment and console. */
    public char[] read(Path file, boolean confirm) {
        return read(file, System.getenv(), System.console(), confirm);
    }

    private char[] fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + what + " file " + file + " (" + fileOption + ")");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                end++;
            }
            char[] out = new char[end];
            chars.get(out);
            Arrays.fill(chars.array(), '\0');
            if (out.length == 0) {
                throw new IllegalArgumentException(
                        "the " + what + " file " + file + " is empty; put the password on its first line");
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the " + what + " file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private String capitalized() {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
