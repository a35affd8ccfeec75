package io.keyshard.ui.wizard;

import io.keyshard.client.ServerStatus;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.backup.BackupViewModel;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The New key wizard's logic: the choices of the first three steps with their validation as the
 * user goes, and the key generation of the last two (see {@link KeygenProgressModel}).
 */
public final class NewKeyViewModel {
    /** The wizard's steps, in order; FAILED stands in for SAVED when the generation did not succeed. */
    public enum Step {
        CURVE,
        SERVERS,
        REVIEW,
        GENERATING,
        SAVED,
        FAILED
    }

    static final int LABEL_MAX = 200;
    private final Workspace workspace;
    private final UiTasks tasks;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CURVE);
    private final ObjectProperty<Consumer<KeyRecord>> showAddressesAction = new SimpleObjectProperty<>();
    private final ObjectProperty<CurveName> curve = new SimpleObjectProperty<>(CurveName.SECP256K1);
    private final ObservableList<ServerChoice> servers =
            FXCollections.observableArrayList(c -> new ObservableValue<?>[] {c.selectedProperty(), c.statusProperty()});
    private final IntegerProperty threshold = new SimpleIntegerProperty(ThresholdRules.MIN);
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty serversNote = new SimpleStringProperty();
    private final StringBinding problem;
    private final BooleanBinding canAdvance;
    private final KeygenProgressModel generation;
    private final BackupViewModel backup;

    /** @param workspace the unlocked vault's workspace, for this one run of the wizard */
    public NewKeyViewModel(Workspace workspace, UiTasks tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.generation = new KeygenProgressModel(workspace, tasks, this::finished);
        this.backup = new BackupViewModel(() -> workspace, tasks);
        problem = Bindings.createStringBinding(this::currentProblem, step, curve, servers, threshold, label);
        canAdvance = Bindings.createBooleanBinding(
                () -> problem.get() == null
                        && (step.get() == Step.CURVE || step.get() == Step.SERVERS || step.get() == Step.REVIEW),
                problem,
                step);
        servers.addListener((ListChangeListener<ServerChoice>)
                c -> threshold.set(ThresholdRules.clamp(threshold.get(), selectedCount())));
    }

    private String currentProblem() {
        switch (step.get()) {
            case CURVE:
                return curve.get() == null ? "Choose a curve for the new key." : null;
            case SERVERS:
            case REVIEW:
                List<ServerChoice> chosen = chosen();
                for (ServerChoice c : chosen) {
                    if (c.knownDown()) {
                        return c.name()
                                + " is not answering: untick it, or start it on the Servers screen and refresh.";
                    }
                }
                String rule = ThresholdRules.problem(chosen.size(), threshold.get());
                if (rule != null) {
                    return rule;
                }
                return label.get() != null && label.get().length() > LABEL_MAX
                        ? "The label is " + label.get().length() + " characters; keep it to " + LABEL_MAX + "."
                        : null;
            default:
                return null;
        }
    }

    /**
     * Lists every server with its health (the local cluster's too, started if needed) as the
     * Servers screen and {@code servers check} see it; local servers are preselected when there are two.
     */
    public CompletableFuture<?> loadServers() {
        serversNote.set("Starting the local servers if needed, then checking each server...");
        return tasks.run(
                () -> workspace.checkServers(true),
                statuses -> {
                    List<ServerChoice> choices = new ArrayList<>();
                    long locals = statuses.stream().filter(ServerStatus::local).count();
                    statuses.forEach(
                            s -> choices.add(new ServerChoice(s.name(), s.local(), locals >= 2 ? s.local() : true)));
                    servers.setAll(choices);
                    show(statuses);
                },
                e -> serversNote.set("Could not check the servers: " + UiTasks.message(e)));
    }

    /** Checks every listed server again, starting the local cluster if one of its servers does not answer. */
    public CompletableFuture<?> checkHealth() {
        servers.forEach(c -> c.statusProperty().set(null));
        serversNote.set("Starting the local servers if needed, then checking each server...");
        return tasks.run(
                () -> workspace.checkServers(true),
                this::show,
                e -> serversNote.set("Could not check the servers: " + UiTasks.message(e)));
    }

    private void show(List<ServerStatus> statuses) {
        for (ServerStatus s : statuses) {
            servers.stream()
                    .filter(c -> c.name().equals(s.name()))
                    .forEach(c -> c.statusProperty().set(s));
        }
        long down = servers.stream()
                .filter(c -> c.statusProperty().get() != null
                        && !c.statusProperty().get().ok())
                .count();
        serversNote.set(
                down == 0
                        ? "All servers answered."
                        : down + " server" + (down == 1 ? " is" : "s are") + " not answering.");
    }

    /** Goes to the next step if this one is valid; from Review it starts the key generation. */
    public boolean next() {
        if (!canAdvance.get()) {
            return false;
        }
        switch (step.get()) {
            case CURVE -> showServers();
            case SERVERS -> step.set(Step.REVIEW);
            case REVIEW -> generate();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Goes back one choice step (not while generating). */
    public void back() {
        switch (step.get()) {
            case SERVERS -> step.set(Step.CURVE);
            case REVIEW, FAILED -> showServers();
            default -> {}
        }
    }

    /** Shows the servers step with fresh health: a result from before a failed generation may be stale. */
    private void showServers() {
        step.set(Step.SERVERS);
        if (servers.isEmpty()) {
            loadServers();
        } else {
            checkHealth();
        }
    }

    /** Runs the key generation with the current choices (a new keyId each time, so it also serves Retry). */
    public void generate() {
        generation.start(
                curve.get(),
                threshold.get(),
                chosen().stream().map(ServerChoice::name).toList(),
                label.get() == null || label.get().isBlank()
                        ? null
                        : label.get().strip());
        step.set(Step.GENERATING);
    }

    /** After a failure: the same choices again, as a new attempt with a new keyId. */
    public void retry() {
        generation.retry();
        step.set(Step.GENERATING);
    }

    private void finished(boolean ok) {
        step.set(ok ? Step.SAVED : Step.FAILED);
    }

    /** Sets who hears about a new READY key (the Keys screen refreshes). */
    public void setOnKeyCreated(Consumer<KeyRecord> listener) {
        generation.setOnKeyCreated(listener);
    }

    public List<ServerChoice> chosen() {
        return servers.stream().filter(c -> c.selectedProperty().get()).toList();
    }

    public int selectedCount() {
        return chosen().size();
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<CurveName> curveProperty() {
        return curve;
    }

    public ObservableList<ServerChoice> servers() {
        return servers;
    }

    public IntegerProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** Why the current step cannot go on, or null. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canAdvanceProperty() {
        return canAdvance;
    }

    public StringProperty serversNoteProperty() {
        return serversNote;
    }

    /** The t-of-n sentence for the current choice. */
    public StringBinding thresholdSentence() {
        return Bindings.createStringBinding(
                () -> ThresholdRules.sentence(selectedCount(), threshold.get()), servers, threshold);
    }

    public KeygenProgressModel generation() {
        return generation;
    }

    /** Exporting a backup from the Saved step. */
    /** What "Show addresses" on the Saved page does with the new key (the Keys screen's hook); none hides the button. */
    public ObjectProperty<Consumer<KeyRecord>> showAddressesActionProperty() {
        return showAddressesAction;
    }

    public BackupViewModel backup() {
        return backup;
    }
}
