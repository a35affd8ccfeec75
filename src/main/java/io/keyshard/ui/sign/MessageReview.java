package io.keyshard.ui.sign;

import io.keyshard.bytes.Hex;
import io.keyshard.wire.SignRound1Request;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What a message to sign is, decoded for the person who approves it: its size, a preview (as text when it
 * is plain UTF-8 text, else as hex) and its SHA-256, which the signing history keeps.
 *
 * @param shownAsText true when {@code preview} is the text itself; false when it is hex
 * @param why         why the message is shown as hex (null when shown as text)
 * @param truncated   true when the preview shows only the start of the message
 */
public record MessageReview(
        int size, String preview, boolean shownAsText, String why, boolean truncated, String sha256) {
    /** How much of a long message the preview shows. */
    static final int PREVIEW_CHARS = 2_000;

    static final int PREVIEW_BYTES = 512;

    /** Typed text as the bytes signed (UTF-8), refused beyond what a signer takes. */
    public static byte[] fromText(String text) {
        return limited(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Typed hex (spaces, line breaks and a 0x prefix allowed) as the bytes signed. */
    public static byte[] fromHex(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", "");
        return limited(Hex.decodeTyped(s, "The hex"));
    }

    /** A file's bytes, refused beyond what a signer takes. */
    public static byte[] fromFile(byte[] bytes) {
        return limited(bytes);
    }

    /** The review of {@code message}. */
    public static MessageReview of(byte[] message) {
        String sha = Hex.encode(sha256(message));
        String text = plainText(message);
        if (text != null) {
            boolean cut = text.length() > PREVIEW_CHARS;
            return new MessageReview(
                    message.length, cut ? text.substring(0, PREVIEW_CHARS) : text, true, null, cut, sha);
        }
        boolean cut = message.length > PREVIEW_BYTES;
        String hex = Hex.encode(cut ? Arrays.copyOf(message, PREVIEW_BYTES) : message);
        String why = message.length == 0
                ? "the message is empty"
                : decodes(message)
                        ? "it holds control or invisible characters that would not show as text"
                        : "it is not UTF-8 text";
        return new MessageReview(message.length, hex, false, why, cut, sha);
    }

    /** The size in words: "12 bytes", "1 byte". */
    public String sizeText() {
        return size == 1 ? "1 byte" : size + " bytes";
    }

    /** The message as text when it is strict UTF-8 without control or format characters (line breaks and tabs allowed). */
    private static String plainText(byte[] message) {
        if (message.length == 0 || !decodes(message)) {
            return null;
        }
        String s = new String(message, StandardCharsets.UTF_8);
        boolean plain = s.codePoints()
                .allMatch(c -> c == '\n'
                        || c == '\r'
                        || c == '\t'
                        || !(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT));
        return plain ? s : null;
    }

    private static boolean decodes(byte[] message) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Refuses a message of {@code size} bytes when a signer would not take it. */
    public static void checkSize(long size) {
        if (size > SignRound1Request.MAX_MESSAGE) {
            throw new IllegalArgumentException("The message is " + size + " bytes; at most "
                    + SignRound1Request.MAX_MESSAGE + " bytes (64 KiB) can be signed.");
        }
    }

    private static byte[] limited(byte[] bytes) {
        checkSize(bytes.length);
        return bytes;
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
