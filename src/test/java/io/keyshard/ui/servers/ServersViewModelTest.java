package io.keyshard.ui.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.client.LocalClusterControl.State;
import io.keyshard.client.ServerStatus;
import io.keyshard.ui.common.UiTasks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Servers screen follows a cluster that is starting until it has started, without a press of Refresh. */
class ServersViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @Test
    void aClusterSeenStartingIsCheckedAgainUntilItRuns() {
        List<State> states = new ArrayList<>(List.of(State.STARTING, State.STARTING, State.RUNNING));
        List<Runnable> later = new ArrayList<>();
        ServersViewModel model = new ServersViewModel(
                () -> null, new UiTasks(DIRECT, DIRECT), ws -> snapshot(states.remove(0)), later::add);
        assertEquals(
                "Local cluster: checking...",
                ServersViewModel.clusterText(model.clusterStateProperty().get(), model.servers()),
                "nothing is said to be stopped before a check");
        model.refresh();
        assertEquals(State.STARTING, model.clusterStateProperty().get());
        assertEquals("stopped", model.servers().get(0).error(), "a server not up yet shows as stopped meanwhile");
        assertEquals(1, later.size(), "a check again is planned");
        later.remove(0).run();
        later.remove(0).run();
        assertEquals(State.RUNNING, model.clusterStateProperty().get());
        assertEquals(true, model.servers().get(0).ok());
        assertEquals(List.of(), later, "nothing more is planned once it runs");
    }

    @Test
    void aStartThatNeverEndsIsCheckedForAMinuteAndAHalfNotForever() {
        AtomicInteger reads = new AtomicInteger();
        ServersViewModel model = new ServersViewModel(
                () -> null,
                new UiTasks(DIRECT, DIRECT),
                ws -> {
                    reads.incrementAndGet();
                    return snapshot(State.STARTING);
                },
                DIRECT);
        model.refresh();
        assertEquals(ServersViewModel.RECHECKS_WHILE_STARTING + 1, reads.get());
        // a press of Refresh later still checks, once
        model.refresh();
        assertEquals(ServersViewModel.RECHECKS_WHILE_STARTING + 2, reads.get());
    }

    @Test
    void aFailedFirstCheckLeavesStartAtHand() {
        ServersViewModel model = new ServersViewModel(
                () -> null,
                new UiTasks(DIRECT, DIRECT),
                ws -> {
                    throw new IOException("servers.json is not valid JSON");
                },
                DIRECT);
        model.refresh();
        assertEquals(State.STOPPED, model.clusterStateProperty().get());
        assertEquals(
                "Could not check the servers: servers.json is not valid JSON",
                model.errorProperty().get());
    }

    private static ServersViewModel.Snapshot snapshot(State state) {
        boolean up = state == State.RUNNING;
        ServerStatus s = new ServerStatus(
                "OFFICIAL_1",
                "https://127.0.0.1:40121",
                1,
                "00".repeat(32),
                true,
                up,
                up ? 3L : null,
                up ? null : ServerStatus.STOPPED);
        return new ServersViewModel.Snapshot(List.of(s), state, up);
    }
}
