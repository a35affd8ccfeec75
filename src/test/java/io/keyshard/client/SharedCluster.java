package io.keyshard.client;

import io.keyshard.node.PeerEntries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: one embedded local cluster (OFFICIAL_1..3, three node processes) per test JVM, for
 * the tests that need a working cluster and are not about starting or stopping it. It starts on
 * first use and stops when the JVM exits (the nodes also end with this process). Each test gets
 * its own client home wired to it, as a second client of the same cluster: servers.json with the
 * three servers and the cluster's entry and API key files, but no node data.
 */
public final class SharedCluster {
    private static Path clusterHome;
    private static LocalCluster cluster;

    private SharedCluster() {}

    /** Creates {@code home} (its folder may exist, empty) as a client home of the shared cluster. */
    public static Path home(Path home) throws IOException {
        Path shared = clusterHome();
        Files.createDirectories(home);
        for (String name : LocalCluster.NAMES) {
            Path from = shared.resolve("nodes").resolve(name);
            Path to = Files.createDirectories(home.resolve("nodes").resolve(name));
            for (String file : new String[] {"entry.json", "client.key"}) {
                Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(shared.resolve("servers.json"), home.resolve("servers.json"), StandardCopyOption.REPLACE_EXISTING);
        return home;
    }

    /**
     * Pins a node of a test (its data folder) at the shared cluster's nodes and theirs at it, as the
     * operators would with {@code node peers add}, so keys can be made on the cluster and that node together.
     */
    public static void pinWith(Path nodeData) throws IOException {
        Path nodes = clusterHome().resolve("nodes");
        List<Path> all = new ArrayList<>();
        LocalCluster.NAMES.forEach(n -> all.add(nodes.resolve(n).resolve("data")));
        all.add(nodeData);
        PeerEntries.pinEachOther(all);
    }

    /** The node folders (data, stores, logs) of the shared cluster, e.g. to scan them for secrets. */
    public static Path nodesFolder() {
        try {
            return clusterHome().resolve("nodes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path clusterHome() throws IOException {
        if (cluster == null || !cluster.ownsAllAlive()) {
            if (cluster != null) {
                cluster.close();
            }
            if (clusterHome == null) {
                clusterHome = Files.createTempDirectory("keyshard-shared-cluster");
            }
            long start = System.nanoTime();
            try {
                // LocalCluster stops what it started in its own shutdown hook
                cluster = LocalCluster.ensureRunning(clusterHome);
            } catch (ServerException e) {
                throw new IOException("the shared local cluster did not start", e);
            }
            System.out.printf("shared local cluster started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
        return clusterHome;
    }
}
