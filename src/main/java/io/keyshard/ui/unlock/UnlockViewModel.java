package io.keyshard.ui.unlock;

import io.keyshard.ui.common.PasswordMeter;
import io.keyshard.ui.session.AppSession;
import io.keyshard.vault.PasswordRule;
import io.keyshard.vault.PasswordRule.Purpose;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultException;
import io.keyshard.vault.VaultRestore;
import io.keyshard.vault.VaultRollback;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The welcome screen's logic: create the vault (password rules, confirm) when the home has none,
 * otherwise unlock it (with a growing wait after repeated wrong passwords). Argon2id runs on the
 * session's background executor; passwords arrive as char[] and are wiped when done.
 */
public final class UnlockViewModel {
    /** Wrong passwords allowed before each further try has to wait. */
    public static final int FREE_TRIES = 3;

    static final int MAX_WAIT_SECONDS = 30;

    /** Which form the screen shows. */
    public enum Mode {
        CREATE,
        /** A fresh home filled from a backup file instead of starting empty. */
        RESTORE,
        UNLOCK
    }

    private final AppSession session;
    private final Clock clock;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final PasswordMeter meter = new PasswordMeter(Purpose.VAULT);
    private final PasswordMeter restoreMeter = new PasswordMeter(Purpose.VAULT);
    private final IntegerProperty waitSeconds = new SimpleIntegerProperty(this, "waitSeconds");
    private final ObjectProperty<VaultRollback> rollback = new SimpleObjectProperty<>(this, "rollback");
    private int failures;
    private Instant retryAt; // null: no wait
    private Vault held; // opened, waiting for the user's answer about a rollback

    public UnlockViewModel(AppSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        reset();
    }

    /** Back to a fresh form for the home as it is now (after a lock, or at start). */
    public void reset() {
        if (held != null) {
            held.close();
            held = null;
        }
        rollback.set(null);
        mode.set(Vault.exists(session.home()) ? Mode.UNLOCK : Mode.CREATE);
        error.set("");
        edited("", "");
    }

    /** Re-rates the create form as the user types; reads the field contents without making Strings. */
    public void edited(CharSequence password, CharSequence confirm) {
        meter.edited(password, confirm);
    }

    /** Creates the vault in the background; refuses (and says why) a weak or unconfirmed password. Wipes both arrays. */
    public void create(char[] password, char[] confirm) {
        try {
            edited(CharBuffer.wrap(password), CharBuffer.wrap(confirm));
            if (busy.get() || !meter.validProperty().get()) {
                error.set(meter.hintProperty().get());
                Arrays.fill(password, '\0');
                return;
            }
        } finally {
            Arrays.fill(confirm, '\0');
        }
        inBackground(() -> Vault.create(session.home(), password, session.newVaultKdf()), password);
    }

    /** Shows the restore form on a fresh home ({@code true}) or goes back to the create form. */
    public void showRestore(boolean restore) {
        if (mode.get() != Mode.UNLOCK && !busy.get()) {
            mode.set(restore ? Mode.RESTORE : Mode.CREATE);
            error.set("");
            restoreMeter.edited("", "");
        }
    }

    /**
     * Creates the vault from a backup in the background: the backup is opened with {@code backupPassword},
     * the vault gets {@code newPassword} (confirmed), or with {@code newPassword} null the backup's own
     * password. A wrong backup password creates nothing. Wipes every array.
     */
    public void restore(Path backup, char[] backupPassword, char[] newPassword, char[] confirm) {
        char[] vaultPassword = newPassword == null ? backupPassword.clone() : newPassword;
        try {
            String problem = null;
            if (backup == null) {
                problem = "Choose the backup file to restore from.";
            } else if (backupPassword.length == 0) {
                problem = "Enter the backup's password.";
            } else if (newPassword != null) {
                restoreMeter.edited(CharBuffer.wrap(newPassword), CharBuffer.wrap(confirm));
                if (!restoreMeter.validProperty().get()) {
                    problem = restoreMeter.hintProperty().get();
                }
            } else if (PasswordRule.problem(CharBuffer.wrap(backupPassword), Purpose.VAULT)
                    .isPresent()) {
                problem = "The backup's password is too weak for a vault ("
                        + PasswordRule.problem(CharBuffer.wrap(backupPassword), Purpose.VAULT)
                                .get()
                        + "): choose a new vault password.";
            }
            if (busy.get() || problem != null) {
                if (problem != null) {
                    error.set(problem);
                }
                Arrays.fill(backupPassword, '\0');
                Arrays.fill(vaultPassword, '\0');
                return;
            }
        } finally {
            if (confirm != null) {
                Arrays.fill(confirm, '\0');
            }
        }
        error.set("");
        busy.set(true);
        session.background().execute(() -> {
            try {
                Vault vault = VaultRestore.intoNewVault(
                                session.home(), backup, backupPassword, vaultPassword, session.newVaultKdf())
                        .vault();
                session.fx().execute(() -> opened(vault));
            } catch (RuntimeException e) {
                session.fx().execute(() -> {
                    busy.set(false);
                    error.set(
                            e instanceof VaultException v && v.reason() == VaultException.Reason.WRONG_PASSWORD
                                    ? "That password does not open this backup, or the file was modified. "
                                            + "No vault was created."
                                    : UserMessages.of(e));
                });
            } finally {
                Arrays.fill(backupPassword, '\0');
                Arrays.fill(vaultPassword, '\0');
            }
        });
    }

    /** Re-rates the restore form's new vault password as the user types. */
    public void restoreEdited(CharSequence password, CharSequence confirm) {
        restoreMeter.edited(password, confirm);
    }

    /** The restore form's strength meter for a new vault password. */
    public PasswordMeter restoreMeter() {
        return restoreMeter;
    }

    /** Opens the vault in the background; refuses while the wait after wrong passwords runs. Wipes the array. */
    public void unlock(char[] password) {
        refresh();
        if (busy.get() || waitSeconds.get() > 0 || password.length == 0) {
            if (password.length == 0) {
                error.set("Enter your vault password.");
            }
            Arrays.fill(password, '\0');
            return;
        }
        inBackground(() -> Vault.open(session.home(), password), password);
    }

    /** Runs the slow Argon2id step off the FX thread with the screen busy, then wipes the password. */
    private void inBackground(Supplier<Vault> open, char[] password) {
        error.set("");
        busy.set(true);
        session.background().execute(() -> {
            try {
                Vault vault = open.get();
                Optional<VaultRollback> older = checkRollback(vault);
                session.fx().execute(() -> older.ifPresentOrElse(w -> offerRestore(vault, w), () -> opened(vault)));
            } catch (RuntimeException e) {
                session.fx().execute(() -> failed(e));
            } finally {
                Arrays.fill(password, '\0');
            }
        });
    }

    /** Recomputes the seconds left to wait; the screen calls it on a timer while a wait runs. */
    public void refresh() {
        long left =
                retryAt == null ? 0 : Duration.between(clock.instant(), retryAt).toMillis();
        waitSeconds.set(left <= 0 ? 0 : (int) ((left + 999) / 1000));
    }

    private void opened(Vault vault) {
        busy.set(false);
        failures = 0;
        retryAt = null;
        refresh();
        session.unlocked(vault);
    }

    private static Optional<VaultRollback> checkRollback(Vault vault) {
        try {
            return VaultRollback.check(vault);
        } catch (RuntimeException e) {
            return Optional.empty(); // the check is advice: a vault that opened is unlocked regardless
        }
    }

    /** The vault is older than its newest automatic backup: hold it until the user restores or goes on. */
    private void offerRestore(Vault vault, VaultRollback warning) {
        busy.set(false);
        failures = 0;
        retryAt = null;
        refresh();
        held = vault;
        rollback.set(warning);
    }

    /** Brings back the keys the newest automatic backup has and the vault lacks, then unlocks. */
    public void restoreAndContinue() {
        Vault vault = held;
        VaultRollback warning = rollback.get();
        if (vault == null || warning == null || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        session.background().execute(() -> {
            try {
                warning.restore(vault);
                session.fx().execute(this::continueWithoutRestore);
            } catch (RuntimeException e) {
                session.fx().execute(() -> {
                    busy.set(false);
                    error.set(UserMessages.of(e));
                });
            }
        });
    }

    /** Unlocks the vault as it is; the warning comes back at the next unlock. */
    public void continueWithoutRestore() {
        Vault vault = held;
        if (vault == null) {
            return;
        }
        held = null;
        rollback.set(null);
        opened(vault);
    }

    /** Set while an opened vault is older than its newest automatic backup and the user has not chosen yet. */
    public ObjectProperty<VaultRollback> rollbackProperty() {
        return rollback;
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        if (e instanceof VaultException v && v.reason() == VaultException.Reason.WRONG_PASSWORD) {
            failures++;
            String text = "That password does not open this vault. Check Caps Lock and the keyboard layout.";
            if (failures >= FREE_TRIES) {
                int wait = (int) Math.min(MAX_WAIT_SECONDS, 1L << Math.min(10, failures - FREE_TRIES + 1));
                retryAt = clock.instant().plusSeconds(wait);
                text += " After " + FREE_TRIES + " wrong tries, each new try waits a little longer.";
            }
            error.set(text);
            refresh();
            return;
        }
        if (e instanceof VaultException v && v.reason() == VaultException.Reason.ALREADY_EXISTS) {
            mode.set(Mode.UNLOCK);
        }
        error.set(UserMessages.of(e));
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What went wrong with the last try, in words for the user; empty when nothing did. */
    public StringProperty errorProperty() {
        return error;
    }

    /** The create form's strength meter and hint. */
    public PasswordMeter meter() {
        return meter;
    }

    /** What the create form still needs; empty when it can be submitted. */
    public ReadOnlyStringProperty createHintProperty() {
        return meter.hintProperty();
    }

    public ReadOnlyBooleanProperty createValidProperty() {
        return meter.validProperty();
    }

    /** Seconds before the next unlock try is allowed (0 = now). */
    public IntegerProperty waitSecondsProperty() {
        return waitSeconds;
    }

    public int failures() {
        return failures;
    }
}
