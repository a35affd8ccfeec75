package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.shell.Place;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The create-vault form and the backup dialog rate and refuse passwords by the same rule, in the same words. */
@ExtendWith(ApplicationExtension.class)
class PasswordFormsTest {
    @TempDir
    Path home;

    private AppWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new AppWindow(TestApps.fxModel(home));
        window.install(stage);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void lightAgainAndLock(FxRobot robot) {
        robot.interact(() -> {
            window.model().settings().themeProperty().set(Theme.LIGHT);
            window.model().session().lock();
        });
    }

    @Test
    void theCreateFormAndTheBackupDialogShareTheRuleAndTheMeter(FxRobot robot) throws Exception {
        robot.clickOn("#new-password").write("password12");
        assertTrue(text(robot, "#create-hint").startsWith("This vault password is too easy to guess"));
        assertEquals("Strength: Too weak", text(robot, "#strength-label"));
        shots(robot, window.root(), "create-vault-weak");

        robot.interact(() -> window.model().session().unlocked(TestApps.createVault(home)));
        robot.interact(() -> window.model().navigation().select(Place.SETTINGS));
        robot.clickOn("#settings-export-backup");
        WaitForAsyncUtils.waitForFxEvents();
        Path out = home.resolve("weak.ksbackup");
        robot.interact(
                () -> robot.lookup("#backup-file").queryAs(TextField.class).setText(out.toString()));
        robot.clickOn("#backup-password").write("password");
        robot.clickOn("#backup-confirm").write("password");
        assertEquals("The backup password needs at least 10 characters (2 more).", text(robot, "#backup-hint"));
        robot.clickOn("#backup-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The backup password needs at least 10 characters (2 more).", text(robot, "#backup-error"));
        assertTrue(Files.notExists(out), "the weak password wrote nothing");
        Window dialog = robot.lookup("#backup-dialog").query().getScene().getWindow();
        shots(robot, dialog.getScene().getRoot(), "backup-dialog-weak");

        robot.interact(() -> {
            robot.lookup("#backup-password").queryAs(TextField.class).setText("backup pass phrase 7");
            robot.lookup("#backup-confirm").queryAs(TextField.class).setText("backup pass phrase 7");
        });
        assertEquals("", text(robot, "#backup-hint"));
        assertEquals("Strength: Strong", text(robot, "#backup-strength-label"));
        shots(robot, dialog.getScene().getRoot(), "backup-dialog-strong");
        robot.clickOn("#backup-export");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(out) && !dialog.isShowing());
    }

    @Test
    void settingsRestoresABackupAndChangesThePassword(FxRobot robot) throws Exception {
        Vault vault = TestApps.createVault(home);
        robot.interact(() -> window.model().session().unlocked(vault));
        Path backup = home.resolve("keys.ksbackup");
        try (Vault source = Vault.create(home.resolve("other"), TestApps.PASSWORD.toCharArray(), TestApps.LIGHT)) {
            TestApps.writeThreeKeys(source);
            VaultBackup.export(source, backup, "backup pass phrase 7".toCharArray());
        }
        robot.interact(() -> window.model().navigation().select(Place.SETTINGS));
        WaitForAsyncUtils.waitForFxEvents();
        shots(robot, window.root(), "settings-vault-actions");

        fire(robot, "#settings-restore-backup");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(
                () -> robot.lookup("#restore-file").queryAs(TextField.class).setText(backup.toString()));
        type(robot, "#restore-password", "backup pass phrase 7");
        Window restore = robot.lookup("#restore-dialog").query().getScene().getWindow();
        shots(robot, restore.getScene().getRoot(), "restore-dialog");
        fire(robot, "#restore-dialog-ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !restore.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Restored 3 keys from " + backup + ".", text(robot, "#settings-restore-note"));
        assertEquals(3, window.model().session().workspace().keys().size());

        fire(robot, "#settings-change-password");
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, "#current-password", TestApps.PASSWORD);
        type(robot, "#changed-password", "password12");
        type(robot, "#changed-confirm", "password12");
        assertTrue(text(robot, "#changed-hint").startsWith("This vault password is too easy to guess"));
        Window change = robot.lookup("#password-dialog").query().getScene().getWindow();
        shots(robot, change.getScene().getRoot(), "password-dialog-weak");
        fire(robot, "#password-dialog-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#password-dialog-error").startsWith("This vault password is too easy to guess"));
        type(robot, "#current-password", TestApps.PASSWORD);
        type(robot, "#changed-password", "a new vault pass 42");
        type(robot, "#changed-confirm", "a new vault pass 42");
        fire(robot, "#password-dialog-ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !change.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#settings-password-note").startsWith("The vault password was changed"));
        shots(robot, window.root(), "settings-after-restore-and-change");
    }

    /** Light and dark, at the window's two sizes when {@code node} is the main window's. */
    private void shots(FxRobot robot, Node node, String name) {
        boolean main = node == window.root();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            robot.interact(() -> window.model().settings().themeProperty().set(theme));
            if (main) {
                for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
                    robot.interact(() -> {
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    Screenshots.save(
                            robot,
                            node,
                            name + "-" + size[0] + "-" + theme.name().toLowerCase(Locale.ROOT));
                }
            } else {
                WaitForAsyncUtils.waitForFxEvents();
                Screenshots.save(robot, node, name + "-" + theme.name().toLowerCase(Locale.ROOT));
            }
        }
        robot.interact(() -> {
            window.model().settings().themeProperty().set(Theme.LIGHT);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
    }

    private static void fire(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup(query).queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
