package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.KeyHealth;
import io.keyshard.client.KeyHealth.ServerShare;
import io.keyshard.client.KeyHealth.Share;
import io.keyshard.ui.AppModel;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
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
 * The Keys table's Health column in the real window: "Checking…" on READY keys while the check runs
 * off the FX thread, then each key's state with a tooltip naming the server that lost its share; the
 * toolbar button checks again. The servers' answers are given, so no node is needed.
 */
@ExtendWith(ApplicationExtension.class)
class KeyHealthColumnTest {
    @TempDir
    Path home;

    private AppWindow window;
    private List<KeyRecord> written;
    private final CountDownLatch answer = new CountDownLatch(1);
    private final AtomicInteger asked = new AtomicInteger();

    @Start
    void start(Stage stage) {
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        written = TestApps.writeKeysWithAnUnlabelledOne(vault);
        KeyRecord savings = written.get(0);
        KeyRecord unlabelled = written.get(3);
        model.keys().health().sourceProperty().set(ws -> {
            asked.incrementAndGet();
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(
                    new KeyHealth(
                            savings.keyId(),
                            savings.displayLabel(),
                            2,
                            KeyHealth.State.DEGRADED,
                            List.of(
                                    new ServerShare("OFFICIAL_1", Share.HELD, "holds its share"),
                                    new ServerShare("OFFICIAL_2", Share.LOST, "does not know this key (404)"),
                                    new ServerShare("OFFICIAL_3", Share.HELD, "holds its share"))),
                    new KeyHealth(
                            unlabelled.keyId(),
                            unlabelled.displayLabel(),
                            2,
                            KeyHealth.State.HEALTHY,
                            List.of(
                                    new ServerShare("OFFICIAL_1", Share.HELD, "holds its share"),
                                    new ServerShare("OFFICIAL_2", Share.HELD, "holds its share"))));
        });
        window = TestApps.showOn(stage, model, vault, 1280, 800);
    }

    @AfterEach
    void lock(FxRobot robot) {
        answer.countDown();
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void theColumnSaysCheckingThenNamesTheServerThatLostItsShare(FxRobot robot) throws Exception {
        waitUntil(() -> cell(robot, written.get(0)) != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Not checked", shown(robot, written.get(0)), "nothing is asked until the check runs");
        assertNull(shown(robot, written.get(1)), "a PENDING key has no shares to check");

        robot.clickOn("#check-health");
        waitUntil(() -> "Checking…".equals(shown(robot, written.get(0))));
        assertTrue(robot.lookup("#check-health").query().isDisabled(), "one check at a time");
        assertTrue(window.model().keys().health().checkingProperty().get());

        answer.countDown();
        waitUntil(() -> "Degraded".equals(shown(robot, written.get(0))));
        assertEquals("Healthy", shown(robot, written.get(3)));
        assertEquals(1, asked.get());
        TableCell<?, ?> degraded = cell(robot, written.get(0));
        assertNotNull(degraded.getTooltip(), "the cell explains itself");
        String tip = degraded.getTooltip().getText();
        assertTrue(tip.contains("OFFICIAL_2 lost its share"), tip);
        assertTrue(tip.contains("no further loss can be borne"), tip);
        assertTrue(tip.contains("OFFICIAL_2: lost (does not know this key (404))"), tip);
        assertFalse(robot.lookup("#check-health").query().isDisabled());
        Screenshots.save(robot, window.root(), "keys-health-1280-light");

        robot.interact(() -> window.model().settings().themeProperty().set(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, window.root(), "keys-health-1280-dark");
        robot.interact(() -> window.model().settings().themeProperty().set(Theme.LIGHT));

        robot.clickOn("#check-health");
        waitUntil(() -> asked.get() == 2
                && !window.model().keys().health().checkingProperty().get());
        assertEquals("Degraded", shown(robot, written.get(0)), "checked again on request");
    }

    /** The health cell's text, read on the FX thread; null while the table rebuilds its cells. */
    private static String shown(FxRobot robot, KeyRecord key) {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> {
            TableCell<?, ?> c = cell(robot, key);
            text.set(c == null ? null : c.getText());
        });
        return text.get();
    }

    private static TableCell<?, ?> cell(FxRobot robot, KeyRecord key) {
        for (Node n : robot.lookup("#keys-table .table-row-cell").queryAll()) {
            if (n instanceof TableRow<?> row
                    && row.getItem() instanceof KeyRecord k
                    && key.keyId().equals(k.keyId())) {
                for (Node c : row.lookupAll(".table-cell")) {
                    if (c instanceof TableCell<?, ?> tc
                            && tc.getTableColumn() != null
                            && "col-health".equals(tc.getTableColumn().getId())) {
                        return tc;
                    }
                }
            }
        }
        return null;
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
