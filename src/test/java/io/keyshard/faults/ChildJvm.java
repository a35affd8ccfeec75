package io.keyshard.faults;

import io.keyshard.testing.NodeClassArchive;
import io.keyshard.testing.QuickJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Test-only: a child JVM running one main class of this project, its stdout read line by line (a
 * line cut by a kill is never seen), stderr appended to a log file. {@link #kill()} is SIGKILL.
 */
final class ChildJvm {
    final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            synchronized (all) {
                                all.add(line);
                            }
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        // killed mid-line: the complete lines are kept
                    }
                },
                "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass args...} with a small, quickly started JVM; stderr goes to {@code log}. */
    static ChildJvm start(Class<?> mainClass, Path log, String... args) throws IOException {
        return start(mainClass.getName(), log, args);
    }

    static ChildJvm start(String mainClass, Path log, String... args) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        options.addAll(QuickJvm.OPTIONS);
        List<String> cmd = NodeClassArchive.command(options, mainClass);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildJvm(p);
    }

    /** Waits for the first line {@code wanted} accepts (lines before it are consumed); null on timeout or exit. */
    String await(Predicate<String> wanted, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                reader.join(1000);
                if (lines.isEmpty()) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Writes one line to the child's stdin. */
    void tell(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** SIGKILL (kill -9), then waits until the process and its stdout are gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(5000);
    }

    /** Sends a POSIX signal (STOP, CONT, ...) with the system's kill command. */
    void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (k.waitFor() != 0) {
            throw new IOException("kill -" + name + " failed");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Every complete line printed so far. */
    List<String> lines() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }
}
