package io.keyshard.client;

import io.keyshard.Home;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.HealthAnswer;
import io.keyshard.wire.NodeEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.List;
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
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private final Path home;
    private final java.util.Map<String, Process> started = new java.util.LinkedHashMap<>();
    private final Thread shutdownHook;

    private LocalCluster(Path home) {
        this.home = home;
        this.shutdownHook = new Thread(this::stopStarted, "local-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Makes sure OFFICIAL_1..3 are initialised, running and in servers.json; starts only the missing ones. */
    public static LocalCluster ensureRunning(Path home) throws IOException, ServerException {
        Path nodes = Home.ensureOwnerOnlyDir(home.resolve("nodes"));
        LocalCluster cluster = new LocalCluster(home);
        try (FileChannel lockFile = FileChannel.open(nodes.resolve("cluster.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            ServersConfig config = ServersConfig.load(home);
            for (String name : NAMES) {
                ServerInfo info = cluster.initialised(name, config);
                if (!answers(name, info)) {
                    info = info.withUrl(cluster.start(name));
                    awaitAnswer(name, info);
                }
                config = config.with(name, info);
            }
            config.save();
        } catch (IOException | ServerException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** True if every cluster server in servers.json answers its health check with the right name and id. */
    public static boolean isRunning(Path home) throws IOException {
        ServersConfig config = ServersConfig.load(home);
        for (String name : NAMES) {
            ServerInfo info = config.servers().get(name);
            if (info == null || !info.local() || !answers(name, info)) {
                return false;
            }
        }
        return true;
    }

    /** The cluster's API key for a local server, from its owner-only folder. */
    public static char[] apiKey(Path home, String name) throws IOException {
        return ServerCredentials.chars(Files.readAllBytes(nodeFolder(home, name).resolve("client.key")));
    }

    private static Path nodeFolder(Path home, String name) {
        return home.resolve("nodes").resolve(name);
    }

    private static boolean answers(String name, ServerInfo info) {
        NodeConnection c = new NodeConnection(name, info, null);
        try {
            HealthAnswer h = c.health(Duration.ofSeconds(10)).join();
            return name.equals(h.name()) && h.id() == info.id();
        } catch (RuntimeException e) {
            return false;
        } finally {
            c.wipe();
        }
    }

    /** Waits until a started node completes a pinned TLS request, so the first real request finds it warm. */
    private static void awaitAnswer(String name, ServerInfo info) throws ServerException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers(name, info)) {
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
        Process p = javaProcess(List.of("node", "init", "--name", name, "--port", Integer.toString(freePort()),
                "--data", data.toString()), folder.resolve("node.log"));
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ServerException(name, 0, null, "could not be created (see " + folder.resolve("node.log") + ")");
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

    /** Starts {@code node run} on a free port and returns its URL once it listens. */
    private String start(String name) throws IOException, ServerException {
        Path folder = nodeFolder(home, name);
        Process p = javaProcess(List.of("node", "run", "--data", folder.resolve("data").toString(), "--port", "0",
                "--exit-with", Long.toString(ProcessHandle.current().pid())), folder.resolve("node.log"));
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
            throw new ServerException(name, 0, null, "local node did not start (see " + folder.resolve("node.log") + ")");
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the node ended; nothing more to read
            }
        }, "local-node-stdout-" + name);
        drain.setDaemon(true);
        drain.start();
        return StrictJson.mapper().readTree(line).path("url").asText();
    }

    private static Process javaProcess(List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(launcher());
        cmd.addAll(args);
        if (!Files.exists(log)) {
            OwnerOnlyFiles.write(log, new byte[0]);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // A node needs no vault or backup password: keep them out of its environment (readable in /proc while it runs).
        pb.environment().keySet().removeIf(k -> k.startsWith("KEYSHARD_") && k.endsWith("PASSWORD"));
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /**
     * How to start this program again: the JVM's own {@code java} with the current class path, or, in
     * a jpackage image (whose runtime has no {@code bin/java}), the app's launcher, which runs the CLI
     * when given arguments.
     */
    private static List<String> launcher() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String appLauncher = System.getProperty("jpackage.app-path");
        if (!Files.isExecutable(java) && appLauncher != null) {
            return List.of(appLauncher);
        }
        // C1 only: the local nodes live as long as the app and see few keygens, so C2's compile work never paid
        // back: on C1 alone a node spends less CPU per keygen over its first hundreds of keygens, and the
        // first keygens after a start finish sooner.
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        // a profiling hook for KeygenProfile (e.g. a JFR recording per node); never set by the app
        String extra = System.getProperty("keyshard.profile.nodeJvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.keyshard.Main"));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Names of the servers this object started (the ones it reused are someone else's). */
    public List<String> startedServers() {
        return List.copyOf(started.keySet());
    }

    /** True when this object started all three nodes and each process is still alive. */
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
    public static void stopAll(java.util.Collection<Process> processes) {
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
