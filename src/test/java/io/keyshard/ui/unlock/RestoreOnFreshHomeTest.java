package io.keyshard.ui.unlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.AppModel;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.vault.KeyArchive;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultBackup;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A fresh home filled from a backup file on the first screen, ending on the Keys screen with the restored keys. */
@ExtendWith(ApplicationExtension.class)
class RestoreOnFreshHomeTest {
    private static final String BACKUP_PASSWORD = "a long backup passphrase 9";
    private static final String NEW_PASSWORD = "fresh vault on a new laptop 7";

    @TempDir
    Path tmp;

    private Path home;
    private Path backup;
    private List<KeyRecord> written;
    private AppWindow window;

    @BeforeEach
    void backupMadeElsewhere() {
        backup = tmp.resolve("keys.ksbackup");
        try (Vault old = TestApps.createVault(tmp.resolve("old-home"))) {
            written = TestApps.writeThreeKeys(old);
            KeyArchive.archive(old, written.get(2).keyId());
            VaultBackup.export(old, backup, BACKUP_PASSWORD.toCharArray());
        }
    }

    @Start
    void start(Stage stage) {
        home = tmp.resolve("new-home");
        window = new AppWindow(TestApps.fxModel(home));
        window.install(stage);
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void theFirstScreenRestoresABackupIntoANewVaultAndShowsItsKeys(FxRobot robot) throws Exception {
        AppModel model = window.model();
        assertEquals("Create your vault", text(robot, "#unlock-title"));
        // the way to a restore reads in full on the first screen: no word of it cut short
        Button restore = robot.lookup("#restore-instead").queryAs(Button.class);
        assertEquals("Restore from a backup…", shown(restore));
        Labeled question = robot.lookup((Labeled l) -> "Already have a Keyshard backup?".equals(l.getText()))
                .queryAs(Labeled.class);
        assertEquals(question.getText(), shown(question));
        robot.clickOn("#restore-instead");
        waitUntil(() -> robot.lookup("#restore-form").tryQuery().isPresent());
        assertEquals(UnlockViewModel.Mode.RESTORE, model.unlock().modeProperty().get());
        Screenshots.save(robot, window.root(), "unlock-restore");

        // A wrong backup password creates nothing and says which password was wrong.
        robot.interact(
                () -> robot.lookup("#restore-file").queryAs(TextField.class).setText(backup.toString()));
        robot.clickOn("#restore-backup-password").write("not the backup password");
        robot.clickOn("#restore-vault");
        waitUntil(() -> !model.unlock().errorProperty().get().isEmpty());
        assertTrue(
                model.unlock().errorProperty().get().startsWith("That password does not open this backup"),
                model.unlock().errorProperty().get());
        assertFalse(Vault.exists(home), "no vault after a wrong backup password");

        // The right one, with a new vault password of its own.
        robot.clickOn("#restore-backup-password").write(BACKUP_PASSWORD);
        robot.clickOn("#restore-same-password");
        robot.clickOn("#restore-new-password").write(NEW_PASSWORD);
        robot.clickOn("#restore-confirm-password").write(NEW_PASSWORD);
        Screenshots.save(robot, window.root(), "unlock-restore-filled");
        robot.clickOn("#restore-vault");
        waitUntil(() -> model.session().isUnlocked());
        assertFalse(window.root().overlayShowingProperty().get(), "the Keys screen shows");

        TableView<?> table = robot.lookup("#keys-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        assertEquals("2 keys · 1 archived", text(robot, "#key-count"), "the archived mark came with the backup");
        Screenshots.save(robot, window.root(), "keys-restored");

        robot.interact(() -> model.session().lock());
        try (Vault v = Vault.open(home, NEW_PASSWORD.toCharArray())) {
            assertEquals(written, v.list());
            assertEquals(Set.of(written.get(2).keyId()), KeyArchive.archived(v));
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text a label or button shows on screen, which its skin cuts with an ellipsis when it does not fit. */
    private static String shown(Labeled l) {
        return ((Text) l.lookup(".text")).getText();
    }
}
