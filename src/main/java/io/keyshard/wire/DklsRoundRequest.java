package io.keyshard.wire;

import java.util.List;

/**
 * The body of {@code POST /v1/sign/{signId}/round2} and {@code round3} of a threshold-ECDSA signing: round
 * 1's request unchanged and the messages for this signer (round 2: every signer's broadcast commitment and
 * the sealed messages addressed to it; round 3: the sealed messages addressed to it).
 */
public record DklsRoundRequest(SignRound1Request request, List<DklsMessage> messages) {
    public DklsRoundRequest {
        messages = messages == null ? null : List.copyOf(messages);
    }
}
