package io.keyshard.dkg;

import java.util.List;

/** The body of {@code POST .../round3}: every server's round-2 message, the same list for every server. */
public record Round3Request(List<Round2Message> round2) {}
