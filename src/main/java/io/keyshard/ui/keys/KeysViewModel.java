package io.keyshard.ui.keys;

import io.keyshard.client.ResolvedKey;
import io.keyshard.client.SigningReadiness;
import io.keyshard.client.Workspace;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.unlock.UserMessages;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.RecordProblem;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the Keys place: the vault's keys (reloaded in the background whenever the session says
 * keys changed), the search, the selected key with its backup state, and the actions on it. The
 * hooks {@link #newKeyActionProperty()} and {@link #showAddressesActionProperty()} are set by
 * whoever provides the wizard and the pipeline; a button only shows when its hook is set.
 */
public final class KeysViewModel {
    /** How long "… copied" stays on screen. */
    static final Duration COPIED_NOTICE = Duration.ofSeconds(5);
    /** The longest label the vault stores. */
    static final int MAX_LABEL = 200;

    private final AppSession session;
    private final KeyHealthModel health;
    private final ObservableList<KeyRecord> keys = FXCollections.observableArrayList();
    private final FilteredList<KeyRecord> filtered = new FilteredList<>(keys);
    private final SortedList<KeyRecord> visible = new SortedList<>(filtered);
    private final BooleanBinding empty = Bindings.isEmpty(keys);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<KeyRecord> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<BackupState> backups = new SimpleObjectProperty<>(this, "backups");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private Duration copiedNoticeFor = COPIED_NOTICE;
    private final ObjectProperty<Runnable> newKeyAction = new SimpleObjectProperty<>(this, "newKeyAction");
    private final BooleanBinding newKeyAvailable = newKeyAction.isNotNull();
    private final ObjectProperty<Consumer<KeyRecord>> showAddressesAction =
            new SimpleObjectProperty<>(this, "showAddressesAction");
    private final ObjectProperty<Consumer<KeyRecord>> signAction = new SimpleObjectProperty<>(this, "signAction");
    private final KeyShelf shelf;
    private final SigningHistory history;
    private final SigningState signing;

    public KeysViewModel(AppSession session) {
        this.session = session;
        this.health = new KeyHealthModel(session);
        this.shelf = new KeyShelf(session, notice::set);
        this.history = new SigningHistory(session, selected);
        this.signing = new SigningState(session, selected);
        // a check starts the local servers and reaches the others again: a key whose signing state could not be
        // known because a server was silent is asked again once the check is done
        health.checkingProperty().addListener((obs, was, checking) -> {
            SigningReadiness r = signing.readinessProperty().get();
            if (!checking && r != null && r.state() == SigningReadiness.State.UNKNOWN) {
                signing.reload();
            }
        });
        search.addListener((obs, old, text) -> refilter());
        shelf.archived().addListener((SetChangeListener<UUID>) change -> refilter());
        shelf.showArchivedProperty().addListener((obs, old, all) -> refilter());
        session.addKeysChangedListener(this::reload);
        session.settledProperty().addListener((obs, old, outcome) -> {
            String text = outcome == null ? "" : settledNotice(outcome);
            if (!text.isEmpty()) {
                notice.set(text);
            }
        });
        session.vaultProperty().addListener((obs, old, vault) -> {
            if (vault == null) { // locked: nothing from the vault stays on screen
                keys.clear();
                problems.clear();
                selected.set(null);
                search.set("");
                notice.set("");
                shelf.clear();
            }
        });
    }

    /** Reads the keys from the vault in the background and shows them, keeping the selection. */
    public void reload() {
        if (!session.isUnlocked()) {
            return;
        }
        Workspace ws = session.workspace();
        busy.set(true);
        session.background().execute(() -> {
            try {
                List<KeyRecord> records = ws.keys();
                Set<UUID> archived = ws.archivedKeys();
                List<String> trouble =
                        ws.problems().stream().map(RecordProblem::message).toList();
                ws.lastBackupProblem(); // waits for an automatic backup still being written, so the state is current
                BackupState state = BackupState.of(session.home());
                session.fx().execute(() -> show(records, archived, trouble, state));
            } catch (RuntimeException e) {
                session.fx().execute(() -> {
                    busy.set(false);
                    if (session.isUnlocked()) { // a lock during the read is not an error
                        notice.set("The keys could not be read: " + UserMessages.of(e));
                    }
                });
            }
        });
    }

    private void show(List<KeyRecord> records, Set<UUID> archived, List<String> trouble, BackupState state) {
        busy.set(false);
        if (!session.isUnlocked()) {
            return; // locked while reading
        }
        UUID keep = selected.get() == null ? null : selected.get().keyId();
        backups.set(state);
        shelf.show(archived);
        keys.setAll(records);
        problems.setAll(trouble);
        selected.set(
                keep == null
                        ? null
                        : records.stream()
                                .filter(r -> r.keyId().equals(keep))
                                .filter(shelf.listed()) // a key just archived leaves the details too
                                .findFirst()
                                .orElse(null));
    }

    private void refilter() {
        filtered.setPredicate(matcher(search.get()).and(shelf.listed()));
    }

    /**
     * The search: every word must match the label or curve (anywhere), the status (its start) or
     * the keyId (its start), ignoring case.
     */
    static Predicate<KeyRecord> matcher(String text) {
        String[] words = text == null
                ? new String[0]
                : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        return key -> {
            for (String w : words) {
                if (!w.isEmpty()
                        && !(key.label().toLowerCase(Locale.ROOT).contains(w)
                                || key.curve()
                                        .apiName()
                                        .toLowerCase(Locale.ROOT)
                                        .contains(w)
                                || key.status().name().toLowerCase(Locale.ROOT).startsWith(w)
                                || key.keyId().toString().startsWith(w))) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Puts the selected key's keyId on the clipboard and says so. */
    public void copyKeyId() {
        KeyRecord key = selected.get();
        if (key != null) {
            copy(key.keyId().toString(), "keyId");
        }
    }

    /** Copies a value shown in the details pane; {@code what} names it in the notice. */
    public void copy(String value, String what) {
        session.clipboard().copy(value);
        String shown = what + " copied"
                + (session.clipboard().clearsAfterCopy()
                        ? "; Keyshard removes it from the clipboard after 30 s."
                        : ".");
        notice.set(shown);
        // a confirmation, not a state: it goes after a few seconds unless another notice replaced it
        CompletableFuture.delayedExecutor(copiedNoticeFor.toMillis(), TimeUnit.MILLISECONDS, session.fx())
                .execute(() -> {
                    if (notice.get() == shown) {
                        notice.set("");
                    }
                });
    }

    /** How long a "copied" notice stays (tests shorten it). */
    void copiedNoticeFor(Duration lifetime) {
        copiedNoticeFor = lifetime;
    }

    /** What settling after unlock did, for the notice line: keys finished, failed, waiting, and commits re-sent. */
    static String settledNotice(List<ResolvedKey> outcome) {
        long ready = count(outcome, ResolvedKey.Change.FINISHED);
        long failed = count(outcome, ResolvedKey.Change.ABORTED);
        long waiting = outcome.stream()
                .filter(r -> r.change() == ResolvedKey.Change.UNCHANGED && r.status() == KeyStatus.PENDING)
                .count();
        long resent = count(outcome, ResolvedKey.Change.COMMIT_RESENT);
        StringBuilder text = new StringBuilder("Checked with the servers after unlocking:");
        if (ready > 0) {
            text.append(" ")
                    .append(ready)
                    .append(" pending key")
                    .append(ready == 1 ? "" : "s")
                    .append(" finished;");
        }
        if (failed > 0) {
            text.append(" ").append(failed).append(" could not be finished (FAILED);");
        }
        if (waiting > 0) {
            text.append(" ").append(waiting).append(" still waiting for a server;");
        }
        if (resent > 0) {
            text.append(" a missed commit was sent again for ")
                    .append(resent)
                    .append(" key")
                    .append(resent == 1 ? "" : "s")
                    .append(";");
        }
        return text.charAt(text.length() - 1) == ':' ? "" : text.substring(0, text.length() - 1) + ".";
    }

    private static long count(List<ResolvedKey> outcome, ResolvedKey.Change change) {
        return outcome.stream().filter(r -> r.change() == change).count();
    }

    /** Asks the key's servers about every PENDING key: each becomes READY or FAILED, or stays if unreachable. */
    public void resolvePending() {
        if (!session.isUnlocked() || busy.get()) {
            return;
        }
        Workspace ws = session.workspace();
        busy.set(true);
        notice.set("Asking the servers about the pending keys…");
        session.background().execute(() -> {
            String text;
            try {
                // Count only what was PENDING: the resolver also re-sends missed commits of READY keys.
                Set<UUID> pending = ws.keys().stream()
                        .filter(k -> k.status() == KeyStatus.PENDING)
                        .map(KeyRecord::keyId)
                        .collect(Collectors.toSet());
                List<ResolvedKey> outcome = ws.resolvePending().stream()
                        .filter(r -> pending.contains(r.keyId()))
                        .toList();
                long ready = outcome.stream()
                        .filter(r -> r.status() == KeyStatus.READY)
                        .count();
                long failed = outcome.stream()
                        .filter(r -> r.status() == KeyStatus.FAILED)
                        .count();
                long waiting = outcome.stream()
                        .filter(r -> r.status() == KeyStatus.PENDING)
                        .count();
                text = "Resolved: " + ready + " ready, " + failed + " failed, " + waiting + " still waiting"
                        + (waiting > 0 ? " (a server did not answer; try again when it runs)." : ".");
            } catch (RuntimeException e) {
                text = "Could not resolve the pending keys: " + UserMessages.of(e);
            }
            String done = text;
            session.fx().execute(() -> {
                busy.set(false);
                notice.set(done);
                session.fireKeysChanged();
            });
        });
    }

    /** Starts creating a key; refuses when no action is set, rather than silently doing nothing. */
    public void newKey() {
        Runnable action = newKeyAction.get();
        if (action == null) {
            throw new IllegalStateException("creating a key is not available in this build");
        }
        action.run();
    }

    /**
     * Gives the selected key another label (blank: none) in the background; completes with null once
     * stored (the list reloads), else with what went wrong. The keyId and the shares do not change.
     */
    public CompletableFuture<String> relabel(String label) {
        CompletableFuture<String> done = new CompletableFuture<>();
        KeyRecord key = selected.get();
        if (key == null || !session.isUnlocked()) {
            done.complete("Select a key first.");
            return done;
        }
        String wanted = label == null ? "" : label.strip();
        if (wanted.length() > MAX_LABEL) {
            done.complete("A label has at most " + MAX_LABEL + " characters; this one has " + wanted.length() + ".");
            return done;
        }
        Workspace ws = session.workspace();
        session.background().execute(() -> {
            try {
                KeyRecord renamed = ws.relabel(key.keyId(), wanted);
                session.fx().execute(() -> {
                    notice.set(
                            renamed.label().isEmpty()
                                    ? "The label was removed."
                                    : "Renamed to " + renamed.label() + ".");
                    session.fireKeysChanged();
                    done.complete(null);
                });
            } catch (RuntimeException e) {
                session.fx().execute(() -> done.complete(UserMessages.of(e)));
            }
        });
        return done;
    }

    /** Whether the selected key opens its addresses and Sign stage: READY, not archived, and the app opens them. */
    public boolean canUseSelected() {
        KeyRecord key = selected.get();
        return key != null
                && key.status() == KeyStatus.READY
                && !shelf.isArchived(key)
                && showAddressesAction.get() != null;
    }

    /** Opens the address pipeline for the selected READY key (Show addresses, a double click, Enter). */
    public void showAddresses() {
        use(showAddressesAction.get());
    }

    /** Opens the Sign stage for the selected READY key (the Addresses window on its Sign tab). */
    public void sign() {
        use(signAction.get());
    }

    private void use(Consumer<KeyRecord> action) {
        if (action == null || !canUseSelected()) {
            throw new IllegalStateException("addresses and signing open only for a READY key that is not archived");
        }
        action.accept(selected.get());
    }

    /** Whether each READY key's servers still hold their shares. */
    public KeyHealthModel health() {
        return health;
    }

    /** Whether the selected key signs at once. */
    public SigningState signing() {
        return signing;
    }

    /** The selected key's signing history. */
    public SigningHistory history() {
        return history;
    }

    /** Archiving and deleting keys, and whether the list shows archived ones. */
    public KeyShelf shelf() {
        return shelf;
    }

    /** Every key in the vault, oldest first. */
    public ObservableList<KeyRecord> keys() {
        return keys;
    }

    /** The keys the table shows: searched, then sorted by the table's comparator. */
    public SortedList<KeyRecord> visibleKeys() {
        return visible;
    }

    /** True while there is no key to list: the screen then explains what a key is and how to make one. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<KeyRecord> selectedProperty() {
        return selected;
    }

    /** The automatic backups as of the last reload. */
    public ObjectProperty<BackupState> backupsProperty() {
        return backups;
    }

    /** Records the vault could not read back intact, as messages fit to show. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The last thing an action wants the user to know (copied, resolved, failed). */
    public StringProperty noticeProperty() {
        return notice;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What "New key" (and "Try again" on a FAILED key) does; null while nothing can create keys. */
    public ObjectProperty<Runnable> newKeyActionProperty() {
        return newKeyAction;
    }

    public BooleanBinding newKeyAvailableProperty() {
        return newKeyAvailable;
    }

    /** What "Show addresses" does with the selected READY key; null hides the button. */
    public ObjectProperty<Consumer<KeyRecord>> showAddressesActionProperty() {
        return showAddressesAction;
    }

    /** What "Sign..." does with the selected READY key; null hides the button. */
    public ObjectProperty<Consumer<KeyRecord>> signActionProperty() {
        return signAction;
    }
}
