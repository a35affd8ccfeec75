package io.keyshard.ui.unlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.AppModel;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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

/** The welcome screen in the real window: create a vault, lock, unlock with a wrong then the right password. */
@ExtendWith(ApplicationExtension.class)
class UnlockWindowTest {
    @TempDir
    Path home;

    private AppWindow window;

    @Start
    void start(Stage stage) {
        window = new AppWindow(TestApps.fxModel(home));
        window.install(stage);
        stage.show();
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void createsTheVaultThenLocksAndUnlocksWithAWrongThenTheRightPassword(FxRobot robot) throws Exception {
        AppModel model = window.model();
        assertTrue(window.root().overlayShowingProperty().get(), "a fresh home starts on the welcome screen");
        assertEquals("Create your vault", text(robot, "#unlock-title"));
        assertTrue(focused("new-password"), "the cursor starts in the password field");
        Button create = robot.lookup("#create-vault").queryButton();
        PasswordField first = robot.lookup("#new-password").queryAs(PasswordField.class);
        PasswordField confirm = robot.lookup("#confirm-password").queryAs(PasswordField.class);
        assertTrue(create.isDisabled());
        assertEquals("Strength", text(robot, "#strength-label"), "no verdict before anything is typed");
        Screenshots.save(robot, window.root(), "unlock-create");

        robot.write("abc");
        assertTrue(create.isDisabled());
        assertTrue(text(robot, "#create-hint").contains("needs at least 10 characters"), text(robot, "#create-hint"));
        assertEquals("Strength: Too weak", text(robot, "#strength-label"));

        robot.eraseText(3).write(TestApps.PASSWORD);
        robot.type(KeyCode.ENTER); // Enter in the first field moves on to the confirm field
        assertTrue(focused("confirm-password"));
        robot.write("correct horse battery stapler");
        assertTrue(create.isDisabled(), "a mismatched confirm keeps Create disabled");
        assertTrue(text(robot, "#create-hint").contains("do not match"));
        assertEquals("Strength: Strong", text(robot, "#strength-label"));
        Screenshots.save(robot, window.root(), "unlock-create-mismatch");
        robot.type(KeyCode.ENTER);
        assertFalse(Vault.exists(home), "Enter on a mismatch creates nothing");

        robot.eraseText(1);
        assertFalse(create.isDisabled());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> model.session().isUnlocked());
        assertTrue(Files.isRegularFile(home.resolve("vault/header.json")));
        assertTrue(Files.isRegularFile(home.resolve("vault/keyshard.mv.db")));
        assertFalse(window.root().overlayShowingProperty().get(), "the keys appear once the vault exists");
        assertEquals(0, first.getLength() + confirm.getLength(), "both fields emptied");

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> window.root().overlayShowingProperty().get());
        assertFalse(model.session().isUnlocked());
        assertEquals("Unlock Keyshard", text(robot, "#unlock-title"));
        assertTrue(focused("password"));
        Screenshots.save(robot, window.root(), "unlock");

        robot.write("not my password").type(KeyCode.ENTER);
        waitUntil(() -> !model.unlock().errorProperty().get().isEmpty());
        assertTrue(model.unlock().errorProperty().get().startsWith("That password does not open this vault"));
        assertEquals(0, robot.lookup("#password").queryAs(PasswordField.class).getLength(), "the field is emptied");
        assertFalse(model.session().isUnlocked());
        Screenshots.save(robot, window.root(), "unlock-wrong-password");

        for (int i = 1; i < UnlockViewModel.FREE_TRIES; i++) {
            int failures = model.unlock().failures();
            robot.write("wrong " + i).type(KeyCode.ENTER);
            waitUntil(() -> model.unlock().failures() > failures);
        }
        waitUntil(() -> robot.lookup("#wait-label").query().isVisible());
        assertTrue(robot.lookup("#unlock").queryButton().isDisabled(), "no try while the wait runs");
        assertTrue(
                text(robot, "#wait-label").matches("Wait \\d+ s before the next try\\."), text(robot, "#wait-label"));
        Screenshots.save(robot, window.root(), "unlock-wait");

        waitUntil(() -> !robot.lookup("#unlock").queryButton().isDisabled());
        robot.clickOn("#password").write(TestApps.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> model.session().isUnlocked());
        assertFalse(window.root().overlayShowingProperty().get());
    }

    @Test
    void locksItselfAfterTheIdleTimeAndClosesTheVault(FxRobot robot) throws Exception {
        AppModel model = window.model();
        Vault vault = TestApps.createVault(home);
        robot.interact(() -> model.session().unlocked(vault));
        assertFalse(window.root().overlayShowingProperty().get());
        assertTrue(window.idleLock().isCounting(), "the idle countdown runs while unlocked");

        robot.interact(() -> model.session().autoLockAfterProperty().set(Duration.ofMillis(500)));
        waitUntil(() -> window.root().overlayShowingProperty().get());
        assertFalse(model.session().isUnlocked());
        assertFalse(window.idleLock().isCounting(), "no countdown while locked");
        // The vault really closed: its lock is free, so it opens again (and the keys were wiped with it).
        Vault.open(home, TestApps.PASSWORD.toCharArray()).close();
    }

    @Test
    void neverLockStopsTheCountdown(FxRobot robot) {
        AppModel model = window.model();
        Vault vault = TestApps.createVault(home);
        robot.interact(() -> model.session().unlocked(vault));
        robot.interact(() -> model.settings().neverLockProperty().set(true));
        assertFalse(window.idleLock().isCounting());
        robot.interact(() -> model.settings().neverLockProperty().set(false));
        assertTrue(window.idleLock().isCounting());
    }

    private boolean focused(String id) {
        Node owner = window.scene().getFocusOwner();
        return owner != null && id.equals(owner.getId());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
