package io.keyshard.wire;

import java.util.List;

/**
 * A signer's answer to a threshold-ECDSA round: round 1 its broadcast commitment and one sealed message per
 * co-signer, round 2 one sealed message per co-signer, round 3 its broadcast partial signature.
 */
public record DklsAnswer(int sender, List<DklsMessage> messages) {
    public DklsAnswer {
        messages = messages == null ? null : List.copyOf(messages);
    }
}
