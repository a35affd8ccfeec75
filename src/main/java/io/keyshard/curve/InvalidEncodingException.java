package io.keyshard.curve;

import io.keyshard.ExitCoded;

/** A point or scalar encoding broke a rule of strict decoding; the message names the rule. */
public final class InvalidEncodingException extends IllegalArgumentException implements ExitCoded {
    private static final long serialVersionUID = 1L;

    public InvalidEncodingException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return BAD_INPUT;
    }
}
