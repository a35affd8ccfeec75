package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which records settling touches, without servers: a key still being generated here is never aborted. */
class PendingResolverTest {
    @TempDir
    Path home;

    @Test
    void aPendingRecordOfAGenerationStillRunningIsLeftAlone() {
        try (Vault vault = Vault.create(home, "resolver test password".toCharArray(), new KdfParams(256, 1, 1))) {
            UUID inFlight = UUID.randomUUID();
            vault.createPending(
                    KeyRecord.pending(inFlight, "", CurveName.SECP256K1, 2, List.of("ALPHA", "BRAVO"), Instant.now()));
            AtomicInteger asked = new AtomicInteger();
            PendingResolver resolver = new PendingResolver(
                    vault,
                    names -> {
                        asked.incrementAndGet();
                        throw new IllegalArgumentException("unknown server '" + names.get(0) + "'");
                    },
                    Duration.ofSeconds(1),
                    new CommitLedger(vault),
                    Set.of(inFlight));

            assertEquals(List.of(), resolver.resolveAll());
            assertEquals(0, asked.get(), "no server is asked about a key this process is still making");
            assertEquals(KeyStatus.PENDING, vault.get(inFlight).orElseThrow().status());

            List<ResolvedKey> leftover = new PendingResolver(
                            vault,
                            names -> {
                                asked.incrementAndGet();
                                throw new IllegalArgumentException("unknown server '" + names.get(0) + "'");
                            },
                            Duration.ofSeconds(1),
                            new CommitLedger(vault),
                            Set.of())
                    .resolveAll();
            assertEquals(1, asked.get(), "a PENDING record nobody is making is a leftover and is settled");
            assertEquals(ResolvedKey.Change.UNCHANGED, leftover.get(0).change());
            assertTrue(leftover.get(0).note().contains("ALPHA"), leftover.get(0).note());
        }
    }
}
