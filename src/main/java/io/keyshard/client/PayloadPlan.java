package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.derive.DerivationPath;
import io.keyshard.wire.TaprootTweak;
import java.util.List;

/** One kind's decoded payload: the threshold signatures it needs and how their results become the output. */
interface PayloadPlan {
    /** One threshold signature: what {@link Workspace#sign} gets, and how the history describes it. */
    record Part(
            DerivationPath path,
            TaprootTweak taproot,
            byte[] message,
            boolean digest,
            Chain chain,
            byte[] historyDigest,
            String description) {
        public Part {
            message = message.clone();
            historyDigest = historyDigest.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }

        @Override
        public byte[] historyDigest() {
            return historyDigest.clone();
        }
    }

    SignReview review();

    List<Part> parts();

    /** The address of the signing key, or null. */
    String address();

    /** The one digest signed, hex, or null. */
    String digest();

    /**
     * The output from every part's signature, in the order of {@link #parts()}, checked the way the
     * chain checks it.
     *
     * @throws KeygenException (exit 5) when the result fails that check; it is then not returned
     */
    PayloadResult finish(List<SignResult> results);

    /**
     * The output from the signatures of the first {@code results.size()} parts only, when the kind can hand
     * back a part of its signatures (a PSBT with some inputs signed); null when it cannot.
     */
    default PayloadResult finishPartial(List<SignResult> results) {
        return null;
    }
}
