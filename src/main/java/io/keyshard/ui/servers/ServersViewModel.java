package io.keyshard.ui.servers;

import io.keyshard.client.LocalCluster;
import io.keyshard.client.RemoteServers;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.ServersConfig;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);
    private final Supplier<Vault> vault;
    private final Path home;
    private final LocalClusterControl cluster;
    private final UiTasks tasks;
    private final ObservableList<ServerStatus> servers = FXCollections.observableArrayList();
    private final ObjectProperty<LocalClusterControl.State> clusterState =
            new SimpleObjectProperty<>(LocalClusterControl.State.STOPPED);
    private final BooleanProperty canStop = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();

    public ServersViewModel(Supplier<Vault> vault, Path home, LocalClusterControl cluster, UiTasks tasks) {
        this.vault = vault;
        this.home = home;
        this.cluster = cluster;
        this.tasks = tasks;
    }

    private record Snapshot(List<ServerStatus> statuses, LocalClusterControl.State state, boolean owns) {
    }

    /** Re-checks every server and the cluster in the background. */
    public CompletableFuture<?> refresh() {
        busy.set(true);
        return tasks.run(() -> new Snapshot(ServerStatus.checkAll(ServersConfig.load(home), CHECK_TIMEOUT),
                cluster.state(), cluster.ownsNodes()), s -> {
                    servers.setAll(s.statuses());
                    clusterState.set(s.state());
                    canStop.set(s.owns());
                    error.set(null);
                    busy.set(false);
                }, e -> {
                    error.set("Could not check the servers: " + UiTasks.message(e));
                    busy.set(false);
                });
    }

    /** Starts the local cluster (a few seconds: three node processes), then refreshes. */
    public CompletableFuture<?> startCluster() {
        clusterState.set(LocalClusterControl.State.STARTING);
        message.set("Starting the local servers OFFICIAL_1..3 ...");
        return tasks.run(() -> {
            cluster.start();
            return null;
        }, v -> message.set("The local servers are running."), e -> {
            message.set(null);
            error.set("The local servers did not start: " + UiTasks.message(e));
        }).handle((v, e) -> refresh()).thenCompose(f -> f);
    }

    /** Stops the local nodes this app started, then refreshes. */
    public CompletableFuture<?> stopCluster() {
        return tasks.run(() -> {
            cluster.stop();
            return null;
        }, v -> message.set("The local servers were stopped; they start again when a key is generated."),
                e -> error.set("Could not stop the local servers: " + UiTasks.message(e)))
                .handle((v, e) -> refresh()).thenCompose(f -> f);
    }

    /**
     * Adds a remote server from the pasted entry. Completes with null when added, else with the
     * message to show next to the entry (nothing was written then).
     */
    public CompletableFuture<String> add(String entryJson) {
        byte[] raw = entryJson == null ? new byte[0] : entryJson.strip().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<String> out = new CompletableFuture<>();
        tasks.run(() -> RemoteServers.add(home, vault.get(), raw), added -> {
            message.set("Added server " + added + ". Its API key is sealed in the vault.");
            out.complete(null);
            refresh();
        }, e -> out.complete(UiTasks.message(e)));
        return out;
    }

    /** Removes a remote server and its API key from the vault. */
    public CompletableFuture<?> remove(String name) {
        return tasks.run(() -> {
            RemoteServers.remove(home, vault.get(), name);
            return null;
        }, v -> message.set("Removed server " + name + ". Keys made with it stay in the vault."),
                e -> error.set("Could not remove " + name + ": " + UiTasks.message(e)))
                .handle((v, e) -> refresh()).thenCompose(f -> f);
    }

    /** True for OFFICIAL_1..3, which cannot be removed. */
    public static boolean isLocal(String name) {
        return LocalCluster.NAMES.contains(name);
    }

    public ObservableList<ServerStatus> servers() {
        return servers;
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
