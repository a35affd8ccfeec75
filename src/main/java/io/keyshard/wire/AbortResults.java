package io.keyshard.wire;

import io.keyshard.dkg.Round3Message;
import java.util.List;

/**
 * The body of {@code POST .../keygen/{keyId}/abort} that proves with results: signed round-3 results of the key's
 * servers, one of which differs from the result of the server asked (docs/protocol.md, Commit and abort).
 */
public record AbortResults(List<Round3Message> results) {}
