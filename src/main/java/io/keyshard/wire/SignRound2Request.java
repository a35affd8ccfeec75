package io.keyshard.wire;

import java.util.List;

/**
 * The body of {@code POST /v1/sign/{signId}/round2}: round 1's request unchanged and every signer's
 * signed round-1 answer, one per signer of the set.
 */
public record SignRound2Request(SignRound1Request request, List<SignCommitment> commitments) {
    public SignRound2Request {
        commitments = commitments == null ? null : List.copyOf(commitments);
    }
}
