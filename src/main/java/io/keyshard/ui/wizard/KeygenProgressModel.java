package io.keyshard.ui.wizard;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.Operation;
import io.keyshard.client.ServerException;
import io.keyshard.client.SigningReadiness;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.ProgressGrid;
import io.keyshard.ui.common.StepState;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Generating and Saved steps: runs one key generation through the {@link Workspace}, turns its
 * progress events into a per-server, per-phase grid, cancels, and reports the result or which server failed and why.
 */
public final class KeygenProgressModel {
    private final Workspace workspace;
    private final UiTasks tasks;
    private final Consumer<Boolean> finished;
    private final ProgressGrid grid = new ProgressGrid(List.of(Phase.values()));
    private final StringProperty status = new SimpleStringProperty();
    private final StringProperty failure = new SimpleStringProperty();
    private final StringProperty failedServer = new SimpleStringProperty();
    private final StringProperty failureAdvice = new SimpleStringProperty();
    private final ObjectProperty<KeyRecord> result = new SimpleObjectProperty<>();
    private final ObjectProperty<SigningReadiness> signing = new SimpleObjectProperty<>();
    private volatile long attempt;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final LongProperty elapsedMs = new SimpleLongProperty();
    private volatile Operation<GeneratedKey> operation;
    private volatile boolean cancelRequested;
    private Consumer<KeyRecord> onKeyCreated = r -> {};
    private KeygenRequest lastRequest;

    KeygenProgressModel(Workspace workspace, UiTasks tasks, Consumer<Boolean> finished) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.finished = finished;
    }

    /** Starts a generation; the grid, status and outcome properties follow it on the UI executor. */
    public CompletableFuture<GeneratedKey> start(CurveName curve, int threshold, List<String> servers, String label) {
        lastRequest = new KeygenRequest(curve, threshold, servers, label);
        grid.reset(servers);
        result.set(null);
        signing.set(null);
        long mine = ++attempt;
        failure.set(null);
        failedServer.set(null);
        failureAdvice.set(null);
        cancelRequested = false;
        running.set(true);
        status.set("Connecting to " + servers.size() + " servers...");
        long t0 = System.nanoTime();
        KeygenRequest request = lastRequest;
        CompletableFuture<GeneratedKey> out = new CompletableFuture<>();
        tasks.run(
                () -> run(request),
                key -> {
                    elapsedMs.set((System.nanoTime() - t0) / 1_000_000);
                    running.set(false);
                    result.set(key.record());
                    status.set(
                            key.note() != null
                                    ? key.note()
                                    : "Done in " + String.format("%.1f", elapsedMs.get() / 1000.0) + " s.");
                    followSigningSetup(key, mine);
                    onKeyCreated.accept(key.record());
                    finished.accept(true);
                    out.complete(key);
                },
                e -> {
                    elapsedMs.set((System.nanoTime() - t0) / 1_000_000);
                    running.set(false);
                    describeFailure(e);
                    finished.accept(false);
                    out.completeExceptionally(e);
                });
        return out;
    }

    /** Shows "Setting up signing…" while the workspace sets up the new key's signing, then how it ended. */
    private void followSigningSetup(GeneratedKey key, long mine) {
        if (workspace.settingUpSigning(key.keyId())) {
            signing.set(SigningReadiness.of(SigningReadiness.State.SETTING_UP));
        }
        workspace
                .signingReadinessAfterSetup(key.keyId())
                .whenComplete((r, e) -> tasks.ui(() -> {
                    if (attempt == mine) {
                        signing.set(
                                e == null
                                        ? r
                                        : new SigningReadiness(SigningReadiness.State.UNKNOWN, UiTasks.message(e)));
                    }
                }));
    }

    private GeneratedKey run(KeygenRequest request) throws Exception {
        if (request.servers().stream().anyMatch(LocalCluster.NAMES::contains)) {
            tasks.ui(() -> status.set("Making sure the local servers are running..."));
            workspace.startLocalCluster();
        }
        try {
            Operation<GeneratedKey> op = workspace.call(ComponentModule.GENERATE_KEY_SHARE, request);
            operation = op;
            op.onProgress(p -> tasks.ui(() -> apply(p)));
            if (cancelRequested) {
                op.cancel();
            }
            return op.promise().join();
        } finally {
            operation = null;
        }
    }

    private void apply(KeygenProgress p) {
        grid.apply(p);
        if (p.stage() == KeygenProgress.Stage.SENT && p.server() != null) {
            status.set(ProgressGrid.title(p.phase()) + ": waiting for the servers...");
        } else if (p.stage() == KeygenProgress.Stage.RECORD && p.record() == KeyStatus.PENDING) {
            status.set("The new key's record is in the vault (pending); the servers are working...");
        }
    }

    private void describeFailure(Throwable e) {
        Throwable t = UiTasks.unwrap(e);
        String pending = t instanceof KeygenException ke ? ke.pendingNote() : null;
        if (cancelRequested) {
            failureAdvice.set(advice(null, false));
            failure.set(
                    pending == null
                            ? "Cancelled. No key was made: the servers dropped their partial work, and if the "
                                    + "attempt reached the vault it is marked FAILED (cancelled)."
                            : "Cancelled. No key was made yet: " + pending + ".");
            return;
        }
        String server = t instanceof KeygenException ke ? ke.server() : null;
        failedServer.set(server);
        String why = UiTasks.message(t);
        failure.set(server == null ? "The key generation failed: " + why : "Server " + server + " failed: " + why);
        failureAdvice.set(advice(server, answered(t)));
    }

    /**
     * What to do after a failure: a server that did not answer is started again; one that answered and refused
     * (a peer it does not pin, a key it does not hold) needs what its answer says, not a restart.
     */
    static String advice(String server, boolean answered) {
        String attempts = "Each attempt gets a new key ID; a failed one can never sign.";
        if (server == null) {
            return "Retry starts a new attempt with a new key ID. A failed attempt can never sign; if it reached the "
                    + "vault it is listed there as FAILED.";
        }
        return answered
                ? server + " answered and refused: do what its answer above says (or ask its operator to), then "
                        + "Retry, or choose other servers. " + attempts
                : "Start " + server + " again (Servers screen) and Retry, or choose other servers. " + attempts;
    }

    /** Whether the failure holds a server's answer (an HTTP status), rather than no answer at all. */
    private static boolean answered(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServerException se && se.status() != 0) {
                return true;
            }
        }
        return false;
    }

    /** Asks the running generation to stop; the record ends FAILED ("cancelled") unless the key was already complete. */
    public void cancel() {
        cancelRequested = true;
        status.set("Cancelling...");
        Operation<GeneratedKey> op = operation;
        if (op != null) {
            op.cancel();
        }
    }

    /** Runs the last request again: a new attempt with a new keyId. */
    public CompletableFuture<GeneratedKey> retry() {
        return start(lastRequest.curve(), lastRequest.threshold(), lastRequest.servers(), lastRequest.label());
    }

    void setOnKeyCreated(Consumer<KeyRecord> listener) {
        onKeyCreated = listener == null ? r -> {} : listener;
    }

    /** The grid: server name -> one state per phase of the key generation. */
    public Map<String, List<ObjectProperty<StepState>>> cells() {
        return grid.cells();
    }

    /** Where each server is in each phase. */
    public ProgressGrid grid() {
        return grid;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** What went wrong in words, naming the server; null while running or after success. */
    public StringProperty failureProperty() {
        return failure;
    }

    public StringProperty failedServerProperty() {
        return failedServer;
    }

    /** What to do about the failure shown, or null while running or after success. */
    public StringProperty failureAdviceProperty() {
        return failureAdvice;
    }

    /** The READY record once saved. */
    public ObjectProperty<KeyRecord> resultProperty() {
        return result;
    }

    /** Whether the new key signs at once (null until it is READY); see {@link Workspace#signingReadiness}. */
    public ObjectProperty<SigningReadiness> signingProperty() {
        return signing;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** How long the last generation took, measured here for the report. */
    public LongProperty elapsedMsProperty() {
        return elapsedMs;
    }
}
