package io.keyshard.ui.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.ServerStatus;
import io.keyshard.client.Workspace;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.StyledStage;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
 * Picking a server on the Servers screen shows what its table row cuts: the whole problem, its address and pin,
 * which keys still sign without it, and a local server's log, read from the real vault and the real log file.
 */
@ExtendWith(ApplicationExtension.class)
class ServerDetailsViewTest {
    private static final String PIN = "5a".repeat(32);
    private static final String PROBLEM = "server OFFICIAL_2: unreachable at https://127.0.0.1:40123 (connection "
            + "reset during the TLS handshake: it closed the connection or does not speak TLS 1.3)";
    private static final String LOG_LINE = "cannot open the share store (database error 90020)";

    @TempDir
    Path home;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<String> copied = new CopyOnWriteArrayList<>();
    private final List<String> backedUp = new CopyOnWriteArrayList<>();
    private ServersViewModel model;
    private ServersView view;

    @Start
    void start(Stage stage) throws Exception {
        Vault vault = TestApps.createVault(home);
        TestApps.writeThreeKeys(vault); // Savings is READY, 2 of 3 on OFFICIAL_1..3
        Path folder = Files.createDirectories(home.resolve("nodes").resolve("OFFICIAL_2"));
        Files.writeString(
                folder.resolve("node.log"),
                "node OFFICIAL_2 listening on https://127.0.0.1:40123 (Ctrl-C stops it)\n" + LOG_LINE + "\n");
        Workspace ws = Workspace.open(home, vault);
        model = new ServersViewModel(() -> ws, new UiTasks(background, Platform::runLater));
        view = new ServersView(model, copied::add, backedUp::add);
        StyledStage.show(stage, view, 1080, 800);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
        background.shutdownNow();
    }

    @Test
    void aPickedServerShowsItsWholeProblemItsKeysAndItsLogAndStaysPickedOverARefresh(FxRobot robot) throws Exception {
        // the screen's own first check (no server exists yet in this home) settles before the rows are set
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        assertEquals(ServerDetailsView.HINT, text(robot, "#server-details-hint"));
        robot.interact(() -> model.servers().setAll(rows(false)));
        robot.clickOn(robot.lookup(".table-row-cell")
                .match((Node n) ->
                        n.lookup(".table-cell") instanceof TableCell<?, ?> c && "OFFICIAL_2".equals(c.getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#server-details-state").tryQuery().isPresent());
        assertEquals("Not answering: " + PROBLEM, text(robot, "#server-details-state"));
        assertEquals("https://127.0.0.1:40123", text(robot, "#server-details-url"));
        assertEquals(PIN, text(robot, "#server-details-cert"));
        assertEquals(
                "1 ready key holds a share on OFFICIAL_2 and can sign without it, with its other servers.",
                text(robot, "#server-details-keys"));
        String log = robot.lookup("#server-details-log").queryAs(TextArea.class).getText();
        assertTrue(log.endsWith(LOG_LINE), log);
        assertEquals(home.resolve("nodes").resolve("OFFICIAL_2").toString(), text(robot, "#server-details-folder"));

        Button copyAddress = robot.lookup(
                        (Node n) -> n instanceof CopyButton b && "Copy the address".equals(b.getAccessibleText()))
                .queryAs(Button.class);
        robot.interact(copyAddress::fire);
        assertEquals(List.of("https://127.0.0.1:40123"), copied);
        Button backUp = robot.lookup("#server-details-backup").queryButton();
        assertEquals("Back up OFFICIAL_2…", backUp.getText());
        assertFalse(backUp.isMnemonicParsing(), "the name's underscore is shown, not taken for a mnemonic");
        robot.interact(backUp::fire);
        assertEquals(List.of("OFFICIAL_2"), backedUp, "a local server is backed up on its own, by its name");

        // the page scrolls under long details; the buttons beneath stay in sight
        Button remove = robot.lookup("#servers-remove").queryButton();
        Bounds inView = view.sceneToLocal(remove.localToScene(remove.getBoundsInLocal()));
        assertTrue(inView.getMaxY() <= view.getHeight(), "Remove at " + inView + " in a view " + view.getHeight());
        Screenshots.save(robot, view, "servers-details");
        robot.interact(Theme.DARK::apply);
        Screenshots.save(robot, view, "servers-details-dark");
        robot.interact(Theme.LIGHT::apply);

        // a refresh replaces the rows: the same server stays picked and its details are read again
        robot.interact(() -> model.servers().setAll(rows(true)));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> text(robot, "#server-details-state")
                        .equals("Answering over its pinned TLS connection, in 9 ms."));
        @SuppressWarnings("unchecked")
        TableView<ServerStatus> table = robot.lookup("#servers-table").queryAs(TableView.class);
        assertEquals("OFFICIAL_2", table.getSelectionModel().getSelectedItem().name());

        // a server that is gone after a refresh takes its details with it
        robot.interact(() -> model.servers().setAll(rows(true).subList(0, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ServerDetailsView.HINT, text(robot, "#server-details-hint"));

        // a remote server has no folder, log or backup here: its operator keeps those
        ServerStatus remote = new ServerStatus("REMOTE_A", "https://10.0.0.7:7443", 4, PIN, false, true, 31L, null);
        robot.interact(() -> model.servers().setAll(List.of(rows(true).get(0), remote)));
        robot.interact(() -> table.getSelectionModel().select(remote));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#server-details-state").tryQuery().isPresent());
        assertEquals("https://10.0.0.7:7443", text(robot, "#server-details-url"));
        assertTrue(robot.lookup("#server-details-backup").tryQuery().isEmpty());
        assertTrue(robot.lookup("#server-details-log").tryQuery().isEmpty());
        assertTrue(robot.lookup("#server-details-folder").tryQuery().isEmpty());
    }

    private static List<ServerStatus> rows(boolean secondAnswers) {
        return List.of(
                new ServerStatus("OFFICIAL_1", "https://127.0.0.1:40121", 1, PIN, true, true, 4L, null),
                secondAnswers
                        ? new ServerStatus("OFFICIAL_2", "https://127.0.0.1:40123", 2, PIN, true, true, 9L, null)
                        : new ServerStatus("OFFICIAL_2", "https://127.0.0.1:40123", 2, PIN, true, false, null, PROBLEM),
                new ServerStatus("OFFICIAL_3", "https://127.0.0.1:40125", 3, PIN, true, true, 6L, null));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
