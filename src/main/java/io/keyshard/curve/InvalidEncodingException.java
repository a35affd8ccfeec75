package io.keyshard.curve;

/** A point or scalar encoding broke a rule of strict decoding; the message names the rule. */
public final class InvalidEncodingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEncodingException(String message) {
        super(message);
    }
}
