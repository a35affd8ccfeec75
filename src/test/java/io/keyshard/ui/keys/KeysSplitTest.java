package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.AppModel;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
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
 * At 1024x700 the Keys table shows every one of six keys while none is selected, and a key picked
 * at the bottom of the list stays in sight when its details open below; picking another key shows its
 * details from the top.
 */
@ExtendWith(ApplicationExtension.class)
class KeysSplitTest {
    private static final int KEYS = 6;

    @TempDir
    Path home;

    private AppWindow window;

    @Start
    void start(Stage stage) {
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        TestApps.writeKeysWithAnUnlabelledOne(vault);
        TestApps.writeUnlabelledKeys(vault);
        window = TestApps.showOn(stage, model, vault, 1024, 700);
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void everyKeyIsInSightUntilOneIsPickedAndThePickedOneStaysInSight(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#keys-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == KEYS);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, window.root(), "keys-none-selected");
        assertEquals(List.of(0, 1, 2, 3, 4, 5), wholeRows(robot, table), "rows shown whole with no key selected");

        robot.interact(() -> table.getSelectionModel().select(KEYS - 1));
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane split = (SplitPane) table.getParent().getParent();
        assertEquals(KeysSplit.OPEN_TABLE_SHARE, split.getDividerPositions()[0], 0.01, "the details open below");
        try {
            WaitForAsyncUtils.waitFor(
                    5, TimeUnit.SECONDS, () -> wholeRows(robot, table).contains(KEYS - 1));
        } catch (TimeoutException e) {
            throw new AssertionError("the picked key's row is not whole in sight: " + wholeRows(robot, table), e);
        }
        Screenshots.save(robot, window.root(), "keys-last-selected");
        List<Integer> whole = wholeRows(robot, table);
        assertTrue(whole.size() < KEYS, "the details take room from the table: " + whole);

        robot.interact(() -> table.getSelectionModel().clearSelection());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), wholeRows(robot, table), "rows shown whole once no key is selected");
    }

    @Test
    void anotherKeyOpensAtTheTopOfItsDetails(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#keys-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == KEYS);
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane details = robot.lookup("#key-details").queryAs(ScrollPane.class);
        robot.interact(() -> details.setVvalue(details.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(details.getVvalue() > 0, "the first key's details scrolled down");

        robot.interact(() -> table.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, details.getVvalue(), 1e-9, "the next key shows its name and actions first, not the middle");
        assertTrue(robot.lookup("#details-label").queryLabeled().getText().length() > 0);
    }

    /** The indexes of the rows drawn whole inside the table's scrolled view (rows share their 1 px border). */
    static List<Integer> wholeRows(FxRobot robot, TableView<?> table) {
        List<Integer> whole = new ArrayList<>();
        robot.interact(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            for (Node n : table.lookupAll(".table-row-cell")) {
                if (n instanceof TableRow<?> row && row.isVisible() && !row.isEmpty() && row.getIndex() >= 0) {
                    Bounds b = flow.sceneToLocal(row.localToScene(row.getBoundsInLocal()));
                    if (b.getMinY() >= -1.5 && b.getMaxY() <= flow.getHeight() + 1.5) {
                        whole.add(row.getIndex());
                    }
                }
            }
        });
        whole.sort(null);
        return whole;
    }
}
