package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.ResolvedKey;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.node.NodeStoreReader;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.wire.KeyState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: BRAVO's data folder and the client's home each on a tmpfs of a few MiB
 * that the test fills to the last byte. The failure names what ran out, nothing is half-written
 * (every stored share and vault record reads back; no READY record without every share), and
 * once space is back the next try succeeds.
 */
class DiskFullIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static TinyDisk serverDisk;
    static TinyDisk clientDisk;
    static FaultBench bench;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TinyDisk.mountable(), "mounting a small tmpfs needs root or CAP_SYS_ADMIN");
        serverDisk = TinyDisk.mount(dir.resolve("nodes").resolve("BRAVO"), 16);
        clientDisk = TinyDisk.mount(dir.resolve("home"), 16);
        bench = new FaultBench(dir.resolve("home"), new NodeProcesses(dir.resolve("nodes")));
    }

    @AfterEach
    void spaceBack() throws Exception {
        serverDisk.free();
        clientDisk.free();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (bench != null) {
            bench.close();
        }
        if (serverDisk != null) {
            serverDisk.close();
            clientDisk.close();
        }
    }

    @Test
    void aFullShareStoreIsNamedAndARetryAfterSpaceIsBackSucceeds() throws Exception {
        assertNotNull(bench.keygen(TIMEOUT, p -> {}).key(), "works before the disk fills");
        FaultBench.Run full = bench.keygen(TIMEOUT, FaultBench.onSent(3, "BRAVO", serverDisk::fill));
        assertNull(full.key());
        String message = full.failure().getMessage();
        System.out.println("DiskFullIT, share store full: " + message);
        assertEquals("BRAVO", full.failure().server(), message);
        assertTrue(message.contains("in round 3") && message.contains("disk"), message);
        KeyRecord record = full.record();
        if (record.status() == KeyStatus.PENDING) {
            // ALPHA and CHARLIE hold their round-3 results and abort only on BRAVO's signed "aborted without
            // a result", which BRAVO cannot store while its disk is full: the key waits for BRAVO
            assertTrue(message.contains("waits for BRAVO"), message);
            List<String> waiting = bench.states(record.keyId());
            assertEquals(List.of("PENDING", "PENDING"), List.of(waiting.get(0), waiting.get(2)));
            serverDisk.free();
            record = bench.resolve(record.keyId(), TIMEOUT);
        }
        assertEquals(KeyStatus.FAILED, record.status(), "the failed key ends FAILED once BRAVO can answer");
        List<String> states = bench.states(record.keyId());
        assertEquals(List.of("ABORTED", "ABORTED"), List.of(states.get(0), states.get(2)));
        assertTrue(
                List.of("ABORTED", "UNKNOWN").contains(states.get(1)),
                "BRAVO stored nothing (even its abort tombstone may not fit): " + states);

        serverDisk.free();
        FaultBench.Run retry = bench.keygen(TIMEOUT, p -> {});
        assertNotNull(retry.key(), () -> "retry: " + retry.error());
        assertEquals(
                List.of("READY", "READY", "READY"), bench.states(retry.key().keyId()));

        bench.nodes.stop("BRAVO");
        Map<UUID, NodeStoreReader.Held> held = NodeStoreReader.read(bench.nodes.data("BRAVO"));
        bench.nodes.start("BRAVO");
        assertNull(
                held.get(full.record().keyId()) == null
                        ? null
                        : held.get(full.record().keyId()).share(),
                "no share of the failed key on disk");
        assertEquals(KeyState.READY, held.get(retry.key().keyId()).state());
        assertNotNull(held.get(retry.key().keyId()).share(), "the retried key's share reads back");
    }

    @Test
    void aFullVaultDiskBeforeTheRecordIsNamedAndNothingStarts() throws Exception {
        clientDisk.fill();
        FaultBench.Run full = bench.keygen(TIMEOUT, p -> {});
        assertNull(full.key());
        assertNull(full.record(), "no record could be written");
        String message = full.error().getMessage();
        System.out.println("DiskFullIT, vault disk full before the record: " + message);
        assertTrue(message.contains("vault") && message.contains("disk"), message);

        clientDisk.free();
        FaultBench.Run retry = bench.keygen(TIMEOUT, p -> {});
        assertNotNull(retry.key(), () -> "retry: " + retry.error());
        assertIntact();
    }

    @Test
    void aVaultDiskFillingMidKeygenLeavesAPendingRecordThatTheNextStartFinishes() throws Exception {
        // The PENDING record is written while rounds 1 and 2 run and is durable before round 3 is sent: filling
        // the disk as round 3 goes out is the first moment that surely comes after it.
        FaultBench.Run full = bench.keygen(TIMEOUT, FaultBench.onSent(3, "ALPHA", clientDisk::fill));
        assertNull(full.key(), "READY could not be written");
        String message = full.error().getMessage();
        System.out.println("DiskFullIT, vault disk full mid-keygen: " + message);
        assertTrue(message.contains("vault") && message.contains("disk"), message);

        clientDisk.free();
        try (Vault vault = bench.openVault();
                Workspace ws = Workspace.open(bench.home, vault, TIMEOUT)) {
            UUID keyId = full.record() != null
                    ? full.record().keyId()
                    : vault.findPending().get(0).keyId();
            List<ResolvedKey> resolved = ws.resolvePending();
            assertEquals(KeyStatus.READY, vault.get(keyId).orElseThrow().status(), resolved.toString());
            assertEquals(List.of("READY", "READY", "READY"), bench.states(keyId));
        }
        assertIntact();
    }

    @Test
    void theSameOpenVaultGoesOnOnceSpaceIsBack() throws Exception {
        KeygenRequest request = new KeygenRequest(CurveName.ED25519, 2, NodeProcesses.NAMES);
        try (Vault vault = bench.openVault();
                Workspace ws = Workspace.open(bench.home, vault, TIMEOUT)) {
            clientDisk.fill();
            CompletionException full = assertThrows(
                    CompletionException.class,
                    () -> ws.call(ComponentModule.GENERATE_KEY_SHARE, request)
                            .promise()
                            .join());
            assertTrue(
                    full.getCause().getMessage().contains("disk"),
                    full.getCause().getMessage());
            clientDisk.free();
            GeneratedKey key = ws.call(ComponentModule.GENERATE_KEY_SHARE, request)
                    .promise()
                    .join();
            assertEquals(
                    KeyStatus.READY,
                    vault.get(key.keyId()).orElseThrow().status(),
                    "the session that met the full disk writes again without being reopened");
        }
        assertIntact();
    }

    /** Every record reads back, none is PENDING, and every READY one is READY on every server. */
    private static void assertIntact() throws Exception {
        try (Vault vault = bench.openVault()) {
            var records = vault.list();
            assertEquals(List.of(), vault.problems());
            for (var r : records) {
                assertTrue(r.status() != KeyStatus.PENDING, "no PENDING record is left");
                if (r.status() == KeyStatus.READY) {
                    assertEquals(List.of("READY", "READY", "READY"), bench.states(r.keyId()));
                }
            }
        }
    }
}
