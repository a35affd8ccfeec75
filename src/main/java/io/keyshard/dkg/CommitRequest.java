package io.keyshard.dkg;

import java.util.List;

/**
 * The body of {@code POST .../commit}: every server's signed round-3 result. A node marks its share
 * READY only when these show that every participant finished round 3 with the result it holds
 * ({@link CommitProof}). A wire type.
 */
public record CommitRequest(List<Round3Message> results) {}
