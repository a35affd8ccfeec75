package io.keyshard.ui;

import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.ClipboardService;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.session.AppSettings;
import io.keyshard.ui.settings.SettingsViewModel;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** Sessions and vaults for UI tests: real vault files in a temp home, real (light) Argon2id through the header. */
public final class TestApps {
    /** Real Argon2id with light parameters; recorded in the vault header like production ones. */
    public static final KdfParams LIGHT = new KdfParams(256, 1, 1);

    public static final String PASSWORD = "correct horse battery staple";
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });

    private TestApps() {}

    /** A session running everything on the calling thread: for view-model tests without a screen. */
    public static AppSession directSession(Path home, ClipboardService clipboard) {
        Executor direct = Runnable::run;
        return new AppSession(home, LIGHT, direct, direct, clipboard, false);
    }

    /** The window's model as the app builds it, but with light Argon2id, a background thread and the system clipboard. */
    public static AppModel fxModel(Path home) {
        SettingsViewModel settings = new SettingsViewModel(AppSettings.load(home));
        AppSession session = new AppSession(
                home,
                LIGHT,
                BACKGROUND,
                Platform::runLater,
                ClipboardService.system(() -> settings.clearClipboardProperty().get()),
                false);
        return new AppModel(session, settings);
    }

    /** Creates a vault in {@code home} with the test password. */
    public static Vault createVault(Path home) {
        return Vault.create(home, PASSWORD.toCharArray(), LIGHT);
    }

    /** Writes three keys through the real vault API: a READY, a PENDING and a FAILED one. */
    public static List<KeyRecord> writeThreeKeys(Vault vault) {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KeyRecord savings = KeyRecord.pending(
                UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001"),
                "Savings",
                CurveName.SECP256K1,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                t.minusSeconds(7200));
        KeyRecord solana = KeyRecord.pending(
                UUID.fromString("5e1a0a00-0000-4000-8000-000000000002"),
                "Solana hot",
                CurveName.ED25519,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                t.minusSeconds(3600));
        KeyRecord taproot = KeyRecord.pending(
                UUID.fromString("f00dfeed-0000-4000-8000-000000000003"),
                "Taproot test",
                CurveName.SECP256K1_SCHNORR,
                3,
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                t);
        vault.createPending(savings);
        vault.createPending(solana);
        vault.createPending(taproot);
        KeyRecord ready = vault.markReady(
                savings.keyId(),
                "02" + "ab".repeat(32),
                "cd".repeat(32),
                Map.of(
                        "OFFICIAL_1",
                        "02" + "11".repeat(32),
                        "OFFICIAL_2",
                        "03" + "22".repeat(32),
                        "OFFICIAL_3",
                        "02" + "33".repeat(32)));
        KeyRecord failed = vault.markFailed(taproot.keyId(), "server OFFICIAL_3 did not answer round 2 within 60 s");
        return List.of(ready, vault.get(solana.keyId()).orElseThrow(), failed);
    }

    /**
     * The three keys of {@link #writeThreeKeys} and a READY P384 key made without a label (the CLI's
     * {@code keygen} without {@code --label}, and the wizard's empty label field, write none).
     */
    public static List<KeyRecord> writeKeysWithAnUnlabelledOne(Vault vault) {
        List<KeyRecord> keys = new ArrayList<>(writeThreeKeys(vault));
        KeyRecord unlabelled = KeyRecord.pending(
                UUID.fromString("b0b0cafe-0000-4000-8000-000000000004"),
                null,
                CurveName.P384,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        vault.createPending(unlabelled);
        keys.add(vault.markReady(
                unlabelled.keyId(),
                "03" + "ef".repeat(32),
                "12".repeat(32),
                Map.of("OFFICIAL_1", "02" + "44".repeat(32), "OFFICIAL_2", "03" + "55".repeat(32))));
        return List.copyOf(keys);
    }

    /** Writes two READY keys made without a label, as {@code keygen} without {@code --label} and the wizard leave them. */
    public static List<KeyRecord> writeUnlabelledKeys(Vault vault) {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KeyRecord none = KeyRecord.pending(
                UUID.fromString("0b0b0b0b-0000-4000-8000-000000000004"),
                null,
                CurveName.ED25519,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                t.plusSeconds(1));
        KeyRecord blank = KeyRecord.pending(
                UUID.fromString("0c0c0c0c-0000-4000-8000-000000000005"),
                "  ",
                CurveName.SECP256K1,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                t.plusSeconds(2));
        vault.createPending(none);
        vault.createPending(blank);
        return List.of(
                vault.markReady(
                        none.keyId(),
                        "ee".repeat(32),
                        "dd".repeat(32),
                        Map.of("OFFICIAL_1", "11".repeat(32), "OFFICIAL_2", "22".repeat(32))),
                vault.markReady(
                        blank.keyId(),
                        "03" + "ab".repeat(32),
                        "dd".repeat(32),
                        Map.of("OFFICIAL_1", "02" + "11".repeat(32), "OFFICIAL_2", "03" + "22".repeat(32))));
    }

    /** The main window and its stage, shown by {@link #showUnlocked}. */
    public record ShownApp(AppWindow window, Stage stage) {}

    /** Shows the main window 1180 px wide and {@code height} tall for {@code vault}, unlocked, as after the unlock screen. */
    public static ShownApp showUnlocked(FxRobot robot, AppModel model, Vault vault, double height) {
        AtomicReference<ShownApp> shown = new AtomicReference<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            shown.set(new ShownApp(showOn(stage, model, vault, 1180, height), stage));
        });
        return shown.get();
    }

    /** On the FX thread: opens {@code vault} in {@code model} and shows its main window on {@code stage} at that size. */
    public static AppWindow showOn(Stage stage, AppModel model, Vault vault, double width, double height) {
        model.session().unlocked(vault);
        AppWindow window = new AppWindow(model);
        window.install(stage);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        return window;
    }
}
