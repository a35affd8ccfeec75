package io.keyshard.node;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.curve.Scalar;
import io.keyshard.dkg.SigningChannel;
import io.keyshard.dkls.Check;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.ProtocolAbort;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import io.keyshard.dkls.SignRequest;
import io.keyshard.dkls.Signer;
import io.keyshard.node.SigningAudit.Outcome;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignTranscript;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The node's side of threshold-ECDSA signing, DKLs23 Protocol 3.6 in three rounds over the coordinator's
 * relay: round 1 commits to the nonce and starts one multiplication per co-signer, round 2 answers the
 * co-signers' multiplications, round 3 checks them and answers the partial signature. The signer lives in
 * the {@link NonceTable}, taken out before each round computes anything and put back only for the next
 * round; a failed OT-extension or multiplication check burns that pair's setup before it is answered.
 */
final class EcdsaSigning {
    private final NodeConfig config;
    private final NodeIdentity identity;
    private final SigningKeys keys;
    private final SigningAudit audit;
    private final SecureRandom random;
    private final NonceTable table;
    private final DklsSetups setups;

    /**
     * A signer between rounds, with the seeds it signs with, the round it waits for, and the HPKE contexts of
     * its point-to-point messages by co-signer: those it seals its round-1 and round-2 messages with, and those
     * it opens the co-signers' with (set up by their round-1 messages).
     */
    static final class State implements NonceTable.State {
        final Signer signer;
        final DklsSetups.Seeds seeds;
        final Group group;
        final Map<Integer, SigningChannel> sending = new HashMap<>();
        final Map<Integer, SigningChannel> receiving = new HashMap<>();
        int next = 2;

        State(Signer signer, DklsSetups.Seeds seeds, Group group) {
            this.signer = signer;
            this.seeds = seeds;
            this.group = group;
        }

        @Override
        public void destroy() {
            signer.destroy();
            seeds.destroy();
            sending.values().forEach(SigningChannel::destroy);
            receiving.values().forEach(SigningChannel::destroy);
            sending.clear();
            receiving.clear();
        }
    }

    EcdsaSigning(
            NodeConfig config,
            NodeIdentity identity,
            SigningKeys keys,
            SigningAudit audit,
            SecureRandom random,
            NonceTable table,
            DklsSetups setups) {
        this.config = config;
        this.identity = identity;
        this.keys = keys;
        this.audit = audit;
        this.random = random;
        this.table = table;
        this.setups = setups;
    }

    /** Round 1 of a checked request: a fresh signer, its broadcast commitment and a sealed request per co-signer. */
    DklsAnswer round1(String clientId, UUID signId, SignRound1Request r, SigningKeys.Request req)
            throws IOException, ApiException {
        Group g = Group.of(req.curve());
        DklsSetups.Seeds seeds = setups.forSigners(req.key(), req.signers());
        Signer signer;
        Scalar share = keys.ecdsaShare(req, g);
        try {
            signer = new Signer(
                    g,
                    protocolRequest(req, r),
                    config.id(),
                    share,
                    seeds.zero(),
                    seeds.asSender(),
                    seeds.asReceiver(),
                    random);
        } finally {
            share.destroy();
        }
        State state = new State(signer, seeds, g);
        boolean kept = false;
        try {
            if (!audit.begin(signId, clientId, req.keyId(), req.path().toString(), req.messageHash(), req.signers())) {
                throw SigningService.reused();
            }
            Signer.Round1 one = signer.round1();
            DklsCodec codec = new DklsCodec(g);
            List<DklsMessage> out = new ArrayList<>();
            out.add(broadcast(req, 1, ByteArrays.concat(setupIds(seeds), codec.encode(one.broadcast()))));
            for (Map.Entry<Integer, MulRequest> e : one.direct().entrySet()) {
                out.add(sealed(state, req, 1, e.getKey(), codec.encode(e.getValue())));
            }
            NonceTable.Entry entry = table.entry(clientId, req.keyId(), req.requestHash(), state);
            kept = table.add(signId, entry);
            if (!kept) {
                audit.end(signId, Outcome.REFUSED);
                throw SigningService.reused();
            }
            if (!SigningService.stillOpen(table, audit, signId, entry)) {
                throw SigningService.abortedMeanwhile(); // the state is no longer this round's to destroy
            }
            return new DklsAnswer(config.id(), out);
        } finally {
            if (!kept) {
                state.destroy();
            }
        }
    }

    /** Round 2: every signer's commitment and the requests to this server in, a sealed answer per co-signer out. */
    DklsAnswer round2(String clientId, UUID signId, DklsRoundRequest body) throws IOException, ApiException {
        return round(clientId, signId, body, 2, (state, req, relay) -> {
            List<Commit> commits = new ArrayList<>();
            List<MulRequest> requests = new ArrayList<>();
            DklsCodec codec = new DklsCodec(state.group);
            int prefix = 16 * (req.signers().size() - 1);
            for (DklsMessage m : body.messages()) {
                if (m != null && m.recipient() == DklsMessage.BROADCAST) {
                    byte[] b = relay.broadcastBody(m, 1);
                    if (b.length < prefix || !samePair(state.seeds, req, m.sender(), b)) {
                        throw new ApiException(
                                409,
                                "SETUP_NEEDED",
                                "server id " + m.sender() + " holds another pairwise setup with this server "
                                        + "than this server holds with it; run the setup again");
                    }
                    commits.add(codec.decodeCommit(Arrays.copyOfRange(b, prefix, b.length), m.sender()));
                } else {
                    requests.add(codec.decodeMulRequest(relay.opened(m, 1), relay.sender(m), config.id()));
                }
            }
            List<DklsMessage> out = new ArrayList<>();
            for (Map.Entry<Integer, MulResponse> e :
                    state.signer.round2(commits, requests).entrySet()) {
                out.add(sealed(state, req, 2, e.getKey(), codec.encode(e.getValue())));
            }
            return out;
        });
    }

    /** Round 3: the co-signers' answers in, checked; this server's partial signature and R out, broadcast. */
    DklsAnswer round3(String clientId, UUID signId, DklsRoundRequest body) throws IOException, ApiException {
        return round(clientId, signId, body, 3, (state, req, relay) -> {
            DklsCodec codec = new DklsCodec(state.group);
            List<MulResponse> responses = new ArrayList<>();
            for (DklsMessage m : body.messages()) {
                responses.add(codec.decodeMulResponse(relay.opened(m, 2), relay.sender(m), config.id()));
            }
            Partial partial = state.signer.round3(responses);
            byte[] partialBody = ByteArrays.concat(state.signer.nonce().encode(), codec.encode(partial));
            return List.of(broadcast(req, 3, partialBody));
        });
    }

    /** One round's work on a taken signer. */
    private interface Step {
        List<DklsMessage> run(State state, SigningKeys.Request req, DklsRelay relay) throws IOException, ApiException;
    }

    private DklsAnswer round(String clientId, UUID signId, DklsRoundRequest body, int round, Step step)
            throws IOException, ApiException {
        // The signer leaves the table first: whatever follows, this round is answered at most once.
        NonceTable.Entry taken = table.take(signId, clientId);
        if (taken == null) {
            throw SigningService.nothingWaits();
        }
        Outcome outcome = Outcome.REFUSED;
        boolean kept = false;
        boolean recorded = false;
        State state = taken.state() instanceof State s ? s : null;
        try {
            if (table.isExpired(taken)) {
                outcome = Outcome.EXPIRED;
                throw ApiException.conflict("round 1 of this signing expired on this server; start again");
            }
            if (state == null || state.next != round) {
                throw ApiException.conflict("this signing on this server waits for "
                        + (state == null ? "another kind of round" : "round " + state.next)
                        + ", not round " + round + "; start again with a new signId");
            }
            if (body.messages() == null) {
                throw ApiException.malformed("messages: a list is required");
            }
            byte[] message = SigningKeys.message(body.request());
            if (!Arrays.equals(SignTranscript.requestHash(signId, body.request(), message), taken.requestHash())) {
                throw ApiException.conflict("this signId was used for another request (key, path, signer set or "
                        + "digest differ from round 1); start again with a new signId");
            }
            SigningKeys.Request req = keys.check(clientId, signId, body.request());
            List<DklsMessage> out;
            try {
                out = step.run(state, req, new DklsRelay(identity, req, config.id(), state.receiving));
            } catch (ProtocolAbort e) {
                throw abort(req, e);
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw ApiException.protocol("the signing cannot go on: " + e.getMessage());
            }
            if (round < 3) {
                state.next = round + 1;
                kept = table.add(signId, taken);
                if (kept && !SigningService.stillOpen(table, audit, signId, taken)) {
                    throw SigningService.abortedMeanwhile(); // the state is no longer this round's to destroy
                }
            } else {
                // recorded before the answer leaves: an abort recorded first keeps the last messages here
                recorded = true;
                if (!audit.end(signId, Outcome.SIGNED)) {
                    throw SigningService.abortedMeanwhile();
                }
            }
            return new DklsAnswer(config.id(), out);
        } finally {
            if (!kept) {
                taken.state().destroy();
                if (!recorded) {
                    audit.end(signId, outcome);
                }
            }
        }
    }

    /** A failed check as the answer names it; a check that burns the pair's setup has burned it durably first. */
    private ApiException abort(SigningKeys.Request req, ProtocolAbort e) throws IOException {
        int culprit = e.culprit();
        boolean burn = e.check() != null && e.check().burnsSetup() && culprit != ProtocolAbort.UNATTRIBUTED;
        if (burn) {
            setups.burn(req.keyId(), culprit);
        }
        // A peer that saw other round-1 broadcasts proves only that some signer sent two, or that the peer lies.
        String who = culprit == ProtocolAbort.UNATTRIBUTED
                ? "no single server (the coordinator or several signers)"
                : e.check() == Check.SPLIT_VIEW
                        ? "no single server (" + DklsRelay.named(req, culprit) + " saw other round-1 broadcasts than "
                                + "this server: a signer sent different ones to different servers, or it reports falsely)"
                        : DklsRelay.named(req, culprit);
        String check = e.check() == null ? "a" : "the " + e.check().name();
        boolean single = culprit != ProtocolAbort.UNATTRIBUTED && e.check() != Check.SPLIT_VIEW;
        return ApiException.blaming(
                config.id(),
                single ? DklsRelay.participant(req, culprit) : null,
                e.check() == null ? null : e.check().name(),
                burn,
                "culprit " + who + ": " + check + " check failed"
                        + (burn
                                ? "; the pairwise setup with it is burned and is not used again until a fresh setup"
                                : ""));
    }

    private DklsMessage broadcast(SigningKeys.Request req, int round, byte[] body) {
        return DklsRelay.signed(identity, req, round, config.id(), DklsMessage.BROADCAST, body);
    }

    private DklsMessage sealed(State state, SigningKeys.Request req, int round, int to, byte[] plaintext) {
        byte[] body = DklsRelay.seal(req, state.sending, round, config.id(), to, plaintext);
        Arrays.fill(plaintext, (byte) 0);
        return DklsRelay.signed(identity, req, round, config.id(), to, body);
    }

    /**
     * What round 1's broadcast opens with: the 16 bytes of the setup id of this server's pair with each
     * co-signer, in ascending co-signer id order.
     */
    private static byte[] setupIds(DklsSetups.Seeds seeds) {
        ByteBuffer b = ByteBuffer.allocate(16 * seeds.setupIds().size());
        new TreeMap<>(seeds.setupIds())
                .values()
                .forEach(id -> b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()));
        return b.array();
    }

    /** True when {@code sender}'s round-1 broadcast names, for its pair with this server, the setup this server holds. */
    private boolean samePair(DklsSetups.Seeds seeds, SigningKeys.Request req, int sender, byte[] broadcast) {
        if (sender == config.id()) {
            byte[] own = setupIds(seeds);
            return Arrays.equals(own, Arrays.copyOf(broadcast, own.length));
        }
        UUID mine = seeds.setupIds().get(sender);
        if (mine == null) {
            return false;
        }
        // this server's place among the sender's co-signers, in ascending id order
        int at = (int) req.signers().stream()
                .filter(id -> id != sender && id < config.id())
                .count();
        ByteBuffer b = ByteBuffer.wrap(broadcast, 16 * at, 16);
        return new UUID(b.getLong(), b.getLong()).equals(mine);
    }

    /** The request as DKLs23 binds it: the request hash as session id, the signers, the digest, the derived key. */
    static SignRequest protocolRequest(SigningKeys.Request req, SignRound1Request r) throws ApiException {
        return new SignRequest(
                req.requestHash(),
                req.signers().stream().sorted().toList(),
                SigningKeys.message(r),
                SigningKeys.derivedKey(req));
    }
}
