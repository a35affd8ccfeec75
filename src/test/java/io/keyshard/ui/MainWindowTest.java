package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.shell.Place;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window (the one KeyshardApp shows), walks it as a user would and snapshots every place. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private AppWindow window;
    private Stage stage;

    @TempDir
    Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppModel model = TestApps.fxModel(home);
        model.session().unlocked(TestApps.createVault(home));
        window = new AppWindow(model);
        window.install(stage);
        stage.show();
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void walksEveryPlaceShowsItsEmptyStateAndSwitchesTheme(FxRobot robot) {
        assertEquals("Keyshard", stage.getTitle());
        assertEquals(AppIcons.SIZES.size(), stage.getIcons().size(), "every icon size is on the window");

        // First place: Keys, explaining threshold keys, with New key (the wizard) ready.
        assertShowing(Place.KEYS, robot);
        assertEquals("No keys yet", emptyStateTitle(robot));
        assertTrue(robot.lookup("#new-key").query().isVisible(), "New key opens the wizard");
        BufferedImage keys = Screenshots.save(robot, window.root(), "keys");

        // Keyboard: Ctrl+2 goes to Servers.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertShowing(Place.SERVERS, robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                robot.lookup("#cluster-state").queryAs(Label.class).getText().startsWith("Local cluster:"),
                "the Servers screen says whether the local cluster runs");
        TableView<?> servers = robot.lookup("#servers-table").queryAs(TableView.class);
        waitUntil(() -> servers.getItems().size() == 3);
        assertTrue(
                robot.lookup(".table-cell")
                        .lookup((Node n) -> n instanceof Labeled l && "not started".equals(l.getText()))
                        .tryQuery()
                        .isPresent(),
                "a fresh home shows the local cluster as not started, not as an empty list");
        Screenshots.save(robot, window.root(), "servers");

        // Mouse: the Settings button.
        robot.clickOn("#nav-settings");
        assertShowing(Place.SETTINGS, robot);
        ToggleButton light = robot.lookup("#theme-light").queryAs(ToggleButton.class);
        assertTrue(light.isSelected());
        assertTrue(
                robot.lookup("#settings-export-backup").query().isVisible(),
                "a backup can be exported outside the New key wizard");
        Screenshots.save(robot, window.root(), "settings");

        robot.clickOn("#theme-dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK, window.model().settings().theme());
        assertEquals(Theme.DARK.userAgentStylesheet(), Application.getUserAgentStylesheet());
        Screenshots.save(robot, window.root(), "settings-dark");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertShowing(Place.KEYS, robot);
        BufferedImage keysDark = Screenshots.save(robot, window.root(), "keys-dark");
        // The content background really changed: near-white in light, near-black in dark.
        int x = keys.getWidth() - 20;
        assertTrue(Screenshots.brightness(keys, x, 20) > 0.8, "light background");
        assertTrue(Screenshots.brightness(keysDark, x, 20) < 0.2, "dark background");

        // Back to light from the keyboard alone: Down moves through the navigation; Tab goes on to
        // the chosen theme (a toggle group is one Tab stop, like radio buttons); Left, then Space, picks Light.
        robot.clickOn("#nav-keys").type(KeyCode.DOWN, KeyCode.DOWN);
        assertShowing(Place.SETTINGS, robot);
        assertTrue(robot.lookup("#nav-settings").query().isFocused(), "focus follows the chosen place");
        robot.type(KeyCode.TAB);
        assertTrue(focusOwnerIs("theme-dark"), "Tab reaches the theme switch");
        robot.type(KeyCode.LEFT);
        assertTrue(focusOwnerIs("theme-light"));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.LIGHT, window.model().settings().theme());
        assertEquals(Theme.LIGHT.userAgentStylesheet(), Application.getUserAgentStylesheet());
    }

    @Test
    void settingsSayWhereTheVaultItsBackupsAndTheLocalServersLiveAndCopyThosePaths(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertShowing(Place.SETTINGS, robot);
        assertEquals(home.toString(), text(robot, "#data-home"));
        assertEquals(home.resolve("vault").toString(), text(robot, "#data-vault"));
        assertEquals(home.resolve("backups").toString(), text(robot, "#data-backups"));
        assertEquals(home.resolve("nodes").toString(), text(robot, "#data-nodes"));
        Button copy = robot.lookup((Node n) ->
                        n instanceof Button b && "Copy the automatic backups folder".equals(b.getAccessibleText()))
                .queryAs(Button.class);
        robot.interact(copy::fire);
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(home.resolve("backups").toString(), copied.get());
        robot.interact(() -> ((ScrollPane) robot.lookup("#settings-view").query()).setVvalue(1));
        Screenshots.save(robot, window.root(), "settings-data");
    }

    @Test
    void overlayHidesTheFrameAndBlocksShortcutsUntilCleared(FxRobot robot) {
        Label unlock = new Label("Unlock");
        unlock.setFocusTraversable(true);
        robot.interact(() -> window.root().showOverlay(unlock));
        assertFalse(window.root().main().isVisible(), "nothing behind a locked vault is visible");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertEquals(Place.KEYS, window.model().navigation().current(), "shortcuts wait for the overlay");

        robot.interact(() -> window.root().clearOverlay());
        assertTrue(window.root().main().isVisible());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertShowing(Place.SETTINGS, robot);
    }

    @Test
    void ctrlNStartsANewKeyFromAnyScreenAndCtrlQClosesTheWindowLockingTheVault(FxRobot robot) {
        AtomicInteger wizards = new AtomicInteger();
        robot.interact(() -> window.model().keys().newKeyActionProperty().set(wizards::incrementAndGet));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertShowing(Place.SERVERS, robot);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertShowing(Place.KEYS, robot);
        assertEquals(1, wizards.get(), "Ctrl+N opens the New key wizard, over the Keys screen");

        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "Ctrl+Q closes the window");
        assertFalse(window.model().session().isUnlocked(), "closing the window locks the vault");
    }

    private void assertShowing(Place place, FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(place, window.model().navigation().current());
        Node screen = window.root().main().content().getChildren().get(0);
        assertEquals(place, screen.getProperties().get(Place.class), "content shows " + place);
        assertTrue(
                robot.lookup("#nav-" + place.id()).queryAs(ToggleButton.class).isSelected());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean focusOwnerIs(String id) {
        Node owner = window.scene().getFocusOwner();
        return owner != null && id.equals(owner.getId());
    }

    private String emptyStateTitle(FxRobot robot) {
        return robot.from(window.root().main().content())
                .lookup(".empty-state-title")
                .queryAs(Label.class)
                .getText();
    }
}
