package io.keyshard.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.json.StrictJson;
import io.keyshard.node.PeerEntries;
import io.keyshard.vault.Vault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Extra node processes SERVER_4..SERVER_n next to the local cluster, made the way an operator
 * makes a remote server: {@code keyshard node init --id k}, {@code keyshard node run}, and on the
 * client {@code servers add} (public entry in servers.json, API key sealed in the vault). Used by the
 * benchmarks and by the networked signer-set runs; the home must run its local cluster.
 */
public final class ScaleNodes implements AutoCloseable {
    private final Map<String, Process> running = new LinkedHashMap<>();

    /** Starts nodes with ids {@code 4..lastId} (in parallel) and registers them with the client of {@code home}. */
    public static ScaleNodes start(Path home, Vault vault, int lastId) throws Exception {
        ScaleNodes nodes = new ScaleNodes();
        try {
            Map<String, CompletableFuture<Started>> starting = new LinkedHashMap<>();
            for (int id = 4; id <= lastId; id++) {
                String name = name(id);
                Path data = home.resolve("scale-nodes").resolve(name);
                int nodeId = id;
                starting.put(name, CompletableFuture.supplyAsync(() -> nodes.initAndRun(name, nodeId, data)));
            }
            for (Map.Entry<String, CompletableFuture<Started>> e : starting.entrySet()) {
                Started s = e.getValue().join();
                TestServers.register(home, vault, e.getKey(), s.info(), s.apiKey());
            }
            // Every server pins every other (the running nodes read their rosters again), as operators would.
            List<Path> folders = new ArrayList<>();
            LocalCluster.NAMES.forEach(
                    n -> folders.add(home.resolve("nodes").resolve(n).resolve("data")));
            starting.keySet()
                    .forEach(n -> folders.add(home.resolve("scale-nodes").resolve(n)));
            PeerEntries.pinEachOther(folders);
            return nodes;
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    public static String name(int id) {
        return "SERVER_" + id;
    }

    /** The server names of a cluster of {@code n}: OFFICIAL_1..3 then SERVER_4..n. */
    public static List<String> cluster(int n) {
        List<String> names = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            names.add(id <= 3 ? "OFFICIAL_" + id : name(id));
        }
        return names;
    }

    /** A node that listens, and the API key its {@code node init} printed. */
    private record Started(ServerInfo info, String apiKey) {}

    private Started initAndRun(String name, int id, Path data) {
        try {
            Process init = java(List.of(
                    "node",
                    "init",
                    "--name",
                    name,
                    "--id",
                    Integer.toString(id),
                    "--port",
                    "1",
                    "--data",
                    data.toString()));
            JsonNode entry = StrictJson.mapper().readTree(init.getInputStream().readAllBytes());
            if (!init.waitFor(120, TimeUnit.SECONDS) || init.exitValue() != 0) {
                throw new IllegalStateException("node init of " + name + " failed");
            }
            Process run = java(runArgs(data));
            synchronized (running) {
                running.put(name, run);
            }
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("node " + name + " did not start");
            }
            String url = StrictJson.mapper().readTree(line).path("url").asText();
            return new Started(
                    new ServerInfo(url, id, entry.path("certSha256").asText(), false),
                    entry.path("apiKey").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name);
        }
    }

    /** {@code node run} of the node in {@code data} on a free port, ending when this JVM ends. */
    static List<String> runArgs(Path data) {
        return List.of(
                "node",
                "run",
                "--data",
                data.toString(),
                "--port",
                "0",
                "--exit-with",
                Long.toString(ProcessHandle.current().pid()));
    }

    /** {@code keyshard <args>} in a child JVM on this class path, sized like the local cluster's nodes. */
    private static Process java(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.keyshard.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Override
    public void close() {
        synchronized (running) {
            LocalCluster.stopAll(running.values());
            running.clear();
        }
    }
}
