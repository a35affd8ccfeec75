package io.keyshard.node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The node's TLS server context, from the certificate and key made at {@code node init}. */
final class NodeTls {
    static final String PROTOCOL = "TLSv1.3";

    private NodeTls() {}

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
