package io.keyshard.ui.session;

import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.ResolvedKey;
import io.keyshard.client.Workspace;
import io.keyshard.ui.common.ClipboardService;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One run of the app against one home folder: the opened {@link Vault} and the {@link Workspace}
 * over it (none while locked), the local cluster handle that outlives locking, the background
 * executor for slow work (Argon2id, vault I/O, key generation), the clipboard, and the "keys
 * changed" listeners screens use to refresh. Its state changes on the FX thread.
 */
public final class AppSession {
    private final Path home;
    private final KdfParams newVaultKdf;
    private final Executor background;
    private final Executor fx;
    private final ClipboardService clipboard;
    private final boolean settleOnUnlock;
    private final LocalClusterControl cluster;
    private final ReadOnlyObjectWrapper<Vault> vault = new ReadOnlyObjectWrapper<>(this, "vault");
    private final ReadOnlyObjectWrapper<List<ResolvedKey>> settled = new ReadOnlyObjectWrapper<>(this, "settled");
    private Workspace workspace;
    private final BooleanBinding unlocked = vault.isNotNull();
    private final ObjectProperty<Duration> autoLockAfter = new SimpleObjectProperty<>(this, "autoLockAfter");
    private final List<Runnable> keysChanged = new CopyOnWriteArrayList<>();

    /**
     * @param newVaultKdf Argon2id parameters for a vault created here (production in the app,
     *                    light in tests)
     * @param background  where slow work runs, never the FX thread
     * @param fx          how results come back to the FX thread ({@code Platform::runLater} in the app)
     * @param settleOnUnlock whether each unlock asks the servers, in the background, about keys an
     *                    earlier run left pending and re-sends missed commits (the app does; view tests
     *                    without servers do not)
     */
    public AppSession(
            Path home,
            KdfParams newVaultKdf,
            Executor background,
            Executor fx,
            ClipboardService clipboard,
            boolean settleOnUnlock) {
        this.home = home.toAbsolutePath().normalize();
        this.newVaultKdf = Objects.requireNonNull(newVaultKdf);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.settleOnUnlock = settleOnUnlock;
        this.cluster = new LocalClusterControl(this.home);
    }

    /** The session the desktop app uses: production Argon2id, a daemon worker thread, the system clipboard. */
    public static AppSession forApp(Path home, KdfParams newVaultKdf, BooleanSupplier clearClipboard) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keyshard-background");
            t.setDaemon(true);
            return t;
        });
        return new AppSession(
                home, newVaultKdf, worker, Platform::runLater, ClipboardService.system(clearClipboard), true);
    }

    /** The unlocked vault; throws while the app is locked. */
    public Vault vault() {
        Vault v = vault.get();
        if (v == null) {
            throw new IllegalStateException("the vault is locked");
        }
        return v;
    }

    /** The unlocked vault's workspace, the one service every screen works through; throws while locked. */
    public Workspace workspace() {
        if (workspace == null) {
            throw new IllegalStateException("the vault is locked");
        }
        return workspace;
    }

    /** The local cluster handle of this run of the app: the nodes it started stop when the app closes. */
    public LocalClusterControl cluster() {
        return cluster;
    }

    /** What settling pending keys after the last unlock did to each key it touched; null until it ran. */
    public ReadOnlyObjectProperty<List<ResolvedKey>> settledProperty() {
        return settled.getReadOnlyProperty();
    }

    /** The vault, or null while locked (for bindings). */
    public ReadOnlyObjectProperty<Vault> vaultProperty() {
        return vault.getReadOnlyProperty();
    }

    public BooleanBinding unlockedProperty() {
        return unlocked;
    }

    public boolean isUnlocked() {
        return unlocked.get();
    }

    public Path home() {
        return home;
    }

    /** Argon2id parameters for a vault this app creates. */
    public KdfParams newVaultKdf() {
        return newVaultKdf;
    }

    /** Runs slow work off the FX thread. */
    public Executor background() {
        return background;
    }

    /** Brings results back to the FX thread. */
    public Executor fx() {
        return fx;
    }

    public ClipboardService clipboard() {
        return clipboard;
    }

    /** Idle time after which the vault locks itself; null = never. */
    public ObjectProperty<Duration> autoLockAfterProperty() {
        return autoLockAfter;
    }

    /**
     * Takes over a vault that was just opened or created and opens its workspace; screens then load
     * from it, and pending keys are settled in the background.
     */
    public void unlocked(Vault opened) {
        Objects.requireNonNull(opened, "opened");
        if (vault.get() != null && vault.get() != opened) {
            closeWorkspaceThenVault(vault.get());
        } else if (workspace != null) {
            workspace.close(); // the same vault again: one workspace over it, never two
        }
        workspace = Workspace.open(home, opened, cluster);
        workspace.setUpSigningAfterKeygen(true); // a new ECDSA key is ready to sign by the time anyone signs
        settled.set(null);
        vault.set(opened);
        fireKeysChanged();
        if (settleOnUnlock) {
            settle(workspace);
        }
    }

    /**
     * Finishes pending keys and re-sends missed commits on a thread of its own (a server that does not
     * answer costs a timeout, which must not hold up the other background work); screens show what it did.
     */
    private void settle(Workspace ws) {
        Thread settle = new Thread(
                () -> {
                    List<ResolvedKey> outcome;
                    try {
                        outcome = ws.resolvePending();
                    } catch (RuntimeException e) {
                        return; // locked meanwhile (the workspace closed); the next unlock tries again
                    }
                    fx.execute(() -> {
                        if (workspace == ws) {
                            settled.set(List.copyOf(outcome));
                            if (!outcome.isEmpty()) {
                                fireKeysChanged();
                            }
                        }
                    });
                },
                "keyshard-settle");
        settle.setDaemon(true);
        settle.start();
    }

    /** Closes the workspace, then the vault (which wipes its keys), and clears what Keyshard copied; the unlock screen returns. */
    public void lock() {
        Vault v = vault.get();
        vault.set(null); // screens drop what they show before the vault goes away
        settled.set(null);
        try {
            if (v != null) {
                closeWorkspaceThenVault(v);
            }
        } finally {
            clipboard.clearIfStillOurs();
        }
    }

    private void closeWorkspaceThenVault(Vault v) {
        Workspace ws = workspace;
        workspace = null;
        try {
            if (ws != null) {
                ws.close();
            }
        } finally {
            v.close();
        }
    }

    /** Called whenever a key is added or changes status, e.g. by the wizard once a key is saved. */
    public void addKeysChangedListener(Runnable listener) {
        keysChanged.add(Objects.requireNonNull(listener));
    }

    public void removeKeysChangedListener(Runnable listener) {
        keysChanged.remove(listener);
    }

    /** Tells every screen that the vault's keys changed; call on the FX thread. */
    public void fireKeysChanged() {
        keysChanged.forEach(Runnable::run);
    }
}
