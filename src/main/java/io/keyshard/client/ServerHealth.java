package io.keyshard.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The one health check of the servers of a home, for every face: the configured servers or, while
 * servers.json lists none, the local cluster's OFFICIAL_1..3 reported as not started (the first key
 * generation starts them). Needs no vault.
 */
public final class ServerHealth {
    /** How long a health check waits for each remote server. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long it waits for a local one: on loopback a node that has not answered by then is hung. */
    public static final Duration LOCAL_TIMEOUT = LocalCluster.HEALTH_TIMEOUT;

    private ServerHealth() {}

    /** Every server's health, checked in parallel; starts nothing. */
    public static List<ServerStatus> check(Path home) throws IOException {
        return checkAll(home);
    }

    /**
     * Like {@link #check(Path)}, but local servers that do not answer are started first, as a key
     * generation would; each one that cannot be started says why on its own row.
     */
    public static List<ServerStatus> checkStartingLocal(Path home, LocalClusterControl cluster) throws IOException {
        List<ServerStatus> first = checkAll(home);
        Set<String> down = new LinkedHashSet<>();
        first.stream().filter(s -> s.local() && !s.ok()).forEach(s -> down.add(s.name()));
        if (down.isEmpty()) {
            return first;
        }
        Map<String, ServerException> failures = cluster.start(down);
        ServersConfig config = ServersConfig.load(home);
        Map<String, CompletableFuture<ServerStatus>> again = new LinkedHashMap<>();
        for (String name : down) {
            ServerInfo info = config.servers().get(name);
            if (!failures.containsKey(name) && info != null) {
                again.put(name, ServerStatus.check(name, info, LOCAL_TIMEOUT));
            }
        }
        List<ServerStatus> out = new ArrayList<>();
        for (ServerStatus s : first) {
            ServerException failure = failures.get(s.name());
            if (failure != null) {
                out.add(s.withError(failure.getMessage()));
            } else {
                out.add(again.containsKey(s.name()) ? again.get(s.name()).join() : s);
            }
        }
        return out;
    }

    private static List<ServerStatus> checkAll(Path home) throws IOException {
        ServersConfig config = ServersConfig.load(home);
        if (!config.servers().isEmpty()) {
            return ServerStatus.checkAll(config, TIMEOUT, LOCAL_TIMEOUT);
        }
        List<ServerStatus> out = new ArrayList<>();
        for (int i = 0; i < LocalCluster.NAMES.size(); i++) {
            out.add(ServerStatus.notStarted(LocalCluster.NAMES.get(i), i + 1));
        }
        return out;
    }
}
