package io.keyshard.bench;

import io.keyshard.derive.DerivationPath;
import java.util.List;

/** The in-memory floor of a networked signing: the same protocol in one process, with no network. */
interface SignFloor {
    /** One signing of {@code message} under {@code path} by {@code signers}; fails if the signature does not verify. */
    void sign(DerivationPath path, List<Integer> signers, byte[] message);
}
