package io.keyshard.client;

import io.keyshard.curve.CurveName;
import java.util.UUID;

/**
 * A payload decoded, checked and reviewed, ready for {@link PayloadSigning#sign}: what a person
 * approves ({@link #review()}) and exactly what the servers will sign. Nothing was sent to a server
 * to make it.
 */
public final class PreparedPayload {
    private final PayloadRequest request;
    private final CurveName curve;
    private final SignReview review;
    private final PayloadPlan plan;

    PreparedPayload(PayloadRequest request, CurveName curve, SignReview review, PayloadPlan plan) {
        this.request = request;
        this.curve = curve;
        this.review = review;
        this.plan = plan;
    }

    /** The request it was prepared from. */
    public PayloadRequest request() {
        return request;
    }

    public UUID keyId() {
        return request.keyId();
    }

    public PayloadKind kind() {
        return request.kind();
    }

    public CurveName curve() {
        return curve;
    }

    /** What the person reads before approving. */
    public SignReview review() {
        return review;
    }

    /** The path of the signing key (PSBT: of its first input this key signs). */
    public String derivationPath() {
        return plan.parts().get(0).path().toString();
    }

    /** The address of the signing key, or null without a chain (PSBT: null; the review lists each input). */
    public String address() {
        return plan.address();
    }

    /** The 32-byte digest that will be signed, hex, when exactly one digest is signed; else null. */
    public String digest() {
        return plan.digest();
    }

    /** How many threshold signatures signing takes (one per PSBT input of this key). */
    public int signatureCount() {
        return plan.parts().size();
    }

    PayloadPlan plan() {
        return plan;
    }
}
