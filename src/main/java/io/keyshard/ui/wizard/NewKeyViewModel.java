package io.keyshard.ui.wizard;

import io.keyshard.client.LocalCluster;
import io.keyshard.client.ServerInfo;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.ServersConfig;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.servers.LocalClusterControl;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
import javafx.collections.ObservableList;

/**
 * The New key wizard's logic: the choices of the first three steps with their validation as the
 * user goes, and the key generation of the last two (see {@link KeygenProgressModel}).
 */
public final class NewKeyViewModel {
    /** The wizard's steps, in order; FAILED stands in for SAVED when the generation did not succeed. */
    public enum Step { CURVE, SERVERS, REVIEW, GENERATING, SAVED, FAILED }

    static final int LABEL_MAX = 200;
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);
    private final Path home;
    private final LocalClusterControl cluster;
    private final UiTasks tasks;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CURVE);
    private final ObjectProperty<CurveName> curve = new SimpleObjectProperty<>(CurveName.SECP256K1);
    private final ObservableList<ServerChoice> servers =
            FXCollections.observableArrayList(c -> new ObservableValue<?>[] {c.selectedProperty(), c.statusProperty()});
    private final IntegerProperty threshold = new SimpleIntegerProperty(ThresholdRules.MIN);
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty serversNote = new SimpleStringProperty();
    private final StringBinding problem;
    private final BooleanBinding canAdvance;
    private final KeygenProgressModel generation;

    public NewKeyViewModel(Supplier<Vault> vault, Path home, LocalClusterControl cluster, UiTasks tasks) {
        this.home = home;
        this.cluster = cluster;
        this.tasks = tasks;
        this.generation = new KeygenProgressModel(vault, home, cluster, tasks, this::finished);
        problem = Bindings.createStringBinding(this::currentProblem, step, curve, servers, threshold, label);
        canAdvance = Bindings.createBooleanBinding(() -> problem.get() == null
                && (step.get() == Step.CURVE || step.get() == Step.SERVERS || step.get() == Step.REVIEW), problem, step);
        servers.addListener((javafx.collections.ListChangeListener<ServerChoice>) c ->
                threshold.set(ThresholdRules.clamp(threshold.get(), selectedCount())));
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
                        return c.name() + " is not answering: untick it, or start it on the Servers screen and refresh.";
                    }
                }
                String rule = ThresholdRules.problem(chosen.size(), threshold.get());
                if (rule != null) {
                    return rule;
                }
                return label.get() != null && label.get().length() > LABEL_MAX
                        ? "The label is " + label.get().length() + " characters; keep it to " + LABEL_MAX + "." : null;
            default:
                return null;
        }
    }

    /** Loads the configured servers (OFFICIAL_1..3 when there are none), starts the local ones and checks health. */
    public java.util.concurrent.CompletableFuture<?> loadServers() {
        serversNote.set("Checking the servers...");
        return tasks.run(() -> {
            ServersConfig config = ServersConfig.load(home);
            Map<String, Boolean> names = new LinkedHashMap<>();
            config.servers().forEach((n, info) -> names.put(n, info.local()));
            boolean noneConfigured = names.isEmpty();
            if (noneConfigured) {
                LocalCluster.NAMES.forEach(n -> names.put(n, true));
            }
            return names;
        }, names -> {
            List<ServerChoice> choices = new ArrayList<>();
            long locals = names.values().stream().filter(b -> b).count();
            names.forEach((n, local) -> choices.add(new ServerChoice(n, local, locals >= 2 ? local : true)));
            servers.setAll(choices);
            checkHealth();
        }, e -> serversNote.set("Could not read the servers: " + UiTasks.message(e)));
    }

    /** Starts the local cluster if a local server is listed, then checks every server (results arrive one by one). */
    public java.util.concurrent.CompletableFuture<?> checkHealth() {
        servers.forEach(c -> c.statusProperty().set(null));
        boolean anyLocal = servers.stream().anyMatch(ServerChoice::local);
        serversNote.set(anyLocal ? "Starting the local servers if needed, then checking each server..."
                : "Checking each server...");
        List<ServerChoice> listed = List.copyOf(servers);
        return tasks.run(() -> {
            List<ServerStatus> out = check(listed);
            if (anyLocal && out.stream().anyMatch(s -> s.local() && !s.ok())) {
                cluster.start();
                out = check(listed);
            }
            return out;
        }, statuses -> {
            for (ServerStatus s : statuses) {
                servers.stream().filter(c -> c.name().equals(s.name())).forEach(c -> c.statusProperty().set(s));
            }
            long down = statuses.stream().filter(s -> !s.ok()).count();
            serversNote.set(down == 0 ? "All servers answered." : down + " server" + (down == 1 ? " is" : "s are")
                    + " not answering.");
        }, e -> {
            serversNote.set("The local servers could not be started: " + UiTasks.message(e));
            servers.stream().filter(c -> c.local() && c.statusProperty().get() == null).forEach(c -> c.statusProperty()
                    .set(new ServerStatus(c.name(), "", 0, "", true, false, null, "did not start")));
        });
    }

    private List<ServerStatus> check(List<ServerChoice> listed) throws java.io.IOException {
        ServersConfig config = ServersConfig.load(home);
        List<java.util.concurrent.CompletableFuture<ServerStatus>> checks = new ArrayList<>();
        for (ServerChoice c : listed) {
            ServerInfo info = config.servers().get(c.name());
            checks.add(info == null ? java.util.concurrent.CompletableFuture.completedFuture(new ServerStatus(c.name(), "",
                    0, "", c.local(), false, null, "not started yet"))
                    : ServerStatus.check(c.name(), info, CHECK_TIMEOUT));
        }
        return checks.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    /** Goes to the next step if this one is valid; from Review it starts the key generation. */
    public boolean next() {
        if (!canAdvance.get()) {
            return false;
        }
        switch (step.get()) {
            case CURVE -> {
                step.set(Step.SERVERS);
                if (servers.isEmpty()) {
                    loadServers();
                }
            }
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
            case REVIEW -> step.set(Step.SERVERS);
            case FAILED -> step.set(Step.SERVERS);
            default -> {
            }
        }
    }

    /** Runs the key generation with the current choices (a new keyId each time, so it also serves Retry). */
    public void generate() {
        generation.start(curve.get(), threshold.get(), chosen().stream().map(ServerChoice::name).toList(),
                label.get() == null || label.get().isBlank() ? null : label.get().strip());
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
        return Bindings.createStringBinding(() -> ThresholdRules.sentence(selectedCount(), threshold.get()),
                servers, threshold);
    }

    public KeygenProgressModel generation() {
        return generation;
    }
}
