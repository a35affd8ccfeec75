package io.keyshard.ui.sign;

import io.keyshard.ExitCoded;
import io.keyshard.address.Chain;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.KeygenProgress.Stage;
import io.keyshard.client.Operation;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.ui.common.ProgressGrid;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.ui.wizard.ServerChoice;
import io.keyshard.vault.KeyRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The pipeline's Sign stage for one key: what to sign (typed text, hex or a file), its review, the
 * signers (t of the key's servers, health shown), the signing with per-server, per-round progress and
 * cancel, and the verified signature, which goes into the key's signing history. The signature is made
 * at the pipeline's current path and names its address. Blocking work runs on the background executor.
 */
public final class SignViewModel {
    /** The pages of the stage, in order. */
    public enum Step {
        COMPOSE,
        REVIEW,
        SIGNING,
        DONE,
        FAILED
    }

    /** How the typed input is read. */
    public enum InputMode {
        TEXT,
        HEX
    }

    /** A file opened as the message: its name (for the screen) and its bytes. */
    public record OpenedFile(String name, byte[] bytes) {}

    /** The phases a FROST signing reports: the signers' identities, then its two rounds. */
    static final List<Phase> PHASES = List.of(Phase.IDENTITY, Phase.ROUND1, Phase.ROUND2);

    private final PipelineViewModel where;
    private final KeyRecord key;
    private final SignService service;
    private final UiTasks tasks;
    private final Runnable onSigned;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.COMPOSE);
    private final ObjectProperty<InputMode> mode = new SimpleObjectProperty<>(InputMode.TEXT);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<OpenedFile> file = new SimpleObjectProperty<>();
    private final StringProperty inputProblem = new SimpleStringProperty();
    private final ObjectProperty<MessageReview> review = new SimpleObjectProperty<>();
    private final SignerChoices signers;
    private final StringBinding signersProblem;
    private final BooleanBinding canApprove;
    private final StringProperty signersNote = new SimpleStringProperty("");
    private final ProgressGrid grid = new ProgressGrid(PHASES);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<SignResult> result = new SimpleObjectProperty<>();
    private final StringProperty historyNote = new SimpleStringProperty("");
    private final StringProperty failure = new SimpleStringProperty();
    private final StringProperty advice = new SimpleStringProperty();
    private final StringProperty failedServer = new SimpleStringProperty();
    private final StringProperty unavailable = new SimpleStringProperty();
    private volatile Operation<SignResult> operation;
    private volatile boolean cancelRequested;
    private byte[] message;

    /**
     * @param where    the pipeline whose current path and address sign
     * @param onSigned told on the UI thread after a signature was added to the history
     */
    public SignViewModel(PipelineViewModel where, SignService service, UiTasks tasks, Runnable onSigned) {
        this.where = where;
        this.key = where.key();
        this.service = service;
        this.tasks = tasks;
        this.onSigned = onSigned;
        this.signers = new SignerChoices(key);
        signersProblem = Bindings.createStringBinding(signers::problem, signers.list());
        canApprove = signersProblem.isNull().and(where.stagesProperty().isNotNull());
        unavailable.set(service.refusal(key));
        text.addListener((o, a, b) -> decode());
        mode.addListener((o, a, b) -> decode());
        file.addListener((o, a, b) -> decode());
        decode();
    }

    /** Reads the input as it stands: the review, or what is wrong with it. */
    private void decode() {
        try {
            OpenedFile f = file.get();
            byte[] m = f != null
                    ? MessageReview.fromFile(f.bytes())
                    : mode.get() == InputMode.HEX
                            ? MessageReview.fromHex(text.get())
                            : MessageReview.fromText(text.get());
            if (f == null && m.length == 0) {
                throw new IllegalArgumentException("Type or paste the message, or open a file.");
            }
            message = m;
            inputProblem.set(null);
            review.set(MessageReview.of(m));
        } catch (IllegalArgumentException e) {
            message = null;
            inputProblem.set(e.getMessage());
            review.set(null);
        }
    }

    /** Reads a file as the message in the background; a file over 64 KiB or one that cannot be read says so. */
    public CompletableFuture<OpenedFile> open(Path path) {
        return tasks.run(
                () -> {
                    MessageReview.checkSize(Files.size(path));
                    return new OpenedFile(path.getFileName().toString(), Files.readAllBytes(path));
                },
                file::set,
                e -> {
                    file.set(null);
                    inputProblem.set("Cannot use " + path.getFileName() + ": " + UiTasks.message(e));
                });
    }

    /** Drops the opened file: the typed input is the message again. */
    public void closeFile() {
        file.set(null);
    }

    /** From the message to its review and the signers; checks the key's servers in the background. */
    public boolean next() {
        if (step.get() != Step.COMPOSE || message == null || unavailable.get() != null) {
            return false;
        }
        step.set(Step.REVIEW);
        checkServers();
        return true;
    }

    /** Asks every server of the key whether it answers (local ones started if needed); the ticks stay. */
    public CompletableFuture<?> checkServers() {
        signers.checking();
        signersNote.set("Checking the key's servers (starting the local ones if needed)…");
        return tasks.run(
                service::servers,
                statuses -> {
                    signers.show(statuses);
                    signersNote.set("");
                },
                e -> signersNote.set("Could not check the servers: " + UiTasks.message(e)));
    }

    /** Back to the message (from the review, or after a failure). */
    public void back() {
        if (step.get() == Step.REVIEW || step.get() == Step.FAILED) {
            step.set(Step.COMPOSE);
        }
    }

    /** Approves: signs the reviewed message with the ticked servers at the pipeline's current path. */
    public CompletableFuture<SignResult> approve() {
        if (step.get() != Step.REVIEW && step.get() != Step.FAILED || !canApprove.get() || message == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing approved to sign"));
        }
        PipelineViewModel.Stages at = where.stagesProperty().get();
        Chain chain = where.chainProperty().get();
        Network network = where.networkProperty().get();
        List<String> chosen = signers.chosen();
        SignRequest request = new SignRequest(
                key.keyId(), DerivationPath.parse(at.derivationPath()), null, message, chosen, chain, network);
        byte[] signed = message;
        grid.reset(chosen);
        result.set(null);
        failure.set(null);
        advice.set(null);
        failedServer.set(null);
        historyNote.set("");
        cancelRequested = false;
        running.set(true);
        status.set("Asking " + chosen.size() + " servers to sign…");
        step.set(Step.SIGNING);
        CompletableFuture<SignResult> out = new CompletableFuture<>();
        tasks.run(
                () -> run(request, signed),
                r -> {
                    running.set(false);
                    result.set(r);
                    status.set("Signed by " + String.join(", ", r.signers()) + "; the signature verified under the "
                            + "key before it was shown.");
                    step.set(Step.DONE);
                    onSigned.run();
                    out.complete(r);
                },
                e -> {
                    running.set(false);
                    describe(e);
                    step.set(Step.FAILED);
                    out.completeExceptionally(e);
                });
        return out;
    }

    private SignResult run(SignRequest request, byte[] signed) {
        Operation<SignResult> op;
        try {
            op = service.sign(request);
        } catch (IllegalArgumentException refused) {
            tasks.ui(() -> unavailable.set(refused.getMessage()));
            throw refused;
        }
        operation = op;
        op.onProgress(p -> tasks.ui(() -> {
            grid.apply(p);
            if (p.stage() == Stage.SENT && p.server() != null) {
                status.set(ProgressGrid.title(p.phase()) + ": waiting for the signers…");
            }
        }));
        if (cancelRequested) {
            op.cancel();
        }
        try {
            SignResult r = op.promise().join();
            try {
                service.record(r, signed);
            } catch (RuntimeException e) {
                String why = UiTasks.message(e);
                tasks.ui(() -> historyNote.set(
                        "The signature is valid, but it could not be added to the key's signing history: " + why));
            }
            return r;
        } finally {
            operation = null;
        }
    }

    /** What went wrong, naming the server, and what to do about it. */
    private void describe(Throwable e) {
        Throwable t = UiTasks.unwrap(e);
        if (cancelRequested) {
            failure.set("Cancelled. Nothing was signed: every signer was told to drop its nonces.");
            advice.set("Sign starts again with new nonces; nothing of the cancelled attempt is reused.");
            return;
        }
        String server = t instanceof KeygenException ke ? ke.server() : null;
        int code = t instanceof ExitCoded ec ? ec.exitCode() : ExitCoded.OTHER;
        failedServer.set(server);
        failure.set((server == null ? "Nothing was signed: " : "Nothing was signed. Server " + server + ": ")
                + UiTasks.message(t));
        if (code == ExitCoded.PROTOCOL && server != null) {
            advice.set(server + " answered with something that does not check out, so its part was refused. Untick "
                    + server + " and sign with the key's other servers, and tell its operator.");
        } else if (code == ExitCoded.SERVER) {
            advice.set((server == null ? "Start the servers that did not answer" : "Start " + server + " again")
                    + " (Servers screen) or tick other servers, then Sign again.");
        } else {
            advice.set("Check the servers (Servers screen) and Sign again; each attempt uses new nonces.");
        }
    }

    /** Asks the running signing to stop; every signer drops its nonces and nothing is signed. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        status.set("Cancelling…");
        Operation<SignResult> op = operation;
        if (op != null) {
            op.cancel();
        }
    }

    /** After a failure: the review again, with the servers checked anew. */
    public void reviewAgain() {
        if (step.get() == Step.FAILED) {
            step.set(Step.REVIEW);
            checkServers();
        }
    }

    /** Writes the signature as JSON to {@code file} in the background; completes with what to tell the user. */
    public CompletableFuture<String> save(Path file) {
        SignResult r = result.get();
        if (r == null) {
            return CompletableFuture.completedFuture("Nothing to save yet.");
        }
        CompletableFuture<String> out = new CompletableFuture<>();
        tasks.run(
                () -> {
                    SignatureFile.write(r, file);
                    return file;
                },
                f -> out.complete("Saved to " + f + "."),
                e -> out.complete("Could not save to " + file + ": " + UiTasks.message(e)));
        return out;
    }

    /** Clears the message for another signing. */
    public void startOver() {
        file.set(null);
        text.set("");
        result.set(null);
        step.set(Step.COMPOSE);
    }

    public KeyRecord key() {
        return key;
    }

    /** The pipeline this stage signs at. */
    public PipelineViewModel where() {
        return where;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<InputMode> modeProperty() {
        return mode;
    }

    /** The typed text or hex. */
    public StringProperty textProperty() {
        return text;
    }

    /** The opened file, or null while the typed input is the message. */
    public ReadOnlyObjectProperty<OpenedFile> fileProperty() {
        return file;
    }

    /** What is wrong with the input, or null. */
    public StringProperty inputProblemProperty() {
        return inputProblem;
    }

    /** The decoded message, or null while the input is not a message. */
    public ReadOnlyObjectProperty<MessageReview> reviewProperty() {
        return review;
    }

    /** The key's servers offered as signers. */
    public ObservableList<ServerChoice> signers() {
        return signers.list();
    }

    /** What keeps the ticked servers from signing, or null. */
    public StringBinding signersProblemProperty() {
        return signersProblem;
    }

    /** A note on the server check (running, or why it failed). */
    public StringProperty signersNoteProperty() {
        return signersNote;
    }

    public BooleanBinding canApproveProperty() {
        return canApprove;
    }

    /** Where each signer is in each phase. */
    public ProgressGrid grid() {
        return grid;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** The verified signature, or null. */
    public ReadOnlyObjectProperty<SignResult> resultProperty() {
        return result;
    }

    /** Non-empty when a valid signature could not be added to the history. */
    public StringProperty historyNoteProperty() {
        return historyNote;
    }

    /** What went wrong, naming the server; null unless failed. */
    public StringProperty failureProperty() {
        return failure;
    }

    /** What to do about the failure. */
    public StringProperty adviceProperty() {
        return advice;
    }

    public StringProperty failedServerProperty() {
        return failedServer;
    }

    /** Why this key cannot sign yet, or null. */
    public StringProperty unavailableProperty() {
        return unavailable;
    }
}
