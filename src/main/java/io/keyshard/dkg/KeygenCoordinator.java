package io.keyshard.dkg;

import static io.keyshard.dkg.ProtocolException.blame;

import io.keyshard.curve.Curve;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The coordinator's side of one key generation: it relays, and checks what it relays so that a
 * misbehaving server is named as early as possible. Call {@link #round2Request}, {@link #round3Request}
 * and {@link #finish} in order with what the servers returned; {@link #finish} checks that all
 * results are identical, equal to what the relayed messages determine, and that any t verification
 * shares interpolate to the group key. It never sees a share.
 */
public final class KeygenCoordinator {
    private final Session session;
    private Map<Integer, Round1Checks.Accepted> round1;
    private Map<Integer, Round2Message> round2;

    /** @throws IllegalArgumentException for a setup that breaks a rule (see {@link Session#of}) */
    public KeygenCoordinator(SessionSetup setup) {
        this.session = Session.of(setup);
    }

    public Session session() {
        return session;
    }

    /** Checks the servers' round-1 messages and returns the request to send to every server. */
    public synchronized Round2Request round2Request(List<Round1Message> fromServers) {
        if (round1 != null) {
            throw new IllegalStateException("round 2 was already prepared");
        }
        round1 = Round1Checks.verify(session, fromServers);
        return new Round2Request(inIdOrder(fromServers, Round1Message::sender));
    }

    /** Checks the servers' round-2 messages (signatures, echoes, reveals) and returns the round-3 request. */
    public synchronized Round3Request round3Request(List<Round2Message> fromServers) {
        if (round1 == null || round2 != null) {
            throw new IllegalStateException("round 3 is prepared once, after round 2");
        }
        round2 = Round2Checks.verify(session, round1, fromServers, null);
        return new Round3Request(inIdOrder(fromServers, Round2Message::sender));
    }

    private static <T> List<T> inIdOrder(List<T> messages, ToIntFunction<T> sender) {
        return messages.stream().sorted(Comparator.comparingInt(sender)).toList();
    }

    /** Checks the final results against each other and against the relayed messages. */
    public synchronized AgreedKey finish(List<Round3Message> results) {
        if (round2 == null) {
            throw new IllegalStateException("finish comes after round 3");
        }
        byte[] expected = PublicOutcome.compute(session, round1, round2)
                .toResult(session, 0, null)
                .payloadHash();
        return agree(session, results, expected);
    }

    /**
     * The check for a client that no longer has the relayed messages (it restarted): every result
     * signed by its server, all identical, and any t verification shares interpolating to the group key.
     */
    public static AgreedKey agree(Session session, List<Round3Message> results) {
        return agree(session, results, null);
    }

    private static AgreedKey agree(Session s, List<Round3Message> results, byte[] expected) {
        Map<Integer, Round3Message> byId = Roster.byId(s, Round3Message.ROUND, results, null);
        Map<Integer, byte[]> hashes = new LinkedHashMap<>();
        for (Round3Message r : byId.values()) {
            checkShape(s, r);
            byte[] hash = r.payloadHash();
            if (!Signatures.verify(s.participant(r.sender()), r, hash)) {
                throw blame(
                        ProtocolCheck.SIGNATURE,
                        s.participant(r.sender()),
                        "its result is not signed by its identity key");
            }
            hashes.put(r.sender(), hash);
        }
        byte[] reference = expected != null ? expected : majority(hashes);
        for (Map.Entry<Integer, byte[]> e : hashes.entrySet()) {
            if (!MessageDigest.isEqual(e.getValue(), reference)) {
                throw blame(
                        ProtocolCheck.RESULT_MISMATCH,
                        s.participant(e.getKey()),
                        expected != null
                                ? "its public result differs from the one the relayed messages determine"
                                : "its public result differs from the other servers'");
            }
        }
        Round3Message agreed = byId.values().iterator().next();
        if (expected == null) {
            // With the relayed messages the results equal an outcome computed here, whose verification shares
            // are evaluations of one committed polynomial: they interpolate by construction. Without them
            // (a restarted client), interpolation is the check that the servers' shares fit the key.
            checkInterpolation(s, agreed);
        }
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (Participant p : s.participants()) {
            byName.put(p.name(), agreed.verificationShares().get(p.id()).clone());
        }
        return new AgreedKey(
                s.curveName(),
                s.threshold(),
                agreed.rootPublicKey().clone(),
                agreed.chainCode().clone(),
                byName,
                agreed.transcriptHash().clone());
    }

    private static byte[] majority(Map<Integer, byte[]> hashes) {
        byte[] best = null;
        int bestCount = 0;
        for (byte[] h : hashes.values()) {
            int count = 0;
            for (byte[] other : hashes.values()) {
                count += MessageDigest.isEqual(h, other) ? 1 : 0;
            }
            if (count > bestCount) {
                best = h;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * Any t of the verification shares interpolate to Y exactly when all of them lie on one polynomial
     * of degree t-1 whose value at 0 is Y: interpolate from the first t servers at every other id and
     * at 0. (Two polynomials of degree t-1 agreeing on t points are equal, so every t-subset then gives Y.)
     */
    static void checkInterpolation(Session s, Round3Message r) {
        Curve curve = s.curve();
        Point y;
        Map<Integer, Point> shares = new LinkedHashMap<>();
        try {
            y = curve.decodePublicKey(r.rootPublicKey());
            for (Participant p : s.participants()) {
                shares.put(p.id(), curve.decodePoint(r.verificationShares().get(p.id())));
            }
        } catch (InvalidEncodingException e) {
            throw blame(
                    ProtocolCheck.INVALID_POINT,
                    s.participant(r.sender()),
                    "its result holds a bad point: " + e.getMessage());
        }
        List<Integer> base = new ArrayList<>(shares.keySet()).subList(0, s.threshold());
        for (Participant p : s.participants()) {
            if (!base.contains(p.id())
                    && !interpolate(curve, shares, base, p.id()).equals(shares.get(p.id()))) {
                throw blame(
                        ProtocolCheck.INTERPOLATION,
                        p,
                        "its verification share is not on the polynomial of the others");
            }
        }
        if (!interpolate(curve, shares, base, 0).equals(y)) {
            throw blame(
                    ProtocolCheck.INTERPOLATION,
                    s.participant(r.sender()),
                    "the verification shares do not interpolate to the root public key");
        }
    }

    static Point interpolate(Curve curve, Map<Integer, Point> shares, List<Integer> ids, long x) {
        BigInteger[] coefficients = new BigInteger[ids.size()];
        Point[] points = new Point[ids.size()];
        for (int k = 0; k < ids.size(); k++) {
            coefficients[k] = Lagrange.coefficient(curve.order(), ids, ids.get(k), x);
            points[k] = shares.get(ids.get(k));
        }
        return curve.multiSum(coefficients, points);
    }

    private static void checkShape(Session s, Round3Message r) {
        Participant from = s.participant(r.sender());
        Curve curve = s.curve();
        if (!s.curveName().apiName().equals(r.curve()) || r.threshold() != s.threshold()) {
            throw blame(ProtocolCheck.RESULT_MISMATCH, from, "its result is for another curve or threshold");
        }
        if (r.rootPublicKey() == null
                || r.chainCode() == null
                || r.chainCode().length != ChainCode.LENGTH
                || r.transcriptHash() == null
                || r.transcriptHash().length != ProtocolHash.LENGTH) {
            throw blame(
                    ProtocolCheck.MALFORMED,
                    from,
                    "its result lacks the root key, a 32-byte chain code or the transcript hash");
        }
        TreeSet<Integer> ids = new TreeSet<>();
        s.participants().forEach(p -> ids.add(p.id()));
        if (r.verificationShares() == null
                || !new TreeSet<>(r.verificationShares().keySet()).equals(ids)) {
            throw blame(ProtocolCheck.MALFORMED, from, "its result does not hold one verification share per server");
        }
        for (byte[] v : r.verificationShares().values()) {
            if (v == null || v.length != curve.pointLength()) {
                throw blame(ProtocolCheck.INVALID_POINT, from, "a verification share is not a compressed point");
            }
        }
        if (r.signature() == null || r.signature().length != Signatures.LENGTH) {
            throw blame(ProtocolCheck.SIGNATURE, from, "the signature is not " + Signatures.LENGTH + " bytes");
        }
    }
}
