package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.AppModel;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Archive, Show archived, Unarchive and Delete on the Keys place in the real window. */
@ExtendWith(ApplicationExtension.class)
class KeysArchiveWindowTest {
    @TempDir
    Path home;

    private AppWindow window;
    private List<KeyRecord> written;

    @Start
    void start(Stage stage) {
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        written = TestApps.writeThreeKeys(vault);
        model.keys().showAddressesActionProperty().set(k -> {});
        window = TestApps.showOn(stage, model, vault, 1024, 700);
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void aKeyIsArchivedShownAgainAndDeletedAfterTypingItsLabel(FxRobot robot) throws Exception {
        TableView<KeyRecord> table = table(robot);
        waitUntil(() -> table.getItems().size() == 3);
        KeyRecord savings = written.get(0);
        assertFalse(robot.lookup("#show-archived").query().isVisible(), "no toggle while nothing is archived");

        robot.interact(() -> window.model().keys().selectedProperty().set(savings));
        robot.clickOn("#archive-key");
        waitUntil(() -> table.getItems().size() == 2);
        assertEquals("2 keys · 1 archived", text(robot, "#key-count"));
        assertTrue(robot.lookup("#show-archived").query().isVisible());

        robot.clickOn("#show-archived");
        waitUntil(() -> table.getItems().size() == 3);
        robot.interact(() -> window.model().keys().selectedProperty().set(savings));
        assertTrue(robot.lookup("#unarchive-key").tryQuery().isPresent());
        assertTrue(robot.lookup("#show-addresses").tryQuery().isEmpty(), "an archived key is out of the pipeline");
        assertTrue(text(robot, "#details-status").startsWith("Archived:"));
        Screenshots.save(robot, window.root(), "keys-archived-shown");

        robot.clickOn("#delete-key");
        waitUntil(() -> robot.lookup("#delete-key-dialog").tryQuery().isPresent());
        Node dialog = robot.lookup("#delete-key-dialog").query();
        String explanation = robot.from(dialog)
                .lookup((Node n) -> n instanceof Label l
                        && l.getText() != null
                        && l.getText().contains("shares stay"))
                .queryAs(Label.class)
                .getText();
        assertTrue(explanation.contains("nobody can use them again"), explanation);
        assertTrue(robot.lookup("#delete-key-backup").query().isVisible(), "a backup is offered first");
        Screenshots.save(robot, dialog, "keys-delete-confirm");

        robot.clickOn("#delete-key-confirm").write("savings");
        robot.clickOn("#delete-key-dialog-ok");
        waitUntil(() -> !text(robot, "#delete-key-dialog-error").isEmpty());
        assertTrue(text(robot, "#delete-key-dialog-error").startsWith("That does not match."));
        assertTrue(window.model().session().workspace().key(savings.keyId()).isPresent(), "nothing deleted yet");

        robot.doubleClickOn("#delete-key-confirm").eraseText(7).write("Savings");
        robot.clickOn("#delete-key-dialog-ok");
        waitUntil(() -> robot.lookup("#delete-key-dialog").tryQuery().isEmpty());
        waitUntil(() -> table.getItems().size() == 2);
        assertTrue(window.model().session().workspace().key(savings.keyId()).isEmpty());
        assertEquals(
                List.of("Solana hot", "Taproot test"),
                table.getItems().stream().map(KeyRecord::label).toList());
        assertFalse(robot.lookup("#show-archived").query().isVisible(), "nothing archived is left to show");
        Screenshots.save(robot, window.root(), "keys-after-delete");
    }

    @SuppressWarnings("unchecked")
    private static TableView<KeyRecord> table(FxRobot robot) {
        return robot.lookup("#keys-table").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
