package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.ui.AppModel;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
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

/**
 * Keys on three servers each, whose rows wrap to three lines: picking the last one shrinks the table,
 * brings its scroll bar, narrows the columns and re-wraps the rows, and the picked row is still whole.
 */
@ExtendWith(ApplicationExtension.class)
class KeysSplitTallRowsTest {
    private static final int KEYS = 5;

    @TempDir
    Path home;

    private AppWindow window;

    @Start
    void start(Stage stage) {
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        for (int i = 0; i < KEYS; i++) {
            vault.createPending(KeyRecord.pending(
                    UUID.randomUUID(),
                    "Key " + i,
                    CurveName.SECP256K1_SCHNORR,
                    2,
                    List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                    Instant.now().plusSeconds(i)));
        }
        window = TestApps.showOn(stage, model, vault, 1024, 700);
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void theLastKeyPickedByAClickIsWholeInTheShrunkenTable(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#keys-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == KEYS);
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> last = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == KEYS - 1)
                .findFirst()
                .orElseThrow();
        robot.clickOn(last);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // every layout pass the smaller table brings
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, window.root(), "keys-tall-rows-last-selected");
        List<Integer> whole = KeysSplitTest.wholeRows(robot, table);
        assertTrue(whole.contains(KEYS - 1), "the picked key's row is not whole in sight: " + whole);
    }
}
