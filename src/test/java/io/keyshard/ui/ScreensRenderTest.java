package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.pipeline.PipelineView;
import io.keyshard.ui.shell.Place;
import io.keyshard.ui.sign.FakeSigning;
import io.keyshard.ui.sign.SignView;
import io.keyshard.ui.sign.SignViewModel;
import io.keyshard.vault.KeyArchive;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.SignatureEntry;
import io.keyshard.vault.SignedPayload;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen at 1280x800, 1024x700 and the smallest window (720x480), light and dark, written to
 * target/screenshots/render-*.png for a person to look at; on each, no text may show cut ("…") and no
 * spinner squeezed ({@link CutText}).
 */
@ExtendWith(ApplicationExtension.class)
class ScreensRenderTest {
    private static final int[][] SIZES = {{1280, 800}, {1024, 700}, {720, 480}};

    @TempDir
    Path home;

    private Stage stage;
    private AppWindow window;
    private List<KeyRecord> written;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        written = TestApps.writeThreeKeys(vault);
        KeyArchive.archive(vault, written.get(2).keyId());
        vault.recordSignatures(
                written.get(0).keyId(),
                List.of(SignatureEntry.of(
                        Instant.parse("2026-11-30T09:15:00Z"),
                        new byte[32],
                        "m/44/60/0/0/0",
                        "0x9858EfFD232B4033E47d90003D41EC34EcaEda94",
                        List.of("OFFICIAL_1", "OFFICIAL_2"),
                        new byte[64],
                        SignedPayload.MESSAGE,
                        "message of 42 bytes (SHA-256 shown)")));
        model.session().unlocked(vault);
        window = new AppWindow(model);
        window.install(stage);
        stage.show();
    }

    @Test
    void everyScreenAtEachSizeInBothThemesKeepsItsTextWhole(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            robot.interact(theme::apply);
            for (int[] size : SIZES) {
                String suffix = size[0] + "-" + theme.name().toLowerCase(Locale.ROOT);
                resize(robot, stage, size);
                unlocked(robot);
                robot.interact(() -> window.model().navigation().select(Place.KEYS));
                robot.interact(() -> window.model().keys().selectedProperty().set(written.get(0)));
                shot(robot, window.root(), "keys-" + suffix, cut);
                robot.interact(() ->
                        window.model().keys().shelf().showArchivedProperty().set(true));
                robot.interact(() -> window.model().keys().selectedProperty().set(written.get(2)));
                shot(robot, window.root(), "keys-archived-" + suffix, cut);
                robot.interact(() ->
                        window.model().keys().shelf().showArchivedProperty().set(false));
                robot.interact(() -> window.model().navigation().select(Place.SERVERS));
                WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
                shot(robot, window.root(), "servers-" + suffix, cut);
                robot.interact(() -> window.model().navigation().select(Place.SETTINGS));
                shot(robot, window.root(), "settings-" + suffix, cut);
                robot.interact(() -> showAddresses(size));
                WaitForAsyncUtils.waitForFxEvents();
                shot(robot, pipelineTabs, "pipeline-" + suffix, cut);
                robot.interact(() -> pipelineTabs.getSelectionModel().select(1));
                shot(robot, pipelineTabs, "addresses-" + suffix, cut);
                robot.interact(() -> pipelineTabs.getSelectionModel().select(2));
                shot(robot, pipelineTabs, "sign-secp256k1-" + suffix, cut);
                robot.interact(() -> pipelineStage.close());
                robot.interact(() -> window.model().session().lock());
                shot(robot, window.root(), "unlock-" + suffix, cut);
            }
        }
        robot.interact(Theme.LIGHT::apply);
        assertEquals(List.of(), cut, "text shown cut");
    }

    private TabPane pipelineTabs;
    private Stage pipelineStage;

    /** The Addresses window of the READY key, as Show addresses opens it, at the screen's size. */
    private void showAddresses(int[] size) {
        pipelineStage = PipelineView.showWindow(
                stage,
                written.get(0),
                window.model().session().workspace()::derive,
                new UiTasks(Runnable::run, Runnable::run),
                text -> {},
                where -> new SignView(
                        new SignViewModel(
                                where,
                                new FakeSigning(window.model().session().workspace()),
                                new UiTasks(Runnable::run, Runnable::run),
                                () -> {}),
                        text -> {}));
        pipelineStage.setWidth(size[0]);
        pipelineStage.setHeight(size[1]);
        pipelineTabs = (TabPane) pipelineStage.getScene().getRoot();
    }

    private void unlocked(FxRobot robot) {
        if (!window.model().session().isUnlocked()) {
            robot.interact(() -> window.model().session().unlocked(Vault.open(home, TestApps.PASSWORD.toCharArray())));
        }
    }

    private static void resize(FxRobot robot, Stage stage, int[] size) {
        robot.interact(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shot(FxRobot robot, Parent root, String name, List<String> cut) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, root, "render-" + name);
        robot.interact(() -> CutText.collect(root, name, cut));
    }
}
