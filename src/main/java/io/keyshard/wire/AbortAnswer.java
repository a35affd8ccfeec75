package io.keyshard.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.keyshard.dkg.AbortStatement;

/**
 * The answer to an abort: the key's state on this server and, when it holds no share and no round-3 result, its
 * signed statement saying so, which lets the client abort servers that do hold a result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AbortAnswer(KeyState status, AbortStatement statement) {
    public AbortAnswer {
        if (status == null) {
            throw new IllegalArgumentException("an abort answer needs a status");
        }
    }
}
