package io.keyshard.client;

import io.keyshard.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a {@code keyshard node} command as a child process of this program, and reads why one failed. */
final class NodeProcess {
    private NodeProcess() {}

    /** The node's last {@code error:} line written since {@code from}, as ": words", or "" when there is none. */
    static String lastError(Path log, long from, Process p) {
        try {
            p.waitFor(5, TimeUnit.SECONDS);
            byte[] all = Files.readAllBytes(log);
            String written = new String(
                    all,
                    (int) Math.min(from, all.length),
                    (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
            String found = "";
            for (String l : written.split("\\R")) {
                if (l.startsWith("error: ")) {
                    found = ": " + l.substring("error: ".length()).trim();
                }
            }
            return found;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static Process start(List<String> args, Path log) throws IOException {
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

    /** The local nodes' JVM options (why C1 only: {@link #launcher()}). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

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
        // C1 only: the local nodes live as long as the app, so C2's compile work never paid back. Over a node's
        // life from start to ready through its keygens, a pairwise setup, 300 ECDSA and 3,000 FROST signings, C2
        // nodes (with sooner or later C2 compiles too) spent more CPU than C1 at every step, and started slower;
        // sooner C1 compiles cost start-up CPU and saved nothing measurable (docs/benchmarks.md, "Node JIT
        // settings measured by CPU over a node's life"). C2 for the hot cryptography alone (compiler directives)
        // saves CPU per ECDSA signing once settled but costs more to start and through the first pairwise setup
        // (same file, "C2 for the cryptography only"). node/NodeTls reads this flag to order its TLS suites.
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(JVM_OPTIONS);
        // a profiling hook for KeygenProfile and SignProfile (e.g. a JFR recording per node, with
        // -Xlog:jfr+startup=error so that its start-up line does not reach the CLI's JSON); never set by the app
        String extra = System.getProperty("keyshard.profile.nodeJvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        // the test runs' hook: a class path of jars alone, which lets the nodes map a class-data archive given above
        String classPath = System.getProperty("keyshard.profile.nodeClassPath", "");
        command.addAll(List.of(
                "-cp", classPath.isBlank() ? System.getProperty("java.class.path") : classPath, "io.keyshard.Main"));
        return command;
    }
}
