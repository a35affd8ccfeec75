package io.keyshard.client;

import java.util.List;
import java.util.function.Function;

/** A payload that takes one threshold signature. */
record SinglePlan(
        SignReview review, Part part, String address, String digest, Function<SignResult, PayloadResult> finisher)
        implements PayloadPlan {
    @Override
    public List<Part> parts() {
        return List.of(part);
    }

    @Override
    public PayloadResult finish(List<SignResult> results) {
        return finisher.apply(results.get(0));
    }
}
