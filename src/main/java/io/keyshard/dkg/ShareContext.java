package io.keyshard.dkg;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public context a stored share belongs to, checked before the share is used: the setup of its
 * key generation (curve, threshold, participant ids, names and identity keys) and the holder's own
 * signed round-3 result (group key, every verification share, chain code, transcript). A signer
 * takes Y, Y_j, t and the chain code from here, never from unchecked storage.
 */
public final class ShareContext {
    private final Session session;
    private final Round3Message result;
    private final int holderId;
    private final Point groupKey;
    private final Map<Integer, Point> verificationShares;

    private ShareContext(
            Session session, Round3Message result, int holderId, Point groupKey, Map<Integer, Point> shares) {
        this.session = session;
        this.result = result;
        this.holderId = holderId;
        this.groupKey = groupKey;
        this.verificationShares = Collections.unmodifiableMap(shares);
    }

    /**
     * The hash a sealed share is bound to: the result's payload hash, which covers the sessionId (and
     * through it the whole setup), curve, threshold, group key, chain code, every verification share
     * and the transcript.
     */
    public static byte[] bindingHash(Round3Message result) {
        return result.payloadHash();
    }

    /**
     * Checks that {@code result} is server {@code holderName}/{@code holderId}'s own signed round-3
     * message of the key generation {@code setup} describes, signed with {@code holder}'s key, and
     * that its points decode.
     *
     * @throws IllegalArgumentException naming the rule the stored context breaks
     */
    public static ShareContext verify(
            SessionSetup setup, Round3Message result, String holderName, int holderId, IdentityKeys holder) {
        Session session = Session.of(setup);
        if (result == null || !session.isThisSession(result.sessionId())) {
            throw new IllegalArgumentException("the stored result is not of the stored setup's session");
        }
        Participant self = session.participant(holderId);
        if (self == null || !self.name().equals(holderName) || !holder.matches(self)) {
            throw new IllegalArgumentException("the stored setup does not list this server with its own identity");
        }
        if (result.sender() != holderId || !Signatures.verify(self, result, result.payloadHash())) {
            throw new IllegalArgumentException("the stored result is not signed by this server");
        }
        if (!session.curveName().apiName().equals(result.curve()) || result.threshold() != session.threshold()) {
            throw new IllegalArgumentException("the stored result is for another curve or threshold than its setup");
        }
        if (result.chainCode() == null || result.chainCode().length != ChainCode.LENGTH) {
            throw new IllegalArgumentException("the stored result has no 32-byte chain code");
        }
        Curve curve = session.curve();
        Map<Integer, Point> shares = new LinkedHashMap<>();
        try {
            Point groupKey = curve.decodePublicKey(result.rootPublicKey());
            for (Participant p : session.participants()) {
                byte[] encoded = result.verificationShares() == null
                        ? null
                        : result.verificationShares().get(p.id());
                if (encoded == null) {
                    throw new IllegalArgumentException("the stored result lacks a verification share");
                }
                shares.put(p.id(), curve.decodePoint(encoded));
            }
            if (result.verificationShares().size() != shares.size()) {
                throw new IllegalArgumentException("the stored result has verification shares of unknown servers");
            }
            return new ShareContext(session, result, holderId, groupKey, shares);
        } catch (InvalidEncodingException e) {
            throw new IllegalArgumentException("the stored result holds a point that does not decode", e);
        }
    }

    /**
     * Checks {@code x_j·G == Y_j} for the holder's share (constant-time base multiplication).
     *
     * @throws IllegalArgumentException when the share is not the one the context's verification share commits to
     */
    public void checkShare(SecretShare share) {
        if (share.id() != holderId || share.curve() != session.curveName()) {
            throw new IllegalArgumentException("the share is of another server or curve than its context");
        }
        if (!share.publicShare().equals(verificationShares.get(holderId))) {
            throw new IllegalArgumentException("the share does not match its verification share");
        }
    }

    public Session session() {
        return session;
    }

    public CurveName curveName() {
        return session.curveName();
    }

    public int threshold() {
        return session.threshold();
    }

    /** The id of the server holding the share. */
    public int holderId() {
        return holderId;
    }

    /** The group key Y (for SECP256K1_SCHNORR the even-Y point of the x-only root key). */
    public Point groupKey() {
        return groupKey;
    }

    /** The root public key in the curve's public-key encoding, as every server signed it. */
    public byte[] rootPublicKey() {
        return result.rootPublicKey().clone();
    }

    public byte[] chainCode() {
        return result.chainCode().clone();
    }

    /** Every server's verification share Y_k, by id in ascending order. */
    public Map<Integer, Point> verificationShares() {
        return verificationShares;
    }

    /** The holder's signed round-3 result this context was checked from. */
    public Round3Message result() {
        return result;
    }
}
