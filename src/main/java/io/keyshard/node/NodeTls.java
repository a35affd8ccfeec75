package io.keyshard.node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The node's TLS server: its context, from the certificate and key made at {@code node init}, and its suite order. */
final class NodeTls {
    static final String PROTOCOL = "TLSv1.3";
    private static final String CHACHA20 = "TLS_CHACHA20_POLY1305_SHA256";
    private static final List<String> AES_GCM = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");
    private static final String STOP_LEVEL = "-XX:TieredStopAtLevel=";
    /** The highest JIT tier, C2; below it the JVM compiles with C1 alone. */
    private static final int C2_LEVEL = 4;

    private NodeTls() {}

    /**
     * Every TLS 1.3 suite, in the order this node's server prefers them: ChaCha20-Poly1305 first when its
     * JVM runs without C2, AES-GCM first otherwise.
     */
    static List<String> cipherSuites() {
        // The JVM's own arguments, not the HotSpotDiagnosticMXBean: the app's jlink runtime has no jdk.management.
        return cipherSuites(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** As {@link #cipherSuites()}, for a JVM started with {@code jvmArguments}. */
    static List<String> cipherSuites(List<String> jvmArguments) {
        // Only C2 has the AES and GHASH intrinsics: under C1 alone (the local cluster's nodes) JDK 17's AES-GCM
        // costs about 4x ChaCha20-Poly1305 per byte, under C2 about a tenth of it (docs/benchmarks.md).
        if (withoutC2(jvmArguments)) {
            return List.of(CHACHA20, AES_GCM.get(0), AES_GCM.get(1));
        }
        return List.of(AES_GCM.get(0), AES_GCM.get(1), CHACHA20);
    }

    /** True when the last {@code -XX:TieredStopAtLevel} given stops below C2 (as HotSpot, the last one wins). */
    private static boolean withoutC2(List<String> jvmArguments) {
        int level = C2_LEVEL;
        for (String a : jvmArguments) {
            if (a.startsWith(STOP_LEVEL)) {
                try {
                    level = Integer.parseInt(a.substring(STOP_LEVEL.length()));
                } catch (NumberFormatException e) {
                    // HotSpot refuses to start with such a value, so it never reaches here
                }
            }
        }
        return level < C2_LEVEL;
    }

    static X509Certificate readCertificate(NodeFiles files) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(files.readRequired(files.certificate())));
        } catch (GeneralSecurityException e) {
            throw new NodeSetupException("the node's certificate is damaged");
        }
    }

    static SSLContext serverContext(NodeFiles files) throws IOException {
        byte[] keyBytes = files.readRequired(files.tlsKey());
        char[] storePass = new char[0];
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(keyBytes));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("node", key, storePass, new X509Certificate[] {readCertificate(files)});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, storePass);
            SSLContext ctx = SSLContext.getInstance(PROTOCOL);
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new NodeSetupException("the node's TLS key is damaged");
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
