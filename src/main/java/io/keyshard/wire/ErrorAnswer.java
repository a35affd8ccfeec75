package io.keyshard.wire;

/**
 * The body of every refusal: a stable upper-case {@code error} code (MALFORMED, UNAUTHORIZED,
 * NOT_FOUND, CONFLICT, PROTOCOL, BUSY, ...) and a message for people that names no secret.
 */
public record ErrorAnswer(String error, String message) {}
