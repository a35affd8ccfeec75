package io.keyshard.client;

import io.keyshard.node.TestNode;
import io.keyshard.vault.Vault;
import io.keyshard.wire.NodeEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Test-only: lists a server in servers.json and seals its entry with its API key the way {@code servers add}
 * does, also for names {@code servers add} refuses (a test client that reaches the local cluster's nodes as
 * remote servers) and for a node that came back on another port.
 */
public final class TestServers {
    private TestServers() {}

    /** Registers (or re-registers, after a move) {@code name} at {@code info} with {@code apiKey}. */
    public static void register(Path home, Vault vault, String name, ServerInfo info, String apiKey)
            throws IOException {
        byte[] key = apiKey.getBytes(StandardCharsets.UTF_8);
        try {
            SealedServers.sealRemote(vault, name, info, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        ServersConfig.load(home).with(name, info).save();
    }

    /** The state {@code server} reports for a key (PENDING, READY, ABORTED, ...), or UNKNOWN when it answers 404. */
    public static String keyState(Workspace workspace, String server, UUID keyId) {
        try {
            return workspace
                    .connect(List.of(server))
                    .get(0)
                    .keyStatus(keyId, Duration.ofSeconds(20))
                    .join()
                    .status()
                    .name();
        } catch (RuntimeException e) {
            if (NodeConnection.unwrap(e) instanceof ServerException se && se.status() == 404) {
                return "UNKNOWN";
            }
            throw e;
        }
    }

    /** Registers a test node as a remote server at {@code url} (its own, or a front standing in for it). */
    public static void register(Path home, Vault vault, TestNode node, String url) throws IOException {
        NodeEntry e = node.entry;
        register(home, vault, e.name(), new ServerInfo(url, e.id(), e.certSha256(), false), e.apiKey());
    }
}
