package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.ServersConfig;
import io.keyshard.testing.QuickJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes change the same config file at once, as {@code node add-client} does while another
 * {@code add-client} (or {@code revoke-client}) runs: every change must survive.
 */
class ConcurrentConfigWritesIT {
    private static final int PER_PROCESS = 40;

    @TempDir
    Path dir;

    @Test
    void twoProcessesAddingClientsAtOnceLoseNoClient() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        NodeFiles files = new NodeFiles(data);
        ClientRegistry.create(files);

        Set<String> added = runTwo("clients", data);

        Set<String> listed = new TreeSet<>();
        new ClientRegistry(files).list().forEach(c -> listed.add(c.id()));
        assertEquals(2 * PER_PROCESS, added.size());
        assertEquals(added, listed);
    }

    @Test
    void twoProcessesAddingServersAtOnceLoseNoServer() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));

        Set<String> added = runTwo("servers", home);

        assertEquals(2 * PER_PROCESS, added.size());
        assertEquals(added, new TreeSet<>(ServersConfig.load(home).servers().keySet()));
    }

    /** Starts two writers, lets them go at the same moment, and returns every name they report added. */
    private Set<String> runTwo(String mode, Path target) throws IOException, InterruptedException {
        Path go = dir.resolve("go");
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        for (String tag : List.of("A", "B")) {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(QuickJvm.OPTIONS);
            cmd.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    ConfigWriterChild.class.getName(),
                    mode,
                    go.toString(),
                    target.toString(),
                    Integer.toString(PER_PROCESS),
                    tag));
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            children.add(p);
            outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        try {
            for (BufferedReader out : outs) {
                assertEquals("ready", out.readLine());
            }
            Files.createFile(go);
            Set<String> added = new TreeSet<>();
            for (int i = 0; i < children.size(); i++) {
                for (String line; (line = outs.get(i).readLine()) != null; ) {
                    added.add(line);
                }
                assertTrue(children.get(i).waitFor(120, TimeUnit.SECONDS), "a writer did not finish");
                assertEquals(0, children.get(i).exitValue(), "a writer failed");
            }
            return added;
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }
}
