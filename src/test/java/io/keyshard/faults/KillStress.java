package io.keyshard.faults;

import io.keyshard.client.ResolvedKey;
import io.keyshard.client.Workspace;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * kill -9 over the whole key generation flow: a client process ({@link StressClient}: vault and
 * coordinator) runs key generations back to back against three node processes; each iteration
 * SIGKILLs one of the four at a random moment, restarts it, resolves PENDING records as the next
 * start would, and checks the invariants: every keyId the client acknowledged is READY,
 * no PENDING record is left, no server holds a READY share of a FAILED key (and, after the commit
 * is re-sent, every server holds a READY one of a READY key).
 */
final class KillStress extends KillNineRun {
    private static final String PASSWORD = "kill-stress password";
    /** A new vault every this many records: each start re-checks every READY key on every server (O(keys)). */
    private static final int RECORDS_PER_VAULT = 80;

    private Path home;
    private int vaults;
    private final Set<UUID> acknowledged = new HashSet<>();
    private final Set<UUID> checked = new HashSet<>();
    /** Records already in the READY/FAILED counts (sweeps check them again). */
    private final Set<UUID> counted = new HashSet<>();

    private int acknowledgedBefore;
    int ready;
    int failed;
    int finishedByResolution;
    int abortedByResolution;
    long keygenMillisSum;
    long resolveMillisSum;
    long resolveMillisMax;
    int resolves;
    int keygensTimed;

    KillStress(Path dir, long seed) throws Exception {
        super(dir, seed);
        newVault();
        nodes.startAll();
    }

    private void newVault() throws IOException {
        home = dir.resolve("home-" + vaults++);
        newVault(home, PASSWORD).close();
    }

    /** A random moment: from just after the last start up to ~1.5 key generations later. */
    @Override
    void awaitKillMoment() throws InterruptedException {
        Thread.sleep(random.nextInt((int) Math.max(50, 1.5 * meanKeygenMillis())));
    }

    @Override
    void afterKill(String target) throws Exception {
        resolveAndCheck("kill " + iterations + " (" + target + ")");
        if (target.equals(CLIENT) && checked.size() > RECORDS_PER_VAULT) {
            checked.clear();
            resolveAndCheck("the sweep over every record of vault " + vaults);
            acknowledgedBefore += acknowledged.size();
            acknowledged.clear();
            checked.clear();
            newVault();
        }
    }

    @Override
    void finish() throws Exception {
        resolveAndCheck("the end");
        checked.clear();
        resolveAndCheck("the final sweep over every record of vault " + vaults);
    }

    private double meanKeygenMillis() {
        return keygensTimed == 0 ? 1000 : (double) keygenMillisSum / keygensTimed;
    }

    @Override
    void startClient() throws Exception {
        client = ChildJvm.start(
                StressClient.class,
                dir.resolve("client.log"),
                home.toString(),
                PASSWORD,
                String.join(",", NodeProcesses.NAMES));
        if (client.await(l -> l.startsWith("open"), 120_000) == null) {
            throw new IOException("the stress client did not open the vault; see " + dir.resolve("client.log"));
        }
        timeFirstKeygen();
    }

    /** The client finishes its running key generation and closes the vault, so the check sees a settled vault. */
    @Override
    void quiesceClient() throws Exception {
        client.tell("pause");
        if (client.await("paused"::equals, 120_000) == null) {
            throw new IOException("the stress client did not pause; see " + dir.resolve("client.log"));
        }
        collect();
    }

    @Override
    void resumeClient() throws Exception {
        client.tell("resume");
        if (client.await(l -> l.startsWith("open"), 120_000) == null) {
            throw new IOException("the stress client did not resume; see " + dir.resolve("client.log"));
        }
        timeFirstKeygen();
    }

    /** Measures one key generation now and then, so kill moments spread over a whole run. */
    private void timeFirstKeygen() throws InterruptedException {
        if (keygensTimed >= 5 && iterations % 10 != 0) {
            return;
        }
        long t0 = System.nanoTime();
        if (client.await(l -> l.startsWith("ACK ") || l.startsWith("FAIL "), 60_000) != null) {
            keygenMillisSum += (System.nanoTime() - t0) / 1_000_000;
            keygensTimed++;
        }
    }

    @Override
    void collect() {
        for (String line : client.lines()) {
            if (line.startsWith("ACK ")) {
                acknowledged.add(UUID.fromString(line.substring(4)));
            }
        }
    }

    /** What the next start does (resolve PENDING records), then every invariant over records not yet checked. */
    private void resolveAndCheck(String when) throws Exception {
        try (Vault vault = Vault.open(home, PASSWORD.toCharArray());
                Workspace ws = Workspace.open(home, vault, Duration.ofSeconds(30))) {
            long t0 = System.nanoTime();
            List<ResolvedKey> resolved = ws.resolvePending();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            resolveMillisMax = Math.max(resolveMillisMax, millis);
            resolveMillisSum += millis;
            resolves++;
            for (ResolvedKey r : resolved) {
                if (r.status() == KeyStatus.READY) {
                    finishedByResolution++;
                } else if (r.status() == KeyStatus.FAILED) {
                    abortedByResolution++;
                } else {
                    violations.add(when + ": a PENDING record could not be resolved: " + r.note());
                }
            }
            List<KeyRecord> records = vault.list();
            if (!vault.problems().isEmpty()) {
                violations.add(when + ": the vault reports " + vault.problems());
            }
            Map<UUID, KeyRecord> byId = new LinkedHashMap<>();
            records.forEach(r -> byId.put(r.keyId(), r));
            for (UUID id : acknowledged) {
                KeyRecord r = byId.get(id);
                if (r == null || r.status() != KeyStatus.READY) {
                    violations.add(when + ": an acknowledged key is " + (r == null ? "missing" : r.status()));
                }
            }
            for (KeyRecord r : records) {
                if (checked.add(r.keyId())) {
                    checkServers(when, r);
                }
            }
        }
    }

    private void checkServers(String when, KeyRecord r) throws Exception {
        switch (r.status()) {
            case PENDING -> violations.add(when + ": a PENDING record is left after resolution");
            case FAILED -> {
                failed += counted.add(r.keyId()) ? 1 : 0;
                for (String s : r.servers()) {
                    if ("READY".equals(nodes.status(s, r.keyId()))) {
                        violations.add(when + ": " + s + " holds a READY share of a key the vault marked FAILED");
                    }
                }
            }
            case READY -> {
                ready += counted.add(r.keyId()) ? 1 : 0;
                for (String s : r.servers()) {
                    String st = nodes.status(s, r.keyId());
                    if (!"READY".equals(st)) {
                        violations.add(
                                when + ": " + s + " reports " + st + " for a READY key after resolution" + debug(r));
                    }
                }
            }
        }
    }

    private static String debug(KeyRecord r) {
        return Boolean.getBoolean("keyshard.stress.debug") ? " [" + r.keyId() + " " + r.createdAt() + "]" : "";
    }

    int acknowledged() {
        return acknowledgedBefore + acknowledged.size();
    }
}
