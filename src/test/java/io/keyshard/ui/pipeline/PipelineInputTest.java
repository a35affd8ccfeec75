package io.keyshard.ui.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
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

/** What the Index field does with text that is not an index: the stages go blank and the screen says why. */
@ExtendWith(ApplicationExtension.class)
class PipelineInputTest {
    @TempDir
    Path home;

    private Stage stage;
    private Vault vault;
    private Workspace workspace;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vault = TestApps.createVault(home);
        workspace = Workspace.open(home, vault);
        KeyRecord key = PipelineViewModelTest.readyIn(vault, CurveName.SECP256K1);
        PipelineViewModel vm =
                new PipelineViewModel(key, workspace::derive, new UiTasks(Runnable::run, Platform::runLater));
        vm.chainProperty().set(Chain.EVM);
        Scene scene = new Scene(new PipelineView(vm, value -> {}), 1280, 800);
        scene.getStylesheets().add(AppWindow.class.getResource("keyshard.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void light() {
        workspace.close();
        vault.close();
        Platform.runLater(Theme.LIGHT::apply);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lettersOrAnIndexTooLargeBlankTheAddressAndSayWhatIsWrong(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        Spinner<Integer> index = robot.lookup("#pipeline-index").queryAs(Spinner.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#value-address").startsWith("0x"));
        robot.clickOn(index.getEditor())
                .press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL)
                .write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("abc", index.getEditor().getText());
        assertEquals("", text(robot, "#value-address"), "no address of the old index next to \"abc\"");
        assertEquals("", text(robot, "#value-path"));
        assertNull(robot.lookup("#address-qr").queryAs(ImageView.class).getImage());
        assertEquals(
                "Address index must be a whole number from 0 to 2147483647 (non-hardened).",
                text(robot, "#pipeline-error"));
        shots(robot, "pipeline-index-abc");

        robot.press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL)
                .write("2147483648");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#value-address"), "one digit too many is refused, not dropped");
        assertTrue(text(robot, "#pipeline-error").startsWith("Address index must be"));

        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#value-path").endsWith("/214748364"));
        assertTrue(text(robot, "#value-address").startsWith("0x"));
        assertEquals("", text(robot, "#pipeline-error") == null ? "" : text(robot, "#pipeline-error"));
    }

    private void shots(FxRobot robot, String name) {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
                robot.interact(() -> {
                    theme.apply();
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                Screenshots.save(
                        robot,
                        stage.getScene().getRoot(),
                        name + "-" + size[0] + "-" + theme.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
