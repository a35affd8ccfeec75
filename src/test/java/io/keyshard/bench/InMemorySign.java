package io.keyshard.bench;

import io.keyshard.bytes.Hex;
import io.keyshard.client.StandardVerifier;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.InMemoryDkg;
import io.keyshard.dkg.Round3Output;
import io.keyshard.frost.Aggregator;
import io.keyshard.frost.Ciphersuite;
import io.keyshard.frost.KeyPackage;
import io.keyshard.frost.PublicKeyPackage;
import io.keyshard.frost.Round1;
import io.keyshard.frost.Round2;
import io.keyshard.frost.SignatureShare;
import io.keyshard.frost.SigningCommitments;
import io.keyshard.frost.SigningNonces;
import io.keyshard.frost.SigningPackage;
import io.keyshard.frost.Tweaks;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignTranscript;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The floor of a networked signing: the same FROST protocol in one process with no network, no identity
 * signatures and no audit. Each signer moves its share by the path's tweak (as a node does in both rounds, with
 * {@code δ·G} taken from the derived key the public derivation made),
 * commits, signs; the coordinator moves the public package the same way, aggregates and checks the aggregate
 * with the client's {@link StandardVerifier} under the derived key (each share only when it refuses), as the
 * client does before it returns a signature. {@link #withIdentitySignatures} adds DESIGN 13.3's identity-key
 * signatures: each signer signs its commitments, checks every co-signer's before round 2, and signs its share.
 */
final class InMemorySign implements SignFloor {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurveName curve;
    private final Ciphersuite suite;
    private final Map<Integer, KeyPackage> keys;
    private final PublicKeyPackage pub;
    private final ExtendedPublicKey root;
    /** Each signer's identity keys, by id; empty for the floor without identity signatures. */
    private final Map<Integer, IdentityKeys> identities;

    private InMemorySign(
            CurveName curve,
            Map<Integer, KeyPackage> keys,
            PublicKeyPackage pub,
            ExtendedPublicKey root,
            Map<Integer, IdentityKeys> identities) {
        this.curve = curve;
        this.suite = Ciphersuite.forCurve(curve);
        this.keys = keys;
        this.pub = pub;
        this.root = root;
        this.identities = identities;
    }

    /** The same floor with each signer's identity-key signatures and checks of DESIGN 13.3 in it. */
    InMemorySign withIdentitySignatures() {
        Map<Integer, IdentityKeys> ids = new TreeMap<>();
        keys.keySet().forEach(id -> ids.put(id, IdentityKeys.generate(RANDOM)));
        return new InMemorySign(curve, keys, pub, root, ids);
    }

    /** A key of {@code threshold} among {@code ids}, from the project's own key generation run in memory. */
    static InMemorySign keygen(CurveName curve, int threshold, List<Integer> ids) {
        InMemoryDkg.Run run = InMemoryDkg.run(curve, threshold, ids);
        Curve c = curve.curve();
        Point groupKey = c.decodePublicKey(run.agreed().rootPublicKey());
        Map<Integer, Point> shares = new TreeMap<>();
        run.outputs()
                .values()
                .iterator()
                .next()
                .message()
                .verificationShares()
                .forEach((id, enc) -> shares.put(id, c.decodePoint(enc)));
        Ciphersuite suite = Ciphersuite.forCurve(curve);
        Map<Integer, KeyPackage> keys = new LinkedHashMap<>();
        for (Map.Entry<Integer, Round3Output> e : run.outputs().entrySet()) {
            keys.put(
                    e.getKey(),
                    new KeyPackage(
                            e.getKey(),
                            suite.deserializeScalar(e.getValue().share().encoded()),
                            shares.get(e.getKey()),
                            groupKey,
                            threshold));
            e.getValue().share().destroy();
        }
        ExtendedPublicKey root = ExtendedPublicKey.root(
                curve, run.agreed().rootPublicKey(), run.agreed().chainCode());
        return new InMemorySign(curve, keys, new PublicKeyPackage(shares, groupKey, threshold), root, Map.of());
    }

    /** One signing of {@code message} under {@code path} by {@code signers}; fails if the verifier refuses it. */
    @Override
    public void sign(DerivationPath path, List<Integer> signers, byte[] message) {
        DerivedKey child = PublicDerivation.derive(root, path);
        BigInteger delta = child.tweak();
        Point derivedKey = child.key().point();
        List<SigningNonces> nonces = new ArrayList<>();
        List<SigningCommitments> commitments = new ArrayList<>();
        for (int id : signers) {
            KeyPackage key = tweaked(id, delta, derivedKey);
            SigningNonces made = Round1.commit(suite, key, RANDOM::nextBytes);
            key.destroy();
            nonces.add(made);
            commitments.add(made.commitments());
        }
        // the request hash stands for the node's hash of the whole request (one SHA-256 of a few hundred bytes)
        byte[] requestHash = SignTranscript.messageHash(message);
        List<SignCommitment> signed = identities.isEmpty() ? List.of() : signedCommitments(requestHash, commitments);
        SigningPackage pkg = new SigningPackage(commitments, message);
        Map<Integer, SignatureShare> shares = new TreeMap<>();
        for (int i = 0; i < signers.size(); i++) {
            if (!identities.isEmpty()) {
                checkCoSigners(signers.get(i), requestHash, signed);
            }
            KeyPackage key = tweaked(signers.get(i), delta, derivedKey);
            SignatureShare share = Round2.sign(suite, pkg, nonces.get(i), key);
            key.destroy();
            if (!identities.isEmpty()) {
                identities
                        .get(signers.get(i))
                        .signSigningMessage(SignTranscript.share(
                                requestHash, SignTranscript.commitmentsHash(signed), signers.get(i), share.encode()));
            }
            shares.put(signers.get(i), share);
        }
        PublicKeyPackage derived = delta.signum() == 0 ? pub : Tweaks.derive(pub, delta, derivedKey);
        // as the coordinator: the chain's standard verifier is the aggregate's one check
        Aggregator.prepare(suite, pkg, derived)
                .aggregate(
                        shares, sig -> StandardVerifier.accepts(curve, derived.groupKey(), message, sig.encode(suite)));
    }

    /** Round 1's answers as the nodes send them: each signer's commitments, signed with its identity key. */
    private List<SignCommitment> signedCommitments(byte[] requestHash, List<SigningCommitments> commitments) {
        List<SignCommitment> out = new ArrayList<>();
        for (SigningCommitments c : commitments) {
            byte[] hiding = suite.serializeElement(c.hiding());
            byte[] binding = suite.serializeElement(c.binding());
            byte[] signature = identities
                    .get(c.identifier())
                    .signSigningMessage(SignTranscript.commitment(requestHash, c.identifier(), hiding, binding));
            out.add(new SignCommitment(c.identifier(), Hex.encode(hiding), Hex.encode(binding), Hex.encode(signature)));
        }
        return out;
    }

    /** Before round 2, as a node: every co-signer's commitments carry that co-signer's identity signature. */
    private void checkCoSigners(int self, byte[] requestHash, List<SignCommitment> signed) {
        for (SignCommitment c : signed) {
            if (c.sender() != self
                    && !IdentityKeys.verifySigningMessage(
                            identities.get(c.sender()).signingPublicKey(),
                            Hex.decode(c.signature(), "signature"),
                            SignTranscript.commitment(
                                    requestHash,
                                    c.sender(),
                                    Hex.decode(c.hiding(), "hiding"),
                                    Hex.decode(c.binding(), "binding")))) {
                throw new IllegalStateException("co-signer " + c.sender() + "'s commitments are not its own");
            }
        }
    }

    private KeyPackage tweaked(int id, BigInteger delta, Point derivedKey) {
        KeyPackage key = keys.get(id);
        KeyPackage copy = new KeyPackage(
                id,
                suite.deserializeScalar(suite.serializeScalar(key.signingShare())),
                key.verifyingShare(),
                key.groupKey(),
                key.minSigners());
        if (delta.signum() == 0) {
            return copy;
        }
        KeyPackage moved = Tweaks.derive(copy, delta, derivedKey);
        copy.destroy();
        return moved;
    }
}
