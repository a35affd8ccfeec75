package io.keyshard.ui.keys;

import io.keyshard.client.KeyHealth;
import io.keyshard.client.Workspace;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.unlock.UserMessages;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The Keys screen's share check: each READY key's {@link KeyHealth} from the last check, whether a
 * check is running, and what went wrong if it could not run. It runs on a thread of its own (a server
 * that does not answer costs a timeout, which must not hold up reading the vault), once after the
 * servers were asked about pending keys on unlock, and whenever the user asks; results stay until
 * the next check or a lock.
 */
public final class KeyHealthModel {
    private final AppSession session;
    private final ObservableMap<UUID, KeyHealth> health = FXCollections.observableHashMap();
    private final BooleanProperty checking = new SimpleBooleanProperty(this, "checking");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ObjectProperty<Function<Workspace, List<KeyHealth>>> source =
            new SimpleObjectProperty<>(this, "source", Workspace::keyHealth);
    private Executor runner = KeyHealthModel::ownThread;
    private long run;

    KeyHealthModel(AppSession session) {
        this.session = session;
        session.settledProperty().addListener((obs, old, settled) -> {
            if (settled != null) {
                check(); // the servers were just asked about pending keys; now ask about every share
            }
        });
        session.vaultProperty().addListener((obs, old, vault) -> {
            if (vault == null) {
                run++; // a check still running reports to nobody
                health.clear();
                checking.set(false);
                problem.set("");
            }
        });
    }

    /** Asks every server about every READY key in the background; a second ask while one runs waits for it. */
    public void check() {
        if (!session.isUnlocked() || checking.get()) {
            return;
        }
        Workspace ws = session.workspace();
        Function<Workspace, List<KeyHealth>> ask = source.get();
        long mine = ++run;
        checking.set(true);
        problem.set("");
        runner.execute(() -> {
            try {
                List<KeyHealth> result = ask.apply(ws);
                session.fx().execute(() -> {
                    if (mine == run) {
                        checking.set(false);
                        health.clear();
                        result.forEach(h -> health.put(h.keyId(), h));
                    }
                });
            } catch (RuntimeException e) {
                session.fx().execute(() -> {
                    if (mine == run) {
                        checking.set(false);
                        problem.set("The shares could not be checked: " + UserMessages.of(e));
                    }
                });
            }
        });
    }

    /** Each checked key's health by keyId (READY keys of the last check). */
    public ObservableMap<UUID, KeyHealth> health() {
        return health;
    }

    /** True while a check runs: the column then says "checking…". */
    public BooleanProperty checkingProperty() {
        return checking;
    }

    /** Why the last check could not run at all; empty when it ran. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** How a check asks the servers ({@link Workspace#keyHealth()} in the app). */
    public ObjectProperty<Function<Workspace, List<KeyHealth>>> sourceProperty() {
        return source;
    }

    /** Where a check runs (tests run it on the calling thread). */
    void runner(Executor executor) {
        runner = executor;
    }

    private static void ownThread(Runnable work) {
        Thread t = new Thread(work, "keyshard-key-health");
        t.setDaemon(true);
        t.start();
    }
}
