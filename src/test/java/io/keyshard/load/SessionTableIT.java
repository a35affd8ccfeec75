package io.keyshard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.node.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's table of key generations before round 3 under clients that start sessions and walk
 * away: it is bounded (past the bound round 1 gets 503 BUSY, with nothing stored), an abort frees a
 * place at once, and idle sessions expire, so the table empties itself and new key generations are
 * accepted again. A real node (HTTPS, H2 store) in this JVM, with a short session timeout.
 */
class SessionTableIT {
    /** KeygenService's bound on sessions before round 3. */
    private static final int BOUND = 1000;
    private static final Duration TTL = Duration.ofSeconds(12);
    @TempDir
    Path dir;

    @Test
    void theSessionTableIsBoundedAndEmptiesItselfWhenClientsWalkAway() throws Exception {
        try (TestNode node = new TestNode(dir.resolve("node"), "OFFICIAL_1", TTL)) {
            Setups setups = new Setups(node);
            List<UUID> accepted = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<HttpResponse<String>> busy = new AtomicReference<>();
            long fillStart = System.nanoTime();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    running.add(senders.submit(() -> {
                        while (busy.get() == null && accepted.size() < 3 * BOUND) {
                            UUID keyId = UUID.randomUUID();
                            HttpResponse<String> r = setups.round1(keyId);
                            if (r.statusCode() == 200) {
                                accepted.add(keyId);
                            } else {
                                busy.compareAndSet(null, r);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                senders.shutdownNow();
            }
            long fillMs = (System.nanoTime() - fillStart) / 1_000_000;
            HttpResponse<String> refused = busy.get();
            assertTrue(refused != null, "no round 1 was refused after " + accepted.size() + " sessions");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("BUSY", StrictJson.mapper().readTree(refused.body()).get("error").asText());
            assertTrue(accepted.size() >= BOUND, "refused before the bound: " + accepted.size());

            UUID freed = accepted.get(accepted.size() - 1);
            assertEquals(200, node.send(node.entry.apiKey(), "/v1/keygen/" + freed + "/abort", "{}").statusCode());
            UUID next = UUID.randomUUID();
            assertEquals(200, setups.round1(next).statusCode(), "an abort frees a place in the table at once");

            // The sweeper writes a tombstone per expired session (a durable H2 commit each), so emptying a full
            // table takes a while: wait for each session in turn, under one deadline.
            long deadline = System.nanoTime() + TTL.multipliedBy(6).toNanos();
            for (UUID keyId : accepted) {
                String wanted = keyId.equals(freed) ? "ABORTED" : "EXPIRED";
                String s = status(node, keyId);
                while (!s.equals(wanted) && s.equals("IN_PROGRESS") && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    s = status(node, keyId);
                }
                assertEquals(wanted, s, "a walked-away session after its timeout");
            }
            assertEquals("EXPIRED", status(node, next));
            System.out.println("[sessions] " + accepted.size() + " sessions before 503 BUSY, filled in " + fillMs
                    + " ms; all expired " + (System.nanoTime() - fillStart) / 1_000_000 + " ms after the fill began (TTL "
                    + TTL.toSeconds() + " s)");
            for (int i = 0; i < 8; i++) {
                assertEquals(200, setups.round1(UUID.randomUUID()).statusCode(), "the emptied table takes new sessions");
            }
        }
    }

    private static String status(TestNode node, UUID keyId) throws Exception {
        HttpResponse<String> r = node.send(node.entry.apiKey(), "/v1/keys/" + keyId, null);
        return StrictJson.mapper().readTree(r.body()).path("status").asText(r.statusCode() + "");
    }

    /** Valid round-1 setups for the node and a made-up second server, its identity fetched once. */
    private static final class Setups {
        private final TestNode node;
        private final Participant self;
        private final Participant other = IdentityKeys.generate(new SecureRandom()).participant("OTHER_SERVER", 99);
        private final SecureRandom random = new SecureRandom();

        Setups(TestNode node) throws Exception {
            this.node = node;
            var identity = StrictJson.mapper().readTree(node.send(node.entry.apiKey(), "/v1/identity", null).body());
            this.self = new Participant(node.entry.name(), node.entry.id(),
                    HexFormat.of().parseHex(identity.get("signingKey").asText()),
                    HexFormat.of().parseHex(identity.get("encryptionKey").asText()));
        }

        HttpResponse<String> round1(UUID keyId) throws Exception {
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            String setup = StrictJson.mapper().writeValueAsString(
                    new SessionSetup(keyId.toString(), nonce, "SECP256k1", 2, List.of(self, other)));
            return node.send(node.entry.apiKey(), "/v1/keygen/" + keyId + "/round1", setup);
        }
    }
}
