package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.json.StrictJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's HTTP API on a real loopback HTTPS server with its real H2 store: auth, ownership, bad input, state. */
class NodeApiTest {
    @TempDir
    static Path dir;

    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir.resolve("node"), "OFFICIAL_1", Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String key() {
        return node.entry.apiKey();
    }

    private static String status(String apiKey, UUID keyId) throws Exception {
        HttpResponse<String> r = node.send(apiKey, "/v1/keys/" + keyId, null);
        return r.statusCode() == 404
                ? "404"
                : StrictJson.mapper().readTree(r.body()).get("status").asText();
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        var body = StrictJson.mapper().readTree(r.body());
        assertEquals(code, body.get("error").asText(), r.body());
        assertTrue(body.get("message").asText().length() > 5, r.body());
    }

    @Test
    void healthNeedsNoKeyButIdentityDoes() throws Exception {
        HttpResponse<String> health = node.send(null, "/v1/health", null);
        assertEquals(200, health.statusCode());
        assertEquals(
                "OFFICIAL_1",
                StrictJson.mapper().readTree(health.body()).get("name").asText());
        assertError(node.send(null, "/v1/identity", null), 401, "UNAUTHORIZED");
        var identity = StrictJson.mapper()
                .readTree(node.send(key(), "/v1/identity", null).body());
        assertEquals(64, identity.get("signingKey").asText().length());
        assertEquals(64, identity.get("encryptionKey").asText().length());
        assertEquals(1, identity.get("id").asInt());
    }

    @Test
    void wrongOrMalformedApiKeyIs401() throws Exception {
        String wrong = "ksk_" + "A".repeat(43);
        assertError(node.send(wrong, "/v1/identity", null), 401, "UNAUTHORIZED");
        assertError(node.send(key().substring(1), "/v1/identity", null), 401, "UNAUTHORIZED");
        assertError(node.send("", "/v1/identity", null), 401, "UNAUTHORIZED");
        UUID keyId = UUID.randomUUID();
        assertError(
                node.send(wrong, "/v1/keygen/" + keyId + "/round1", node.setupJson(keyId, "P256", 2)),
                401,
                "UNAUTHORIZED");
        assertEquals("404", status(key(), keyId), "a refused round 1 must not start a session");
    }

    @Test
    void badBodiesAreRefusedAndChangeNothing() throws Exception {
        UUID keyId = UUID.randomUUID();
        String path = "/v1/keygen/" + keyId + "/round1";
        String valid = node.setupJson(keyId, "SECP256k1", 2);
        assertError(node.send(key(), path, "{not json"), 400, "MALFORMED");
        assertError(node.send(key(), path, ""), 400, "MALFORMED");
        assertError(node.send(key(), path, "null"), 400, "MALFORMED");
        assertError(node.send(key(), path, valid.replaceFirst("\\{", "{\"extra\":1,")), 400, "MALFORMED");
        assertError(node.send(key(), path, valid.replaceFirst("\\{", "{\"threshold\":3,")), 400, "MALFORMED");
        assertError(node.send(key(), path, valid.replace("\"threshold\":2", "\"threshold\":\"2\"")), 400, "MALFORMED");
        assertError(node.send(key(), path, valid.replace("\"threshold\":2", "\"threshold\":2.5")), 400, "MALFORMED");
        assertError(node.send(key(), path, valid + " {}"), 400, "MALFORMED");
        assertError(node.send(key(), path, valid.replace("\"threshold\":2", "\"threshold\":5")), 400, "MALFORMED");
        assertError(node.send(key(), path, valid.replace("SECP256k1", "SECP999")), 400, "MALFORMED");
        assertError(node.send(key(), path, "{\"pad\":\"" + "x".repeat(NodeApi.BODY_LIMIT) + "\"}"), 413, "TOO_LARGE");
        UUID other = UUID.randomUUID();
        assertError(node.send(key(), path, node.setupJson(other, "SECP256k1", 2)), 400, "MALFORMED");
        assertError(
                node.send(key(), "/v1/keygen/" + keyId.toString().toUpperCase(Locale.ROOT) + "/round1", valid),
                400,
                "MALFORMED");
        assertEquals("404", status(key(), keyId), "no refused request may leave a session behind");
        assertEquals("404", status(key(), other));

        HttpResponse<String> ok = node.send(key(), path, valid);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("IN_PROGRESS", status(key(), keyId));
        assertError(node.send(key(), path, valid), 409, "CONFLICT");
        assertError(node.send(key(), "/v1/keygen/" + keyId + "/round3", "{\"round2\":[]}"), 409, "CONFLICT");
        assertError(
                node.send(key(), "/v1/keygen/" + keyId + "/round2", "{\"round1\":[], \"round1\":[]}"),
                400,
                "MALFORMED");
        assertEquals("IN_PROGRESS", status(key(), keyId), "refusals leave the session as it was");
    }

    @Test
    void anotherClientCannotSeeOrTouchAKeyAndARevokedClientIsRefused() throws Exception {
        NodeInitializer.Issued second = NodeInitializer.addClient(node.data, new SecureRandom());
        String otherKey = second.entry().apiKey();
        UUID keyId = UUID.randomUUID();
        assertEquals(
                200,
                node.send(key(), "/v1/keygen/" + keyId + "/round1", node.setupJson(keyId, "ED25519", 2))
                        .statusCode());
        assertEquals("404", status(otherKey, keyId));
        assertError(node.send(otherKey, "/v1/keygen/" + keyId + "/abort", "{}"), 404, "NOT_FOUND");
        assertError(node.send(otherKey, "/v1/keygen/" + keyId + "/round2", "{\"round1\":[]}"), 404, "NOT_FOUND");
        assertError(node.send(otherKey, "/v1/keygen/" + keyId + "/commit", "{}"), 404, "NOT_FOUND");
        assertEquals("IN_PROGRESS", status(key(), keyId), "the owner's session is untouched");

        assertTrue(new ClientRegistry(new NodeFiles(node.data)).revoke(second.clientId()));
        assertError(node.send(otherKey, "/v1/identity", null), 401, "UNAUTHORIZED");
        assertEquals(200, node.send(key(), "/v1/identity", null).statusCode(), "other clients keep working");
        assertFalse(new ClientRegistry(new NodeFiles(node.data)).revoke(second.clientId()));
    }

    @Test
    void abortIsIdempotentAndAnAbortedKeyIdIsNeverReused() throws Exception {
        UUID keyId = UUID.randomUUID();
        String path = "/v1/keygen/" + keyId;
        assertEquals(
                200,
                node.send(key(), path + "/round1", node.setupJson(keyId, "P384", 2))
                        .statusCode());
        assertEquals(200, node.send(key(), path + "/abort", "{}").statusCode());
        assertEquals(200, node.send(key(), path + "/abort", "{}").statusCode());
        assertEquals("ABORTED", status(key(), keyId));
        assertError(node.send(key(), path + "/round1", node.setupJson(keyId, "P384", 2)), 409, "CONFLICT");
        assertError(node.send(key(), path + "/commit", "{}"), 409, "CONFLICT");

        UUID early = UUID.randomUUID();
        assertEquals(
                200,
                node.send(key(), "/v1/keygen/" + early + "/abort", "{}").statusCode(),
                "an abort that overtakes round 1 is accepted");
        assertError(
                node.send(key(), "/v1/keygen/" + early + "/round1", node.setupJson(early, "P384", 2)), 409, "CONFLICT");
    }

    @Test
    void anAbortRacingItsRoundOneNeverLeavesASessionRunning() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 60; i++) {
                UUID keyId = UUID.randomUUID();
                String path = "/v1/keygen/" + keyId;
                String setup = node.setupJson(keyId, "P521", 2);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<HttpResponse<String>> round1 = pool.submit(() -> {
                    together.await();
                    return node.send(key(), path + "/round1", setup);
                });
                Future<HttpResponse<String>> abort = pool.submit(() -> {
                    together.await();
                    return node.send(key(), path + "/abort", "{}");
                });
                int round1Status = round1.get().statusCode();
                assertEquals(200, abort.get().statusCode(), abort.get().body());
                assertTrue(
                        round1Status == 200 || round1Status == 409, round1.get().body());
                assertEquals("ABORTED", status(key(), keyId), "round 1 answered " + round1Status);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCurveSpelledAnotherWayIsStoredByItsApiNameAndStillAborts() throws Exception {
        UUID keyId = UUID.randomUUID();
        String path = "/v1/keygen/" + keyId;
        String padded = "secp256k1" + " ".repeat(30);
        assertEquals(
                200,
                node.send(key(), path + "/round1", node.setupJson(keyId, padded, 2))
                        .statusCode());
        HttpResponse<String> inProgress = node.send(key(), "/v1/keys/" + keyId, null);
        assertTrue(inProgress.body().contains("\"curve\":\"SECP256k1\""), inProgress.body());
        assertEquals(200, node.send(key(), path + "/abort", "{}").statusCode(), "abort works (it failed with a 500)");
        assertEquals("ABORTED", status(key(), keyId));
        HttpResponse<String> aborted = node.send(key(), "/v1/keys/" + keyId, null);
        assertTrue(aborted.body().contains("\"curve\":\"SECP256k1\""), aborted.body());
        assertError(node.send(key(), path + "/round1", node.setupJson(keyId, "SECP256k1", 2)), 409, "CONFLICT");
    }

    @Test
    void idleSessionsBeforeRoundThreeExpire() throws Exception {
        UUID keyId = UUID.randomUUID();
        assertEquals(
                200,
                node.send(key(), "/v1/keygen/" + keyId + "/round1", node.setupJson(keyId, "P521", 2))
                        .statusCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!status(key(), keyId).equals("EXPIRED") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("EXPIRED", status(key(), keyId));
        assertError(node.send(key(), "/v1/keygen/" + keyId + "/round2", "{\"round1\":[]}"), 409, "CONFLICT");
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertError(node.send(key(), "/v1/nothing", null), 404, "NOT_FOUND");
        assertError(node.send(key(), "/v1/identity", "{}"), 405, "METHOD_NOT_ALLOWED");
        assertError(node.send(key(), "/v1/keys/not-a-uuid", null), 400, "MALFORMED");
    }

    @Test
    void initRefusesAnExistingFolderAndWritesOwnerOnlyFiles() throws Exception {
        var perms = Files.getPosixFilePermissions(node.data);
        assertEquals(PosixFilePermissions.fromString("rwx------"), perms);
        try (var files = Files.list(node.data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertEquals(
                        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        assertEquals(32, Files.size(node.data.resolve("master.key")));
        String clients = Files.readString(node.data.resolve("clients.json"));
        assertFalse(clients.contains(key()), "only the API key's hash is stored");
        var ex = assertThrows(
                NodeSetupException.class,
                () -> NodeInitializer.init(
                        node.data,
                        new NodeConfig("OFFICIAL_1", 1, 7001, "127.0.0.1", "127.0.0.1"),
                        new SecureRandom()));
        assertTrue(ex.getMessage().contains("already exists"));
    }
}
