package io.keyshard.faults;

import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServerException;
import io.keyshard.client.ServerInfo;
import io.keyshard.client.TestServers;
import io.keyshard.node.NodeConfig;
import io.keyshard.node.NodeInitializer;
import io.keyshard.node.PeerEntries;
import io.keyshard.vault.Vault;
import io.keyshard.wire.NodeEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: three real node servers (ALPHA 11, BRAVO 12, CHARLIE 13), each a separate
 * {@code keyshard node run} process on a fixed loopback port, so a test can kill -9 one, stop it
 * with SIGSTOP, and restart it where the client expects it. Registered with a client home the
 * way {@code servers add} does it: public entry in servers.json, API key sealed in the vault.
 */
final class NodeProcesses implements AutoCloseable {
    static final List<String> NAMES = List.of("ALPHA", "BRAVO", "CHARLIE");
    private static final long START_MILLIS = 60_000;
    private static final int FIRST_PORT = 20_000;
    /** Ports of one test JVM: a slice of its own per failsafe fork, three slices below 32768. */
    private static final int SLICE = 4_000;
    /** The next port of this JVM's slice, from a random start so that runs after each other use other ports. */
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(new SecureRandom().nextInt(SLICE));

    private static NodeProcesses shared;
    private final Path dir;
    private final Map<String, NodeEntry> entries = new LinkedHashMap<>();
    private final Map<String, ChildJvm> running = new LinkedHashMap<>();
    private final Map<String, NodeConnection> probes = new LinkedHashMap<>();
    private final List<String> runOptions;

    /** Initialises every node's data folder under {@code dir/<name>/data} (and starts none). */
    NodeProcesses(Path dir) throws IOException {
        this(dir, List.of());
    }

    /** As above; each {@code node run} also gets {@code runOptions} (e.g. a short {@code --nonce-ttl}). */
    NodeProcesses(Path dir, List<String> runOptions) throws IOException {
        this.dir = dir;
        this.runOptions = List.copyOf(runOptions);
        int id = 11;
        for (String name : NAMES) {
            Files.createDirectories(dir.resolve(name));
            NodeConfig config = new NodeConfig(name, id++, freePort(), "127.0.0.1", "127.0.0.1");
            NodeEntry entry =
                    NodeInitializer.init(data(name), config, new SecureRandom()).entry();
            entries.put(name, entry);
            char[] key = entry.apiKey().toCharArray();
            probes.put(name, new NodeConnection(name, info(name), key));
            Arrays.fill(key, '\0');
        }
        PeerEntries.pinEachOther(NAMES.stream().map(this::data).toList());
    }

    /**
     * One set of the three nodes per test JVM for the fault tests, started on first use and killed
     * when the JVM exits. Each test class registers its own client home (its own vault); each test
     * that kills, freezes or stops a node brings it back ({@link #heal()} before every test makes sure).
     */
    static synchronized NodeProcesses shared() throws IOException, InterruptedException {
        if (shared == null) {
            NodeProcesses nodes = new NodeProcesses(Files.createTempDirectory("keyshard-fault-nodes"));
            Runtime.getRuntime().addShutdownHook(new Thread(nodes::close, "fault-nodes-stop"));
            shared = nodes;
        }
        shared.heal();
        return shared;
    }

    /** Every node running and answering: a frozen one thawed, a dead one started again. */
    void heal() throws IOException, InterruptedException {
        for (ChildJvm node : running.values()) {
            if (node.alive()) {
                node.signal("CONT");
            }
        }
        startAll();
    }

    Path data(String name) {
        return dir.resolve(name).resolve("data");
    }

    ServerInfo info(String name) {
        NodeEntry e = entries.get(name);
        return new ServerInfo(e.url(), e.id(), e.certSha256(), false);
    }

    /** A new connection to {@code name} with the first client's API key (a fresh one after a restart: no stale socket). */
    NodeConnection connect(String name) {
        char[] key = entries.get(name).apiKey().toCharArray();
        try {
            return new NodeConnection(name, info(name), key);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    /** Starts every node that is not running, side by side. */
    void startAll() throws IOException, InterruptedException {
        Map<String, ChildJvm> launched = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (!running.containsKey(name) || !running.get(name).alive()) {
                launched.put(name, launch(name));
            }
        }
        for (Map.Entry<String, ChildJvm> e : launched.entrySet()) {
            awaitListening(e.getKey(), e.getValue());
        }
    }

    /** Starts {@code name} on its port and returns once it listens. */
    void start(String name) throws IOException, InterruptedException {
        awaitListening(name, launch(name));
    }

    private ChildJvm launch(String name) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "node",
                "run",
                "--data",
                data(name).toString(),
                "--exit-with",
                Long.toString(ProcessHandle.current().pid()))); // no orphans
        args.addAll(runOptions);
        return ChildJvm.start("io.keyshard.Main", dir.resolve(name + ".log"), args.toArray(String[]::new));
    }

    /** Waits for the node's "listening" line; relaunches while its port is still held (just after a kill). */
    private void awaitListening(String name, ChildJvm node) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + START_MILLIS;
        int launches = 1;
        while (node.await(l -> l.contains("\"listening\""), START_MILLIS) == null) {
            String last = node.alive() ? "still running without listening" : "exited " + node.process.exitValue();
            node.kill();
            if (System.currentTimeMillis() > end) {
                Path log = dir.resolve(name + ".log");
                throw new IOException("node " + name + " did not start at "
                        + entries.get(name).url() + " after " + launches + " launches (the last " + last
                        + "); the end of " + log + ":\n" + tail(log));
            }
            Thread.sleep(300);
            node = launch(name);
            launches++;
        }
        running.put(name, node);
    }

    /** The last lines of a node's log, so a start that failed says why even after its folder is gone. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** kill -9 of the node's process. */
    void kill(String name) throws InterruptedException {
        ChildJvm node = running.remove(name);
        if (node != null) {
            node.kill();
        }
    }

    /** A clean stop (SIGTERM: the node's shutdown hook closes its store), waited for. */
    void stop(String name) throws IOException, InterruptedException {
        ChildJvm node = running.remove(name);
        if (node != null) {
            node.signal("TERM");
            node.process.waitFor();
        }
    }

    /** Sends a signal (STOP freezes the server: connections are accepted by the kernel, nothing answers). */
    void signal(String name, String signal) throws IOException, InterruptedException {
        running.get(name).signal(signal);
    }

    void restart(String name) throws IOException, InterruptedException {
        kill(name);
        start(name);
    }

    /** Writes the nodes' entries into servers.json of {@code home} and their API keys into the vault. */
    void register(Path home, Vault vault) throws IOException {
        for (String name : NAMES) {
            TestServers.register(
                    home, vault, name, info(name), entries.get(name).apiKey());
        }
    }

    /** The node's state for a key: PENDING, READY, ABORTED, EXPIRED, IN_PROGRESS, or UNKNOWN (404). */
    String status(String name, UUID keyId) throws ServerException {
        try {
            return probes.get(name)
                    .keyStatus(keyId, Duration.ofSeconds(20))
                    .join()
                    .status()
                    .name();
        } catch (RuntimeException e) {
            Throwable t = NodeConnection.unwrap(e);
            if (t instanceof ServerException se) {
                if (se.status() == 404) {
                    return "UNKNOWN";
                }
                throw se;
            }
            throw e;
        }
    }

    /**
     * A free loopback port below the kernels' ephemeral ranges (Linux 32768-60999, others 49152 and up). A node
     * keeps its port across kills and restarts, and while it is down a port from the ephemeral range can be
     * handed to any other socket on the machine (an outgoing connection, a listener on port 0 of another test
     * JVM), which then keeps the node from starting again. For the same reason no two node sets may draw the
     * same port: the ports go in turn through a slice of the range that is this JVM's alone (the failsafe fork
     * number, {@code keyshard.test.fork}, picks it), so neither another set of this JVM nor the other fork's
     * nodes can take a port over while its node restarts.
     */
    private static int freePort() throws IOException {
        int fork = Integer.getInteger("keyshard.test.fork", 1);
        int first = FIRST_PORT + Math.floorMod(fork - 1, 3) * SLICE;
        for (int attempt = 0; attempt < SLICE; attempt++) {
            int port = first + Math.floorMod(NEXT_PORT.getAndIncrement(), SLICE);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // in use (a node of an earlier run still stopping, say): take the next
            }
        }
        throw new IOException("no free loopback port between " + first + " and " + (first + SLICE));
    }

    @Override
    public void close() {
        for (String name : List.copyOf(running.keySet())) {
            try {
                kill(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        probes.values().forEach(NodeConnection::wipe);
    }
}
