package io.keyshard.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time from launching the real jar ({@code java -cp target/keyshard.jar ...}) in a child process
 * until its first window is shown ({@link FirstWindowProbe}): JVM start, class loading, JavaFX
 * start-up, building the main window. On a private Xvfb display (GTK, software rendering) when
 * Xvfb is installed, else under Monocle's headless platform. The first launch (cold caches,
 * JavaFX unpacking its native libraries) is a warm-up and not counted.
 */
final class StartupBench {
    private StartupBench() {}

    /** The median first-window time in ms over {@code launches} counted launches, and how it was displayed. */
    record Result(double firstWindowMs, String platform) {}

    static Result measure(Path jar, Path home, int launches) throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        Process display = null;
        String displayName = null;
        if (Files.isExecutable(xvfb)) {
            displayName = freeDisplay();
            display = new ProcessBuilder(
                            xvfb.toString(), displayName, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            waitForSocket(displayName, display);
        }
        try {
            double[] ms = new double[launches];
            for (int i = -1; i < launches; i++) {
                double t = launch(jar, home, displayName);
                if (i >= 0) {
                    ms[i] = t;
                }
            }
            return new Result(
                    Samples.round2(Samples.percentile(ms, 50)),
                    displayName != null ? "Xvfb " + displayName + " (GTK, prism sw)" : "Monocle headless (prism sw)");
        } finally {
            if (display != null) {
                display.destroy();
                display.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static double launch(Path jar, Path home, String displayName) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dprism.order=sw"));
        String probeClasses = Path.of(FirstWindowProbe.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        String classPath = jar + File.pathSeparator + probeClasses;
        if (displayName == null) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.text=t2k"));
            classPath += File.pathSeparator + monocleJar();
        }
        cmd.addAll(List.of("-cp", classPath, FirstWindowProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("KEYSHARD_HOME", home.toString());
        if (displayName != null) {
            pb.environment().put("DISPLAY", displayName);
        }
        long start = System.nanoTime();
        Process app = pb.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(FirstWindowProbe.SHOWN)) {
                    double ms = Samples.msSince(start);
                    if (!app.waitFor(20, TimeUnit.SECONDS)) {
                        app.destroyForcibly();
                    }
                    return ms;
                }
            }
            throw new IllegalStateException("the app ended without showing a window (exit " + app.waitFor() + ")");
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly();
            }
        }
    }

    private static String monocleJar() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("openjfx-monocle")) {
                return entry;
            }
        }
        throw new IllegalStateException("neither Xvfb nor the Monocle jar is available to show a window");
    }

    private static String freeDisplay() {
        for (int n = 91; n < 200; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return ":" + n;
            }
        }
        throw new IllegalStateException("no free X display number between :91 and :199");
    }

    private static void waitForSocket(String displayName, Process display) throws IOException, InterruptedException {
        Path socket = Path.of("/tmp/.X11-unix/X" + displayName.substring(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!display.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("Xvfb " + displayName + " did not start");
            }
            Thread.sleep(50);
        }
    }
}
