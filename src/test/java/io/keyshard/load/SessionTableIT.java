package io.keyshard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.dkg.Participant;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeInitializer;
import io.keyshard.node.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's table of key generations before round 3 under clients that start sessions and walk
 * away: each client gets at most a quarter of it and all together at most the bound (past either,
 * round 1 gets 503 BUSY and nothing is stored), and an abort frees a place at once. A real node
 * (HTTPS, H2 store) in this JVM. Expiry is left to the session timeout: one session in NodeApiTest,
 * the load run's walked-away sessions with {@code -Pload -Dload.awaitExpiry=true}; a timeout long
 * enough here keeps the fill (seconds on a busy machine) from racing it.
 */
class SessionTableIT {
    /** KeygenService's bounds on sessions before round 3: in all, and per client. */
    private static final int BOUND = 1000;

    private static final int PER_CLIENT = BOUND / 4;
    private static final Duration TTL = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void theSessionTableIsBoundedPerClientAndInTotalWhenClientsWalkAway() throws Exception {
        try (TestNode node = new TestNode(dir.resolve("node"), "OFFICIAL_1", TTL)) {
            Setups setups = new Setups(node);
            List<String> clients = new ArrayList<>(List.of(node.entry.apiKey()));
            for (int i = 1; i < 5; i++) {
                clients.add(NodeInitializer.addClient(node.data, new SecureRandom())
                        .entry()
                        .apiKey());
            }
            long fillStart = System.nanoTime();
            List<Walkaway> walked = new ArrayList<>();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<Walkaway>> running = new ArrayList<>();
                for (String apiKey : clients.subList(0, 4)) {
                    running.add(senders.submit(() -> Walkaway.fill(setups, apiKey)));
                }
                for (Future<Walkaway> f : running) {
                    walked.add(f.get());
                }
            } finally {
                senders.shutdownNow();
            }
            long fillMs = (System.nanoTime() - fillStart) / 1_000_000;
            for (Walkaway w : walked) {
                assertBusy(w.refused, "this client has " + PER_CLIENT);
                assertTrue(w.accepted.size() >= PER_CLIENT, "refused before its share: " + w.accepted.size());
            }
            String fifth = clients.get(4);
            assertBusy(setups.round1(fifth, UUID.randomUUID()), "too many key generations in progress");

            UUID freed = walked.get(0).accepted.get(0);
            assertEquals(
                    200,
                    node.send(clients.get(0), "/v1/keygen/" + freed + "/abort", "{}")
                            .statusCode());
            UUID next = UUID.randomUUID();
            assertEquals(200, setups.round1(fifth, next).statusCode(), "an abort frees a place in the table at once");

            System.out.println("[sessions] "
                    + walked.stream().mapToInt(w -> w.accepted.size()).sum()
                    + " sessions from 4 clients before 503 BUSY, filled in " + fillMs + " ms");
            for (Walkaway w : walked) {
                for (UUID keyId : w.accepted.subList(0, 3)) {
                    assertEquals(
                            keyId.equals(freed) ? "ABORTED" : "IN_PROGRESS",
                            status(node, w.apiKey, keyId),
                            "a walked-away session is held in memory only, nothing stored");
                }
            }
            abortAll(node, walked.get(1));
            for (int c : new int[] {0, 1, 4}) {
                assertEquals(
                        200,
                        setups.round1(clients.get(c), UUID.randomUUID()).statusCode(),
                        "client " + c + " is below its share and the table has room: served");
            }
            for (int c : new int[] {2, 3}) {
                assertBusy(setups.round1(clients.get(c), UUID.randomUUID()), "this client has " + PER_CLIENT);
            }
        }
    }

    private static void abortAll(TestNode node, Walkaway w) throws Exception {
        for (UUID keyId : w.accepted) {
            assertEquals(
                    200,
                    node.send(w.apiKey, "/v1/keygen/" + keyId + "/abort", "{}").statusCode());
        }
    }

    private static void assertBusy(HttpResponse<String> r, String says) throws Exception {
        assertTrue(r != null, "round 1 was never refused");
        assertEquals(503, r.statusCode(), r.body());
        var body = StrictJson.mapper().readTree(r.body());
        assertEquals("BUSY", body.get("error").asText());
        assertTrue(body.get("message").asText().contains(says), r.body());
    }

    /** One client starting sessions and walking away until the node refuses it. */
    private static final class Walkaway {
        final String apiKey;
        final List<UUID> accepted = new ArrayList<>();
        HttpResponse<String> refused;

        private Walkaway(String apiKey) {
            this.apiKey = apiKey;
        }

        static Walkaway fill(Setups setups, String apiKey) throws Exception {
            Walkaway w = new Walkaway(apiKey);
            while (w.accepted.size() < 3 * PER_CLIENT) {
                UUID keyId = UUID.randomUUID();
                HttpResponse<String> r = setups.round1(apiKey, keyId);
                if (r.statusCode() != 200) {
                    w.refused = r;
                    break;
                }
                w.accepted.add(keyId);
            }
            return w;
        }
    }

    private static String status(TestNode node, String apiKey, UUID keyId) throws Exception {
        HttpResponse<String> r = node.send(apiKey, "/v1/keys/" + keyId, null);
        return StrictJson.mapper().readTree(r.body()).path("status").asText(r.statusCode() + "");
    }

    /** Valid round-1 setups for the node and a made-up second server, its identity fetched once. */
    private static final class Setups {
        private final TestNode node;
        private final Participant self;
        private final Participant other = TestNode.OTHER;
        private final SecureRandom random = new SecureRandom();

        Setups(TestNode node) throws Exception {
            this.node = node;
            this.self = node.participant();
        }

        HttpResponse<String> round1(String apiKey, UUID keyId) throws Exception {
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            String setup = StrictJson.mapper()
                    .writeValueAsString(
                            new SessionSetup(keyId.toString(), nonce, "SECP256k1", 2, List.of(self, other)));
            return node.send(apiKey, "/v1/keygen/" + keyId + "/round1", setup);
        }
    }
}
