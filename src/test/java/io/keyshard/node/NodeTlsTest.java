package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The node server's TLS 1.3 suite order: ChaCha20-Poly1305 first without C2, AES-GCM first with it. */
class NodeTlsTest {
    private static final Set<String> ALL_TLS13 =
            Set.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");

    @Test
    void aJvmStoppedAtC1PrefersChaCha20() {
        List<String> suites = NodeTls.cipherSuites(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        assertEquals("TLS_CHACHA20_POLY1305_SHA256", suites.get(0));
        assertEquals(ALL_TLS13, Set.copyOf(suites), "every TLS 1.3 suite stays enabled");
    }

    @Test
    void aJvmWithC2KeepsAesGcmFirst() {
        List<String> suites = NodeTls.cipherSuites(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        assertEquals("TLS_AES_256_GCM_SHA384", suites.get(0));
        assertEquals(ALL_TLS13, Set.copyOf(suites), "every TLS 1.3 suite stays enabled");
        assertEquals(
                "TLS_AES_256_GCM_SHA384",
                NodeTls.cipherSuites(List.of("-XX:TieredStopAtLevel=4")).get(0));
    }

    @Test
    void theLastTieredStopAtLevelCountsAsInHotSpot() {
        assertEquals(
                "TLS_AES_256_GCM_SHA384",
                NodeTls.cipherSuites(List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4"))
                        .get(0));
        assertEquals(
                "TLS_CHACHA20_POLY1305_SHA256",
                NodeTls.cipherSuites(List.of("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=3"))
                        .get(0));
    }
}
