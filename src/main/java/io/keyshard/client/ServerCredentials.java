package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a server's API key lives (docs/architecture.md, Servers): the local cluster's in its owner-only node
 * folder, a remote server's sealed in the vault under {@link #secretName(String)}.
 */
public final class ServerCredentials {
    private ServerCredentials() {}

    /** The vault secret name holding a remote server's API key. */
    public static String secretName(String server) {
        return "server-api-key:" + server;
    }

    /** Opens a connection to {@code name} with its API key (wiped from memory here once copied). */
    static NodeConnection connect(Path home, Vault vault, String name, ServerInfo info) throws KeygenException {
        char[] key = apiKey(home, vault, name, info);
        try {
            return new NodeConnection(name, info, key);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    private static char[] apiKey(Path home, Vault vault, String name, ServerInfo info) throws KeygenException {
        if (info.local()) {
            try {
                return LocalCluster.apiKey(home, name);
            } catch (IOException e) {
                throw new KeygenException(
                        name,
                        "server " + name + ": the local cluster's API key cannot be read ("
                                + e.getClass().getSimpleName() + ")",
                        ExitCoded.SERVER,
                        null);
            }
        }
        Optional<byte[]> secret = vault == null ? Optional.empty() : vault.getSecret(secretName(name));
        if (secret.isEmpty()) {
            throw new KeygenException(
                    name,
                    "server " + name + ": no API key in the vault; add the server again with "
                            + "'keyshard servers add --entry FILE'",
                    ExitCoded.SERVER,
                    null);
        }
        return chars(secret.get());
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
