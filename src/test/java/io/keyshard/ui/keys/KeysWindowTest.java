package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.AppModel;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.session.AppSettings;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
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

/** The Keys place in the real window, on keys written with the real vault API (READY, PENDING, FAILED). */
@ExtendWith(ApplicationExtension.class)
class KeysWindowTest {
    @TempDir
    Path home;

    private AppWindow window;
    private List<KeyRecord> written;
    private final List<KeyRecord> shownAddresses = new ArrayList<>();
    private final List<KeyRecord> signedWith = new ArrayList<>();
    private int newKeyClicks;

    @Start
    void start(Stage stage) {
        AppModel model = TestApps.fxModel(home);
        Vault vault = TestApps.createVault(home);
        written = TestApps.writeThreeKeys(vault);
        model.keys().showAddressesActionProperty().set(shownAddresses::add);
        model.keys().signActionProperty().set(signedWith::add);
        model.keys().newKeyActionProperty().set(() -> newKeyClicks++);
        window = TestApps.showOn(stage, model, vault, 1180, 760);
    }

    @AfterEach
    void lock(FxRobot robot) {
        robot.interact(() -> window.model().session().lock());
    }

    @Test
    void tableSearchSortDetailsAndCopy(FxRobot robot) throws Exception {
        TableView<KeyRecord> table = table(robot);
        waitUntil(() -> table.getItems().size() == 3);
        assertEquals(List.of("Savings", "Solana hot", "Taproot test"), labels(table));
        assertEquals("3 keys", text(robot, "#key-count"));
        Screenshots.save(robot, window.root(), "keys-table");

        // Sort: Curve ascending puts ED25519 first; a second click reverses.
        robot.clickOn(robot.lookup(".column-header")
                .lookup((Node n) -> n instanceof Label l && "Curve".equals(l.getText()))
                .queryAs(Label.class));
        assertEquals(List.of("Solana hot", "Savings", "Taproot test"), labels(table));
        robot.clickOn(robot.lookup(".column-header")
                .lookup((Node n) -> n instanceof Label l && "Curve".equals(l.getText()))
                .queryAs(Label.class));
        assertEquals(List.of("Taproot test", "Savings", "Solana hot"), labels(table));

        // Search from the keyboard: Ctrl+F, type, and the table narrows.
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertTrue(focused("key-search"));
        robot.write("pend");
        assertEquals(List.of("Solana hot"), labels(table));
        assertEquals("1 of 3 keys", text(robot, "#key-count"));
        robot.type(KeyCode.DOWN); // into the table, first match selected
        assertTrue(focused("keys-table"));
        assertEquals(written.get(1), window.model().keys().selectedProperty().get());
        assertTrue(robot.lookup("#resolve-now").query().isVisible(), "a PENDING key offers Resolve now");
        assertTrue(text(robot, "#details-status").startsWith("Pending: the servers have not confirmed"));
        Screenshots.save(robot, window.root(), "keys-pending");

        robot.clickOn("#key-search").eraseText(4).write("no such key");
        assertEquals(0, table.getItems().size());
        assertTrue(robot.lookup("#no-match").query().isVisible());
        robot.eraseText(11).write(written.get(2).keyId().toString().substring(0, 8));
        assertEquals(List.of("Taproot test"), labels(table));
        robot.interact(() -> table.getSelectionModel().select(0));
        assertTrue(text(robot, "#details-status").contains("did not answer round 2"), "a FAILED key says why");
        assertTrue(robot.lookup("#retry-key").query().isVisible());
        Screenshots.save(robot, window.root(), "keys-failed");
        robot.clickOn("#retry-key");
        assertEquals(1, newKeyClicks, "Create it again opens the wizard hook");

        // Details of the READY key: keyId, copy to the system clipboard, Show addresses.
        robot.clickOn("#key-search").type(KeyCode.ESCAPE);
        assertEquals("", window.model().keys().searchProperty().get(), "Escape clears the search");
        assertEquals(3, table.getItems().size());
        robot.clickOn(cell(robot, "Savings"));
        KeyRecord savings = written.get(0);
        assertEquals(savings, window.model().keys().selectedProperty().get());
        assertEquals(savings.keyId().toString(), text(robot, "#details-key-id"));
        assertEquals(savings.rootPublicKey(), text(robot, "#details-root-key"));
        assertTrue(
                text(robot, "#details-backup").startsWith("In the automatic backup of"),
                text(robot, "#details-backup"));
        robot.clickOn("#copy-key-id");
        assertEquals(savings.keyId().toString(), systemClipboard(robot));
        assertTrue(text(robot, "#keys-notice").contains("after 30 s"));
        Screenshots.save(robot, window.root(), "keys-ready");
        robot.clickOn("#show-addresses");
        assertEquals(List.of(savings), shownAddresses);

        // Locking takes the copied keyId off the clipboard and the keys off the screen.
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.root().overlayShowingProperty().get());
        assertTrue(table.getItems().isEmpty());
        assertFalse(savings.keyId().toString().equals(systemClipboard(robot)));
    }

    @Test
    void aReadyKeyOpensOnDoubleClickOrEnterAndSignsFromItsDetails(FxRobot robot) throws Exception {
        TableView<KeyRecord> table = table(robot);
        waitUntil(() -> table.getItems().size() == 3);
        KeyRecord savings = written.get(0);
        KeyRecord pending = written.get(1);
        robot.doubleClickOn(cell(robot, "Savings"));
        assertEquals(List.of(savings), shownAddresses, "a double click opens a READY key's addresses");
        robot.type(KeyCode.ENTER);
        assertEquals(List.of(savings, savings), shownAddresses, "so does Enter on it");
        robot.clickOn("#sign-with-key");
        assertEquals(List.of(savings), signedWith, "Sign... opens the key's Sign stage");
        robot.doubleClickOn(cell(robot, "Solana hot"));
        robot.type(KeyCode.ENTER);
        assertEquals(pending, window.model().keys().selectedProperty().get());
        assertEquals(2, shownAddresses.size(), "a PENDING key has no addresses to open");
        assertTrue(robot.lookup("#sign-with-key").tryQuery().isEmpty(), "nor anything to sign with");
    }

    private static Node cell(FxRobot robot, String label) {
        return robot.lookup(".table-cell")
                .lookup((Node n) -> n instanceof Labeled l && label.equals(l.getText()))
                .query();
    }

    @Test
    void aKeyWithoutALabelIsListedSearchedAndShown(FxRobot robot) throws Exception {
        TableView<KeyRecord> table = table(robot);
        waitUntil(() -> table.getItems().size() == 3);
        robot.interact(() -> {
            TestApps.writeUnlabelledKeys(window.model().session().vault());
            window.model().session().fireKeysChanged();
        });
        waitUntil(() -> table.getItems().size() == 5);
        robot.clickOn("#key-search").write("ed25519");
        waitUntil(() -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().select(1));
        assertEquals("", window.model().keys().selectedProperty().get().label());
        assertEquals(KeyRecord.NO_LABEL, text(robot, "#details-label"));
        Screenshots.save(robot, window.root(), "keys-unlabelled");
    }

    @Test
    void aKeyIsRenamedInItsDetails(FxRobot robot) throws Exception {
        TableView<KeyRecord> table = table(robot);
        waitUntil(() -> table.getItems().size() == 3);
        robot.interact(() -> window.model().keys().selectedProperty().set(written.get(0)));
        robot.clickOn("#rename-key");
        robot.interact(
                () -> robot.lookup("#rename-field").queryAs(TextField.class).setText("Cold storage"));
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            robot.interact(() -> {
                window.root().getScene().getWindow().setWidth(size[0]);
                window.root().getScene().getWindow().setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(robot, window.root(), "keys-rename-" + size[0]);
        }
        robot.clickOn("#rename-field").type(KeyCode.ENTER);
        // the title comes back only once the rename is stored, so it may be absent for a moment
        waitUntil(() -> robot.lookup("#details-label")
                .tryQuery()
                .map(n -> "Cold storage".equals(((Label) n).getText()))
                .orElse(false));
        assertEquals(
                "Cold storage",
                window.model()
                        .session()
                        .workspace()
                        .key(written.get(0).keyId())
                        .orElseThrow()
                        .label());
        assertEquals(
                written.get(0).keyId(),
                window.model().keys().selectedProperty().get().keyId());
        assertEquals("Renamed to Cold storage.", text(robot, "#keys-notice"));
        Screenshots.save(robot, window.root(), "keys-renamed");
    }

    @Test
    void settingsAreChangedFromTheKeyboardAndSaved(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, window.root(), "settings");
        robot.clickOn("#clear-clipboard");
        assertFalse(AppSettings.load(home).clearClipboard(), "saved to settings.json at once");
        robot.clickOn("#auto-lock-never");
        assertEquals(0, AppSettings.load(home).autoLockMinutes());
        assertEquals(null, window.model().session().autoLockAfterProperty().get());
        robot.clickOn("#auto-lock-never");
        robot.interact(() -> window.model().settings().autoLockMinutesProperty().set(3));
        assertEquals(3, AppSettings.load(home).autoLockMinutes());
        assertEquals(
                Duration.ofMinutes(3),
                window.model().session().autoLockAfterProperty().get());
        robot.clickOn("#lock-now");
        assertTrue(window.root().overlayShowingProperty().get());
    }

    @SuppressWarnings("unchecked")
    private static TableView<KeyRecord> table(FxRobot robot) {
        return robot.lookup("#keys-table").queryAs(TableView.class);
    }

    private static List<String> labels(TableView<KeyRecord> table) {
        return table.getItems().stream().map(KeyRecord::label).toList();
    }

    private boolean focused(String id) {
        Node owner = window.scene().getFocusOwner();
        return owner != null && id.equals(owner.getId());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String systemClipboard(FxRobot robot) {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
        return text.get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
