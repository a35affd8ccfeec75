package io.keyshard.ui.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.Workspace;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.StyledStage;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Servers screen with a long notice: whole buttons, readable cells with tooltips, and where the shares live. */
@ExtendWith(ApplicationExtension.class)
class ServersWindowTest {
    private static final String LONG_ERROR = "server OFFICIAL_2: unreachable at https://127.0.0.1:40123 (connection "
            + "refused: is it running? Start the local cluster above or check the remote machine)";

    @TempDir
    Path home;

    private ServersView view;
    private ServersViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspace ws = Workspace.open(home, TestApps.createVault(home));
        model = new ServersViewModel(() -> ws, new UiTasks(r -> {}, Platform::runLater));
        view = new ServersView(model);
        String pin = "0".repeat(64);
        model.servers()
                .setAll(List.of(
                        new ServerStatus("OFFICIAL_1", "https://127.0.0.1:40121", 1, pin, true, true, 4L, null),
                        new ServerStatus(
                                "OFFICIAL_2", "https://127.0.0.1:40123", 2, pin, true, false, null, LONG_ERROR),
                        new ServerStatus("OFFICIAL_3", "https://127.0.0.1:40125", 3, pin, true, true, 6L, null)));
        model.clusterStateProperty().set(LocalClusterControl.State.STOPPED); // what a check of these rows says
        model.messageProperty().set("The local servers were stopped; they start again when a key is made or signs.");
        StyledStage.show(stage, view, 1280 - 200, 800);
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
    }

    @Test
    void aLocalServerThatDoesNotAnswerIsNamedWhileTheOthersRun(FxRobot robot) {
        Label state = robot.lookup("#cluster-state").queryAs(Label.class);
        assertEquals(
                "Local cluster: OFFICIAL_2 does not answer (OFFICIAL_1, OFFICIAL_3 do); Start starts the ones that "
                        + "are not running.",
                state.getText());
        assertFalse(robot.lookup("#cluster-start").queryButton().isDisabled(), "Start is there to bring it back");
        robot.interact(() -> model.servers().setAll(List.of()));
        assertEquals("Local cluster: stopped (it starts by itself when a key is made or signs)", state.getText());
        robot.interact(() -> model.clusterStateProperty().set(LocalClusterControl.State.RUNNING));
        assertEquals("Local cluster: running (OFFICIAL_1..3 answer)", state.getText());
    }

    @Test
    void buttonsStayWholeCellsExplainThemselvesAndTheCustodyIsSaid(FxRobot robot) {
        // the screen's width inside a 1280 and a 1024 wide window (the sidebar takes about 200)
        for (double[] size : new double[][] {{1080, 800}, {824, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : new String[] {"#servers-refresh", "#servers-remove", "#servers-add", "#cluster-start"}) {
                Button b = robot.lookup(id).queryAs(Button.class);
                assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " is cut to " + b.getWidth());
            }
            String name = "servers-notice-" + (int) size[0];
            Screenshots.save(robot, view, name);
            robot.interact(Theme.DARK::apply);
            Screenshots.save(robot, view, name + "-dark");
            robot.interact(Theme.LIGHT::apply);
        }
        TableCell<?, ?> problem = robot.lookup(".table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && LONG_ERROR.equals(c.getText()))
                .queryAs(TableCell.class);
        assertNotNull(problem.getTooltip(), "a long error can be read whole in its tooltip");
        assertEquals(LONG_ERROR, problem.getTooltip().getText());
        TableCell<?, ?> where = robot.lookup(".table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && "this computer".equals(c.getText()))
                .queryAs(TableCell.class);
        assertNotNull(where.getTooltip());
        Label custody = robot.lookup("#servers-custody").queryAs(Label.class);
        assertTrue(custody.getText().contains("lost with this computer"), custody.getText());
        assertTrue(custody.getText().contains("keyshard nodes backup"), custody.getText());
    }
}
