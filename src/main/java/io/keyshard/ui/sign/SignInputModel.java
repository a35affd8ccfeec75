package io.keyshard.ui.sign;

import io.keyshard.address.Chain;
import io.keyshard.client.PayloadKind;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.ui.sign.SignViewModel.InputMode;
import io.keyshard.ui.sign.SignViewModel.OpenedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Sign stage's first page: what kind of payload, typed (text or hex) or opened from a file, read as it
 * changes into the bytes to sign or what is wrong with them; a PSBT may ask to be finalized.
 */
final class SignInputModel {
    private final PipelineViewModel where;
    private final UiTasks tasks;
    final ObjectProperty<PayloadKind> kind = new SimpleObjectProperty<>(PayloadKind.MESSAGE);
    final ObjectProperty<InputMode> mode = new SimpleObjectProperty<>(InputMode.TEXT);
    final StringProperty text = new SimpleStringProperty("");
    final ObjectProperty<OpenedFile> file = new SimpleObjectProperty<>();
    final BooleanProperty finalizePsbt = new SimpleBooleanProperty();
    final StringProperty problem = new SimpleStringProperty();
    final StringProperty size = new SimpleStringProperty("");
    /** Whether there are bytes to review: something typed or opened, and nothing wrong with it. */
    final BooleanProperty ready = new SimpleBooleanProperty();

    private byte[] input;

    /** What the footer says while nothing is typed or opened. */
    static final String EMPTY = "Type or paste what to sign, or open a file.";

    SignInputModel(PipelineViewModel where, UiTasks tasks) {
        this.where = where;
        this.tasks = tasks;
        text.addListener((o, a, b) -> read());
        mode.addListener((o, a, b) -> read());
        file.addListener((o, a, b) -> read());
        kind.addListener((o, a, k) -> {
            chainFor(k);
            if (!k.takesHex()) {
                mode.set(InputMode.TEXT); // JSON is text; hex of it is no way anyone holds it
            }
            read();
        });
        where.chainProperty().addListener((o, a, c) -> kindFor(c));
        read();
    }

    /** The bytes to sign as the input stands, or null while it is empty or wrong. */
    byte[] bytes() {
        return input;
    }

    /** Whether the PSBT is to be finalized: asked for, and the kind is a PSBT. */
    boolean finalizing() {
        return kind.get() == PayloadKind.PSBT && finalizePsbt.get();
    }

    /**
     * A kind that signs for one kind of address (Ethereum, Solana, Bitcoin) moves the pipeline to the first such
     * chain the key's curve has, unless it is on one already.
     */
    private void chainFor(PayloadKind k) {
        if (k.signsOn(where.chainProperty().get())) {
            return;
        }
        k.chains().stream().filter(where.chains()::contains).findFirst().ifPresent(where.chainProperty()::set);
    }

    /** A chain chosen that the kind does not sign on (Bitcoin for an Ethereum message) makes it a plain message. */
    private void kindFor(Chain chain) {
        if (!kind.get().signsOn(chain)) {
            kind.set(PayloadKind.MESSAGE);
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
                // nothing typed yet is not a mistake: the footer says what to do, not the red problem line
                input = null;
                ready.set(false);
                problem.set(null);
                size.set(EMPTY);
                return;
            }
            input = m;
            ready.set(true);
            problem.set(null);
            size.set(SignInput.size(m.length) + (f == null ? "" : " from " + f.name()));
        } catch (IllegalArgumentException e) {
            input = null;
            ready.set(false);
            problem.set(e.getMessage());
            size.set("");
        }
    }

    /** Reads a file as the payload in the background; one too large for any payload or unreadable says so. */
    CompletableFuture<OpenedFile> open(Path path) {
        return tasks.run(
                () -> {
                    SignInput.checkSize(Files.size(path));
                    return new OpenedFile(path.getFileName().toString(), Files.readAllBytes(path));
                },
                file::set,
                e -> {
                    file.set(null);
                    problem.set("Cannot use " + path.getFileName() + ": " + UiTasks.message(e));
                });
    }

    /** Puts {@code typed} in as text, dropping an opened file: the next payload starts from it. */
    void replaceWith(String typed) {
        file.set(null);
        mode.set(InputMode.TEXT);
        text.set(typed);
    }
}
