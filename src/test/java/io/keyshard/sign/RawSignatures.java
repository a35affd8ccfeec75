package io.keyshard.sign;

import io.keyshard.bytes.Hex;
import io.keyshard.client.Workspace;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.frost.Aggregator;
import io.keyshard.frost.Bip340;
import io.keyshard.frost.Ciphersuite;
import io.keyshard.frost.PublicKeyPackage;
import io.keyshard.frost.Signature;
import io.keyshard.frost.SignatureShare;
import io.keyshard.frost.SigningCommitments;
import io.keyshard.frost.SigningPackage;
import io.keyshard.frost.Tweaks;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.TaprootTweak;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-only: a coordinator's last step done by a test that drove the rounds itself: the nodes' raw
 * round-1 and round-2 answers aggregated into the signature, with the key it verifies under.
 */
public final class RawSignatures {
    private RawSignatures() {}

    /** A finished signature and the key a standard verifier checks it under, both hex. */
    public record Signed(String signature, String verifyKey) {}

    /**
     * Aggregates the shares of one signing of {@code key} at {@code path} (with the optional taproot
     * tweak); {@code ids} maps the key's server names to their ids. Throws when a share fails its check.
     */
    public static Signed aggregate(
            KeyRecord key,
            String path,
            TaprootTweak taproot,
            Map<String, Integer> ids,
            List<SignCommitment> commitments,
            List<SignShare> shares,
            byte[] message) {
        Ciphersuite suite = Ciphersuite.forCurve(key.curve());
        Curve curve = key.curve().curve();
        Map<Integer, Point> verifying = new TreeMap<>();
        key.verificationShares()
                .forEach((name, hex) ->
                        verifying.put(ids.get(name), curve.decodePoint(Hex.decode(hex, "verification share"))));
        Point root = curve.decodePublicKey(Hex.decode(key.rootPublicKey(), "rootPublicKey"));
        BigInteger delta = PublicDerivation.derive(Workspace.rootOf(key).key(), DerivationPath.parse(path))
                .tweak();
        PublicKeyPackage pub = new PublicKeyPackage(verifying, root, key.threshold());
        pub = delta.signum() == 0 ? pub : Tweaks.derive(pub, delta);
        pub = taproot == null ? pub : Tweaks.taproot(pub, taproot.merkleRoot());
        List<SigningCommitments> decoded = new ArrayList<>();
        for (SignCommitment c : commitments) {
            decoded.add(SigningCommitments.decode(
                    suite, c.sender(), Hex.decode(c.hiding(), "hiding"), Hex.decode(c.binding(), "binding")));
        }
        Map<Integer, SignatureShare> z = new TreeMap<>();
        for (SignShare s : shares) {
            z.put(s.sender(), SignatureShare.decode(suite, s.sender(), Hex.decode(s.share(), "share")));
        }
        Signature sig = Aggregator.aggregate(suite, new SigningPackage(decoded, message), z, pub);
        Point y = pub.groupKey();
        return new Signed(
                Hex.encode(sig.encode(suite)),
                Hex.encode(key.curve() == CurveName.SECP256K1_SCHNORR ? Bip340.x(y) : y.encode()));
    }

    /** The nonce part of a signature ({@code R}, or x(R) for BIP-340), labelled by curve, as hex. */
    public static String nonceOf(CurveName curve, byte[] signature) {
        int half = curve == CurveName.ED448 ? 57 : 32;
        return curve.apiName() + ":" + Hex.encode(Arrays.copyOf(signature, half));
    }
}
