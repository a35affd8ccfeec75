package io.keyshard.ui.wizard;

import io.keyshard.client.ServerStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One server offered in the wizard: its name, whether it is chosen, and its last health check (null while checking). */
public final class ServerChoice {
    private final String name;
    private final boolean local;
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final ObjectProperty<ServerStatus> status = new SimpleObjectProperty<>();

    public ServerChoice(String name, boolean local, boolean selected) {
        this.name = name;
        this.local = local;
        this.selected.set(selected);
    }

    public String name() {
        return name;
    }

    public boolean local() {
        return local;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public ObjectProperty<ServerStatus> statusProperty() {
        return status;
    }

    /** True when the last check found the server down (not while still checking). */
    public boolean knownDown() {
        return status.get() != null && !status.get().ok();
    }

    /** The health in words: "checking...", "ok, 12 ms", or why not. */
    public String healthText() {
        ServerStatus s = status.get();
        if (s == null) {
            return "checking...";
        }
        return s.ok() ? "ok, " + s.latencyMs() + " ms" : "not answering: " + s.error();
    }
}
