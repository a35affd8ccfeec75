package io.keyshard.payload.bitcoin;

import io.keyshard.crypto.Digests;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.frost.Bip340;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A single-party key with its private scalar, for tests only: the product never holds one. It
 * builds PSBTs that pay to and spend from its own derived keys, and signs what {@link PsbtSigner} asks.
 */
final class TestWallet {
    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");
    private final BigInteger secret;
    final ExtendedPublicKey root;

    TestWallet(CurveName curve, long seed) {
        Curve c = curve.curve();
        BigInteger d = new BigInteger(1, Digests.sha256(BigInteger.valueOf(seed).toByteArray())).mod(c.order());
        byte[] chain = Digests.sha256(("chain" + seed).getBytes(StandardCharsets.UTF_8));
        ExtendedPublicKey r = new ExtendedPublicKey(curve, c.multiplyBase(d), chain, 0, 0, 0);
        this.secret = d;
        this.root = r;
    }

    DerivedKey derive(String path) {
        return PublicDerivation.derive(root, DerivationPath.parse(path));
    }

    /** Compressed SEC1 key at {@code path}. */
    byte[] publicKey(String path) {
        return derive(path).key().point().encode();
    }

    byte[] xOnly(String path) {
        return Bip340.x(derive(path).key().point());
    }

    BigInteger privateKey(DerivationPath path) {
        // Public derivation is additive: the child's secret is the root's plus the accumulated tweak.
        return secret.add(PublicDerivation.derive(root, path).tweak()).mod(SECP.getN());
    }

    KeyOrigin origin(String path) {
        List<Long> indices = new ArrayList<>();
        DerivationPath.parse(path).indices().forEach(i -> indices.add((long) i));
        return new KeyOrigin(root.fingerprint(), indices);
    }

    /** Deterministic (RFC 6979) low-s ECDSA, DER encoded. */
    byte[] signEcdsa(SigningInput in) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(
                true,
                new ECPrivateKeyParameters(
                        privateKey(in.path()),
                        new ECDomainParameters(SECP.getCurve(), SECP.getG(), SECP.getN(), SECP.getH())));
        BigInteger[] rs = signer.generateSignature(in.sighash());
        BigInteger s =
                rs[1].compareTo(SECP.getN().shiftRight(1)) > 0 ? SECP.getN().subtract(rs[1]) : rs[1];
        return Der.encode(rs[0], s);
    }

    /** BIP-340 signature with the BIP-341 tweak of the input's internal key, zero auxiliary randomness. */
    byte[] signSchnorr(SigningInput in) {
        return schnorr(tweaked(privateKey(in.path()), in.internalKey(), in.merkleRoot()), in.sighash());
    }

    /** The BIP-341 tweaked secret of {@code d} (whose x-only key is {@code internal}), made to have an even Y. */
    static BigInteger tweaked(BigInteger d, byte[] internal, byte[] merkleRoot) {
        Curve c = CurveName.SECP256K1_SCHNORR.curve();
        BigInteger n = c.order();
        BigInteger k = Bip340.hasEvenY(c.multiplyBase(d)) ? d : n.subtract(d);
        k = k.add(new BigInteger(1, Taproot.tweak(internal, merkleRoot))).mod(n);
        return Bip340.hasEvenY(c.multiplyBase(k)) ? k : n.subtract(k);
    }

    /** BIP-340's default signing with zero auxiliary randomness; {@code d}'s key must have an even Y. */
    static byte[] schnorr(BigInteger d, byte[] msg) {
        Curve c = CurveName.SECP256K1_SCHNORR.curve();
        BigInteger n = c.order();
        byte[] px = Bip340.x(c.multiplyBase(d));
        byte[] aux = Digests.taggedHash("BIP0340/aux", new byte[32]);
        byte[] db = c.encodeScalar(d);
        byte[] masked = new byte[32];
        for (int i = 0; i < 32; i++) {
            masked[i] = (byte) (db[i] ^ aux[i]);
        }
        BigInteger k = new BigInteger(1, Digests.taggedHash("BIP0340/nonce", cat(masked, px, msg))).mod(n);
        var r = c.multiplyBase(k);
        if (!Bip340.hasEvenY(r)) {
            k = n.subtract(k);
        }
        byte[] rx = Bip340.x(r);
        BigInteger e = new BigInteger(1, Digests.taggedHash("BIP0340/challenge", cat(rx, px, msg))).mod(n);
        return cat(rx, c.encodeScalar(k.add(e.multiply(d)).mod(n)));
    }

    static byte[] cat(byte[]... parts) {
        ByteWriter w = new ByteWriter();
        for (byte[] p : parts) {
            w.bytes(p);
        }
        return w.toByteArray();
    }
}
