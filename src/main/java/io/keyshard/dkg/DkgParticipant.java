package io.keyshard.dkg;

import static io.keyshard.dkg.ProtocolException.blame;

import io.keyshard.curve.Curve;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One server's side of one key generation, as a state machine: {@link #round1()}, then
 * {@link #round2(Round2Request)}, then {@link #round3(Round3Request)}, each exactly once and in
 * order. A check that fails names its culprit and ends the session (secrets dropped); a request
 * refused for its timing or session ({@link ProtocolCheck#stateViolation()}) changes nothing.
 * Thread-safe: concurrent requests for one session are serialised.
 */
public final class DkgParticipant {
    /** Where the session stands; only ever moves forward. */
    public enum State {
        NEW,
        ROUND1_SENT,
        ROUND2_SENT,
        FINISHED,
        FAILED
    }

    /** What the session holds between rounds: exactly what the next round needs, nothing nullable. */
    private sealed interface Phase permits Fresh, AfterRound1, AfterRound2, Ended {
        State state();
    }

    private record Fresh() implements Phase {
        @Override
        public State state() {
            return State.NEW;
        }
    }

    /** After round 1: the secret polynomial, its commitments, the chain-code contribution and what was signed. */
    private record AfterRound1(
            Polynomial polynomial, Point[] ownCommitments, byte[] chainCodeContribution, byte[] round1Hash)
            implements Phase {
        @Override
        public State state() {
            return State.ROUND1_SENT;
        }

        void wipe() {
            polynomial.destroy();
            Arrays.fill(chainCodeContribution, (byte) 0);
        }
    }

    /** After round 2: this server's own share of its polynomial, the accepted round-1 view and what was signed. */
    private record AfterRound2(Scalar ownShare, Map<Integer, Round1Checks.Accepted> round1View, byte[] round2Hash)
            implements Phase {
        @Override
        public State state() {
            return State.ROUND2_SENT;
        }

        void wipe() {
            ownShare.destroy();
        }
    }

    /** Finished or failed: nothing secret is left. */
    private record Ended(State state) implements Phase {}

    private final Session session;
    private final Participant self;
    private final IdentityKeys keys;
    private final SecureRandom random;
    private Phase phase = new Fresh();

    private DkgParticipant(Session session, Participant self, IdentityKeys keys, SecureRandom random) {
        this.session = session;
        this.self = self;
        this.keys = keys;
        this.random = random;
    }

    /**
     * Validates the setup (see {@link Session#of}) and that it lists this server under its own name,
     * with its own id and its own identity keys.
     *
     * @throws IllegalArgumentException for a setup that breaks a rule; nothing was started
     */
    public static DkgParticipant create(
            SessionSetup setup, String selfName, int selfId, IdentityKeys keys, SecureRandom random) {
        Session session = Session.of(setup);
        Participant self = session.participantNamed(selfName);
        if (self == null) {
            throw new IllegalArgumentException("this server (" + selfName + ") is not one of the session's servers");
        }
        if (self.id() != selfId) {
            throw new IllegalArgumentException("the session gives this server (" + selfName + ") id " + self.id()
                    + ", but its configured id is " + selfId);
        }
        if (!keys.matches(self)) {
            throw new IllegalArgumentException("the session lists other identity keys for this server (" + selfName
                    + ") than its own: the coordinator must fetch its identity again");
        }
        return new DkgParticipant(session, self, keys, random);
    }

    public Session session() {
        return session;
    }

    public synchronized State state() {
        return phase.state();
    }

    /** Samples the polynomial and chain-code contribution; returns the signed commitments and proof. */
    public synchronized Round1Message round1() {
        return step(Fresh.class, State.NEW, fresh -> {
            Curve curve = session.curve();
            byte[] sid = session.sessionId();
            Polynomial polynomial = Polynomial.random(curve, session.threshold(), random);
            Point[] commitments = polynomial.commitments();
            ProofOfPossession.Proof proof =
                    ProofOfPossession.prove(curve, sid, self.id(), polynomial.constant(), commitments[0], random);
            byte[] chainCodeContribution = new byte[ChainCode.LENGTH];
            random.nextBytes(chainCodeContribution);
            Round1Message unsigned = new Round1Message(
                    sid,
                    self.id(),
                    Arrays.stream(commitments).map(Point::encode).toList(),
                    proof.r(),
                    proof.z(),
                    ChainCode.commit(sid, self.id(), chainCodeContribution),
                    null);
            byte[] round1Hash = unsigned.payloadHash();
            phase = new AfterRound1(polynomial, commitments, chainCodeContribution, round1Hash);
            return Signatures.sign(keys, unsigned, round1Hash);
        });
    }

    /** Checks every round-1 message; returns the signed echo, the encrypted shares and the chain-code reveal. */
    public synchronized Round2Message round2(Round2Request request) {
        return step(AfterRound1.class, State.ROUND1_SENT, before -> {
            Map<Integer, Round1Checks.Accepted> round1View = Round1Checks.verify(
                    session,
                    request == null ? null : request.round1(),
                    new Roster.Own(self.id(), before.round1Hash()),
                    before.ownCommitments());
            byte[] sid = session.sessionId();
            Map<Integer, byte[]> sealed = new LinkedHashMap<>();
            Scalar ownShare = null;
            for (Participant p : session.participants()) {
                Scalar value = before.polynomial().evaluate(p.id());
                if (p.id() == self.id()) {
                    ownShare = value;
                    continue;
                }
                byte[] plain = value.encode();
                try {
                    sealed.put(p.id(), ShareEncryption.seal(sid, self.id(), p, plain));
                } finally {
                    Arrays.fill(plain, (byte) 0);
                    value.destroy();
                }
            }
            Round2Message unsigned = new Round2Message(
                    sid,
                    self.id(),
                    Round2Checks.echo(round1View),
                    sealed,
                    before.chainCodeContribution().clone(),
                    null);
            byte[] round2Hash = unsigned.payloadHash();
            before.wipe();
            phase = new AfterRound2(ownShare, round1View, round2Hash);
            return Signatures.sign(keys, unsigned, round2Hash);
        });
    }

    /** Checks echoes, reveals and this server's shares; returns the signed public result and the secret share. */
    public synchronized Round3Output round3(Round3Request request) {
        return step(AfterRound2.class, State.ROUND2_SENT, before -> {
            Map<Integer, Round1Checks.Accepted> round1View = before.round1View();
            Map<Integer, Round2Message> round2 = Round2Checks.verify(
                    session,
                    round1View,
                    request == null ? null : request.round2(),
                    new Roster.Own(self.id(), before.round2Hash()));
            // Past the checks that can refuse a request without ending the session: from here the secrets go.
            Map<Integer, Scalar> received = new LinkedHashMap<>();
            Scalar x = null;
            try {
                for (Round2Message m : round2.values()) {
                    if (m.sender() != self.id()) {
                        received.put(m.sender(), receivedShare(m));
                    }
                }
                PublicOutcome outcome = PublicOutcome.compute(session, round1View, round2);
                x = sum(before.ownShare(), received.values());
                checkShares(x, outcome, received, round1View);
                Scalar normalised = x.negateIf(outcome.negated());
                SecretShare share = SecretShare.of(session.curveName(), self.id(), normalised);
                normalised.destroy();
                Round3Message signed = Signatures.sign(keys, outcome.toResult(session, self.id(), null));
                phase = new Ended(State.FINISHED);
                return new Round3Output(signed, share);
            } finally {
                if (x != null) {
                    x.destroy();
                }
                received.values().forEach(Scalar::destroy);
                before.wipe();
            }
        });
    }

    /** {@code first + Σ others} mod n, in constant time; the caller destroys the result. */
    private static Scalar sum(Scalar first, Iterable<Scalar> others) {
        Scalar acc = first.add(first.field().zero());
        for (Scalar s : others) {
            Scalar next = acc.add(s);
            acc.destroy();
            acc = next;
        }
        return acc;
    }

    /** Ends the session (the coordinator aborted it): drops every secret; later requests are refused. */
    public synchronized void abort() {
        if (phase instanceof AfterRound1 r1) {
            r1.wipe();
        } else if (phase instanceof AfterRound2 r2) {
            r2.wipe();
        }
        phase = new Ended(State.FAILED);
    }

    private Scalar receivedShare(Round2Message m) {
        Participant from = session.participant(m.sender());
        byte[] plain = ShareEncryption.open(
                session.sessionId(),
                m.sender(),
                self.id(),
                keys.encryptionKeyPair(),
                m.encryptedShares().get(self.id()));
        if (plain == null) {
            throw blame(
                    ProtocolCheck.SHARE_DECRYPTION, from, "its share for server " + self.name() + " does not decrypt");
        }
        Scalar value;
        try {
            value = session.curve().scalars().decodeNonZero(plain);
        } catch (InvalidEncodingException e) {
            throw blame(
                    ProtocolCheck.INVALID_SCALAR,
                    from,
                    "its share for server " + self.name() + " is zero or not below the group order");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return value;
    }

    /**
     * Feldman's check, batched: the summed share must be this server's verification share, x·G = Y_j =
     * Σ_i Σ_k C_ik·j^k, which PublicOutcome computes anyway. That is one base multiplication instead of
     * one per sender plus an evaluation of its commitments, and it is all a correct key needs:
     * x is consistent with the public commitments. Only when it fails is each sender's share checked
     * alone, to name the culprit.
     */
    private void checkShares(
            Scalar x,
            PublicOutcome outcome,
            Map<Integer, Scalar> received,
            Map<Integer, Round1Checks.Accepted> round1View) {
        Curve curve = session.curve();
        Point mine = outcome.verificationShares().get(self.id());
        Point expected = outcome.negated() ? mine.negate() : mine;
        if (curve.multiplyBase(x).equals(expected)) {
            return;
        }
        for (Map.Entry<Integer, Scalar> e : received.entrySet()) {
            Point committed = Polynomial.evaluateInExponent(
                    curve, round1View.get(e.getKey()).commitments(), self.id());
            if (!curve.multiplyBase(e.getValue()).equals(committed)) {
                throw blame(
                        ProtocolCheck.FELDMAN,
                        session.participant(e.getKey()),
                        "its share for server " + self.name() + " does not match its commitments");
            }
        }
        // every share matches its sender's commitments, so their sum matches too: only this server's own can be off
        throw new IllegalStateException("this server's own share does not match its own commitments");
    }

    /** Runs {@code body} on the current phase when it is a {@code P}; any failure but a refused request ends the session. */
    private <P extends Phase, T> T step(Class<P> expected, State expectedState, Function<P, T> body) {
        if (!expected.isInstance(phase)) {
            throw refused(expectedState);
        }
        try {
            return body.apply(expected.cast(phase));
        } catch (ProtocolException e) {
            if (!e.check().stateViolation()) {
                abort();
            }
            throw e;
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private ProtocolException refused(State expected) {
        State state = phase.state();
        if (state == State.FINISHED || state == State.FAILED) {
            return ProtocolException.blameCoordinator(
                    ProtocolCheck.SESSION_ENDED,
                    "the session is " + state.name().toLowerCase(Locale.ROOT) + "; start a new key generation");
        }
        if (state.ordinal() > expected.ordinal()) {
            return ProtocolException.blameCoordinator(
                    ProtocolCheck.ROUND_REPEATED, "round " + (expected.ordinal() + 1) + " was already answered");
        }
        return ProtocolException.blameCoordinator(
                ProtocolCheck.OUT_OF_ORDER,
                "round " + (expected.ordinal() + 1) + " asked before round " + (state.ordinal() + 1));
    }
}
