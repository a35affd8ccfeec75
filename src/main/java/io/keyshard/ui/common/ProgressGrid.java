package io.keyshard.ui.common;

import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenProgress.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Where each server is in each phase of a run on the servers (a key generation, a signing), fed by the
 * run's progress events on the UI thread; {@link ProgressGridView} draws it.
 */
public final class ProgressGrid {
    private List<Phase> phases;
    private final Map<String, List<ObjectProperty<StepState>>> cells = new LinkedHashMap<>();

    /** A grid with one column per phase of {@code phases}, in that order. */
    public ProgressGrid(List<Phase> phases) {
        this.phases = List.copyOf(phases);
    }

    /** Starts over with one row per server, every cell waiting. */
    public void reset(List<String> servers) {
        reset(servers, phases);
    }

    /** Starts over with one row per server and one column per phase of {@code phases} (schemes differ in rounds). */
    public void reset(List<String> servers, List<Phase> phases) {
        this.phases = List.copyOf(phases);
        cells.clear();
        for (String s : servers) {
            List<ObjectProperty<StepState>> row = new ArrayList<>();
            phases.forEach(phase -> row.add(new SimpleObjectProperty<>(StepState.WAITING)));
            cells.put(s, List.copyOf(row));
        }
    }

    /**
     * Applies one event. A server that reached a phase has finished the ones before it, so their cells
     * read done even when a listener attached after their own events went by.
     */
    public void apply(KeygenProgress p) {
        if (p.server() == null || !cells.containsKey(p.server()) || !phases.contains(p.phase())) {
            return;
        }
        List<ObjectProperty<StepState>> row = cells.get(p.server());
        int at = phases.indexOf(p.phase());
        switch (p.stage()) {
            case SENT -> row.get(at).set(StepState.SENT);
            case DONE -> row.get(at).set(StepState.DONE);
            case FAILED -> row.get(at).set(StepState.FAILED);
            default -> {
                return;
            }
        }
        for (int i = 0; i < at; i++) {
            if (row.get(i).get() == StepState.WAITING || row.get(i).get() == StepState.SENT) {
                row.get(i).set(StepState.DONE);
            }
        }
    }

    /** The columns, in order. */
    public List<Phase> phases() {
        return phases;
    }

    /** Server name -> one state per phase of {@link #phases()}. */
    public Map<String, List<ObjectProperty<StepState>>> cells() {
        return cells;
    }

    /** A phase's column heading. */
    public static String title(Phase phase) {
        return switch (phase) {
            case IDENTITY -> "Identity";
            case ROUND1 -> "Round 1";
            case ROUND2 -> "Round 2";
            case ROUND3 -> "Round 3";
            case COMMIT -> "Commit";
        };
    }
}
