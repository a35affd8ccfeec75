package io.keyshard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.ServerStatus;
import io.keyshard.client.Workspace;
import io.keyshard.ui.CutText;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.StyledStage;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.wizard.NewKeyViewModel.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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

/** The wizard as a user sees it: whole buttons beside a message, where the focus rests, and what Enter does. */
@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {
    @TempDir
    Path home;

    private NewKeyViewModel model;
    private NewKeyWizard wizard;
    private Stage stage;
    private final AtomicInteger closed = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // background work never runs: the test sets the servers and their health itself
        model = new NewKeyViewModel(
                Workspace.open(home, TestApps.createVault(home)), new UiTasks(r -> {}, Platform::runLater));
        wizard = new NewKeyWizard(model, value -> {}, closed::incrementAndGet);
        StyledStage.show(stage, wizard, 760, 560);
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
    }

    private void servers(FxRobot robot, boolean... ticked) {
        robot.interact(() -> {
            model.stepProperty().set(Step.SERVERS);
            for (int i = 0; i < ticked.length; i++) {
                String name = "OFFICIAL_" + (i + 1);
                ServerChoice c = new ServerChoice(name, true, ticked[i]);
                c.statusProperty()
                        .set(new ServerStatus(
                                name, "https://127.0.0.1:" + (4001 + i), i + 1, "0".repeat(64), true, true, 5L, null));
                model.servers().add(c);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void size(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertWhole(Button b) {
        assertTrue(
                b.getWidth() >= b.prefWidth(-1) - 0.5,
                b.getText() + " is cut to " + b.getWidth() + " of " + b.prefWidth(-1));
    }

    @Test
    void buttonsStayWholeBesideAMessageAndOneServerIsRefused(FxRobot robot) {
        servers(robot, true, false, false);
        Label problem = robot.lookup("#wizard-problem").queryAs(Label.class);
        assertTrue(problem.getText().contains("at least two"), problem.getText());
        assertTrue(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled(), "one server is refused");
        assertFalse(robot.lookup("#threshold-of").queryAs(Label.class).getText().contains("1 chosen servers"));
        assertTrue(
                robot.lookup("#all-local-warning").query().isVisible(),
                "with only local servers chosen, the wizard says every share will be on this computer");
        for (String id : new String[] {"#wizard-back", "#wizard-cancel", "#wizard-next", "#servers-refresh"}) {
            assertWhole(robot.lookup(id).queryAs(Button.class));
        }
        Screenshots.save(robot, wizard, "wizard-servers-one-ticked");
        robot.interact(Theme.DARK::apply);
        Screenshots.save(robot, wizard, "wizard-servers-one-ticked-dark");
        size(robot, 600, 520);
        for (String id : new String[] {"#wizard-back", "#wizard-cancel", "#wizard-next", "#servers-refresh"}) {
            assertWhole(robot.lookup(id).queryAs(Button.class));
        }
        Screenshots.save(robot, wizard, "wizard-servers-one-ticked-narrow-dark");
    }

    @Test
    void aServersStepWithManyServersScrollsAndCutsNoText(FxRobot robot) {
        servers(robot, true, true, false, false, false, false);
        for (double[] wh : new double[][] {{760, 560}, {600, 520}}) {
            size(robot, wh[0], wh[1]);
            List<String> cut = new ArrayList<>();
            robot.interact(() -> CutText.collect(wizard, "servers-6-" + (int) wh[0], cut));
            assertEquals(List.of(), cut, "the step scrolls instead of cutting its texts");
        }
        Screenshots.save(robot, wizard, "wizard-servers-six");
    }

    @Test
    void onTheServersStepTheFocusIsNotOnBackAndEnterGoesOn(FxRobot robot) {
        servers(robot, true, true, true);
        assertNotSame(
                robot.lookup("#wizard-back").query(),
                stage.getScene().getFocusOwner(),
                "the focus does not rest on Back");
        assertTrue(
                stage.getScene().getFocusOwner() instanceof CheckBox box
                        && box.getId().equals("server-OFFICIAL_1"),
                "the first server has the focus: " + stage.getScene().getFocusOwner());
        Border ring = ((CheckBox) stage.getScene().getFocusOwner()).getBorder();
        assertTrue(
                ring != null
                        && !ring.getStrokes().isEmpty()
                        && ring.getStrokes().get(0).getWidths().getTop() >= 2,
                "the focused tick box shows a focus ring");
        Screenshots.save(robot, wizard, "wizard-servers-focus");
        robot.type(KeyCode.ENTER);
        assertEquals(Step.REVIEW, model.stepProperty().get());

        // Enter follows the focus: with Back focused, Enter goes back, as Space would.
        robot.interact(() -> robot.lookup("#wizard-back").query().requestFocus());
        robot.type(KeyCode.ENTER);
        assertEquals(Step.SERVERS, model.stepProperty().get());
    }

    @Test
    void onTheSavedPageEnterClosesInsteadOfOpeningTheBackupDialog(FxRobot robot) {
        robot.interact(() -> model.stepProperty().set(Step.SAVED));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotSame(robot.lookup("#export-backup").query(), stage.getScene().getFocusOwner());
        Screenshots.save(robot, wizard, "wizard-saved");
        int windows = robot.listWindows().size();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, closed.get(), "Enter runs Close");
        assertEquals(windows, robot.listWindows().size(), "no backup dialog opened");
    }

    @Test
    void theBackupDialogSaysItHoldsKeyIdsNotShares(FxRobot robot) {
        robot.interact(() -> model.stepProperty().set(Step.SAVED));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#export-backup");
        WaitForAsyncUtils.waitForFxEvents();
        Label custody = robot.lookup("#backup-custody").queryAs(Label.class);
        assertTrue(custody.getText().contains("not the shares"), custody.getText());
        assertTrue(custody.getText().contains("lost with this computer"), custody.getText());
        Screenshots.save(robot, robot.lookup("#backup-dialog").query(), "backup-dialog");
        robot.interact(Theme.DARK::apply);
        Screenshots.save(robot, robot.lookup("#backup-dialog").query(), "backup-dialog-dark");
        robot.type(KeyCode.ESCAPE);
    }
}
