package io.keyshard.node;

import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.ServerIds;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.NodeEntry;
import io.keyshard.wire.PeerEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test-only: an in-process node on a free loopback port, and a raw HTTPS client that trusts its
 * certificate, to send requests the product's client never would (malformed, oversized, ...).
 */
public final class TestNode implements AutoCloseable {
    public final Path data;
    public final NodeEntry entry;
    public final String clientId;
    public NodeServer server;
    private final Duration sessionTtl;
    private final HttpClient http;

    /** The made-up second server of {@link #setupJson}, pinned at every test node. */
    public static final Participant OTHER =
            IdentityKeys.generate(new SecureRandom()).participant("OTHER_SERVER", 99);

    /** Pins every one of {@code nodes} at every other one, as their operators would with {@code node peers add}. */
    public static void pinEachOther(Collection<TestNode> nodes) throws IOException {
        PeerEntries.pinEachOther(nodes.stream().map(n -> n.data).toList());
    }

    public TestNode(Path data, String name, Duration sessionTtl) throws Exception {
        this(data, name, ServerIds.idFor(name, name.startsWith("OFFICIAL_") ? null : 7), sessionTtl);
    }

    public TestNode(Path data, String name, int id, Duration sessionTtl) throws Exception {
        this.data = data;
        this.sessionTtl = sessionTtl;
        NodeInitializer.Issued issued =
                NodeInitializer.init(data, new NodeConfig(name, id, 1, "127.0.0.1", "127.0.0.1"), new SecureRandom());
        this.entry = issued.entry();
        this.clientId = issued.clientId();
        // The made-up second server of setupJson is a pinned peer, so a setup naming it reaches the checks under test.
        new PeerRoster(new NodeFiles(data))
                .add(new PeerEntry(
                        OTHER.name(),
                        OTHER.id(),
                        null,
                        null,
                        HexFormat.of().formatHex(OTHER.signingKey()),
                        HexFormat.of().formatHex(OTHER.encryptionKey())));
        this.server = NodeServer.start(data, 0, sessionTtl);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(
                "node",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(
                                new ByteArrayInputStream(Files.readAllBytes(data.resolve("tls-cert.der")))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, tmf.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(ctx).build();
    }

    /** Stops the server (as a crash or shutdown would). */
    public void stop() {
        server.close();
    }

    /** Starts the same node again, on a new free port. */
    public void restart() throws Exception {
        server = NodeServer.start(data, 0, sessionTtl);
    }

    public String url() {
        return server.config().url();
    }

    /** A raw request; {@code body} null means GET. */
    public HttpResponse<String> send(String apiKey, String path, String body) throws Exception {
        return send(apiKey, path, body, Duration.ofSeconds(20));
    }

    /** The same, waiting up to {@code timeout} for the answer. */
    public HttpResponse<String> send(String apiKey, String path, String body, Duration timeout) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(timeout);
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** This node as a participant of a session setup, as its {@code GET /v1/identity} describes it. */
    public Participant participant() throws Exception {
        var identity = StrictJson.mapper()
                .readTree(send(entry.apiKey(), "/v1/identity", null).body());
        return new Participant(
                entry.name(),
                entry.id(),
                HexFormat.of().parseHex(identity.get("signingKey").asText()),
                HexFormat.of().parseHex(identity.get("encryptionKey").asText()));
    }

    /** A valid round-1 setup for this node and one made-up second server. */
    public String setupJson(UUID keyId, String curve, int threshold) throws Exception {
        Participant self = participant();
        Participant other = OTHER;
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        return StrictJson.mapper()
                .writeValueAsString(new SessionSetup(keyId.toString(), nonce, curve, threshold, List.of(self, other)));
    }

    @Override
    public void close() {
        server.close();
    }
}
