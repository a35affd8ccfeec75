package io.keyshard.node;

import io.keyshard.ExitCoded;
import java.io.IOException;

/** A node's data folder is missing, incomplete or already exists: a usage problem (exit 2). */
public final class NodeSetupException extends IOException implements ExitCoded {
    private static final long serialVersionUID = 1L;

    public NodeSetupException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return BAD_INPUT;
    }
}
