package io.keyshard.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window reopens at the size and place it was closed at; other settings survive either write. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    @TempDir
    Path home;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 1040, 680));
        stage.show();
    }

    @Test
    void placementAndSettingsKeepEachOther() throws Exception {
        new AppSettings(Theme.DARK, 5, false).save(home);
        new WindowPlacement(40, 30, 1100, 720).save(home);
        assertEquals(Theme.DARK, AppSettings.load(home).theme(), "saving the window keeps the theme");
        new AppSettings(Theme.DARK, 7, false).save(home);
        assertEquals(
                Optional.of(new WindowPlacement(40, 30, 1100, 720)),
                WindowPlacement.load(home),
                "saving the settings keeps the window");
        assertEquals(7, AppSettings.load(home).autoLockMinutes());
    }

    @Test
    void aDamagedOrAbsurdPlacementIsIgnored() throws Exception {
        assertTrue(WindowPlacement.load(home).isEmpty());
        Files.writeString(home.resolve(AppSettings.FILE), "{\"window\":{\"x\":0,\"y\":0,\"width\":3,\"height\":2}}");
        assertTrue(WindowPlacement.load(home).isEmpty());
        Files.writeString(home.resolve(AppSettings.FILE), "{not json");
        assertTrue(WindowPlacement.load(home).isEmpty());
    }

    @Test
    void theWindowReopensWhereItWasClosed(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setX(20);
            stage.setY(10);
            stage.setWidth(900);
            stage.setHeight(600);
        });
        robot.interact(() -> {
            try {
                WindowPlacement.of(stage).save(home);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stage.setWidth(1040);
            stage.setHeight(680);
            WindowPlacement.restore(stage, home);
        });
        assertEquals(900, stage.getWidth(), 0.5);
        assertEquals(600, stage.getHeight(), 0.5);
        assertEquals(20, stage.getX(), 0.5);
    }
}
