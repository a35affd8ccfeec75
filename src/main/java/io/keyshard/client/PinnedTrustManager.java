package io.keyshard.client;

import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-256 is the pin. No CA, no host name
 * check (the pin is stronger than both); no pin, no connection.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
    static final String PROTOCOL = "TLSv1.3";
    private final byte[] pin;

    PinnedTrustManager(String certSha256) {
        if (certSha256 == null || !certSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a server needs a certificate pin (64 hex characters) to connect");
        }
        this.pin = Hex.decode(certSha256, "certificate pin");
    }

    /** A TLS 1.3 context that trusts only the pinned certificate. */
    static SSLContext context(String certSha256) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance(PROTOCOL);
        ctx.init(null, new TrustManager[] {new PinnedTrustManager(certSha256)}, null);
        return ctx;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server sent no certificate");
        }
        byte[] actual = Digests.sha256(chain[0].getEncoded());
        if (!MessageDigest.isEqual(actual, pin)) {
            throw new CertificateException("server certificate does not match the pinned SHA-256");
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
