package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.ServerInfo;
import io.keyshard.client.ServersConfig;
import io.keyshard.client.TestServers;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.node.ClientRegistry;
import io.keyshard.node.NodeFiles;
import io.keyshard.node.NodeInitializer;
import io.keyshard.node.TestNode;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication and transport against real nodes over loopback HTTPS, on every endpoint that
 * changes state: no API key, a wrong one, a revoked one, another client's keyId, a wrong certificate
 * pin, plain HTTP. Each is refused with the documented status, and nothing on any server changes.
 */
class AuthTransportIT {
    private static final List<String> MUTATING = List.of("round1", "round2", "round3", "commit", "abort");

    @TempDir
    static Path dir;

    static HostileCluster cluster;
    static TestNode alpha;

    @BeforeAll
    static void start() throws Exception {
        cluster = new HostileCluster(dir);
        alpha = cluster.node("ALPHA");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String status(String apiKey, UUID keyId) throws Exception {
        HttpResponse<String> r = alpha.send(apiKey, "/v1/keys/" + keyId, null);
        return r.statusCode() == 404
                ? "404"
                : StrictJson.mapper().readTree(r.body()).get("status").asText();
    }

    private static void refusedEverywhere(String apiKey, UUID keyId, int status, String code) throws Exception {
        String body = alpha.setupJson(keyId, "P256", 2);
        for (String action : MUTATING) {
            HttpResponse<String> r =
                    alpha.send(apiKey, "/v1/keygen/" + keyId + "/" + action, action.equals("round1") ? body : "{}");
            assertEquals(status, r.statusCode(), action + ": " + r.body());
            assertEquals(
                    code, StrictJson.mapper().readTree(r.body()).get("error").asText(), action);
            assertFalse(apiKey != null && r.body().contains(apiKey), "an API key is never echoed");
        }
        HttpResponse<String> r = alpha.send(apiKey, "/v1/keys/" + keyId, null);
        assertEquals(status, r.statusCode(), r.body());
    }

    @Test
    void noWrongOrRevokedApiKeyIsRefusedOnEveryEndpointAndChangesNothing() throws Exception {
        GeneratedKey key = cluster.keygen(CurveName.SECP256K1);
        UUID ready = key.record().keyId();
        UUID fresh = UUID.randomUUID();
        refusedEverywhere(null, ready, 401, "UNAUTHORIZED");
        refusedEverywhere("ksk_" + "Z".repeat(43), ready, 401, "UNAUTHORIZED");
        refusedEverywhere(alpha.entry.apiKey() + "x", fresh, 401, "UNAUTHORIZED");

        NodeInitializer.Issued second = NodeInitializer.addClient(alpha.data, new SecureRandom());
        String revokedKey = second.entry().apiKey();
        UUID itsKey = UUID.randomUUID();
        assertEquals(
                200,
                alpha.send(revokedKey, "/v1/keygen/" + itsKey + "/round1", alpha.setupJson(itsKey, "P256", 2))
                        .statusCode());
        assertTrue(new ClientRegistry(new NodeFiles(alpha.data)).revoke(second.clientId()));
        refusedEverywhere(revokedKey, itsKey, 401, "UNAUTHORIZED");
        refusedEverywhere(revokedKey, fresh, 401, "UNAUTHORIZED");

        assertEquals("READY", status(alpha.entry.apiKey(), ready), "the committed key is untouched");
        assertEquals("404", status(alpha.entry.apiKey(), fresh), "nothing was started");
        for (String name : HostileCluster.NAMES) {
            assertEquals("READY", cluster.status(name, ready), name);
        }
    }

    @Test
    void anotherClientCannotUseAKeyIdItDoesNotOwn() throws Exception {
        GeneratedKey key = cluster.keygen(CurveName.ED25519);
        UUID ready = key.record().keyId();
        String other = NodeInitializer.addClient(alpha.data, new SecureRandom())
                .entry()
                .apiKey();
        for (String action : List.of("round2", "round3", "commit", "abort")) {
            HttpResponse<String> r = alpha.send(
                    other,
                    "/v1/keygen/" + ready + "/" + action,
                    action.startsWith("round")
                            ? "{\"" + (action.equals("round2") ? "round1" : "round2") + "\":[]}"
                            : "{}");
            assertEquals(404, r.statusCode(), action + ": " + r.body());
        }
        HttpResponse<String> again =
                alpha.send(other, "/v1/keygen/" + ready + "/round1", alpha.setupJson(ready, "ED25519", 2));
        assertEquals(409, again.statusCode(), "a used keyId is never started again, by anyone: " + again.body());
        assertEquals("404", status(other, ready), "another client does not see the key");
        assertEquals("READY", status(alpha.entry.apiKey(), ready));
        HttpResponse<String> mine = alpha.send(alpha.entry.apiKey(), "/v1/keys/" + ready, null);
        assertTrue(mine.body().contains("\"result\""), "the owner still sees its public result");
    }

    @Test
    void aWrongCertificatePinStopsTheRunBeforeAnythingIsSentOrStored() throws Exception {
        ServersConfig saved = ServersConfig.load(cluster.home);
        TestNode bravo = cluster.node("BRAVO");
        try (Vault vault = cluster.openVault()) {
            List<UUID> before = vault.list().stream().map(KeyRecord::keyId).toList();
            // BRAVO's address (as added, so sealed in the vault) now answers with ALPHA's certificate: a man in the
            // middle holding a valid node cert.
            TestServers.register(
                    cluster.home,
                    vault,
                    "BRAVO",
                    new ServerInfo(alpha.url(), bravo.entry.id(), bravo.entry.certSha256(), false),
                    bravo.entry.apiKey());
            try {
                try (Workspace ws = Workspace.open(cluster.home, vault)) {
                    CompletionException e = assertThrows(
                            CompletionException.class,
                            () -> ws.call(
                                            ComponentModule.GENERATE_KEY_SHARE,
                                            new KeygenRequest(CurveName.P256, 2, HostileCluster.NAMES))
                                    .promise()
                                    .join());
                    KeygenException failure = assertInstanceOf(KeygenException.class, e.getCause());
                    assertEquals("BRAVO", failure.server(), failure.getMessage());
                    assertEquals(ExitCoded.SERVER, failure.exitCode());
                    assertTrue(failure.getMessage().contains("pin"), failure.getMessage());
                }
                assertEquals(before, vault.list().stream().map(KeyRecord::keyId).toList(), "no record was written");
            } finally {
                TestServers.register(cluster.home, vault, "BRAVO", saved.get("BRAVO"), bravo.entry.apiKey());
            }
        }
    }

    @Test
    void plainHttpToTheHttpsPortGetsNoHttpAnswerAndStartsNothing() throws Exception {
        UUID keyId = UUID.randomUUID();
        String body = alpha.setupJson(keyId, "P256", 2);
        URI uri = URI.create(alpha.url());
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/keygen/" + keyId + "/round1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + alpha.entry.apiKey() + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = new byte[5];
            int n = 0;
            try {
                for (int r; n < 5 && (r = in.read(head, n, 5 - n)) > 0; ) {
                    n += r;
                }
            } catch (SocketException reset) {
                n = 0; // the server dropped the connection: no answer at all
            }
            assertFalse(
                    n == 5 && new String(head, StandardCharsets.US_ASCII).equals("HTTP/"),
                    "the node never speaks plain HTTP");
        }
        assertEquals("404", status(alpha.entry.apiKey(), keyId), "a plain-HTTP request starts nothing");
    }
}
