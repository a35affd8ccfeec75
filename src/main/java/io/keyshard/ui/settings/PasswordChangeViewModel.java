package io.keyshard.ui.settings;

import io.keyshard.client.Workspace;
import io.keyshard.ui.common.PasswordMeter;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.unlock.UserMessages;
import io.keyshard.vault.PasswordRule.Purpose;
import io.keyshard.vault.VaultException;
import io.keyshard.vault.VaultException.Reason;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Changing the vault password from Settings, through the workspace as {@code vault passwd} does:
 * the new one follows the same rule and meter as creating the vault; the slow re-encryption runs
 * off the FX thread.
 */
public final class PasswordChangeViewModel {
    private final Supplier<Workspace> workspace;
    private final UiTasks tasks;
    private final PasswordMeter meter = new PasswordMeter(Purpose.VAULT);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    /** @param workspace the unlocked vault's workspace */
    public PasswordChangeViewModel(Supplier<Workspace> workspace, UiTasks tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
    }

    /**
     * Re-encrypts the vault under {@code fresh}; completes with null when done, else with what to fix
     * (a wrong current password, a new one the rule refuses, two that differ). Every array is wiped.
     */
    public CompletableFuture<String> change(char[] current, char[] fresh, char[] confirm) {
        CompletableFuture<String> done = new CompletableFuture<>();
        meter.edited(CharBuffer.wrap(fresh), CharBuffer.wrap(confirm));
        Arrays.fill(confirm, '\0');
        if (current.length == 0 || !meter.validProperty().get()) {
            done.complete(
                    current.length == 0
                            ? "Enter the current vault password."
                            : meter.hintProperty().get());
            Arrays.fill(current, '\0');
            Arrays.fill(fresh, '\0');
            return done;
        }
        Workspace ws = workspace.get();
        tasks.run(
                () -> {
                    try {
                        ws.changePassword(current, fresh);
                        return Boolean.TRUE;
                    } finally {
                        Arrays.fill(current, '\0');
                        Arrays.fill(fresh, '\0');
                    }
                },
                ok -> {
                    note.set("The vault password was changed. Backups you exported keep their own passwords.");
                    done.complete(null);
                },
                e -> done.complete(
                        UiTasks.unwrap(e) instanceof VaultException v && v.reason() == Reason.WRONG_PASSWORD
                                ? "That is not the current vault password; the password was not changed."
                                : UserMessages.of(UiTasks.unwrap(e))));
        return done;
    }

    /** The new password's strength meter and hint. */
    public PasswordMeter meter() {
        return meter;
    }

    /** What the last change did. */
    public StringProperty noteProperty() {
        return note;
    }
}
