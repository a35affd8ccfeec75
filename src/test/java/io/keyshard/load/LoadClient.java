package io.keyshard.load;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServerInfo;
import io.keyshard.client.ServersConfig;
import io.keyshard.client.TestServers;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.node.NodeInitializer;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One client of the load: its own home, H2 vault and {@link Workspace}. The first client is
 * the desktop app's path (its Workspace starts the local cluster); the others are separate
 * clients of the same three servers, each with its own API key sealed in its own vault.
 */
final class LoadClient implements AutoCloseable {
    /** What the client was told: the key is READY in its vault (keyId, root key, the servers chosen). */
    record Acknowledged(UUID keyId, String rootPublicKey, List<String> servers, long startedNanos) {}

    private static final char[] PASSWORD = "load-test-password-1".toCharArray();
    final int index;
    final Path home;
    final Vault vault;
    final Workspace workspace;
    private final Map<String, char[]> apiKeys;
    final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private LoadClient(int index, Path home, Vault vault, Map<String, char[]> apiKeys) {
        this.index = index;
        this.home = home;
        this.vault = vault;
        this.apiKeys = apiKeys;
        this.workspace = Workspace.open(home, vault);
    }

    /** The app's own client: a new vault (light Argon2id; unlocking is not what is measured) and the local cluster up. */
    static LoadClient owningCluster(Path home) throws Exception {
        Vault vault = Vault.create(home, PASSWORD.clone(), new KdfParams(1024, 1, 1));
        LoadClient c = new LoadClient(0, home, vault, new LinkedHashMap<>());
        c.workspace.startLocalCluster();
        for (String name : LocalCluster.NAMES) {
            c.apiKeys.put(name, LocalCluster.apiKey(home, name));
        }
        return c;
    }

    /**
     * Another client of the cluster {@code owner} runs: {@code node add-client} on each node's data
     * folder gives it its own API key, sealed in its own vault; the servers keep their names.
     */
    static LoadClient sharing(int index, Path home, LoadClient owner) throws Exception {
        Files.createDirectories(home);
        Vault vault = Vault.create(home, PASSWORD.clone(), new KdfParams(1024, 1, 1));
        ServersConfig ownerConfig = ServersConfig.load(owner.home);
        Map<String, char[]> keys = new LinkedHashMap<>();
        for (String name : LocalCluster.NAMES) {
            NodeInitializer.Issued issued = NodeInitializer.addClient(
                    owner.home.resolve("nodes").resolve(name).resolve("data"), new SecureRandom());
            keys.put(name, issued.entry().apiKey().toCharArray());
            ServerInfo info = ownerConfig.get(name);
            TestServers.register(
                    home,
                    vault,
                    name,
                    new ServerInfo(info.url(), info.id(), issued.entry().certSha256(), false),
                    issued.entry().apiKey());
        }
        return new LoadClient(index, home, vault, keys);
    }

    /** The request of the {@code n}-th keygen: all seven curves in turn, 2-of-3, 3-of-3 and every 2-of-2 pair. */
    static KeygenRequest plan(int n) {
        CurveName curve = CurveName.values()[n % CurveName.values().length];
        List<String> all = LocalCluster.NAMES;
        if (n % 4 == 3) {
            int skip = (n / 4) % 3;
            List<String> pair = new ArrayList<>(all);
            pair.remove(skip);
            return new KeygenRequest(curve, 2, pair, "load " + n);
        }
        return new KeygenRequest(curve, 2 + (n / 7) % 2, all, "load " + n);
    }

    /** One keygen through the client as a user runs it; returns its wall time in ms, or -1 if it failed. */
    double keygen(int n) {
        KeygenRequest req = plan(n);
        long start = System.nanoTime();
        try {
            GeneratedKey key = workspace
                    .call(ComponentModule.GENERATE_KEY_SHARE, req)
                    .promise()
                    .join();
            if (!key.commitPending().isEmpty()) {
                failures.add("commit not confirmed by " + key.commitPending());
            }
            acknowledged.add(new Acknowledged(key.keyId(), key.rootPublicKey(), req.servers(), start));
            return (System.nanoTime() - start) / 1e6;
        } catch (RuntimeException e) {
            Throwable t = NodeConnection.unwrap(e);
            failures.add(req.curve().apiName() + " " + req.threshold() + "-of-"
                    + req.servers().size() + ": " + t.getClass().getSimpleName() + ": " + t.getMessage());
            return -1;
        }
    }

    /** A connection to {@code server} with this client's API key (for the audit and abandoned sessions). */
    NodeConnection connection(String server) throws Exception {
        return new NodeConnection(server, ServersConfig.load(home).get(server), apiKeys.get(server));
    }

    @Override
    public void close() {
        workspace.close();
        vault.close();
        apiKeys.values().forEach(k -> Arrays.fill(k, '\0'));
    }
}
