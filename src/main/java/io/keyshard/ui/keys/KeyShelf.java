package io.keyshard.ui.keys;

import io.keyshard.client.Workspace;
import io.keyshard.ui.backup.BackupViewModel;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.unlock.UserMessages;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Archiving and deleting keys on the Keys place. Archived keys leave the list (and so the way to
 * their addresses) until "Show archived" is ticked; the vault keeps them. Deleting removes the
 * keyId from the vault: the shares stay on the servers but nobody can reach them without the keyId,
 * so a READY key is deleted only once its label, or the start of its keyId, was typed.
 */
public final class KeyShelf {
    /** How many characters of the keyId confirm a deletion when the key has no label. */
    static final int ID_PREFIX = 8;

    private final AppSession session;
    private final ObservableSet<UUID> archived = FXCollections.observableSet();
    private final BooleanProperty showArchived = new SimpleBooleanProperty(this, "showArchived");
    private final Consumer<String> notice;

    KeyShelf(AppSession session, Consumer<String> notice) {
        this.session = session;
        this.notice = notice;
    }

    /** Replaces the archived set with what the vault says (the list reload does it). */
    void show(Set<UUID> ids) {
        archived.retainAll(ids);
        archived.addAll(ids);
        if (ids.isEmpty()) {
            showArchived.set(false); // nothing left to show: the toggle goes away with it
        }
    }

    /** Forgets everything (the vault was locked). */
    void clear() {
        archived.clear();
        showArchived.set(false);
    }

    /** Which keys the list shows: all when "Show archived" is on, else those not archived. */
    Predicate<KeyRecord> listed() {
        boolean all = showArchived.get();
        Set<UUID> hidden = Set.copyOf(archived);
        return k -> all || !hidden.contains(k.keyId());
    }

    public boolean isArchived(KeyRecord key) {
        return key != null && archived.contains(key.keyId());
    }

    /** Archives the key in the background; completes with null once stored, else with what went wrong. */
    public CompletableFuture<String> archive(KeyRecord key) {
        return change(
                key,
                ws -> ws.archive(key.keyId()),
                "Archived " + key.nameInText() + ": it is kept in the vault; tick Show archived to see it.");
    }

    /** Brings an archived key back into the list. */
    public CompletableFuture<String> unarchive(KeyRecord key) {
        return change(key, ws -> ws.unarchive(key.keyId()), key.nameInText() + " is back in the list.");
    }

    /** What the confirmation says a deletion means for this key's shares. */
    static String deleteWarning(KeyRecord key) {
        if (key.status() == KeyStatus.FAILED) {
            return "This key was never made, so no server holds a usable share of it. Deleting removes "
                    + "its record from the vault.";
        }
        return "Deleting removes this key's keyId from the vault on this computer. The shares stay on "
                + String.join(", ", key.servers())
                + ", but without this keyId (or a backup that holds it) nobody can use them again: no "
                + "signature and no address. Export a backup first if you may need this key later; "
                + "importing that backup brings the key back.";
    }

    /** True when the user must type the label or the start of the keyId before a deletion goes ahead. */
    static boolean needsTyping(KeyRecord key) {
        return key.status() == KeyStatus.READY;
    }

    /** What to type to confirm, in words. */
    static String typingHint(KeyRecord key) {
        String start = key.keyId().toString().substring(0, ID_PREFIX);
        return key.label().isEmpty()
                ? "Type " + start + " (the start of its keyId) to confirm."
                : "Type its label, " + key.label() + ", or " + start + " (the start of its keyId) to confirm.";
    }

    /** True when {@code typed} confirms the deletion of {@code key}. */
    static boolean confirms(KeyRecord key, String typed) {
        if (!needsTyping(key)) {
            return true;
        }
        String t = typed == null ? "" : typed.strip();
        return (!key.label().isEmpty() && t.equals(key.label()))
                || t.toLowerCase(Locale.ROOT).equals(key.keyId().toString().substring(0, ID_PREFIX));
    }

    /**
     * Deletes the key in the background once {@code typed} confirms it; completes with null once the
     * vault no longer holds it, else with what is missing or went wrong.
     */
    public CompletableFuture<String> delete(KeyRecord key, String typed) {
        if (!confirms(key, typed)) {
            return CompletableFuture.completedFuture(
                    "That does not match. " + typingHint(key) + " Nothing was deleted.");
        }
        return change(
                key,
                ws -> ws.delete(key.keyId()),
                "Deleted " + key.nameInText() + " from the vault. A backup that holds it can bring it back.");
    }

    private CompletableFuture<String> change(KeyRecord key, Consumer<Workspace> action, String done) {
        CompletableFuture<String> result = new CompletableFuture<>();
        if (key == null || !session.isUnlocked()) {
            result.complete("Select a key first.");
            return result;
        }
        Workspace ws = session.workspace();
        session.background().execute(() -> {
            try {
                action.accept(ws);
                session.fx().execute(() -> {
                    notice.accept(done);
                    session.fireKeysChanged();
                    result.complete(null);
                });
            } catch (RuntimeException e) {
                session.fx().execute(() -> result.complete(UserMessages.of(e)));
            }
        });
        return result;
    }

    /** Exporting a backup from the delete confirmation, before the keyId goes. */
    public BackupViewModel backup() {
        return new BackupViewModel(session::workspace, new UiTasks(session.background(), session.fx()));
    }

    /** The keyIds of the archived keys, as of the last reload. */
    public ObservableSet<UUID> archived() {
        return archived;
    }

    /** When true the list shows archived keys too. */
    public BooleanProperty showArchivedProperty() {
        return showArchived;
    }
}
