package io.keyshard.ui.sign;

import io.keyshard.address.Chain;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.KeygenProgress.Stage;
import io.keyshard.client.Operation;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadRequest;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.StandardVerifier;
import io.keyshard.crypto.Digests;
import io.keyshard.derive.DerivationPath;
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
 * The pipeline's Sign stage for one key: what to sign (a message, digest, Ethereum message, typed data or
 * transaction, PSBT or Solana transaction; typed, pasted or opened), its review from the payload signing
 * service, the signers (t of the key's servers, health shown), the signing with per-server, per-round
 * progress and cancel, and the checked result, which the service adds to the key's signing history. The
 * key signs at the pipeline's current path. Blocking work runs on the background executor.
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

    /** The phases a signing reports per signer: its identity, then the protocol's rounds. */
    static final List<Phase> PHASES = List.of(Phase.IDENTITY, Phase.ROUND1, Phase.ROUND2);

    /** Threshold ECDSA (DKLs23) signs in three rounds. */
    static final List<Phase> ECDSA_PHASES = List.of(Phase.IDENTITY, Phase.ROUND1, Phase.ROUND2, Phase.ROUND3);

    private final PipelineViewModel where;
    private final KeyRecord key;
    private final SignService service;
    private final UiTasks tasks;
    private final Runnable onSigned;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.COMPOSE);
    private final ObjectProperty<PayloadKind> kind = new SimpleObjectProperty<>(PayloadKind.MESSAGE);
    private final ObjectProperty<InputMode> mode = new SimpleObjectProperty<>(InputMode.TEXT);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<OpenedFile> file = new SimpleObjectProperty<>();
    private final StringProperty inputProblem = new SimpleStringProperty();
    private final StringProperty inputSize = new SimpleStringProperty("");
    private final BooleanProperty preparing = new SimpleBooleanProperty();
    private final ObjectProperty<PreparedPayload> prepared = new SimpleObjectProperty<>();
    private final StringProperty messageSha256 = new SimpleStringProperty();
    private final SignerChoices signers;
    private final StringBinding signersProblem;
    private final BooleanBinding canApprove;
    private final StringProperty signersNote = new SimpleStringProperty("");
    private final ProgressGrid grid = new ProgressGrid(PHASES);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<PayloadResult> result = new SimpleObjectProperty<>();
    private final StringProperty failure = new SimpleStringProperty();
    private final StringProperty advice = new SimpleStringProperty();
    private final StringProperty failedServer = new SimpleStringProperty();
    private final StringProperty unavailable = new SimpleStringProperty();
    private volatile Operation<PayloadResult> operation;
    private volatile boolean cancelRequested;
    private byte[] input;

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
        this.signers = new SignerChoices(key);
        signersProblem = Bindings.createStringBinding(signers::problem, signers.list());
        canApprove = signersProblem.isNull().and(prepared.isNotNull());
        text.addListener((o, a, b) -> read());
        mode.addListener((o, a, b) -> read());
        file.addListener((o, a, b) -> read());
        kind.addListener((o, a, k) -> {
            chainFor(k);
            read();
        });
        read();
    }

    /** An Ethereum or Solana kind signs on its chain: the pipeline moves there when the key's curve has it. */
    private void chainFor(PayloadKind k) {
        Chain wanted = switch (k) {
            case ETH_MESSAGE, ETH_TYPED, ETH_TX -> Chain.EVM;
            case SOLANA_TX -> Chain.SOLANA;
            default -> null;
        };
        if (wanted != null && where.chains().contains(wanted)) {
            where.chainProperty().set(wanted);
        }
    }

    /** Reads the input as it stands: its size, or what is wrong with it. */
    private void read() {
        try {
            OpenedFile f = file.get();
            byte[] m = f != null
                    ? f.bytes()
                    : mode.get() == InputMode.HEX ? SignInput.fromHex(text.get()) : SignInput.fromText(text.get());
            if (f == null && m.length == 0) {
                throw new IllegalArgumentException("Type or paste what to sign, or open a file.");
            }
            input = m;
            inputProblem.set(null);
            inputSize.set(SignInput.size(m.length) + (f == null ? "" : " from " + f.name()));
        } catch (IllegalArgumentException e) {
            input = null;
            inputProblem.set(e.getMessage());
            inputSize.set("");
        }
    }

    /** Reads a file as the payload in the background; one too large for any payload or unreadable says so. */
    public CompletableFuture<OpenedFile> open(Path path) {
        return tasks.run(
                () -> {
                    SignInput.checkSize(Files.size(path));
                    return new OpenedFile(path.getFileName().toString(), Files.readAllBytes(path));
                },
                file::set,
                e -> {
                    file.set(null);
                    inputProblem.set("Cannot use " + path.getFileName() + ": " + UiTasks.message(e));
                });
    }

    /** Drops the opened file: the typed input is the payload again. */
    public void closeFile() {
        file.set(null);
    }

    /**
     * Decodes and reviews the input in the background (no server is asked); then the review and the
     * signers, whose health is checked. A payload the service refuses says why and stays here.
     */
    public CompletableFuture<PreparedPayload> next() {
        if (step.get() != Step.COMPOSE
                || input == null
                || preparing.get()
                || where.stagesProperty().get() == null) {
            return CompletableFuture.completedFuture(null);
        }
        PayloadKind k = kind.get();
        boolean ownPaths = k == PayloadKind.PSBT; // a PSBT names the paths of its inputs
        PayloadRequest request = new PayloadRequest(
                key.keyId(),
                k,
                input,
                ownPaths ? null : where.chainProperty().get(),
                ownPaths
                        ? null
                        : DerivationPath.parse(where.stagesProperty().get().derivationPath()),
                where.networkProperty().get(),
                false);
        preparing.set(true);
        return tasks.run(
                () -> service.prepare(request),
                p -> {
                    preparing.set(false);
                    messageSha256.set(k == PayloadKind.MESSAGE ? Hex.encode(Digests.sha256(request.input())) : null);
                    prepared.set(p);
                    step.set(Step.REVIEW);
                    checkServers();
                },
                e -> {
                    preparing.set(false);
                    inputProblem.set(UiTasks.message(e));
                });
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

    /** Back to the input (from the review, a failure, or the not-available notice). */
    public void back() {
        if (step.get() == Step.REVIEW || step.get() == Step.FAILED) {
            prepared.set(null);
            unavailable.set(null);
            step.set(Step.COMPOSE);
        }
    }

    /** Approves: signs what was reviewed with the ticked servers. */
    public CompletableFuture<PayloadResult> approve() {
        PreparedPayload p = prepared.get();
        if (step.get() != Step.REVIEW || !canApprove.get() || p == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing approved to sign"));
        }
        List<String> chosen = signers.chosen();
        grid.reset(chosen, StandardVerifier.frost(p.curve()) ? PHASES : ECDSA_PHASES);
        result.set(null);
        failure.set(null);
        advice.set(null);
        failedServer.set(null);
        cancelRequested = false;
        running.set(true);
        status.set("Asking " + chosen.size() + " servers to sign…");
        step.set(Step.SIGNING);
        CompletableFuture<PayloadResult> out = new CompletableFuture<>();
        tasks.run(
                () -> run(p, chosen),
                r -> {
                    running.set(false);
                    result.set(r);
                    status.set("Signed by " + String.join(", ", r.signers()) + " and checked the way the chain "
                            + "checks it before it was shown.");
                    step.set(Step.DONE);
                    onSigned.run();
                    out.complete(r);
                },
                e -> {
                    running.set(false);
                    SignFailure f = cancelRequested ? SignFailure.cancelled() : SignFailure.of(e);
                    failure.set(f.what());
                    advice.set(f.advice());
                    failedServer.set(f.server());
                    step.set(Step.FAILED);
                    out.completeExceptionally(e);
                });
        return out;
    }

    private PayloadResult run(PreparedPayload p, List<String> chosen) {
        Operation<PayloadResult> op;
        try {
            op = service.sign(p, chosen);
        } catch (IllegalArgumentException refused) { // the key's scheme cannot sign yet: nothing was sent
            String why = refused.getMessage();
            tasks.ui(() -> unavailable.set("The servers cannot sign with this key's scheme yet: " + why
                    + ". Nothing was sent to a server; the key's addresses work as before."));
            throw refused;
        }
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

    /** Asks the running signing to stop; every signer drops its nonces and nothing is signed. */
    public void cancel() {
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

    /** After a failure: the review again, with the servers checked anew. */
    public void reviewAgain() {
        if (step.get() == Step.FAILED && unavailable.get() == null) {
            step.set(Step.REVIEW);
            checkServers();
        }
    }

    /** Writes the result as JSON to {@code file} in the background; completes with what to tell the user. */
    public CompletableFuture<String> save(Path file) {
        PayloadResult r = result.get();
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
        file.set(null);
        text.set("");
        result.set(null);
        prepared.set(null);
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

    /** What is signed; an Ethereum or Solana kind moves the pipeline to its chain. */
    public ObjectProperty<PayloadKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<InputMode> modeProperty() {
        return mode;
    }

    /** The typed text or hex. */
    public StringProperty textProperty() {
        return text;
    }

    /** The opened file, or null while the typed input is the payload. */
    public ReadOnlyObjectProperty<OpenedFile> fileProperty() {
        return file;
    }

    /** What is wrong with the input or why the service refused it, or null. */
    public StringProperty inputProblemProperty() {
        return inputProblem;
    }

    /** The input's size in words, or empty. */
    public StringProperty inputSizeProperty() {
        return inputSize;
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

    /** The checked result, or null. */
    public ReadOnlyObjectProperty<PayloadResult> resultProperty() {
        return result;
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

    /** Why this key cannot sign yet (said when the service refuses), or null. */
    public StringProperty unavailableProperty() {
        return unavailable;
    }
}
