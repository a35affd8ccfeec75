package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import io.keyshard.frost.Ciphersuite;
import io.keyshard.frost.KeyPackage;
import io.keyshard.frost.Round1;
import io.keyshard.frost.SigningNonces;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The nonce table: each entry handed out once, even to concurrent takers; expiry; bounds per client. */
class NonceTableTest {
    private static final Ciphersuite SUITE = Ciphersuite.ED25519_SHA512;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AtomicLong now = new AtomicLong();
    private final NonceTable table = new NonceTable(now::get, Duration.ofMinutes(10));

    private static SigningNonces nonces() {
        Scalar share = SUITE.scalars().of(BigInteger.valueOf(7));
        KeyPackage key = new KeyPackage(
                1,
                share,
                SUITE.curve().multiplyBase(BigInteger.valueOf(7)),
                CurveName.ED25519.curve().generator(),
                2);
        return Round1.commit(SUITE, key, RANDOM::nextBytes);
    }

    private NonceTable.Entry entry(String client) {
        return table.entry(client, UUID.randomUUID(), new byte[32], nonces());
    }

    @Test
    void anEntryIsTakenOnceAndOnlyByItsClient() {
        UUID signId = UUID.randomUUID();
        NonceTable.Entry e = entry("alice");
        assertTrue(table.add(signId, e));
        assertFalse(table.add(signId, entry("alice")), "a live signId is not replaced");
        assertNull(table.take(signId, "mallory"), "another client's signing does not exist for it");
        assertSame(e, table.take(signId, "alice"));
        assertNull(table.take(signId, "alice"), "a second round 2 finds nothing");
        assertFalse(table.contains(signId));
    }

    @Test
    void concurrentTakersGetTheNoncesAtMostOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                UUID signId = UUID.randomUUID();
                table.add(signId, entry("alice"));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<NonceTable.Entry>> takers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    takers.add(pool.submit(() -> {
                        go.await();
                        return table.take(signId, "alice");
                    }));
                }
                go.countDown();
                int got = 0;
                for (Future<NonceTable.Entry> f : takers) {
                    got += f.get() == null ? 0 : 1;
                }
                assertEquals(1, got, "exactly one round 2 gets the nonces");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void entriesExpireAndTheirNoncesAreDestroyed() {
        UUID old = UUID.randomUUID();
        NonceTable.Entry e = entry("alice");
        table.add(old, e);
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        UUID young = UUID.randomUUID();
        table.add(young, entry("alice"));
        assertTrue(table.expire().isEmpty(), "nothing is older than ten minutes yet");
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        assertEquals(List.of(old), table.expire());
        assertTrue(e.nonces().isDestroyed(), "expired nonces are wiped");
        NonceTable.Entry left = table.take(young, "alice");
        assertNotNull(left);
        assertFalse(table.isExpired(left));
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertTrue(table.isExpired(left), "a round 2 after the lifetime is refused by its caller");
    }

    @Test
    void oneClientCannotFillTheTable() {
        for (int i = 0; i < NonceTable.MAX_PER_CLIENT; i++) {
            assertNull(table.quotaProblem("alice"));
            table.add(UUID.randomUUID(), entry("alice"));
        }
        assertNotNull(table.quotaProblem("alice"), "alice is at her bound");
        assertNull(table.quotaProblem("bob"), "bob still signs");
        table.clear();
        assertEquals(0, table.size());
        assertNull(table.quotaProblem("alice"));
    }
}
