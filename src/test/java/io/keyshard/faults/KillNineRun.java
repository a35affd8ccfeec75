package io.keyshard.faults;

import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The kill -9 loop the stress drivers share: a client process and the three node processes ({@link NodeProcesses})
 * are SIGKILLed in turn (client, ALPHA, BRAVO, CHARLIE) at a moment the driver picks; a killed client is started
 * again after its output is collected, a killed node is started again at once on its data folder. The drivers
 * ({@link KillStress} for key generation, {@link SignKillStress} for signing) say what the client runs, when to
 * kill, and what must hold afterwards.
 */
abstract class KillNineRun {
    static final String CLIENT = "client";

    final Path dir;
    final Random random;
    final NodeProcesses nodes;
    private final List<String> targets = new ArrayList<>(List.of(CLIENT));
    ChildJvm client;

    /** Kills per target (client, ALPHA, BRAVO, CHARLIE). */
    final Map<String, Integer> kills = new LinkedHashMap<>();

    final List<String> violations = new ArrayList<>();
    int iterations;

    KillNineRun(Path dir, long seed) throws IOException {
        this.dir = dir;
        this.random = new Random(seed);
        this.nodes = new NodeProcesses(dir.resolve("nodes"));
        targets.addAll(NodeProcesses.NAMES);
        targets.forEach(t -> kills.put(t, 0));
    }

    /** A new vault in {@code home} with a fast KDF, the three nodes registered in it (remote-server style). */
    Vault newVault(Path home, String password) throws IOException {
        Vault vault = Vault.create(home, password.toCharArray(), new KdfParams(1024, 1, 1));
        nodes.register(home, vault);
        return vault;
    }

    /** Runs until {@code maxIterations} kills are done or {@code budget} has passed, then finishes. */
    final void run(int maxIterations, Duration budget) throws Exception {
        long end = System.nanoTime() + budget.toNanos();
        startClient();
        while (iterations < maxIterations && System.nanoTime() < end) {
            String target = targets.get(iterations % targets.size());
            awaitKillMoment();
            kills.merge(target, 1, Integer::sum);
            iterations++;
            if (target.equals(CLIENT)) {
                client.kill();
                collect();
                afterKill(target);
                startClient();
            } else {
                nodes.kill(target);
                nodes.start(target);
                quiesceClient();
                afterKill(target);
                resumeClient();
            }
        }
        client.kill();
        collect();
        finish();
    }

    /** Starts the client process (its first start and after each kill of it). */
    abstract void startClient() throws Exception;

    /** Returns at the moment of the next kill: the driver waits for the client's progress and a random delay. */
    abstract void awaitKillMoment() throws Exception;

    /** Reads what the client printed (called after a kill of the client, and whenever the driver needs it). */
    abstract void collect() throws Exception;

    /** After a node was restarted: brings the client to where invariants can be checked (nothing by default). */
    void quiesceClient() throws Exception {}

    /** Lets the client go on after {@link #quiesceClient} (nothing by default). */
    void resumeClient() throws Exception {}

    /** What must hold after each kill of {@code target} (nothing by default: the signing drivers check at the end). */
    void afterKill(String target) throws Exception {}

    /** The checks after the last kill. */
    abstract void finish() throws Exception;

    /** Kills the client if it still runs and stops every node. */
    final void close() {
        if (client != null && client.alive()) {
            try {
                client.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nodes.close();
    }
}
