package io.keyshard.client;

import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.dkls.EcdsaSignature;
import io.keyshard.dkls.Group;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignTranscript;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One threshold-ECDSA signing (DKLs23 Protocol 3.6) as the coordinator runs it: three rounds in parallel,
 * relaying each signer's broadcasts to all signers and its sealed messages to their recipients only (each
 * answer's shape checked by {@link EcdsaAnswers}), then the signature from the round-3 broadcasts, verified
 * with Bouncy Castle's and the JDK's ECDSA under the derived key before it is returned. What is signed is
 * the curve's hash of the message, or the given digest of that length. Any failure aborts on every signer,
 * then checks every relayed message against its sender's identity key, so that a bad one names its server
 * first (exit code 5).
 */
final class EcdsaSignRun {
    private static final String SETUP_NEEDED = "SETUP_NEEDED";

    /**
     * A round 1 refused for its relay version. A node from before relay versions parses the bare request strictly
     * and finds no {@code keyId} at the top (or, in a parser that checks fields in order, the unknown {@code
     * request}; a node of this version names nested fields by their path, {@code request.keyId}); a node of relay
     * version 2 on names its own version.
     */
    static final VersionRefusal RELAY = new VersionRefusal(
            "relay",
            DklsRound1Request.RELAY,
            "signing failed in round 1",
            "signs threshold ECDSA with relay version",
            "sign threshold ECDSA with relay version",
            List.of("field 'keyId' is missing", "unknown field 'request'", "unknown field 'relay'"));

    private final UUID signId;
    private final KeyRecord key;
    private final SignRequest request;
    private final SignerPick.Picked picked;
    private final Operation<SignResult> op;
    private final Duration roundTimeout;

    EcdsaSignRun(
            UUID signId,
            KeyRecord key,
            SignRequest request,
            SignerPick.Picked picked,
            Operation<SignResult> op,
            Duration roundTimeout) {
        this.signId = signId;
        this.key = key;
        this.request = request;
        this.picked = picked;
        this.op = op;
        this.roundTimeout = roundTimeout;
    }

    /** The digest ECDSA signs for a request: the given digest (its length checked) or the curve's hash of the message. */
    static byte[] digest(Group g, SignRequest request) {
        byte[] message = request.message();
        if (!request.digest()) {
            return g.hash(message);
        }
        if (message.length != g.digestLength()) {
            throw new IllegalArgumentException("a " + g + " digest is " + g.digestLength() + " bytes ("
                    + (2 * g.digestLength()) + " hex digits); this one is " + message.length);
        }
        return message;
    }

    SignResult run() {
        Group g = Group.of(key.curve());
        byte[] digest = digest(g, request);
        DerivedKey derived = PublicDerivation.derive(Workspace.rootOf(key).key(), request.path());
        List<NodeConnection> signers = picked.signers();
        List<Integer> ids = signers.stream().map(c -> c.info().id()).sorted().toList();
        SignRound1Request r1 =
                new SignRound1Request(key.keyId().toString(), request.path().toString(), "", ids, Hex.encode(digest));
        byte[] requestHash = SignTranscript.requestHash(signId, r1, digest);
        EcdsaAnswers answers = new EcdsaAnswers(
                g, requestHash, signers, picked, digest, derived.key().point());
        List<List<RelayedMessage>> relayed = new ArrayList<>();
        try {
            List<RelayedMessage> one = answers.check(
                    1,
                    round(
                            Phase.ROUND1,
                            signers,
                            c -> c.sign(
                                    signId,
                                    "round1",
                                    new DklsRound1Request(r1, DklsRound1Request.RELAY),
                                    RelayedMessage.Answer.class,
                                    roundTimeout)));
            relayed.add(one);
            List<RelayedMessage> two = answers.check(2, relay(Phase.ROUND2, "round2", r1, one, true));
            relayed.add(two);
            List<RelayedMessage> three = answers.check(3, relay(Phase.ROUND3, "round3", r1, two, false));
            relayed.add(three);
            byte[] publicKey = derived.key().point().encode();
            // the chain's standard verifier is the signature's one check before release
            EcdsaSignature sig =
                    answers.combine(three, s -> StandardVerifier.acceptsEcdsa(key.curve(), publicKey, digest, s.der()));
            int width = g.curve().scalarLength();
            byte[] rs = new byte[2 * width];
            place(sig.r(), rs, 0, width);
            place(sig.s(), rs, width, width);
            return new SignResult(
                    signId,
                    key.keyId(),
                    key.curve(),
                    StandardVerifier.scheme(key.curve()),
                    request.path().toString(),
                    Hex.encode(derived.key().publicKey()),
                    SignRun.address(request, key, derived),
                    signers.stream().map(NodeConnection::name).toList(),
                    Hex.encode(SignTranscript.messageHash(request.message())),
                    Hex.encode(rs),
                    Instant.now(),
                    Hex.encode(pad(sig.r(), width)),
                    Hex.encode(pad(sig.s(), width)),
                    sig.recoveryId(),
                    Hex.encode(sig.der()));
        } catch (RuntimeException e) {
            SignRun.abortEverywhere(signId, signers);
            try {
                answers.signatures(relayed);
            } catch (KeygenException forged) {
                forged.addSuppressed(e);
                throw forged;
            }
            throw e;
        }
    }

    /** The next round on every signer, with the messages of {@code previous} for it (and every broadcast, when asked). */
    private List<RelayedMessage.Answer> relay(
            Phase phase, String action, SignRound1Request r1, List<RelayedMessage> previous, boolean broadcasts) {
        return round(
                phase,
                picked.signers(),
                c -> c.sign(
                        signId,
                        action,
                        new RelayedMessage.Round(
                                r1, EcdsaAnswers.forSigner(previous, c.info().id(), broadcasts)),
                        RelayedMessage.Answer.class,
                        roundTimeout));
    }

    /** True when a signer refused because it has no pairwise setup it can use with the others. */
    static boolean setupNeeded(KeygenException e) {
        return e.getCause() instanceof ServerException se && SETUP_NEEDED.equals(se.code());
    }

    /** One round on every signer; a node's refusal that names a co-signer is that node's report about it. */
    private List<RelayedMessage.Answer> round(
            Phase phase,
            List<NodeConnection> signers,
            Function<NodeConnection, CompletableFuture<RelayedMessage.Answer>> send) {
        try {
            return ParallelRound.run(op, SignRun.ACTIVITY, phase, signers, send);
        } catch (KeygenException e) {
            KeygenException otherRelay = phase == Phase.ROUND1 ? RELAY.failure(e) : null;
            if (otherRelay != null) {
                throw otherRelay;
            }
            throw PeerReports.attributed(SignRun.ACTIVITY, e, PeerReports.names(signers));
        }
    }

    private static byte[] pad(BigInteger v, int width) {
        byte[] out = new byte[width];
        place(v, out, 0, width);
        return out;
    }

    private static void place(BigInteger v, byte[] out, int offset, int width) {
        byte[] b = v.toByteArray();
        int skip = b.length > width ? b.length - width : 0;
        System.arraycopy(b, skip, out, offset + width - (b.length - skip), b.length - skip);
    }
}
