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
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** At the smallest supported width (1024 px) every cell of the Keys table shows its whole text, wrapped if need be. */
@ExtendWith(ApplicationExtension.class)
class KeysTableFitTest {
    @TempDir
    Path home;

    private AppWindow window;

    @Start
    void start(Stage stage) {
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        TestApps.writeKeysWithAnUnlabelledOne(vault);
        window = TestApps.showOn(stage, model, vault, 1024, 700);
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void noCellIsCutAtTheSmallestWidth(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#keys-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, window.root(), "keys-table-1024");
        List<String> cut = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c
                        && c.getText() != null
                        && !c.getText().isEmpty()) {
                    StringBuilder drawn = new StringBuilder();
                    c.lookupAll(".text").forEach(t -> drawn.append(((Text) t).getText()));
                    seen.add(c.getText());
                    if (!drawn.toString().equals(c.getText())) {
                        cut.add(c.getTableColumn().getText() + ": " + c.getText() + " -> " + drawn);
                    }
                    double right = table.sceneToLocal(c.localToScene(c.getBoundsInLocal()))
                            .getMaxX();
                    if (right > table.getWidth() + 1) {
                        cut.add(c.getTableColumn().getText() + ": " + c.getText() + " ends past the table at " + right);
                    }
                }
            }
        });
        assertTrue(seen.contains("Not checked"), "the health column is among the cells checked: " + seen);
        assertTrue(seen.contains("SECP256K1_\u200bSCHNORR"), "the longest curve name may break after its underscore");
        assertEquals(List.of(), cut, "cells that show their text cut");
    }
}
