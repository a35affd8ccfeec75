package io.keyshard.client;

import io.keyshard.Home;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.json.StrictJson;
import io.keyshard.node.PeerEntries;
import io.keyshard.wire.NodeEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The embedded local cluster (docs/architecture.md, Servers): OFFICIAL_1..3 as three node processes on
 * 127.0.0.1, each with its folder under {@code <home>/nodes/} (node data, the cluster's own API key
 * in {@code client.key}, owner-only). Nodes already answering (e.g. {@code keyshard nodes up} in
 * another terminal) are reused; the ones this object started stop when it is closed or the JVM exits.
 */
public final class LocalCluster implements AutoCloseable {
    /** The cluster's server names, ids 1..3. */
    public static final List<String> NAMES = List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3");

    /** The options the local nodes' JVMs run with (heap, collector, compiler), before the class path. */
    public static final List<String> NODE_JVM_OPTIONS = NodeProcess.JVM_OPTIONS;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** A node on loopback answers its health check in milliseconds; one that takes longer is hung or overloaded. */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    private final Path home;
    private final Map<String, Process> started = new LinkedHashMap<>();
    private final Map<String, ServerException> failures = new LinkedHashMap<>();
    private final Thread shutdownHook;

    private LocalCluster(Path home) {
        this.home = home;
        this.shutdownHook = new Thread(this::stopStarted, "local-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Makes sure OFFICIAL_1..3 are initialised, running and in servers.json; the first server that cannot start fails it. */
    public static LocalCluster ensureRunning(Path home) throws IOException, ServerException {
        LocalCluster cluster = startServers(home, NAMES);
        if (!cluster.failures.isEmpty()) {
            cluster.close();
            throw cluster.failures.values().iterator().next();
        }
        return cluster;
    }

    /**
     * Makes sure the named cluster servers are initialised, running and in servers.json: checks them in
     * parallel and starts only the ones not answering. A server that cannot start is listed in
     * {@link #failures()} with the node's own words; the others are started all the same.
     */
    public static LocalCluster startServers(Path home, Collection<String> names) throws IOException {
        Path nodes = Home.ensureOwnerOnlyDir(home.resolve("nodes"));
        LocalCluster cluster = new LocalCluster(home);
        try (FileChannel lockFile = FileChannel.open(
                        nodes.resolve("cluster.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            ServersConfig config = ServersConfig.load(home);
            Map<String, ServerInfo> infos = new LinkedHashMap<>();
            for (String name : NAMES) {
                if (names.contains(name)) {
                    try {
                        infos.put(name, cluster.initialised(name, config));
                    } catch (ServerException e) {
                        cluster.failures.put(name, e);
                    }
                }
            }
            // The cluster's nodes pin each other (their folders are each other's authority): at creation, and at
            // every start, so folders made before nodes had rosters, or restored from a backup, pin the current keys.
            PeerEntries.pinEachOther(
                    NAMES.stream().map(n -> dataFolder(home, n)).toList());
            Map<String, ServerInfo> started = new LinkedHashMap<>();
            Map<String, CompletableFuture<Boolean>> checks = new LinkedHashMap<>();
            infos.forEach((name, info) -> checks.put(name, answersAsync(name, info, HEALTH_TIMEOUT)));
            for (Map.Entry<String, ServerInfo> e : infos.entrySet()) {
                String name = e.getKey();
                ServerInfo info = e.getValue();
                if (!checks.get(name).join()) {
                    try {
                        info = info.withUrl(cluster.start(name));
                        awaitAnswer(name, info);
                    } catch (ServerException failure) {
                        cluster.failures.put(name, failure);
                        continue;
                    }
                }
                started.put(name, info);
            }
            // Written as a change of the file as it is now: a 'servers add' run meanwhile is kept.
            ServersConfig.update(home, current -> {
                ServersConfig next = current;
                for (Map.Entry<String, ServerInfo> e : started.entrySet()) {
                    next = next.with(e.getKey(), e.getValue());
                }
                return next;
            });
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The servers asked for that could not be started, each with why; empty when all run. */
    public Map<String, ServerException> failures() {
        return Map.copyOf(failures);
    }

    /** True if every cluster server in servers.json answers its health check with the right name and id. */
    public static boolean isRunning(Path home) throws IOException {
        ServersConfig config = ServersConfig.load(home);
        List<CompletableFuture<Boolean>> checks = new ArrayList<>();
        for (String name : NAMES) {
            ServerInfo info = config.servers().get(name);
            if (info == null || !info.local()) {
                return false;
            }
            checks.add(answersAsync(name, info, HEALTH_TIMEOUT));
        }
        return checks.stream().allMatch(CompletableFuture::join);
    }

    /** The cluster's API key for a local server, from its owner-only folder. */
    public static char[] apiKey(Path home, String name) throws IOException {
        return ServerCredentials.chars(Files.readAllBytes(nodeFolder(home, name).resolve("client.key")));
    }

    /** The data folder of local server {@code name} (it may not exist yet). */
    static Path dataFolder(Path home, String name) {
        return nodeFolder(home, name).resolve("data");
    }

    private static Path nodeFolder(Path home, String name) {
        return home.resolve("nodes").resolve(name);
    }

    private static CompletableFuture<Boolean> answersAsync(String name, ServerInfo info, Duration timeout) {
        NodeConnection c = new NodeConnection(name, info, null);
        return c.health(timeout).handle((h, err) -> {
            c.wipe();
            return err == null && name.equals(h.name()) && h.id() == info.id();
        });
    }

    /** Waits until a started node completes a pinned TLS request, so the first real request finds it warm. */
    private static void awaitAnswer(String name, ServerInfo info) throws ServerException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answersAsync(name, info, HEALTH_TIMEOUT).join()) {
            if (System.nanoTime() > deadline) {
                throw new ServerException(name, 0, null, "local node started but does not answer at " + info.url());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerException(name, 0, null, "interrupted while waiting for the local node");
            }
        }
    }

    /** The server's public entry; runs {@code node init} first if its folder does not exist yet. */
    private ServerInfo initialised(String name, ServersConfig config) throws IOException, ServerException {
        Path folder = nodeFolder(home, name);
        Path entryFile = folder.resolve("entry.json");
        if (Files.exists(entryFile)) {
            ServerInfo saved = StrictJson.mapper().readValue(Files.readAllBytes(entryFile), ServerInfo.class);
            ServerInfo current = config.servers().get(name);
            return current != null && current.certSha256().equals(saved.certSha256()) ? current : saved;
        }
        Home.ensureOwnerOnlyDir(folder);
        Path data = folder.resolve("data");
        setAsideUnfinished(name, data, config);
        Process p = NodeProcess.start(
                List.of(
                        "node",
                        "init",
                        "--name",
                        name,
                        "--port",
                        Integer.toString(freePort()),
                        "--data",
                        data.toString()),
                folder.resolve("node.log"));
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ServerException(
                        name, 0, null, "could not be created (see " + folder.resolve("node.log") + ")");
            }
            NodeEntry entry = StrictJson.mapper().readValue(out, NodeEntry.class);
            OwnerOnlyFiles.write(folder.resolve("client.key"), entry.apiKey().getBytes(StandardCharsets.US_ASCII));
            ServerInfo info = new ServerInfo(entry.url(), entry.id(), entry.certSha256(), true);
            OwnerOnlyFiles.write(entryFile, StrictJson.pretty().writeValueAsBytes(info));
            return info;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the local cluster");
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    /**
     * A data folder without entry.json is a creation that was stopped (the client killed after {@code node
     * init} made the folder and before it kept the entry): no client ever held its API key, so it holds no
     * share. It is moved aside, never deleted, and the server is created again. A server that the servers
     * list already knows is never moved: its entry file was lost some other way, and that is reported.
     */
    private static void setAsideUnfinished(String name, Path data, ServersConfig config)
            throws IOException, ServerException {
        if (!Files.exists(data)) {
            return;
        }
        if (config.servers().containsKey(name)) {
            throw new ServerException(
                    name,
                    0,
                    null,
                    "its entry.json is missing next to " + data
                            + "; restore it from a backup of the home folder (the server's data is kept as it is)");
        }
        Path aside = data.resolveSibling("data.unfinished-" + System.currentTimeMillis());
        Files.move(data, aside);
    }

    /** Starts {@code node run} on a free port and returns its URL once it listens. */
    private String start(String name) throws IOException, ServerException {
        Path folder = nodeFolder(home, name);
        Path log = folder.resolve("node.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process p = NodeProcess.start(
                List.of(
                        "node",
                        "run",
                        "--data",
                        folder.resolve("data").toString(),
                        "--port",
                        "0",
                        "--exit-with",
                        Long.toString(ProcessHandle.current().pid())),
                folder.resolve("node.log"));
        started.put(name, p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null) {
            p.destroyForcibly();
            started.remove(name);
            throw new ServerException(
                    name,
                    0,
                    null,
                    "local node did not start" + NodeProcess.lastError(log, logStart, p) + " (see " + log + ")");
        }
        Thread drain = new Thread(
                () -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the node ended; nothing more to read
                    }
                },
                "local-node-stdout-" + name);
        drain.setDaemon(true);
        drain.start();
        return StrictJson.mapper().readTree(line).path("url").asText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Names of the servers this object started (the ones it reused are someone else's). */
    public List<String> startedServers() {
        return List.copyOf(started.keySet());
    }

    /** Whether this object started all three servers and every one is still alive (a shared test cluster reuses it then). */
    public synchronized boolean ownsAllAlive() {
        return started.keySet().containsAll(NAMES) && started.values().stream().allMatch(Process::isAlive);
    }

    /** The process running {@code name}, if this object started it (tests stop one to see a failure named). */
    public Process process(String name) {
        return started.get(name);
    }

    private synchronized void stopStarted() {
        stopAll(started.values());
        started.clear();
    }

    /** Asks node processes to stop (SIGTERM: each closes its store), killing any still running after 10 s. */
    public static void stopAll(Collection<Process> processes) {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the nodes this object started. */
    @Override
    public void close() {
        stopStarted();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook runs stopStarted itself
        }
    }
}
