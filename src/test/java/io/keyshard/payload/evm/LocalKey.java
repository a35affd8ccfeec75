package io.keyshard.payload.evm;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A single secp256k1 key that signs with RFC 6979 deterministic nonces, as ethereumjs and
 * go-ethereum do, so signatures can be compared byte for byte with published transactions.
 */
final class LocalKey {
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    private final BigInteger d;

    LocalKey(String hex) {
        this.d = new BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
    }

    Point publicKey() {
        return CurveName.SECP256K1.curve().multiplyBase(d);
    }

    String address() {
        return EcRecover.address(publicKey());
    }

    /** Low-s ECDSA over the digest, with the recovery id found by recovering each candidate. */
    EvmSignature sign(byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, new ECDomainParameters(PARAMS)));
        BigInteger[] rs = signer.generateSignature(digest);
        for (int recId = 0; recId < 2; recId++) {
            EvmSignature sig = new EvmSignature(rs[0], rs[1], recId).normalized();
            if (EcRecover.recover(digest, sig).equals(publicKey())) {
                return sig;
            }
        }
        throw new IllegalStateException("no recovery id recovers the signing key");
    }
}
