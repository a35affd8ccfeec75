package io.keyshard.ui.servers;

import io.keyshard.client.LocalCluster;
import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.Workspace;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.wire.PeerEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Servers screen's logic: each server's health and latency, the local cluster's state with
 * start/stop, adding a remote server from its {@code node init} entry and removing one.
 */
public final class ServersViewModel {
    /** How many times, a second apart, the screen checks again while the cluster starts (a start takes seconds). */
    static final int RECHECKS_WHILE_STARTING = 90;

    private final Supplier<Workspace> workspace;
    private final UiTasks tasks;
    private final ObservableList<ServerStatus> servers = FXCollections.observableArrayList();
    /** Null until the first check has answered. */
    private final ObjectProperty<LocalClusterControl.State> clusterState = new SimpleObjectProperty<>();

    private final BooleanProperty canStop = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final ObjectProperty<ServerDetails> details = new SimpleObjectProperty<>();
    private final Check check;
    private final Executor recheck;
    private int rechecks;
    private String selected;

    /** @param workspace the unlocked vault's workspace (the screen shows only while unlocked) */
    public ServersViewModel(Supplier<Workspace> workspace, UiTasks tasks) {
        this(workspace, tasks, ServersViewModel::snapshot, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }

    /**
     * @param check   what one refresh reads (the servers' health and the cluster's state)
     * @param recheck runs the next refresh a moment later while the cluster is starting
     */
    ServersViewModel(Supplier<Workspace> workspace, UiTasks tasks, Check check, Executor recheck) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.check = check;
        this.recheck = recheck;
    }

    /** What one refresh shows. */
    record Snapshot(List<ServerStatus> statuses, LocalClusterControl.State state, boolean owns) {}

    /** Reads a {@link Snapshot} off the FX thread. */
    interface Check {
        Snapshot read(Workspace ws) throws Exception;
    }

    private static Snapshot snapshot(Workspace ws) throws Exception {
        return new Snapshot(ws.checkServers(false), ws.localClusterState(), ws.ownsLocalNodes());
    }

    /**
     * Re-checks every server and the cluster in the background. While the cluster is starting (the app starts
     * it by itself after unlocking, or a key generation does) it checks again each second until it has started,
     * so the screen never stays on "starting" with servers shown as stopped.
     */
    public CompletableFuture<?> refresh() {
        busy.set(true);
        Workspace ws = workspace.get();
        return tasks.run(
                () -> check.read(ws),
                s -> {
                    servers.setAll(s.statuses());
                    clusterState.set(s.state());
                    canStop.set(s.owns());
                    error.set(null);
                    busy.set(false);
                    if (s.state() != LocalClusterControl.State.STARTING) {
                        rechecks = 0;
                    } else if (rechecks++ < RECHECKS_WHILE_STARTING) {
                        recheck.execute(() -> tasks.ui(this::refresh));
                    }
                },
                e -> {
                    error.set("Could not check the servers: " + UiTasks.message(e));
                    if (clusterState.get() == null) {
                        clusterState.set(LocalClusterControl.State.STOPPED); // Start stays at hand
                    }
                    busy.set(false);
                });
    }

    /**
     * Shows the details of {@code server} (null: none): the vault's keys and a local server's log are read in
     * the background, and an answer for a server no longer picked is dropped.
     */
    public CompletableFuture<?> select(ServerStatus server) {
        selected = server == null ? null : server.name();
        if (server == null) {
            details.set(null);
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        return tasks.run(
                () -> ServerDetails.of(
                        server, ws.keys(), ws.localServerLog(server.name()).orElse(null)),
                d -> {
                    if (d.name().equals(selected)) {
                        details.set(d);
                    }
                },
                e -> error.set("Could not read the details of " + server.name() + ": " + UiTasks.message(e)));
    }

    /** The name of the server whose details are shown or being read, else null. */
    public String selectedName() {
        return selected;
    }

    /** Starts the local cluster (a few seconds: three node processes), then refreshes. */
    public CompletableFuture<?> startCluster() {
        clusterState.set(LocalClusterControl.State.STARTING);
        message.set("Starting the local servers OFFICIAL_1..3 ...");
        Workspace ws = workspace.get();
        return tasks.run(
                        () -> {
                            ws.startLocalCluster();
                            return null;
                        },
                        v -> message.set("The local servers are running."),
                        e -> {
                            message.set(null);
                            error.set("The local servers did not start: " + UiTasks.message(e));
                        })
                .handle((v, e) -> refresh())
                .thenCompose(f -> f);
    }

    /** Stops the local nodes this app started, then refreshes. */
    public CompletableFuture<?> stopCluster() {
        Workspace ws = workspace.get();
        return tasks.run(
                        () -> {
                            ws.stopLocalCluster();
                            return null;
                        },
                        v -> message.set(
                                "The local servers were stopped; they start again when a key is made or signs."),
                        e -> error.set("Could not stop the local servers: " + UiTasks.message(e)))
                .handle((v, e) -> refresh())
                .thenCompose(f -> f);
    }

    /** What adding a server came to: its name when added, else the message to show next to the entry. */
    public record Added(String name, String problem) {}

    /**
     * Adds a remote server from the pasted entry (and pins it on this computer's servers). Completes with its name,
     * or with the message to show next to the entry (nothing was written then).
     */
    public CompletableFuture<Added> add(String entryJson) {
        byte[] raw = entryJson == null ? new byte[0] : entryJson.strip().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Added> out = new CompletableFuture<>();
        Workspace ws = workspace.get();
        tasks.run(
                () -> ws.addServer(raw),
                added -> {
                    message.set("Added server " + added + ". Its API key is sealed in the vault.");
                    out.complete(new Added(added, null));
                    refresh();
                },
                e -> out.complete(new Added(null, UiTasks.message(e))));
        return out;
    }

    /** This computer's servers' entries, read in the background, for a remote server's operator to pin. */
    public CompletableFuture<List<PeerEntry>> localEntries() {
        Workspace ws = workspace.get();
        return tasks.run(ws::localServerEntries, list -> {}, e -> {});
    }

    /** Removes a remote server and its API key from the vault. */
    public CompletableFuture<?> remove(String name) {
        Workspace ws = workspace.get();
        return tasks.run(
                        () -> {
                            ws.removeServer(name);
                            return null;
                        },
                        v -> message.set("Removed server " + name + ". Keys made with it stay in the vault."),
                        e -> error.set("Could not remove " + name + ": " + UiTasks.message(e)))
                .handle((v, e) -> refresh())
                .thenCompose(f -> f);
    }

    /**
     * What the screen says of the local cluster: its state, and when only some of OFFICIAL_1..3 answer (one
     * crashed or was killed), which ones do not and that Start starts them, so that a cluster whose other
     * servers still sign is never shown as simply stopped.
     */
    public static String clusterText(LocalClusterControl.State state, List<ServerStatus> statuses) {
        if (state == null) {
            return "Local cluster: checking...";
        }
        return switch (state) {
            case RUNNING -> "Local cluster: running (OFFICIAL_1..3 answer)";
            case STARTING -> "Local cluster: starting...";
            case STOPPED -> {
                List<String> up = statuses.stream()
                        .filter(s -> isLocal(s.name()) && s.ok())
                        .map(ServerStatus::name)
                        .toList();
                List<String> down = statuses.stream()
                        .filter(s -> isLocal(s.name()) && !s.ok())
                        .map(ServerStatus::name)
                        .toList();
                yield up.isEmpty() || down.isEmpty()
                        ? "Local cluster: stopped (it starts by itself when a key is made or signs)"
                        : "Local cluster: " + String.join(", ", down) + (down.size() == 1 ? " does" : " do")
                                + " not answer (" + String.join(", ", up) + (up.size() == 1 ? " does" : " do")
                                + "); Start starts the ones that are not running.";
            }
        };
    }

    /** True for OFFICIAL_1..3, which cannot be removed. */
    public static boolean isLocal(String name) {
        return LocalCluster.NAMES.contains(name);
    }

    public ObservableList<ServerStatus> servers() {
        return servers;
    }

    public ReadOnlyObjectProperty<ServerDetails> detailsProperty() {
        return details;
    }

    public ObjectProperty<LocalClusterControl.State> clusterStateProperty() {
        return clusterState;
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
