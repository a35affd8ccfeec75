package io.keyshard.dkls;

import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.util.List;

/**
 * What a signing session signs and with whom: the session id (fresh per signature; it keys the OT
 * extension, the gadget vector and the zero shares), the sorted signer identifiers, the digest
 * (the curve's hash of the message, or a digest the caller gives) and the public key it verifies
 * under (the derived key).
 */
public record SignRequest(byte[] sessionId, List<Integer> signers, byte[] digest, Point publicKey) {
    public SignRequest {
        sessionId = sessionId.clone();
        digest = digest.clone();
        signers = List.copyOf(signers);
        if (signers.stream().distinct().count() != signers.size()
                || signers.stream().anyMatch(i -> i <= 0)) {
            throw new IllegalArgumentException("signer identifiers must be distinct and positive");
        }
        if (!signers.equals(signers.stream().sorted().toList())) {
            throw new IllegalArgumentException("signer identifiers must be sorted");
        }
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** FIPS 186-5 bits2int of the digest, reduced mod q: the e of ECDSA. */
    public BigInteger digestScalar(Group g) {
        BigInteger e = new BigInteger(1, digest);
        int excess = 8 * digest.length - g.order().bitLength();
        if (excess > 0) {
            e = e.shiftRight(excess);
        }
        return e.mod(g.order());
    }

    /** The Lagrange coefficient at zero of signer i within this signer set (public). */
    public BigInteger lagrange(Group g, int i) {
        BigInteger q = g.order();
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (int j : signers) {
            if (j != i) {
                num = num.multiply(BigInteger.valueOf(j)).mod(q);
                den = den.multiply(BigInteger.valueOf(j - i)).mod(q);
            }
        }
        return num.multiply(den.modInverse(q)).mod(q);
    }

    /** A digest binding the session, the signers, the digest and the key: carried in later rounds. */
    byte[] binding() {
        byte[] ids = new byte[4 * signers.size()];
        for (int k = 0; k < signers.size(); k++) {
            System.arraycopy(Oracle.u32(signers.get(k)), 0, ids, 4 * k, 4);
        }
        return Oracle.hash32("sign-request", sessionId, ids, digest, publicKey.encode());
    }
}
