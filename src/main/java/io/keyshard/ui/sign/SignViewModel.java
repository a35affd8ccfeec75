package io.keyshard.ui.sign;

import io.keyshard.bytes.Hex;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadRequest;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PreparedPayload;
import io.keyshard.crypto.Digests;
import io.keyshard.derive.DerivationPath;
import io.keyshard.ui.common.ProgressGrid;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.ui.pipeline.PipelineViewModel.Stages;
import io.keyshard.ui.wizard.ServerChoice;
import io.keyshard.vault.KeyRecord;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The pipeline's Sign stage for one key: the steps from the input ({@link SignInputModel}) through its review
 * from the payload signing service and the signers (t of the key's servers, health shown) to the signing
 * ({@link SignRunModel}) and its checked result, which the service adds to the key's signing history. The key
 * signs at the pipeline's current path. Blocking work runs on the background executor.
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

    /** A file opened as the payload: its name (for the screen) and its bytes. */
    public record OpenedFile(String name, byte[] bytes) {}

    private final PipelineViewModel where;
    private final KeyRecord key;
    private final SignService service;
    private final UiTasks tasks;
    private final Runnable onSigned;
    private final SignInputModel input;
    private final SignRunModel run;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.COMPOSE);
    private final BooleanProperty preparing = new SimpleBooleanProperty();
    private final ObjectProperty<PreparedPayload> prepared = new SimpleObjectProperty<>();
    private final StringProperty messageSha256 = new SimpleStringProperty();
    private final SignerChoices signers;
    private final StringBinding signersProblem;
    private final BooleanBinding canApprove;
    private final StringProperty signersNote = new SimpleStringProperty("");
    /** The pipeline run the review shown was made at. */
    private Stages reviewedAt;
    /** Counts preparations, so that only the last one's answer is shown (touched on the UI thread only). */
    private long preparation;

    /**
     * @param where    the pipeline whose chain, path and network sign
     * @param onSigned told on the UI thread after a signing (its history entry is written by then)
     */
    public SignViewModel(PipelineViewModel where, SignService service, UiTasks tasks, Runnable onSigned) {
        this.where = where;
        this.key = where.key();
        this.service = service;
        this.tasks = tasks;
        this.onSigned = onSigned;
        this.input = new SignInputModel(where, tasks);
        this.run = new SignRunModel(service, tasks);
        this.signers = new SignerChoices(key);
        signersProblem = Bindings.createStringBinding(signers::problem, signers.list());
        canApprove = signersProblem.isNull().and(prepared.isNotNull());
        where.stagesProperty().addListener((o, a, b) -> followChoices());
    }

    /** Reads a file as the payload in the background; one too large for any payload or unreadable says so. */
    public CompletableFuture<OpenedFile> open(Path path) {
        return input.open(path);
    }

    /** Drops the opened file: the typed input is the payload again. */
    public void closeFile() {
        input.file.set(null);
    }

    /**
     * Decodes and reviews the input in the background (no server is asked); then the review and the
     * signers, whose health is checked. A payload the service refuses says why and stays here.
     */
    public CompletableFuture<PreparedPayload> next() {
        Stages at = where.stagesProperty().get();
        if (step.get() != Step.COMPOSE || input.bytes() == null || preparing.get() || at == null) {
            return CompletableFuture.completedFuture(null);
        }
        return prepare(at);
    }

    /**
     * Reviews the input at {@code at} (chain, network and path from one computed run, never mixed with choices
     * made since). A later preparation makes this one moot: its answer is dropped, so a review is always of the
     * choices last made.
     */
    private CompletableFuture<PreparedPayload> prepare(Stages at) {
        PayloadKind k = input.kind.get();
        boolean ownPaths = k == PayloadKind.PSBT; // a PSBT names the paths of its inputs
        PayloadRequest request = new PayloadRequest(
                key.keyId(),
                k,
                input.bytes(),
                ownPaths ? null : at.chain(),
                ownPaths ? null : DerivationPath.parse(at.derivationPath()),
                at.network(),
                input.finalizing());
        long mine = ++preparation;
        preparing.set(true);
        return tasks.run(
                () -> service.prepare(request),
                p -> {
                    if (mine != preparation) {
                        return;
                    }
                    preparing.set(false);
                    messageSha256.set(k == PayloadKind.MESSAGE ? Hex.encode(Digests.sha256(request.input())) : null);
                    reviewedAt = at;
                    prepared.set(p);
                    if (step.get() == Step.COMPOSE) {
                        step.set(Step.REVIEW);
                        checkServers();
                    }
                },
                e -> {
                    if (mine != preparation) {
                        return;
                    }
                    preparing.set(false);
                    step.set(Step.COMPOSE);
                    input.problem.set(UiTasks.message(e));
                });
    }

    /**
     * The review follows the chain, network, account and index above: when they give another address while a
     * review is shown or being made, the review is made again for the new one, so Sign never approves an
     * address the screen no longer shows. While they give none (a number being typed), or the input was
     * emptied while the review was being made, the stage goes back to the input.
     */
    private void followChoices() {
        if (step.get() != Step.REVIEW && !preparing.get()) {
            return;
        }
        Stages at = where.stagesProperty().get();
        if (step.get() == Step.REVIEW && !preparing.get() && at != null && at.equals(reviewedAt)) {
            return;
        }
        prepared.set(null);
        if (at == null || input.bytes() == null) {
            preparation++;
            preparing.set(false);
            step.set(Step.COMPOSE);
            return;
        }
        prepare(at);
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

    /** Back to the input (from the review or a failure). */
    public void back() {
        if (step.get() == Step.REVIEW || step.get() == Step.FAILED) {
            preparation++; // a review being made again for new choices is not wanted any more
            preparing.set(false);
            prepared.set(null);
            step.set(Step.COMPOSE);
        }
    }

    /** Approves: signs what was reviewed with the ticked servers. */
    public CompletableFuture<PayloadResult> approve() {
        PreparedPayload p = prepared.get();
        if (step.get() != Step.REVIEW || !canApprove.get() || p == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing approved to sign"));
        }
        var chosen = signers.chosen();
        run.begin(p, chosen);
        step.set(Step.SIGNING);
        return run.launch(
                p,
                chosen,
                () -> {
                    step.set(Step.DONE);
                    onSigned.run();
                },
                () -> step.set(Step.FAILED));
    }

    /** Asks the running signing to stop; every signer drops its nonces and nothing more is signed. */
    public void cancel() {
        run.cancel();
    }

    /** After a failure: the review again, with the servers checked anew. */
    public void reviewAgain() {
        if (step.get() == Step.FAILED) {
            step.set(Step.REVIEW);
            followChoices(); // the choices may have moved while it signed
            checkServers();
        }
    }

    /** Writes the result as JSON to {@code file} in the background; completes with what to tell the user. */
    public CompletableFuture<String> save(Path file) {
        PayloadResult r = run.result.get();
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

    /** Clears the input for another signing. */
    public void startOver() {
        input.file.set(null);
        input.text.set("");
        run.clear();
        prepared.set(null);
        step.set(Step.COMPOSE);
    }

    /** After a PSBT signed in part: the partly signed PSBT becomes the input and is reviewed to sign the rest. */
    public CompletableFuture<PreparedPayload> signTheRest() {
        PayloadResult r = run.result.get();
        if (step.get() != Step.DONE || run.partial.get() == null || r == null) {
            return CompletableFuture.completedFuture(null);
        }
        input.replaceWith(r.psbt());
        run.clear();
        prepared.set(null);
        step.set(Step.COMPOSE);
        return next();
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

    /** What is signed; an Ethereum or Solana kind moves the pipeline to its chain. */
    public ObjectProperty<PayloadKind> kindProperty() {
        return input.kind;
    }

    public ObjectProperty<InputMode> modeProperty() {
        return input.mode;
    }

    /** The typed text or hex. */
    public StringProperty textProperty() {
        return input.text;
    }

    /** The opened file, or null while the typed input is the payload. */
    public ReadOnlyObjectProperty<OpenedFile> fileProperty() {
        return input.file;
    }

    /** For a PSBT: also finalize it and extract the transaction (as {@code sign psbt --finalize}). */
    public BooleanProperty finalizePsbtProperty() {
        return input.finalizePsbt;
    }

    /** What is wrong with the input or why the service refused it, or null. */
    public StringProperty inputProblemProperty() {
        return input.problem;
    }

    /** Whether the input can be reviewed: something typed or opened, and nothing wrong with it. */
    public ReadOnlyBooleanProperty inputReadyProperty() {
        return input.ready;
    }

    /** The input's size in words, or while nothing is typed or opened, what to do. */
    public StringProperty inputSizeProperty() {
        return input.size;
    }

    public BooleanProperty preparingProperty() {
        return preparing;
    }

    /** The reviewed payload, or null before Next. */
    public ReadOnlyObjectProperty<PreparedPayload> preparedProperty() {
        return prepared;
    }

    /** For a message, its SHA-256 (what the signing history keeps), hex; else null. */
    public StringProperty messageSha256Property() {
        return messageSha256;
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

    /** Where each signer is in each phase of the signing running. */
    public ProgressGrid grid() {
        return run.grid;
    }

    /** For a payload of several signings (a PSBT's inputs): which one runs, k of n; else empty. */
    public StringProperty partProperty() {
        return run.part;
    }

    public StringProperty statusProperty() {
        return run.status;
    }

    public BooleanProperty runningProperty() {
        return run.running;
    }

    /** The checked result (for a PSBT signed in part, what was signed), or null. */
    public ReadOnlyObjectProperty<PayloadResult> resultProperty() {
        return run.result;
    }

    /** For a PSBT signed in part: which input failed, why, and what the result holds; else null. */
    public StringProperty partialProperty() {
        return run.partial;
    }

    /** What went wrong, naming the server; null unless failed. */
    public StringProperty failureProperty() {
        return run.failure;
    }

    /** What to do about the failure. */
    public StringProperty adviceProperty() {
        return run.advice;
    }

    public StringProperty failedServerProperty() {
        return run.failedServer;
    }
}
