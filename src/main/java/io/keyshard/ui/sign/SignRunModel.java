package io.keyshard.ui.sign;

import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.KeygenProgress.Stage;
import io.keyshard.client.Operation;
import io.keyshard.client.PartProgress;
import io.keyshard.client.PartlySignedException;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.StandardVerifier;
import io.keyshard.ui.common.ProgressGrid;
import io.keyshard.ui.common.UiTasks;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One approved signing as the Sign stage follows it: which signing of the payload runs (a PSBT's inputs, k of
 * n), each signer's place in each round, cancel, and how it ended: the checked result, a failure in words, or a
 * PSBT signed in part.
 */
final class SignRunModel {
    /** The phases a signing reports per signer: its identity, then the protocol's rounds. */
    static final List<Phase> PHASES = List.of(Phase.IDENTITY, Phase.ROUND1, Phase.ROUND2);

    /** Threshold ECDSA (DKLs23) signs in three rounds. */
    static final List<Phase> ECDSA_PHASES = List.of(Phase.IDENTITY, Phase.ROUND1, Phase.ROUND2, Phase.ROUND3);

    private final SignService service;
    private final UiTasks tasks;
    final ProgressGrid grid = new ProgressGrid(PHASES);
    final StringProperty status = new SimpleStringProperty("");
    final StringProperty part = new SimpleStringProperty("");
    final BooleanProperty running = new SimpleBooleanProperty();
    final ObjectProperty<PayloadResult> result = new SimpleObjectProperty<>();
    final StringProperty partial = new SimpleStringProperty();
    final StringProperty failure = new SimpleStringProperty();
    final StringProperty advice = new SimpleStringProperty();
    final StringProperty failedServer = new SimpleStringProperty();
    private volatile Operation<PayloadResult> operation;
    private volatile boolean cancelRequested;

    SignRunModel(SignService service, UiTasks tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    /** Clears the last signing and sets the grid up for signing {@code p} with {@code chosen}. */
    void begin(PreparedPayload p, List<String> chosen) {
        grid.reset(chosen, phases(p));
        clear();
        cancelRequested = false;
        running.set(true);
        status.set("Asking " + chosen.size() + " servers to sign…");
    }

    private static List<Phase> phases(PreparedPayload p) {
        return StandardVerifier.frost(p.curve()) ? PHASES : ECDSA_PHASES;
    }

    /**
     * Signs {@code p} with {@code chosen} in the background, after {@link #begin}. On the UI thread,
     * {@code signed} is told of a result (the whole, or a PSBT's signed part: see {@link #partial}) and
     * {@code failed} of a failure, once it is shown; then the returned future completes with either.
     */
    CompletableFuture<PayloadResult> launch(PreparedPayload p, List<String> chosen, Runnable signed, Runnable failed) {
        List<Phase> phases = phases(p);
        CompletableFuture<PayloadResult> out = new CompletableFuture<>();
        tasks.run(
                () -> run(p, chosen, phases),
                r -> {
                    running.set(false);
                    result.set(r);
                    status.set("Signed by " + String.join(", ", r.signers()) + " and checked the way the chain "
                            + "checks it before it was shown.");
                    signed.run();
                    out.complete(r);
                },
                e -> {
                    running.set(false);
                    if (UiTasks.unwrap(e) instanceof PartlySignedException ps) {
                        keep(ps);
                        signed.run();
                        out.complete(ps.partial());
                        return;
                    }
                    SignFailure f = cancelRequested ? SignFailure.cancelled() : SignFailure.of(e);
                    failure.set(f.what());
                    advice.set(f.advice());
                    failedServer.set(f.server());
                    failed.run();
                    out.completeExceptionally(e);
                });
        return out;
    }

    /** Clears what the last signing left. */
    void clear() {
        result.set(null);
        partial.set(null);
        part.set("");
        failure.set(null);
        advice.set(null);
        failedServer.set(null);
    }

    /** A PSBT whose later input failed: the signatures made are offered, the failed input named. */
    private void keep(PartlySignedException ps) {
        PayloadResult r = ps.partial();
        result.set(r);
        failedServer.set(ps.server());
        String why = cancelRequested ? "the signing was cancelled" : UiTasks.message(ps);
        partial.set(capitalized(ps.failedPart()) + " was not signed: " + why + ". The signatures made before it "
                + "(" + inputs(r.signedInputs()) + ") are in the PSBT below: save or copy it so they are kept. "
                + "It is not finalized. Sign the rest signs the inputs left, from this PSBT, with new nonces.");
        status.set("Signed in part by " + String.join(", ", r.signers()) + "; each signature was checked.");
    }

    /** "input 0", "inputs 0, 2". */
    private static String inputs(List<Integer> indexes) {
        String list = String.join(", ", indexes.stream().map(String::valueOf).toList());
        return (indexes.size() == 1 ? "input " : "inputs ") + list;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private PayloadResult run(PreparedPayload p, List<String> chosen, List<Phase> phases) {
        // a refusal before anything is sent (an IllegalArgumentException) is shown as any other failure
        Operation<PayloadResult> op =
                service.sign(p, chosen, step -> tasks.ui(() -> partStarted(step, chosen, phases)));
        operation = op;
        op.onProgress(e -> tasks.ui(() -> {
            grid.apply(e);
            if (e.stage() == Stage.SENT && e.server() != null) {
                status.set(ProgressGrid.title(e.phase()) + ": waiting for the signers…");
            }
        }));
        if (cancelRequested) {
            op.cancel();
        }
        try {
            return op.promise().join();
        } finally {
            operation = null;
        }
    }

    /** A payload of several signings (a PSBT's inputs) names the one running; each starts on a fresh grid. */
    private void partStarted(PartProgress step, List<String> chosen, List<Phase> phases) {
        if (step.count() < 2) {
            part.set("");
            return;
        }
        if (step.number() > 1) {
            grid.reset(chosen, phases);
        }
        part.set("Signing " + step.number() + " of " + step.count() + ": " + step.description());
    }

    /** Asks the running signing to stop; every signer drops its nonces and nothing more is signed. */
    void cancel() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        status.set("Cancelling…");
        Operation<PayloadResult> op = operation;
        if (op != null) {
            op.cancel();
        }
    }
}
