package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
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

/** Locking, by Ctrl+L in any window or by auto-lock, leaves no window showing a key's data. */
@ExtendWith(ApplicationExtension.class)
class LockClosesWindowsTest {
    @TempDir
    Path home;

    private AppWindow window;
    private Stage mainStage;
    private KeyRecord savings;

    @Start
    void start(Stage stage) {
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        savings = TestApps.writeThreeKeys(vault).get(0);
        window = TestApps.showOn(stage, model, vault, 1180, 760);
        mainStage = stage;
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void ctrlLInTheAddressesWindowLocksAndClosesIt(FxRobot robot) throws Exception {
        Stage addresses = openAddresses(robot);
        robot.interact(addresses::requestFocus);
        robot.clickOn(robot.lookup("#value-key").queryAs(Label.class)); // the keyboard goes there
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.model().session().isUnlocked(), "Ctrl+L in the Addresses window locks the vault");
        assertNothingShowsTheKey(robot);
    }

    @Test
    void autoLockClosesTheAddressesWindow(FxRobot robot) throws Exception {
        openAddresses(robot);
        robot.interact(() -> window.model().session().lock()); // what the idle timer does when it fires
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingShowsTheKey(robot);
        Screenshots.save(robot, window.root(), "locked-after-addresses");
    }

    @Test
    void signFromTheKeysDetailsOpensTheSignTabAndLockingClosesIt(FxRobot robot) throws Exception {
        TabPane tabs = (TabPane) openWith(robot, "#sign-with-key").getScene().getRoot();
        assertEquals("tab-sign", tabs.getSelectionModel().getSelectedItem().getId(), "Sign... opens its Sign tab");
        Screenshots.save(robot, tabs, "keys-sign-opened");
        robot.interact(() -> window.model().session().lock());
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingShowsTheKey(robot);
    }

    private Stage openAddresses(FxRobot robot) throws Exception {
        Stage addresses = openWith(robot, "#show-addresses");
        assertTrue(showsText(addresses.getScene().getRoot(), savings.keyId().toString()), "it shows the keyId");
        return addresses;
    }

    /** Selects the READY key and presses {@code button} of its details: one Addresses window opens. */
    private Stage openWith(FxRobot robot, String button) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<KeyRecord> table = robot.lookup("#keys-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        robot.interact(() -> table.getSelectionModel().select(savings));
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        List<Window> others = otherWindows();
        assertEquals(1, others.size(), button + " opens one window");
        return (Stage) others.get(0);
    }

    private void assertNothingShowsTheKey(FxRobot robot) {
        assertEquals(List.of(), otherWindows(), "no other window stays open after locking");
        AtomicReference<Boolean> shown = new AtomicReference<>(false);
        robot.interact(() -> Window.getWindows().stream()
                .filter(Window::isShowing)
                .forEach(w -> shown.set(shown.get()
                        || showsText(w.getScene().getRoot(), savings.keyId().toString()))));
        assertFalse(shown.get(), "no showing window holds the keyId");
    }

    private List<Window> otherWindows() {
        List<Window> out = new ArrayList<>();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != mainStage && w.isShowing() && w instanceof Stage s && s.getOwner() == mainStage) {
                out.add(w);
            }
        }
        return out;
    }

    /** True if a visible node under {@code node} shows {@code text}. */
    private static boolean showsText(Node node, String text) {
        if (!node.isVisible()) {
            return false;
        }
        if (node instanceof Labeled l && l.getText() != null && l.getText().contains(text)) {
            return true;
        }
        if (node instanceof TextInputControl t
                && t.getText() != null
                && t.getText().contains(text)) {
            return true;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (showsText(child, text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
