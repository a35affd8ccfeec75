package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.AppModel;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.layout.Border;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Keys table shows a focus ring when the keyboard reaches it, at the window's common sizes and in both themes. */
@ExtendWith(ApplicationExtension.class)
class KeysFocusTest {
    @TempDir
    Path home;

    private AppWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        TestApps.writeThreeKeys(vault);
        model.keys().showAddressesActionProperty().set(r -> {});
        model.keys().newKeyActionProperty().set(() -> {});
        window = TestApps.showOn(stage, model, vault, 1280, 800);
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> {
            window.model().session().lock();
            Theme.LIGHT.apply();
        });
    }

    @Test
    void theFocusedKeysTableShowsARing(FxRobot robot) {
        TableView<?> table = robot.lookup("#keys-table").queryAs(TableView.class);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.isFocused());
        Border ring = table.getBorder();
        assertTrue(
                ring != null
                        && !ring.getStrokes().isEmpty()
                        && ring.getStrokes().get(0).getWidths().getTop() >= 2,
                "the focused table shows a 2 px focus ring, " + "not the 1 px frame every table has");
        Screenshots.save(robot, window.root(), "keys-focus-1280");
        robot.interact(() -> window.model().settings().themeProperty().set(Theme.DARK));
        Screenshots.save(robot, window.root(), "keys-focus-1280-dark");
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, window.root(), "keys-focus-1024-dark");
        robot.interact(() -> window.model().settings().themeProperty().set(Theme.LIGHT));
        Screenshots.save(robot, window.root(), "keys-focus-1024");
    }
}
