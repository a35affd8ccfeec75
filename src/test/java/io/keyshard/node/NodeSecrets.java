package io.keyshard.node;

import io.keyshard.dkg.IdentityKeys;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * Test-only: what the operator of a node holds in its data folder (its TLS key and identity keys),
 * so a test can play a malicious operator that serves the same pinned certificate and signs with
 * the node's own identity.
 */
public final class NodeSecrets {
    private NodeSecrets() {}

    /** The node's TLS 1.3 server context (its certificate and key). */
    public static SSLContext tls(Path data) throws Exception {
        return NodeTls.serverContext(new NodeFiles(data));
    }

    /** The node's identity keys (signing and HPKE). */
    public static IdentityKeys identity(Path data) throws Exception {
        try (NodeIdentity id = NodeIdentity.load(new NodeFiles(data))) {
            return IdentityKeys.fromEncoded(id.keys().encoded());
        }
    }
}
