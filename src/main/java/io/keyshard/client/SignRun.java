package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.frost.Aggregator;
import io.keyshard.frost.Bip340;
import io.keyshard.frost.Ciphersuite;
import io.keyshard.frost.PublicKeyPackage;
import io.keyshard.frost.Signature;
import io.keyshard.frost.SignatureShare;
import io.keyshard.frost.SigningCheck;
import io.keyshard.frost.SigningException;
import io.keyshard.frost.SigningPackage;
import io.keyshard.frost.Tweaks;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignRound2Request;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.SignTranscript;
import io.keyshard.wire.StateAnswer;
import io.keyshard.wire.TaprootTweak;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * One FROST signing as the coordinator runs it (docs/protocol.md, Signing): the signers (given, or the
 * first t of the key's servers that answer), round 1 and round 2 in parallel, the commitments decoded and
 * the group commitment computed while round 2 runs, aggregation, and the signature verified with the
 * chain's standard verifier under the derived (or taproot output) key before it is returned. When that
 * fails, every share is checked against its verification share and every answer against its server's
 * identity key, and a bad one names its server. Any failure aborts on every signer.
 */
final class SignRun {
    static final String ACTIVITY = "signing";
    private static final Duration ABORT_TIMEOUT = Duration.ofSeconds(10);
    /** The keys' public points, decoded (with their subgroup checks) once per process rather than per signing. */
    private static final DecodedPoints DECODED = new DecodedPoints();
    /**
     * Runs the coordinator's checks of the commitments beside round 2. Not the common pool: on two cores its
     * parallelism is one, so {@code supplyAsync} without an executor started a new thread for every signing.
     */
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keyshard-sign-checks");
        t.setDaemon(true);
        return t;
    });

    private final UUID signId;
    private final KeyRecord key;
    private final SignRequest request;
    private final Map<String, NodeConnection> servers;
    private final Operation<SignResult> op;
    private final Duration roundTimeout;
    private final Runnable ecdsaSetup;

    /**
     * {@code servers}: a connection for each of the key's servers that is still configured, in the key's
     * order; {@code ecdsaSetup} runs (or joins) the key's pairwise setup when a signer has none it can use.
     */
    SignRun(
            UUID signId,
            KeyRecord key,
            SignRequest request,
            Map<String, NodeConnection> servers,
            Operation<SignResult> op,
            Duration roundTimeout,
            Runnable ecdsaSetup) {
        this.signId = signId;
        this.key = key;
        this.request = request;
        this.servers = servers;
        this.op = op;
        this.roundTimeout = roundTimeout;
        this.ecdsaSetup = ecdsaSetup;
    }

    SignResult run() {
        CurveName curve = key.curve();
        if (!StandardVerifier.frost(curve)) {
            SignerPick.Picked picked = new SignerPick(key, request.servers(), servers, op, roundTimeout).pick();
            try {
                return new EcdsaSignRun(signId, key, request, picked, op, roundTimeout).run();
            } catch (KeygenException e) {
                if (!EcdsaSignRun.setupNeeded(e)) {
                    throw e;
                }
            }
            // A signer has no setup it can use (none yet, still being made, or burned after a failed check):
            // a fresh or finished setup, then one more signing with a new signId. The refused round 1 is not
            // a failure the person should see: each signer's row reads as waiting on the setup instead.
            for (NodeConnection c : picked.signers()) {
                op.emit(KeygenProgress.of(
                        KeygenProgress.Stage.SENT,
                        Phase.ROUND1,
                        c.name(),
                        "setting up ECDSA signing with the other servers (once per pair of servers)"));
            }
            ecdsaSetup.run();
            return new EcdsaSignRun(UUID.randomUUID(), key, request, picked, op, roundTimeout).run();
        }
        Ciphersuite suite = Ciphersuite.forCurve(curve);
        byte[] message = request.message();
        TaprootTweak taproot = request.taproot();
        if (taproot != null && curve != CurveName.SECP256K1_SCHNORR) {
            throw new IllegalArgumentException("a taproot tweak applies to SECP256K1_SCHNORR keys only");
        }
        Point root = DECODED.get(curve.curve(), key.rootPublicKey(), true);
        DerivedKey derived = PublicDerivation.derive(
                new ExtendedPublicKey(curve, root, Hex.decode(key.chainCode(), "chainCode"), 0, 0, 0), request.path());
        SignerPick.Picked picked = new SignerPick(key, request.servers(), servers, op, roundTimeout).pick();
        List<NodeConnection> signers = picked.signers();
        PublicKeyPackage pub = publicPackage(root, derived, taproot, picked.ids());
        List<Integer> ids = signers.stream().map(c -> c.info().id()).sorted().toList();
        SignRound1Request r1 = new SignRound1Request(
                key.keyId().toString(),
                request.path().toString(),
                TaprootTweak.wire(taproot),
                ids,
                Hex.encode(message));
        byte[] requestHash = SignTranscript.requestHash(signId, r1, message);
        SignAnswers answers = new SignAnswers(suite, requestHash, signers, picked.identities());
        try {
            List<SignCommitment> commitments = ParallelRound.run(
                    op,
                    ACTIVITY,
                    Phase.ROUND1,
                    signers,
                    c -> c.sign(signId, "round1", r1, SignCommitment.class, roundTimeout));
            SignRound2Request r2 = new SignRound2Request(r1, commitments);
            // The coordinator decodes the commitments and computes the group commitment while the signers
            // answer round 2: every signer makes the same checks of its co-signers before it answers (section
            // 13.5), and a share released under any commitment list reveals nothing while its nonces are used
            // once, so sending first loses nothing but the wait.
            CompletableFuture<Checked> checked = CompletableFuture.supplyAsync(
                    () -> Checked.of(suite, new SigningPackage(answers.commitments(commitments), message), pub),
                    CHECKS);
            List<SignShare> shares;
            try {
                shares = ParallelRound.run(
                        op,
                        ACTIVITY,
                        Phase.ROUND2,
                        signers,
                        c -> c.sign(signId, "round2", r2, SignShare.class, roundTimeout));
            } catch (RuntimeException e) {
                // a commitment that fails the checks is why honest signers refused round 2: name its sender
                checkedPackage(checked);
                answers.commitmentSignatures(commitments);
                throw e;
            }
            Checked ready = checkedPackage(checked);
            Map<Integer, SignatureShare> byId = answers.shares(shares);
            Signature sig;
            try {
                // the chain's standard verifier is the aggregate's check: it runs before release either way,
                // and a second verification of the same signature would prove nothing more
                sig = aggregate(
                        ready,
                        byId,
                        s -> StandardVerifier.accepts(curve, pub.groupKey(), message, s.encode(suite)),
                        answers);
            } catch (KeygenException e) {
                answers.commitmentSignatures(commitments);
                answers.shareSignatures(shares, SignTranscript.commitmentsHash(commitments));
                if (e.getCause() instanceof SigningException se && se.check() == SigningCheck.SIGNATURE) {
                    // every share verified: the aggregate fails the chain's verifier, not a signer
                    throw new KeygenException(
                            null,
                            "signing failed: the aggregate signature does not pass the "
                                    + StandardVerifier.scheme(curve)
                                    + " verifier under the derived key; it is not returned",
                            ExitCoded.PROTOCOL,
                            se);
                }
                throw e;
            }
            byte[] encoded = sig.encode(suite);
            byte[] verifyKey = verifyKey(curve, pub.groupKey());
            return new SignResult(
                    signId,
                    key.keyId(),
                    curve,
                    StandardVerifier.scheme(curve),
                    request.path().toString(),
                    Hex.encode(verifyKey),
                    address(request, key, derived),
                    signers.stream().map(NodeConnection::name).toList(),
                    Hex.encode(SignTranscript.messageHash(message)),
                    Hex.encode(encoded),
                    Instant.now());
        } catch (RuntimeException e) {
            abortEverywhere(signId, signers);
            throw e;
        }
    }

    /**
     * The key's public package for this signing: verification shares by server id from the vault record,
     * moved by the derivation tweak and, for taproot, the BIP-341 tweak, as every signer moves its share.
     */
    private PublicKeyPackage publicPackage(
            Point root, DerivedKey child, TaprootTweak taproot, Map<String, Integer> ids) {
        Curve curve = key.curve().curve();
        Map<Integer, Point> shares = new TreeMap<>();
        key.verificationShares().forEach((name, hex) -> {
            Integer id = ids.get(name);
            if (id != null) {
                shares.put(id, DECODED.get(curve, hex, false));
            }
        });
        PublicKeyPackage pub = new PublicKeyPackage(shares, root, key.threshold());
        BigInteger delta = child.tweak();
        PublicKeyPackage derived = delta.signum() == 0
                ? pub
                : Tweaks.derive(pub, delta, child.key().point());
        return taproot == null ? derived : Tweaks.taproot(derived, taproot.merkleRoot());
    }

    /**
     * The checked commitments with the aggregation's public part, or why that part failed: a failure of the
     * group commitment is reported only once the signers have answered round 2 (an honest signer refuses
     * such a list too, and its refusal comes first, as when the coordinator computed it after round 2).
     */
    private record Checked(Aggregator.Prepared prepared, RuntimeException failed) {
        static Checked of(Ciphersuite suite, SigningPackage pkg, PublicKeyPackage pub) {
            try {
                return new Checked(Aggregator.prepare(suite, pkg, pub), null);
            } catch (SigningException e) {
                return new Checked(null, e);
            }
        }
    }

    /** The checked commitments, or the check's own failure (naming its culprit). */
    private static Checked checkedPackage(CompletableFuture<Checked> checked) {
        try {
            return checked.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Aggregates, checking every share when the verifier refuses the aggregate; a bad share names its server. */
    private static Signature aggregate(
            Checked ready, Map<Integer, SignatureShare> shares, Predicate<Signature> verifier, SignAnswers answers) {
        try {
            if (ready.failed() != null) {
                throw ready.failed();
            }
            return ready.prepared().aggregate(shares, verifier);
        } catch (SigningException e) {
            List<String> names = new ArrayList<>();
            for (int id : e.culprits()) {
                names.add(id == SigningException.COORDINATOR ? "the coordinator" : answers.name(id));
            }
            String who = names.size() == 1 ? names.get(0) : String.join(", ", names);
            throw new KeygenException(
                    e.culpritId() == SigningException.COORDINATOR ? null : answers.name(e.culpritId()),
                    "signing failed, culprit server " + who + ": " + e.check().description(),
                    ExitCoded.PROTOCOL,
                    e);
        }
    }

    /** The key a verifier takes: RFC 8032 bytes for Edwards, x-only for BIP-340. */
    private static byte[] verifyKey(CurveName curve, Point key) {
        return curve == CurveName.SECP256K1_SCHNORR ? Bip340.x(key) : key.encode();
    }

    /** The address on the request's chain of the derived key, or null when no chain was asked for. */
    static String address(SignRequest request, KeyRecord key, DerivedKey derived) {
        if (request.chain() == null) {
            return null;
        }
        return request.chain()
                .address(key.curve(), derived.key().point(), request.network())
                .value();
    }

    /** Tells every signer to drop its nonces, best effort: a signer that misses it lets them expire. */
    static void abortEverywhere(UUID signId, List<NodeConnection> signers) {
        List<CompletableFuture<StateAnswer>> sent = new ArrayList<>();
        for (NodeConnection c : signers) {
            sent.add(c.sign(signId, "abort", Map.of(), StateAnswer.class, ABORT_TIMEOUT));
        }
        for (CompletableFuture<StateAnswer> f : sent) {
            try {
                f.join();
            } catch (RuntimeException ignored) {
                // unreachable, or it never got round 1: its nonces (if any) expire
            }
        }
    }
}
