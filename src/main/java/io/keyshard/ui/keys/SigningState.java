package io.keyshard.ui.keys;

import io.keyshard.client.SigningReadiness;
import io.keyshard.client.Workspace;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.unlock.UserMessages;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Whether the selected READY key signs at once ({@link Workspace#signingReadiness}): "setting up" at once from
 * the workspace's own mark, then what the servers say, asked off the FX thread when the selection changes or the
 * session says keys changed; a setup still running is followed to its end.
 */
public final class SigningState {
    private final AppSession session;
    private final ObjectProperty<KeyRecord> selected;
    private final ObjectProperty<SigningReadiness> readiness = new SimpleObjectProperty<>(this, "readiness");
    private final AtomicLong generation = new AtomicLong();

    SigningState(AppSession session, ObjectProperty<KeyRecord> selected) {
        this.session = session;
        this.selected = selected;
        SigningHistory.follow(session, selected, () -> readiness.set(null), this::reload);
    }

    /** Asks again for the selected key; a newer ask supersedes one still running. */
    public void reload() {
        long mine = generation.incrementAndGet();
        KeyRecord key = selected.get();
        if (key == null || key.status() != KeyStatus.READY || !session.isUnlocked()) {
            readiness.set(null);
            return;
        }
        Workspace ws = session.workspace();
        UUID id = key.keyId();
        if (ws.settingUpSigning(id)) {
            readiness.set(SigningReadiness.of(SigningReadiness.State.SETTING_UP));
        }
        ws.signingReadinessAfterSetup(id)
                .whenComplete((r, e) -> session.fx().execute(() -> {
                    if (generation.get() == mine && session.isUnlocked()) {
                        readiness.set(
                                e == null
                                        ? r
                                        : new SigningReadiness(SigningReadiness.State.UNKNOWN, UserMessages.of(e)));
                    }
                }));
    }

    /** The selected key's readiness; null for none, a key that is not READY, or while it is first asked. */
    public ReadOnlyObjectProperty<SigningReadiness> readinessProperty() {
        return readiness;
    }
}
