package io.keyshard.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one health check of the servers of a home, for every face: the configured servers or, while
 * servers.json lists none, the local cluster's OFFICIAL_1..3 reported as not started (the first key
 * generation starts them). Needs no vault.
 */
public final class ServerHealth {
    /** How long a health check waits for each server. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ServerHealth() {
    }

    /** Every server's health, checked in parallel; starts nothing. */
    public static List<ServerStatus> check(Path home) throws IOException {
        return checkAll(home);
    }

    /**
     * Like {@link #check(Path)}, but local servers that do not answer are started first, as a key
     * generation would; if they cannot be, each says why.
     */
    public static List<ServerStatus> checkStartingLocal(Path home, LocalClusterControl cluster) throws IOException {
        ServerException startFailure = null;
        if (checkAll(home).stream().anyMatch(s -> s.local() && !s.ok())) {
            try {
                cluster.start();
            } catch (ServerException e) {
                startFailure = e;
            }
        }
        return withStartFailure(checkAll(home), startFailure);
    }

    /**
     * Puts a start failure on the one local server it names; the others keep what their own check
     * found, so a server that answers is never reported as "did not start" because another one failed.
     */
    static List<ServerStatus> withStartFailure(List<ServerStatus> checked, ServerException failure) {
        List<ServerStatus> out = new ArrayList<>();
        for (ServerStatus s : checked) {
            boolean named = failure != null && s.local() && !s.ok() && s.name().equals(failure.server());
            out.add(named ? s.withError(failure.getMessage()) : s);
        }
        return out;
    }

    private static List<ServerStatus> checkAll(Path home) throws IOException {
        ServersConfig config = ServersConfig.load(home);
        if (!config.servers().isEmpty()) {
            return ServerStatus.checkAll(config, TIMEOUT);
        }
        List<ServerStatus> out = new ArrayList<>();
        for (int i = 0; i < LocalCluster.NAMES.size(); i++) {
            out.add(ServerStatus.notStarted(LocalCluster.NAMES.get(i), i + 1));
        }
        return out;
    }
}
