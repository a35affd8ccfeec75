package io.keyshard.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One server's health as {@code servers list|check} and the Servers screen show it (docs/cli.md,
 * JSON shapes): reachable over its pinned TLS, the expected name and id, and how long it took.
 *
 * @param url       null for a local server not created yet
 * @param latencyMs null when it did not answer
 * @param error     null when ok, else why not (names no secret)
 */
public record ServerStatus(
        String name, String url, int id, String certSha256, boolean local, boolean ok, Long latencyMs, String error) {
    /** Why a local server that was never started does not answer yet. */
    public static final String NOT_STARTED = "not started yet: the local cluster starts on the first key generation";

    /** The error of a local server whose address refuses connections: not running, which is no fault. */
    public static final String STOPPED = "stopped";

    /** A server of the local cluster that has no node folder and no servers.json entry yet. */
    public static ServerStatus notStarted(String name, int id) {
        return new ServerStatus(name, null, id, null, true, false, null, NOT_STARTED);
    }

    /** True for a local server that was never started (no URL or certificate yet); not a failure. */
    public boolean notStarted() {
        return local && url == null;
    }

    /** True for a local server that is not running (nothing listens at its address); not a failure. */
    public boolean stopped() {
        return local && !ok && STOPPED.equals(error);
    }

    /** True when the server answers, or is a local one that is not running or never was: nothing is wrong. */
    public boolean fine() {
        return ok || notStarted() || stopped();
    }

    /** The same server, not answering, for {@code reason}. */
    ServerStatus withError(String reason) {
        return new ServerStatus(name, url, id, certSha256, local, false, null, reason);
    }

    /** Checks every server of {@code config} in parallel, each with its own timeout (local ones on loopback answer fast). */
    public static List<ServerStatus> checkAll(ServersConfig config, Duration remoteTimeout, Duration localTimeout) {
        List<CompletableFuture<ServerStatus>> checks = new ArrayList<>();
        for (Map.Entry<String, ServerInfo> e : config.servers().entrySet()) {
            checks.add(check(e.getKey(), e.getValue(), e.getValue().local() ? localTimeout : remoteTimeout));
        }
        return checks.stream().map(CompletableFuture::join).toList();
    }

    /** Checks one server: health over the pinned connection, and the name and id it reports. */
    public static CompletableFuture<ServerStatus> check(String name, ServerInfo info, Duration timeout) {
        long start = System.nanoTime();
        NodeConnection c = new NodeConnection(name, info, null);
        return c.health(timeout).handle((health, err) -> {
            long ms = (System.nanoTime() - start) / 1_000_000;
            c.wipe();
            if (err != null) {
                Throwable t = NodeConnection.unwrap(err);
                if (info.local() && t instanceof ServerException se && se.connectionRefused()) {
                    return new ServerStatus(name, info.url(), info.id(), info.certSha256(), true, false, null, STOPPED);
                }
                String reason = t instanceof ServerException se ? se.getMessage() : "server " + name + ": check failed";
                return new ServerStatus(
                        name, info.url(), info.id(), info.certSha256(), info.local(), false, null, reason);
            }
            String problem = null;
            if (!name.equals(health.name())) {
                problem = "server " + name + ": answers as '" + health.name() + "'";
            } else if (health.id() != info.id()) {
                problem = "server " + name + ": reports id " + health.id() + ", servers.json says " + info.id();
            }
            return new ServerStatus(
                    name, info.url(), info.id(), info.certSha256(), info.local(), problem == null, ms, problem);
        });
    }
}
