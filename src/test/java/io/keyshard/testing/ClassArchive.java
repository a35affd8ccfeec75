package io.keyshard.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Test-only: an application class-data-sharing archive for child JVMs that a test starts hundreds of
 * times (each start loads and links the same classes; with the archive it maps them, about a third
 * quicker). The JDK archives classes from jars only, so the test class path is rewritten with each
 * class folder packed into a jar; the archive is dumped by one training run of the child.
 */
public final class ClassArchive {
    private final String classPath;
    private final Path archive;

    private ClassArchive(String classPath, Path archive) {
        this.classPath = classPath;
        this.archive = archive;
    }

    /**
     * Dumps an archive from {@code training} (main class and arguments, which must exit normally);
     * if the JDK cannot make one, the children run as before on the plain class path.
     */
    public static ClassArchive train(Path dir, List<String> jvmOptions, List<String> training)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String classPath = jarsOnly(dir);
        Files.writeString(dir.resolve("class-path.txt"), System.getProperty("java.class.path") + "\n" + classPath);
        Path archive = dir.resolve("app.jsa");
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath));
        cmd.addAll(training);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.log").toFile())
                .start();
        boolean ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(archive) > 0;
        if (!ok) {
            p.destroyForcibly();
            return new ClassArchive(System.getProperty("java.class.path"), null);
        }
        return new ClassArchive(classPath, archive);
    }

    /** {@code java}, the given options, the archive (if one was made) and {@code -cp}: append the main class. */
    public List<String> command(List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        if (archive != null) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath));
        return cmd;
    }

    /** This JVM's own {@code java} launcher, for the child JVMs the tests start. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path (a manifest-only jar is opened up) with every folder packed into a jar in {@code dir}. */
    private static String jarsOnly(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (Path entry : entries()) {
            if (Files.isDirectory(entry)) {
                Path jar = dir.resolve("folder-" + n++ + ".jar");
                pack(entry, jar);
                out.add(jar.toString());
            } else if (Files.exists(entry)) {
                out.add(entry.toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static List<Path> entries() throws IOException {
        List<Path> out = new ArrayList<>();
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        String manifestPath = classPath.length == 1 ? manifestClassPath(Path.of(classPath[0])) : null;
        if (manifestPath == null) {
            for (String e : classPath) {
                out.add(Path.of(e));
            }
        } else {
            URI base = Path.of(classPath[0]).toAbsolutePath().getParent().toUri();
            for (String url : manifestPath.trim().split("\\s+")) {
                out.add(Path.of(base.resolve(URI.create(url))));
            }
        }
        return out;
    }

    /** The Class-Path of a jar's manifest (surefire can start a test JVM with a manifest-only jar), else null. */
    private static String manifestClassPath(Path p) throws IOException {
        if (!p.toString().endsWith(".jar") || !Files.isRegularFile(p)) {
            return null;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            var manifest = jar.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
