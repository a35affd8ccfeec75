package io.keyshard.dkls;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * An ECDSA signature (r, s) with its recovery id (bit 0: parity of R.y, flipped when s is negated;
 * bit 1: R.x was at least q). secp256k1 signatures are normalised to low s.
 */
public record EcdsaSignature(BigInteger r, BigInteger s, int recoveryId) {

    /** R.x as an integer (the r of the signature before reduction mod q). */
    static BigInteger x(Point bigR) {
        byte[] enc = bigR.encode();
        return new BigInteger(1, Arrays.copyOfRange(enc, 1, enc.length));
    }

    /** (r, s) from R and s as computed, normalised as the curve requires. */
    static EcdsaSignature of(Group g, Point bigR, BigInteger s) {
        byte[] enc = bigR.encode();
        BigInteger x = x(bigR);
        BigInteger q = g.order();
        int recId = (enc[0] == 0x03 ? 1 : 0) | (x.compareTo(q) >= 0 ? 2 : 0);
        if (g.curve().name() == CurveName.SECP256K1 && s.compareTo(q.shiftRight(1)) > 0) {
            s = q.subtract(s);
            recId ^= 1;
        }
        return new EcdsaSignature(x.mod(q), s, recId);
    }

    /** ASN.1 DER {@code SEQUENCE { r INTEGER, s INTEGER }}. */
    public byte[] der() {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(r));
        v.add(new ASN1Integer(s));
        try {
            return new DERSequence(v).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Verifies with Bouncy Castle's ECDSA verifier under the public key. */
    public boolean verify(Group g, Point publicKey, byte[] digest) {
        X9ECParameters p = CustomNamedCurves.getByName(Group.bcName(g.curve().name()));
        ECDomainParameters domain = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(p.getCurve().decodePoint(publicKey.encode()), domain));
        return verifier.verifySignature(digest, r, s);
    }
}
