package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.wire.KeyState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The share store's promise to round 3: a share is forced to disk before insertPending returns, and stays. */
class ShareStoreTest {
    @TempDir
    Path dir;

    @Test
    void everyPendingShareIsForcedToDiskBeforeInsertReturnsAndConcurrentInsertsShareSyncs() throws Exception {
        NodeFiles files = new NodeFiles(dir);
        List<UUID> ids = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (ShareStore store = ShareStore.open(files)) {
            List<Future<UUID>> done = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                done.add(callers.submit(() -> {
                    UUID id = UUID.randomUUID();
                    assertTrue(store.insertPending(id, "client-a", "SECP256k1", new byte[] {1, 2, 3}, "{}"));
                    long[] d = store.durability();
                    // this caller's share is covered by a sync that began after it was written
                    assertTrue(d[1] >= 1 && d[2] >= 1, "no sync after a stored share");
                    return id;
                }));
            }
            for (Future<UUID> f : done) {
                ids.add(f.get());
            }
            long[] d = store.durability();
            assertEquals(80, d[0], "shares stored");
            assertEquals(80, d[1], "every stored share synced before its insert returned");
            assertTrue(d[2] <= 80, "at most one sync per share (group commit may share them): " + d[2]);
            assertFalse(
                    store.insertPending(ids.get(0), "client-a", "SECP256k1", new byte[] {9}, "{}"),
                    "a keyId that holds a share is never stored twice");
            assertTrue(store.insertTombstone(UUID.randomUUID(), "client-a", "SECP256k1", KeyState.ABORTED));
            assertEquals(80, store.durability()[0], "tombstones are not shares and are not forced");
            assertTrue(store.commitReady(ids.get(0)));
            assertFalse(store.commitReady(ids.get(0)), "a key is committed once");
            long[] after = store.durability();
            assertEquals(81, after[0], "a commit is a durable write");
            assertEquals(81, after[1], "and is synced before commitReady returns");
        } finally {
            callers.shutdownNow();
        }
        try (ShareStore reopened = ShareStore.open(files)) {
            assertEquals(KeyState.READY, reopened.find(ids.get(0)).orElseThrow().state());
            for (UUID id : ids.subList(1, ids.size())) {
                assertEquals(KeyState.PENDING, reopened.find(id).orElseThrow().state());
                assertTrue(reopened.sealedShare(id).isPresent());
            }
        }
    }
}
