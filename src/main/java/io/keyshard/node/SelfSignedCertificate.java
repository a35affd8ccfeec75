package io.keyshard.node;

import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a node's self-signed TLS certificate (EC P-256, CN = server name, SAN 127.0.0.1,
 * localhost and the configured host). Clients pin its SHA-256, so no CA is involved.
 */
final class SelfSignedCertificate {
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {}

    record Issued(KeyPair keyPair, X509Certificate certificate) {}

    static Issued issue(String name, String host, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair kp = gen.generateKeyPair();
        var subject =
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(127, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                kp.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altNames(host)));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
            return new Issued(kp, new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot make the TLS certificate", e);
        }
    }

    private static GeneralName[] altNames(String host) {
        Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost", host));
        List<GeneralName> out = new ArrayList<>();
        for (String n : names) {
            boolean ip = n.matches("[0-9.]+") || n.contains(":");
            out.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
        }
        return out.toArray(GeneralName[]::new);
    }

    /** The pin clients compare: SHA-256 of the DER certificate, lowercase hex. */
    static String sha256(X509Certificate cert) {
        try {
            return Hex.encode(Digests.sha256(cert.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash the certificate", e);
        }
    }
}
