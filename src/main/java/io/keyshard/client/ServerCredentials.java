package io.keyshard.client;

import io.keyshard.vault.Vault;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a server's API key lives (docs/architecture.md, Servers): the local cluster's in its owner-only node
 * folder, a remote server's sealed in the vault with its entry under {@link #secretName(String)}. Either is
 * released only to the url and pinned certificate sealed with it ({@link SealedServers}).
 */
public final class ServerCredentials {
    private ServerCredentials() {}

    /** The vault secret name holding a remote server's sealed entry and API key. */
    public static String secretName(String server) {
        return SealedServers.REMOTE + server;
    }

    /** Opens a connection to {@code name} with its API key (wiped from memory here once copied). */
    static NodeConnection connect(Path home, Vault vault, String name, ServerInfo info) throws KeygenException {
        char[] key = info.local()
                ? SealedServers.localKey(home, vault, name, info)
                : SealedServers.remoteKey(vault, name, info);
        try {
            return new NodeConnection(name, info, key);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    /** Decodes UTF-8 bytes into a char array of exactly their length, wiping the bytes and any spare buffer. */
    static char[] chars(byte[] bytes) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        try {
            return Arrays.copyOf(decoded.array(), decoded.limit());
        } finally {
            Arrays.fill(decoded.array(), '\0');
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
