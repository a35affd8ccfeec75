package io.keyshard.node;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.frost.KeyPackage;
import io.keyshard.frost.Round1;
import io.keyshard.frost.Round2;
import io.keyshard.frost.SignatureShare;
import io.keyshard.frost.SigningCommitments;
import io.keyshard.frost.SigningException;
import io.keyshard.frost.SigningNonces;
import io.keyshard.frost.SigningPackage;
import io.keyshard.ids.KeyIds;
import io.keyshard.node.SigningAudit.Outcome;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignRound2Request;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.SignTranscript;
import io.keyshard.wire.StateAnswer;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The node's signing service (docs/protocol.md, Signing), one for both schemes: FROST for the Edwards and
 * BIP-340 keys, threshold ECDSA ({@link EcdsaSigning}, DKLs23) for the others. FROST round 1 checks the
 * request against the key's stored public data, makes fresh nonces and answers signed commitments; round 2
 * takes the nonces out of the {@link NonceTable} before anything else, checks every co-signer's signed
 * commitments against the identity keys recorded at key generation, and answers a signed share. Each signId
 * is recorded in the {@link SigningAudit} at round 1 and can never start another signing.
 */
final class SigningService implements AutoCloseable {
    private final NodeConfig config;
    private final NodeIdentity identity;
    private final SigningKeys keys;
    private final SigningAudit audit;
    private final SecureRandom random;
    private final NonceTable nonces;
    private final EcdsaSigning ecdsa;

    SigningService(
            NodeConfig config,
            NodeIdentity identity,
            SigningKeys keys,
            SigningAudit audit,
            SecureRandom random,
            NonceTable nonces,
            DklsSetups setups) {
        this.config = config;
        this.identity = identity;
        this.keys = keys;
        this.audit = audit;
        this.random = random;
        this.nonces = nonces;
        this.ecdsa = new EcdsaSigning(config, identity, keys, audit, random, nonces, setups);
    }

    /**
     * The service of a node: its signing audit in {@code files}' folder, an empty nonce table whose entries
     * live {@code nonceTtl}, and the ECDSA keys' pairwise setups in {@code setups}.
     */
    static SigningService open(
            NodeConfig config,
            NodeIdentity identity,
            ShareStore store,
            ShareSealer sealer,
            NodeFiles files,
            SecureRandom random,
            PairwiseSetups setups,
            Duration nonceTtl)
            throws IOException {
        return new SigningService(
                config,
                identity,
                new SigningKeys(config, store, new ShareOpener(store, sealer, config, identity.keys())),
                SigningAudit.open(files),
                random,
                new NonceTable(System::nanoTime, nonceTtl),
                DklsSetups.of(setups));
    }

    Object handle(String clientId, UUID signId, String action, byte[] body) throws IOException, ApiException {
        return switch (action) {
            case "round1" -> round1(clientId, signId, body);
            case "round2" ->
                ecdsaRound(signId, body)
                        ? ecdsa.round2(clientId, signId, ApiExchange.parse(body, DklsRoundRequest.class))
                        : round2(clientId, signId, ApiExchange.parse(body, SignRound2Request.class));
            case "round3" -> ecdsa.round3(clientId, signId, ApiExchange.parse(body, DklsRoundRequest.class));
            case "abort" -> abort(clientId, signId, body);
            default -> throw ApiException.notFound("no such endpoint");
        };
    }

    /**
     * Whether a round-2 body is read as threshold ECDSA's: the signing waiting under the signId is one, or
     * (none waits) the body has ECDSA's {@code messages}, so that a replay gets 409 rather than a parse error.
     */
    private boolean ecdsaRound(UUID signId, byte[] body) {
        NonceTable.Entry live = nonces.peek(signId);
        if (live != null) {
            return live.nonces() == null;
        }
        return ApiExchange.hasField(body, "messages");
    }

    /** The request of an ECDSA round 1 whose relay version is this server's. */
    private static SignRound1Request relayedRequest(DklsRound1Request d) throws ApiException {
        if (d.request() == null) {
            throw ApiException.malformed("request: an object is required");
        }
        if (d.relay() != DklsRound1Request.RELAY) {
            throw ApiException.otherVersion("relay", d.relay(), DklsRound1Request.RELAY);
        }
        return d.request();
    }

    static ApiException reused() {
        return ApiException.conflict("this signId was already used on this server; start again with a new one");
    }

    static ApiException nothingWaits() {
        return ApiException.conflict("no signing waits for this round under this signId on this server (never "
                + "started, already answered, aborted, expired, or lost in a restart); start again with a new "
                + "signId");
    }

    private Object round1(String clientId, UUID signId, byte[] body) throws IOException, ApiException {
        // threshold ECDSA's round 1 carries the request beside its relay version; FROST's is the bare request
        boolean relayed = ApiExchange.hasField(body, "request");
        SignRound1Request r = relayed
                ? relayedRequest(ApiExchange.parse(body, DklsRound1Request.class))
                : ApiExchange.parse(body, SignRound1Request.class);
        SigningKeys.Request req = keys.check(clientId, signId, r);
        if (relayed != (req.suite() == null)) {
            throw ApiException.malformed(
                    relayed
                            ? "request, relay: this key signs with FROST, whose round 1 is the bare request"
                            : "relay: this key signs threshold ECDSA, whose round 1 is { request, relay } with relay version "
                                    + DklsRound1Request.RELAY + "; the client is older than this server, update it");
        }
        if (nonces.contains(signId) || audit.find(signId).isPresent()) {
            throw reused();
        }
        String busy = nonces.quotaProblem(clientId);
        if (busy != null) {
            throw new ApiException(503, "BUSY", busy);
        }
        if (req.suite() == null) {
            return ecdsa.round1(clientId, signId, r, req);
        }
        SigningNonces made;
        KeyPackage key = keys.keyPackage(req);
        try {
            made = Round1.commit(req.suite(), key, random::nextBytes);
        } finally {
            key.destroy();
        }
        if (!audit.begin(signId, clientId, req.keyId(), req.path().toString(), req.messageHash(), req.signers())) {
            made.destroy();
            throw ApiException.conflict("this signId was already used on this server; start again with a new one");
        }
        NonceTable.Entry entry = nonces.entry(clientId, req.keyId(), req.requestHash(), made);
        if (!nonces.add(signId, entry)) {
            made.destroy();
            audit.end(signId, Outcome.REFUSED);
            throw ApiException.conflict("this signId was already used on this server; start again with a new one");
        }
        if (!stillOpen(nonces, audit, signId, entry)) {
            throw abortedMeanwhile();
        }
        byte[] hiding = req.suite().serializeElement(made.commitments().hiding());
        byte[] binding = req.suite().serializeElement(made.commitments().binding());
        byte[] signature =
                identity.signSigningMessage(SignTranscript.commitment(req.requestHash(), config.id(), hiding, binding));
        return new SignCommitment(config.id(), Hex.encode(hiding), Hex.encode(binding), Hex.encode(signature));
    }

    private SignShare round2(String clientId, UUID signId, SignRound2Request body) throws IOException, ApiException {
        // The nonces leave the table first: whatever follows, they never sign a second time.
        NonceTable.Entry taken = nonces.take(signId, clientId);
        if (taken == null) {
            throw nothingWaits();
        }
        Outcome outcome = Outcome.REFUSED;
        try {
            if (nonces.isExpired(taken)) {
                outcome = Outcome.EXPIRED;
                throw ApiException.conflict("round 1 of this signing expired on this server; start again");
            }
            if (taken.nonces() == null) {
                throw ApiException.conflict("this signId is a threshold-ECDSA signing; start again with a new signId");
            }
            byte[] message = SigningKeys.message(body.request());
            if (!Arrays.equals(SignTranscript.requestHash(signId, body.request(), message), taken.requestHash())) {
                throw ApiException.conflict("this signId was used for another request (key, path, tweak, signer "
                        + "set or message differ from round 1); start again with a new signId");
            }
            SigningKeys.Request req = keys.check(clientId, signId, body.request());
            SigningPackage pkg = new SigningPackage(
                    commitments(req, body.commitments(), taken.nonces().commitments()), message);
            KeyPackage key = keys.keyPackage(req);
            SignatureShare z;
            try {
                z = Round2.sign(req.suite(), pkg, taken.nonces(), key);
            } catch (SigningException e) {
                throw ApiException.protocol(e.getMessage());
            } finally {
                key.destroy();
            }
            byte[] share = z.encode();
            z.share().destroy();
            byte[] signature = identity.signSigningMessage(SignTranscript.share(
                    req.requestHash(), SignTranscript.commitmentsHash(body.commitments()), config.id(), share));
            outcome = null; // recorded here: an abort recorded first keeps the share from leaving
            if (!audit.end(signId, Outcome.SIGNED)) {
                throw abortedMeanwhile();
            }
            return new SignShare(config.id(), Hex.encode(share), Hex.encode(signature));
        } finally {
            taken.state().destroy();
            if (outcome != null) {
                audit.end(signId, outcome);
            }
        }
    }

    /**
     * Every signer's round-1 answer, one per signer of the set: each co-signer's signed by the identity key
     * recorded for that server at key generation and strictly decoded, a failure naming the server; this
     * server's own must be, byte for byte, the commitments it made ({@code own}), which it then uses as they are
     * (it made them, so checking its own signature and decoding its own points again would prove nothing more).
     */
    private List<SigningCommitments> commitments(
            SigningKeys.Request req, List<SignCommitment> received, SigningCommitments own) throws ApiException {
        Set<Integer> seen = new HashSet<>();
        List<SigningCommitments> out = new ArrayList<>();
        for (SignCommitment c : received) {
            if (c == null || !req.signers().contains(c.sender()) || !seen.add(c.sender())) {
                throw ApiException.protocol("the commitment list holds an answer from a server outside the signer "
                        + "set, or two from one server (culprit: the coordinator)");
            }
            Participant p = req.participant(c.sender());
            byte[] hiding;
            byte[] binding;
            byte[] signature;
            try {
                hiding = Hex.decode(c.hiding(), "hiding commitment");
                binding = Hex.decode(c.binding(), "binding commitment");
                signature = Hex.decode(c.signature(), "signature");
            } catch (IllegalArgumentException e) {
                throw ApiException.protocol("server " + p.name() + "'s commitments: " + e.getMessage());
            }
            if (c.sender() == own.identifier()) {
                if (!Arrays.equals(hiding, req.suite().serializeElement(own.hiding()))
                        || !Arrays.equals(binding, req.suite().serializeElement(own.binding()))) {
                    throw ApiException.protocol("the commitment list holds other commitments for this server than "
                            + "it answered in round 1 (culprit: the coordinator)");
                }
                out.add(own);
                continue;
            }
            if (!IdentityKeys.verifySigningMessage(
                    p.signingKey(),
                    signature,
                    SignTranscript.commitment(req.requestHash(), c.sender(), hiding, binding))) {
                throw ApiException.blaming(
                        config.id(),
                        p,
                        null,
                        false,
                        "culprit server " + p.name() + ": its round-1 commitments are not signed "
                                + "by the identity key it had at key generation");
            }
            try {
                out.add(SigningCommitments.decode(req.suite(), c.sender(), hiding, binding));
            } catch (SigningException e) {
                throw ApiException.blaming(
                        config.id(), p, e.check().name(), false, "culprit server " + p.name() + ": " + e.getMessage());
            }
        }
        if (seen.size() != req.signers().size()) {
            throw ApiException.protocol("the commitment list lacks a signer of the set (culprit: the coordinator)");
        }
        return out;
    }

    private StateAnswer abort(String clientId, UUID signId, byte[] body) throws IOException, ApiException {
        ApiExchange.parse(body, KeygenService.EmptyRequest.class);
        NonceTable.Entry taken = nonces.take(signId, clientId);
        if (taken != null) {
            taken.state().destroy();
            audit.end(signId, Outcome.ABORTED);
            return new StateAnswer(KeyState.ABORTED);
        }
        Optional<SigningAudit.Row> row = audit.find(signId);
        if (row.isEmpty() || !row.get().clientId().equals(clientId)) {
            throw ApiException.notFound("no such signing on this server");
        }
        // Begun, with nothing in the table: a round is under way (or a restart lost the state). The audit's end
        // record decides: ended here, that round takes its state back out and refuses (stillOpen).
        if (row.get().outcome() == Outcome.COMMITTED && audit.end(signId, Outcome.ABORTED)) {
            NonceTable.Entry late = nonces.take(signId, clientId);
            if (late != null) {
                late.state().destroy();
            }
            return new StateAnswer(KeyState.ABORTED);
        }
        if (audit.find(signId).orElseThrow().outcome() == Outcome.SIGNED) {
            throw ApiException.conflict("this server already answered the last round of this signing");
        }
        return new StateAnswer(KeyState.ABORTED);
    }

    /**
     * After a round put its state in the table: whether the signing is still open in the audit. When an abort
     * ended it meanwhile, false: the state is taken out again and destroyed here, unless the abort (or the
     * sweeper) took it out first and destroys it itself; the caller leaves the state alone and refuses
     * ({@link #abortedMeanwhile}), so an abort the client was answered is never followed by a signing round.
     */
    static boolean stillOpen(NonceTable table, SigningAudit audit, UUID signId, NonceTable.Entry entry)
            throws IOException {
        Optional<SigningAudit.Row> row = audit.find(signId);
        if (row.isPresent() && row.get().outcome() == Outcome.COMMITTED) {
            return true;
        }
        if (table.remove(signId, entry)) {
            entry.state().destroy();
        }
        return false;
    }

    static ApiException abortedMeanwhile() {
        return ApiException.conflict(
                "this signing was aborted on this server while the round ran; start again with a new signId");
    }

    /** Destroys the nonces of signings whose round 2 never came, and records them EXPIRED (the sweeper). */
    void expire() {
        for (UUID signId : nonces.expire()) {
            try {
                audit.end(signId, Outcome.EXPIRED);
            } catch (IOException ignored) {
                // the nonces are gone either way; the audit keeps the signing as begun
            }
        }
    }

    /** The signId in a request path, canonical UUID form only. */
    static UUID signId(String text) throws ApiException {
        if (!KeyIds.isCanonical(text)) {
            throw ApiException.malformed("signId in the path: " + KeyIds.RULE);
        }
        return UUID.fromString(text);
    }

    /** True for the curves this service signs (FROST); the others sign with threshold ECDSA. */
    static boolean frost(CurveName curve) {
        return curve == CurveName.ED25519 || curve == CurveName.ED448 || curve == CurveName.SECP256K1_SCHNORR;
    }

    @Override
    public void close() {
        nonces.clear();
        audit.close();
    }
}
