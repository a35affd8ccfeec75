package io.keyshard.dkg;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.WeierstrassPoint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public result of a run, computed only from accepted public messages, so every server and the
 * coordinator get the same one: group key {@code Y = Σ_i C_i0}, verification shares
 * {@code Y_k = Σ_i Σ_m C_im·k^m}, chain code and transcript hash. For SECP256K1_SCHNORR an odd-y
 * group key is negated with every verification share ({@link #negated()} tells the servers to
 * negate their shares too), so the x-only key stands for the same secret.
 */
record PublicOutcome(
        Point groupKey,
        Map<Integer, Point> verificationShares,
        byte[] chainCode,
        byte[] transcriptHash,
        boolean negated) {

    static PublicOutcome compute(
            Session s, Map<Integer, Round1Checks.Accepted> round1, Map<Integer, Round2Message> round2) {
        Curve curve = s.curve();
        int t = s.threshold();
        // A_m = Σ_i C_im is the commitment to the summed polynomial; Y_k = Σ_m A_m·k^m.
        Point[] summed = new Point[t];
        BigInteger[] ones = new BigInteger[round1.size()];
        Arrays.fill(ones, BigInteger.ONE);
        for (int m = 0; m < t; m++) {
            Point[] column = new Point[round1.size()];
            int i = 0;
            for (Round1Checks.Accepted a : round1.values()) {
                column[i++] = a.commitments()[m];
            }
            summed[m] = curve.multiSum(ones, column);
        }
        Point y = summed[0];
        if (y.isIdentity()) {
            // Impossible with valid proofs of possession unless discrete logs are broken.
            throw ProtocolException.blameCoordinator(ProtocolCheck.INVALID_POINT, "the group key is the identity");
        }
        boolean negate = s.curveName() == CurveName.SECP256K1_SCHNORR && !((WeierstrassPoint) y).hasEvenY();
        Map<Integer, Point> shares = new LinkedHashMap<>();
        for (Participant p : s.participants()) {
            Point yk = Polynomial.evaluateInExponent(curve, summed, p.id());
            shares.put(p.id(), negate ? yk.negate() : yk);
        }
        List<byte[]> reveals = new ArrayList<>();
        List<byte[]> transcript = new ArrayList<>();
        transcript.add(s.sessionId());
        for (Round1Checks.Accepted a : round1.values()) {
            transcript.add(a.digest());
        }
        for (Round2Message m : round2.values()) {
            reveals.add(m.chainCodeReveal());
            transcript.add(m.payloadHash());
        }
        return new PublicOutcome(
                negate ? y.negate() : y,
                shares,
                ChainCode.combine(reveals),
                ProtocolHash.hash("transcript", transcript.toArray(new byte[0][])),
                negate);
    }

    /** This outcome as server {@code sender}'s round-3 message, with the signature still to be set. */
    Round3Message toResult(Session s, int sender, byte[] signature) {
        Map<Integer, byte[]> encoded = new LinkedHashMap<>();
        verificationShares.forEach((id, p) -> encoded.put(id, p.encode()));
        return new Round3Message(
                s.sessionId(),
                sender,
                s.curveName().apiName(),
                s.threshold(),
                s.curve().encodePublicKey(groupKey),
                chainCode.clone(),
                encoded,
                transcriptHash.clone(),
                signature);
    }
}
