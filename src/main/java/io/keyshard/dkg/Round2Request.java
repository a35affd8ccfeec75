package io.keyshard.dkg;

import java.util.List;

/** The body of {@code POST .../round2}: every server's round-1 message, the same list for every server. */
public record Round2Request(List<Round1Message> round1) {}
