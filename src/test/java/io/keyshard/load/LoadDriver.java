package io.keyshard.load;

import io.keyshard.client.LocalCluster;
import io.keyshard.client.NodeConnection;
import io.keyshard.curve.CurveName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load run against one local cluster (three node processes on loopback HTTPS): first
 * {@code keygens} key generations in a row by the app's own client, then {@code clients}
 * separate clients (each its own vault and API key) generating keys at once for {@code concurrentFor}.
 * Every {@code abandonEvery}-th keygen of the first client is followed by one it abandons after
 * round 1 or 2. The node memory is sampled all along; at the end {@link ServerAudit} checks that
 * nothing was lost and no session was left behind, and with {@code awaitExpiry} checks again once
 * every abandoned session has passed the nodes' session TTL. Then the clients sign at once for as long
 * ({@link SignLoad}). Timings are reported, never asserted.
 */
final class LoadDriver {
    /** The session TTL of a local cluster node: {@code node run}'s default {@code --session-ttl}. */
    static final Duration NODE_SESSION_TTL = Duration.ofSeconds(600);

    /** How a run is sized. */
    /** With {@code ecdsa}, each client also signs with a threshold-ECDSA key (SECP256K1 or P256, set up first). */
    record Settings(
            int keygens, Duration concurrentFor, int clients, int abandonEvery, boolean awaitExpiry, boolean ecdsa) {}

    private LoadDriver() {}

    /** Runs the load in a fresh folder under {@code work}, writes results.json/.txt into {@code out}, prints the summary. */
    static LoadResults run(Settings s, Path work, Path out) throws Exception {
        long runStart = System.nanoTime();
        String uptimeStart = uptime();
        List<LoadClient> clients = new ArrayList<>();
        LoadResults results;
        try {
            long t = System.nanoTime();
            LoadClient owner = LoadClient.owningCluster(Files.createDirectories(work.resolve("client-0")));
            clients.add(owner);
            String clusterStart = String.valueOf(LoadResults.round(seconds(t)));
            List<NodeConnection> conns = new ArrayList<>();
            for (String name : LocalCluster.NAMES) {
                conns.add(owner.connection(name));
            }
            AbandonedKeygens abandoned = new AbandonedKeygens(conns);
            try (NodeMemoryProbe probe = NodeMemoryProbe.watch(owner.home, LocalCluster.NAMES)) {
                log("cluster up in " + clusterStart + " s; node pids " + probe.pids());
                LoadResults.Phase sequential = sequential(s, owner, abandoned, probe);
                for (int k = 1; k < s.clients(); k++) {
                    clients.add(LoadClient.sharing(k, work.resolve("client-" + k), owner));
                }
                LoadResults.Phase concurrent = concurrent(s, clients, abandoned, probe, sequential.acknowledged());
                probe.checkpoint("end", sequential.acknowledged() + concurrent.acknowledged());
                log("auditing every key on every server");
                ServerAudit.Findings audit = ServerAudit.run(clients, abandoned, owner, NODE_SESSION_TTL);
                ServerAudit.Findings afterExpiry = null;
                if (s.awaitExpiry()) {
                    awaitExpiry(abandoned);
                    probe.checkpoint("after session expiry", sequential.acknowledged() + concurrent.acknowledged());
                    log("auditing again after every abandoned session's timeout");
                    afterExpiry = ServerAudit.run(clients, abandoned, owner, NODE_SESSION_TTL);
                }
                log("8 clients signing for " + s.concurrentFor().toSeconds() + " s");
                SignLoad.Result signing = SignLoad.run(clients, s.concurrentFor(), s.ecdsa());
                probe.checkpoint("after signing", sequential.acknowledged() + concurrent.acknowledged());
                List<String> failures = new ArrayList<>();
                clients.forEach(c -> failures.addAll(c.failures));
                failures.addAll(abandoned.failures);
                results = new LoadResults(
                        new LoadResults.Machine(
                                Runtime.getRuntime().availableProcessors(), uptimeStart, uptime(), clusterStart),
                        sequential,
                        concurrent,
                        failures.size(),
                        failures.stream().limit(50).toList(),
                        abandoned.started.size(),
                        audit,
                        afterExpiry,
                        probe.figures(),
                        signing,
                        LoadResults.round(seconds(runStart)));
            }
        } finally {
            for (int i = clients.size() - 1; i >= 0; i--) {
                clients.get(i).close(); // the first client last: closing it stops the cluster
            }
        }
        SignLoad.readAudits(results.signing(), work.resolve("client-0"));
        results.write(out);
        System.out.print(results.summary());
        System.out.println("written: " + out.resolve("results.json"));
        return results;
    }

    private static LoadResults.Phase sequential(
            Settings s, LoadClient owner, AbandonedKeygens abandoned, NodeMemoryProbe probe) throws Exception {
        List<Double> latencies = new ArrayList<>();
        int failed = 0;
        long start = System.nanoTime();
        int firstCheckpoint = Math.max(1, s.keygens() / 10);
        for (int i = 0; i < s.keygens(); i++) {
            double ms = owner.keygen(i);
            if (ms < 0) {
                failed++;
            } else {
                latencies.add(ms);
            }
            maybeAbandon(s, i, abandoned);
            if (i + 1 == firstCheckpoint || (i + 1) % Math.max(1, s.keygens() / 4) == 0) {
                double elapsed = seconds(start);
                probe.checkpoint("sequential " + (i + 1), latencies.size());
                start += (long) ((seconds(start) - elapsed) * 1e9); // the forced GCs are not the client's time
                log((i + 1) + " in a row, " + failed + " failed");
            }
        }
        return LoadResults.Phase.of("keygens in a row", 1, latencies, failed, seconds(start));
    }

    private static LoadResults.Phase concurrent(
            Settings s, List<LoadClient> clients, AbandonedKeygens abandoned, NodeMemoryProbe probe, int keysBefore)
            throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        int[] failed = new int[clients.size()];
        long deadline = System.nanoTime() + s.concurrentFor().toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (LoadClient c : clients) {
                running.add(pool.submit(() -> {
                    for (int n = c.index; System.nanoTime() < deadline; n += clients.size()) {
                        double ms = c.keygen(n);
                        if (ms < 0) {
                            failed[c.index]++;
                        } else {
                            latencies.add(ms);
                        }
                        if (c.index == 0) {
                            maybeAbandon(s, n / clients.size(), abandoned);
                        }
                    }
                    return null;
                }));
            }
            long quarter = Math.max(1, s.concurrentFor().toMillis() / 4);
            while (System.nanoTime() < deadline - quarter * 500_000L) {
                Thread.sleep(Math.min(quarter, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                if (System.nanoTime() < deadline) {
                    probe.checkpoint("concurrent", keysBefore + latencies.size());
                    log(latencies.size() + " by " + clients.size() + " clients so far");
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int allFailed = Arrays.stream(failed).sum();
        return LoadResults.Phase.of(
                "keygens by concurrent clients", clients.size(), List.copyOf(latencies), allFailed, seconds(start));
    }

    /** Waits until the last abandoned session has been idle for the nodes' TTL plus a sweep. */
    private static void awaitExpiry(AbandonedKeygens abandoned) throws InterruptedException {
        long last = abandoned.started.stream()
                .mapToLong(AbandonedKeygens.Abandoned::lastTouchedNanos)
                .max()
                .orElse(System.nanoTime());
        long until = last + NODE_SESSION_TTL.plus(ServerAudit.SWEEP_SLACK).toNanos();
        while (System.nanoTime() < until) {
            long left = until - System.nanoTime();
            log("waiting " + left / 1_000_000_000 + " s more for the abandoned sessions' timeout");
            Thread.sleep(Math.max(1, Math.min(60_000, left / 1_000_000)));
        }
    }

    /** After every {@code abandonEvery}-th keygen, one abandoned after round 1, the next after round 2. */
    private static void maybeAbandon(Settings s, int i, AbandonedKeygens abandoned) {
        if (s.abandonEvery() > 0 && (i + 1) % s.abandonEvery() == 0) {
            int nth = (i + 1) / s.abandonEvery();
            abandoned.abandonAfter(1 + nth % 2, CurveName.values()[nth % CurveName.values().length]);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return text;
        } catch (Exception e) {
            return "unknown (uptime: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static void log(String line) {
        System.out.println("[load] " + line);
        System.out.flush();
    }
}
