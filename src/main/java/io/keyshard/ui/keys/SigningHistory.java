package io.keyshard.ui.keys;

import io.keyshard.client.Workspace;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.unlock.UserMessages;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.SignatureEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected key's signing history, newest first, read from the sealed vault in the background when
 * the selection changes and again whenever the session says keys changed (a signing adds an entry).
 */
public final class SigningHistory {
    private final AppSession session;
    private final ObjectProperty<KeyRecord> selected;
    private final ObservableList<SignatureEntry> entries = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty("");
    private final AtomicLong generation = new AtomicLong();

    SigningHistory(AppSession session, ObjectProperty<KeyRecord> selected) {
        this.session = session;
        this.selected = selected;
        follow(session, selected, entries::clear, this::reload);
    }

    /**
     * Runs {@code reload} whenever the selection changes or the session says keys changed, after {@code forget}
     * when another key (or none) is selected: what was shown for the previous key must not stay on screen.
     */
    static void follow(AppSession session, ObjectProperty<KeyRecord> selected, Runnable forget, Runnable reload) {
        selected.addListener((obs, old, key) -> {
            if (key == null || old == null || !key.keyId().equals(old.keyId())) {
                forget.run();
            }
            reload.run();
        });
        session.addKeysChangedListener(reload);
    }

    /** Reads the selected READY key's history again; a newer read supersedes one still running. */
    public void reload() {
        long mine = generation.incrementAndGet();
        KeyRecord key = selected.get();
        if (key == null || key.status() != KeyStatus.READY || !session.isUnlocked()) {
            entries.clear();
            problem.set("");
            return;
        }
        Workspace ws = session.workspace();
        UUID id = key.keyId();
        session.background().execute(() -> {
            try {
                List<SignatureEntry> newestFirst = new ArrayList<>(ws.signatures(id));
                Collections.reverse(newestFirst);
                session.fx().execute(() -> {
                    if (generation.get() == mine) {
                        entries.setAll(newestFirst);
                        problem.set("");
                    }
                });
            } catch (RuntimeException e) {
                session.fx().execute(() -> {
                    if (generation.get() == mine && session.isUnlocked()) {
                        entries.clear();
                        problem.set("The signing history could not be read: " + UserMessages.of(e));
                    }
                });
            }
        });
    }

    /** The selected key's signatures, newest first. */
    public ObservableList<SignatureEntry> entries() {
        return entries;
    }

    /** Why the history could not be read, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }
}
