package io.keyshard.client;

/**
 * A workflow step {@link Workspace#call} can run, typed by what it takes and gives
 * (docs/architecture.md, The workflow). {@link #GENERATE_KEY_SHARE}: a {@link KeygenRequest} -> a {@link GeneratedKey}.
 *
 * @param <R> the request type
 * @param <T> the result type
 */
public final class ComponentModule<R, T> {
    /** Distributed key generation across the chosen servers. */
    public static final ComponentModule<KeygenRequest, GeneratedKey> GENERATE_KEY_SHARE =
            new ComponentModule<>("GENERATE_KEY_SHARE");

    private final String name;

    private ComponentModule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
