package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeConfig;
import io.keyshard.node.NodeInitializer;
import io.keyshard.wire.NodeEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite a real node process picks from the client's TLS 1.3 offer (AES-GCM first): ChaCha20-Poly1305
 * on the local cluster's C1-only nodes, AES-GCM on a node run with the JVM's default compilers.
 */
class NodeCipherSuiteIT {
    @TempDir
    Path dir;

    @Test
    void theLocalClustersNodesChooseChaCha20Poly1305() throws Exception {
        ServersConfig config = ServersConfig.load(SharedCluster.home(dir.resolve("home")));
        for (String name : LocalCluster.NAMES) {
            ServerInfo node = config.get(name);
            assertEquals("TLS_CHACHA20_POLY1305_SHA256", negotiated(node.url(), node.certSha256()), name);
        }
    }

    @Test
    void aNodeOnTheJvmsDefaultCompilersKeepsAesGcm() throws Exception {
        Path data = dir.resolve("remote");
        NodeEntry entry = NodeInitializer.init(
                        data, new NodeConfig("REMOTE", 7, 1, "127.0.0.1", "127.0.0.1"), new SecureRandom())
                .entry();
        // as an operator's own 'keyshard node run': no JIT option, so C2 compiles
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.keyshard.Main"));
        command.addAll(ScaleNodes.runArgs(data));
        Process p = new ProcessBuilder(command)
                .redirectError(dir.resolve("remote.log").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
            assertNotNull(line, "the node did not start; see remote.log");
            String url = StrictJson.mapper().readTree(line).path("url").asText();
            assertEquals("TLS_AES_256_GCM_SHA384", negotiated(url, entry.certSha256()));
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The suite of a handshake made as the client makes it: pinned, TLS 1.3, the JDK's suites in its order. */
    private static String negotiated(String url, String certSha256) throws Exception {
        URI u = URI.create(url);
        try (SSLSocket s = (SSLSocket)
                PinnedTrustManager.context(certSha256).getSocketFactory().createSocket(u.getHost(), u.getPort())) {
            s.setEnabledProtocols(new String[] {PinnedTrustManager.PROTOCOL});
            s.setSoTimeout(30_000);
            List<String> offered = List.of(s.getEnabledCipherSuites());
            assertTrue(offered.get(0).startsWith("TLS_AES_"), "the client offers AES-GCM first: " + offered);
            assertTrue(offered.contains("TLS_CHACHA20_POLY1305_SHA256"), "the client offers ChaCha20 too: " + offered);
            s.startHandshake();
            return s.getSession().getCipherSuite();
        }
    }
}
