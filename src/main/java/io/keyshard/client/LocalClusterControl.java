package io.keyshard.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A handle on the embedded local cluster: starts it (only the nodes not answering) and stops the
 * nodes it started. The app keeps one for its whole run, so locking the vault leaves the nodes up; a
 * {@link Workspace} opened without one makes its own and stops its nodes when closed.
 */
public final class LocalClusterControl implements AutoCloseable {
    /** What the Servers screen shows for the cluster. */
    public enum State {
        STOPPED,
        STARTING,
        RUNNING
    }

    private final Path home;
    private final List<LocalCluster> started = new ArrayList<>();
    private volatile boolean starting;

    public LocalClusterControl(Path home) {
        this.home = home;
    }

    /**
     * Starts the cluster servers that do not answer, each on its own (blocking: call off the FX thread).
     * One that cannot start (e.g. its store still held by a frozen node) does not keep the others down.
     */
    public void start() throws IOException {
        start(LocalCluster.NAMES);
    }

    /**
     * Starts those of {@code names} that are cluster servers and do not answer; returns the ones that
     * could not start, each with why (empty when all run).
     */
    public synchronized Map<String, ServerException> start(Collection<String> names) throws IOException {
        // nodes this handle started and that still run answer for themselves: no health check per key generation
        List<String> needed = names.stream()
                .filter(n -> LocalCluster.NAMES.contains(n) && process(n) == null)
                .toList();
        if (needed.isEmpty()) {
            return Map.of();
        }
        starting = true;
        try {
            LocalCluster cluster = LocalCluster.startServers(home, needed);
            started.add(cluster);
            return cluster.failures();
        } finally {
            starting = false;
        }
    }

    /** Stops the nodes this handle started; nodes started elsewhere (e.g. {@code keyshard nodes up}) keep running. */
    public synchronized void stop() {
        started.forEach(LocalCluster::close);
        started.clear();
    }

    /** True if the app started at least one node that is still running, so Stop has something to do. */
    public synchronized boolean ownsNodes() {
        return started.stream()
                .flatMap(c -> c.startedServers().stream().map(c::process))
                .anyMatch(p -> p != null && p.isAlive());
    }

    /** The process of a node this app started, or null (tests stop one to see the failure named). */
    public synchronized Process process(String name) {
        for (LocalCluster c : started) {
            Process p = c.process(name);
            if (p != null && p.isAlive()) {
                return p;
            }
        }
        return null;
    }

    /** The state now (blocking health checks: call off the FX thread). */
    public State state() throws IOException {
        if (starting) {
            return State.STARTING;
        }
        return LocalCluster.isRunning(home) ? State.RUNNING : State.STOPPED;
    }

    @Override
    public void close() {
        stop();
    }
}
