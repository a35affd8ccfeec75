package io.keyshard.testing;

import io.keyshard.Main;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServerInfo;
import io.keyshard.node.NodeConfig;
import io.keyshard.node.NodeInitializer;
import io.keyshard.wire.NodeEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Test-only: one class-data archive for the node processes the integration tests start (over a hundred
 * per run), so each maps the classes it starts with instead of loading and verifying them (measured: 2.0
 * -> 1.35 CPU-s per node start on 2 cores). On when the system property {@value #ARCHIVE} names the file
 * (pom.xml, integration tests only): the first test JVM dumps it from one node's start and first request,
 * under a file lock; every test JVM then points {@code keyshard.profile.nodeClassPath} and
 * {@code keyshard.profile.nodeJvmArgs} at it. The JDK archives classes from jars alone, so the nodes run
 * on the packaged jar (its manifest names the libraries), never on the test classes. Without the archive
 * (no packaged jar, a failed dump) the nodes start as before.
 */
public final class NodeClassArchive implements LauncherSessionListener {
    /** The system property naming the archive file. */
    public static final String ARCHIVE = "keyshard.test.nodeArchive";

    private static final String CLASS_PATH = "keyshard.profile.nodeClassPath";
    private static final String JVM_ARGS = "keyshard.profile.nodeJvmArgs";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String where = System.getProperty(ARCHIVE, "");
        Optional<Path> jar = packagedJar();
        if (where.isBlank() || jar.isEmpty()) {
            return;
        }
        try {
            Path archive = forThisBuild(Path.of(where).toAbsolutePath(), jar.get());
            if (ready(archive, jar.get())) {
                System.setProperty(CLASS_PATH, jar.get().toString());
                String given = System.getProperty(JVM_ARGS, "");
                // the JDK's own warnings (an archive it cannot use) to stderr: the nodes' stdout is read as JSON
                System.setProperty(
                        JVM_ARGS,
                        (given + " -Xlog:disable -Xlog:all=warning:stderr -XX:SharedArchiveFile=" + archive).trim());
            }
        } catch (IOException e) {
            // the nodes start without it: slower, the same results
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code java}, {@code jvmOptions}, the class path as below, and {@code mainClass}: append the arguments. */
    public static List<String> command(List<String> jvmOptions, String mainClass) {
        List<String> cmd = new ArrayList<>(List.of(ClassArchive.java()));
        cmd.addAll(jvmOptions);
        cmd.addAll(classPathFor(mainClass));
        cmd.add(mainClass);
        return cmd;
    }

    /**
     * What goes between a child JVM's options and its main class: for {@code io.keyshard.Main} in a run that
     * has the archive, the archive, {@code -cp} the packaged jar, and the two properties that hand the archive
     * on to the nodes that child starts ({@code nodes up}, {@code keygen}); otherwise {@code -cp} and this JVM's
     * class path.
     */
    private static List<String> classPathFor(String mainClass) {
        String jar = System.getProperty(CLASS_PATH, "");
        if (!mainClass.equals(Main.class.getName()) || jar.isBlank()) {
            return List.of("-cp", System.getProperty("java.class.path"));
        }
        String jvmArgs = System.getProperty(JVM_ARGS, "");
        List<String> out = new ArrayList<>(Arrays.asList(jvmArgs.trim().split("\\s+")));
        out.removeIf(String::isBlank);
        out.addAll(List.of("-D" + CLASS_PATH + "=" + jar, "-D" + JVM_ARGS + "=" + jvmArgs, "-cp", jar));
        return out;
    }

    /** The jar {@code Main} was loaded from (the integration tests' class path has the packaged one). */
    private static Optional<Path> packagedJar() {
        try {
            Path p = Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return p.toString().endsWith(".jar") && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code base} with a name of this JDK, the packaged jar and its libraries (names, sizes, times): an archive
     * of an earlier build is never offered to the JVM, which would refuse it.
     */
    private static Path forThisBuild(Path base, Path jar) throws IOException {
        StringBuilder id = new StringBuilder(System.getProperty("java.home") + System.getProperty("java.vm.version"));
        List<Path> files = new ArrayList<>(List.of(jar));
        Path lib = jar.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                s.sorted().forEach(files::add);
            }
        }
        for (Path f : files) {
            id.append('|')
                    .append(f)
                    .append(' ')
                    .append(Files.size(f))
                    .append(' ')
                    .append(Files.getLastModifiedTime(f).toMillis());
        }
        String name = base.getFileName().toString().replaceFirst("\\.jsa$", "");
        return base.resolveSibling(
                name + "-" + Integer.toHexString(id.toString().hashCode()) + ".jsa");
    }

    /** True once the archive exists, dumped here if no test JVM of this run has yet (older builds' are removed). */
    private static boolean ready(Path archive, Path jar) throws IOException, InterruptedException {
        Files.createDirectories(archive.getParent());
        Path lockFile = archive.resolveSibling("archive.lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return true;
            }
            Path part = archive.resolveSibling(archive.getFileName() + ".part");
            Files.deleteIfExists(part);
            if (!dump(part, jar) || !Files.isRegularFile(part) || Files.size(part) == 0) {
                return false;
            }
            Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> s = Files.list(archive.getParent())) {
                for (Path old : s.filter(p -> p.toString().endsWith(".jsa") && !p.equals(archive))
                        .toList()) {
                    Files.deleteIfExists(old);
                }
            }
            return true;
        }
    }

    /** One node started with the archive dump at exit: it listens, answers a health request, and is stopped. */
    private static boolean dump(Path part, Path jar) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("keyshard-node-archive");
        try {
            Path data = dir.resolve("data");
            NodeEntry entry = NodeInitializer.init(
                            data,
                            new NodeConfig("TRAINING", 1, LoopbackPorts.unused(), "127.0.0.1", "127.0.0.1"),
                            new SecureRandom())
                    .entry();
            List<String> cmd = new ArrayList<>(List.of(ClassArchive.java(), "-XX:ArchiveClassesAtExit=" + part));
            cmd.addAll(LocalCluster.NODE_JVM_OPTIONS);
            cmd.addAll(List.of("-cp", jar.toString(), Main.class.getName(), "node", "run", "--data", data.toString()));
            Process node = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                if (!listening(node)) {
                    return false;
                }
                char[] key = entry.apiKey().toCharArray();
                try {
                    CompletableFuture<?> health = new NodeConnection(
                                    "TRAINING", new ServerInfo(entry.url(), entry.id(), entry.certSha256(), false), key)
                            .health(Duration.ofSeconds(20));
                    health.handle((answer, failure) -> null).get(30, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // the classes of the start are archived all the same
                } finally {
                    Arrays.fill(key, '\0');
                }
                node.destroy(); // SIGTERM: the JVM runs its shutdown and writes the archive
                return node.waitFor(60, TimeUnit.SECONDS);
            } finally {
                node.destroyForcibly();
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Reads the node's stdout until its "listening" line; false if it exits or is still silent after a minute. */
    private static boolean listening(Process node) throws InterruptedException {
        CompletableFuture<Boolean> said = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("\"listening\"")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return said.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
