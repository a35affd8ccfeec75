package io.keyshard.wire;

/** The answer to commit and abort: the state the key is in afterwards. */
public record StateAnswer(KeyState status) {
    public StateAnswer {
        if (status == null) {
            throw new IllegalArgumentException("a state answer needs a status");
        }
    }
}
