package io.keyshard.ui.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.client.Workspace;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeConfig;
import io.keyshard.node.NodeInitializer;
import io.keyshard.node.PeerEntries;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.StyledStage;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.common.UiTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Entries for remote servers": this computer's servers' entries, whole and without a secret, ready to copy. */
@ExtendWith(ApplicationExtension.class)
class LocalEntriesDialogTest {
    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        for (int k = 1; k <= 3; k++) {
            NodeInitializer.init(
                    home.resolve("nodes").resolve("OFFICIAL_" + k).resolve("data"),
                    new NodeConfig("OFFICIAL_" + k, k, 40_000 + k, "127.0.0.1", "127.0.0.1"),
                    new SecureRandom());
        }
        Workspace ws = Workspace.open(home, TestApps.createVault(home));
        ServersViewModel model = new ServersViewModel(() -> ws, new UiTasks(background, Platform::runLater));
        StyledStage.show(stage, new ServersView(model), 1080, 760);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void eachLocalServersEntryIsShownWholeWithoutAnApiKeyAndCopies(FxRobot robot) throws Exception {
        robot.clickOn("#cluster-entries");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#entry-OFFICIAL_3").tryQuery().isPresent());
        for (int k = 1; k <= 3; k++) {
            String json =
                    robot.lookup("#entry-OFFICIAL_" + k).queryAs(Label.class).getText();
            JsonNode entry = StrictJson.mapper().readTree(json);
            assertEquals("OFFICIAL_" + k, entry.get("name").asText());
            assertEquals(k, entry.get("id").asInt());
            assertFalse(json.contains("apiKey"), "an entry for another operator holds no API key");
            // what 'keyshard node peers add' on the remote server reads
            assertEquals(
                    "OFFICIAL_" + k,
                    PeerEntries.parse(json.getBytes(StandardCharsets.UTF_8)).name());
        }
        Window dialog = robot.window("This computer's servers, for a remote server");
        Screenshots.save(robot, dialog.getScene().getRoot(), "servers-local-entries");
        robot.clickOn("#copy-entry-OFFICIAL_2");
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertEquals(robot.lookup("#entry-OFFICIAL_2").queryAs(Label.class).getText(), copied);
        robot.clickOn("#local-entries-close");
        assertTrue(robot.lookup("#local-entries-dialog").tryQuery().isEmpty(), "Close closes it");
    }
}
