package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.bytes.Utf8;
import io.keyshard.derive.DerivationPath;
import io.keyshard.vault.KeyRecord;
import java.util.function.Supplier;

/** What every payload plan shares: strict text decoding, the signing key at its path, and refusals worded for a person. */
final class Decoding {
    private Decoding() {}

    /**
     * Runs a payload decoder. Decoders refuse bad input with IllegalArgumentException; any other runtime
     * failure while reading untrusted bytes is still bad input, reported as such rather than as a crash.
     */
    static <T> T guarded(Supplier<T> decode) {
        try {
            return decode.get();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IndexOutOfBoundsException
                | ArithmeticException
                | NegativeArraySizeException
                | NullPointerException
                | IllegalStateException
                | ClassCastException e) {
            throw new IllegalArgumentException(
                    "the payload could not be decoded (" + e.getClass().getSimpleName() + "); check that it is "
                            + "the kind of payload asked for and complete",
                    e);
        }
    }

    /** The input as UTF-8 text; refuses bytes that are not UTF-8, naming what was expected. */
    static String utf8(byte[] input, String what) {
        return Utf8.decode(input)
                .orElseThrow(
                        () -> new IllegalArgumentException("the input is not UTF-8 text; " + what + " is expected"));
    }

    /**
     * The key that signs: {@code fixed}'s chain unless the request names another (refused), at the
     * request's path or the chain's default one (account 0, index 0).
     */
    static KeyPipeline.Result signer(KeyRecord key, PayloadRequest r, Chain fixed) {
        if (r.chain() != null && r.chain() != fixed) {
            throw new IllegalArgumentException(r.kind().id() + " signs for the " + fixed.id() + " chain, not "
                    + r.chain().id() + ": use --chain " + fixed.id() + " or leave it out");
        }
        DerivationPath path = r.path() != null ? r.path() : fixed.defaultPath(0, 0, r.network());
        return KeyPipeline.run(Workspace.rootOf(key), fixed, path, r.network());
    }

    /** Bytes as a person reads them: printable UTF-8 text in quotes (shortened), else hex. */
    static String display(byte[] bytes) {
        return display(bytes, MAX_SHOWN);
    }

    /**
     * A message as a person approves it: whole up to a few pages of text, since what follows a cut (a
     * nonce, an account, a last clause) may be what matters; a longer one says how much is not shown.
     */
    static String displayForApproval(byte[] bytes) {
        return display(bytes, MAX_APPROVED);
    }

    private static String display(byte[] bytes, int max) {
        String text = printable(bytes);
        if (text != null) {
            return text.length() > max
                    ? "\"" + text.substring(0, max) + "\"... (" + text.length() + " characters in all)"
                    : "\"" + text + "\"";
        }
        String hex = Hex.encode(bytes);
        return hex.length() > 2 * max
                ? "0x" + hex.substring(0, 2 * max) + "... (" + bytes.length + " bytes in all)"
                : "0x" + hex;
    }

    /** The bytes as text when they are UTF-8 with no control character but newline and tab; else null. */
    static String printable(byte[] bytes) {
        String text;
        try {
            text = utf8(bytes, "text");
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((Character.isISOControl(c) && c != '\n' && c != '\t') || Character.getType(c) == Character.FORMAT) {
                return null;
            }
        }
        return text.replace("\n", "\\n").replace("\t", "\\t");
    }

    private static final int MAX_SHOWN = 200;
    /** Characters (or bytes, as hex) of a message shown for approval before the rest is counted instead. */
    private static final int MAX_APPROVED = 4_000;
}
