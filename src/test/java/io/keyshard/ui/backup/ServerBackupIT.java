package io.keyshard.ui.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.LocalNodeBackup;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/**
 * Settings' "Back up the local servers" against real node processes: the dialog writes one sealed file
 * per local server into a new folder, the servers the app started run again afterwards, and the files
 * restore into a fresh home with the password; a password the backup rule refuses writes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ServerBackupIT {
    private static final String PASSWORD = "server backup phrase 7";

    @TempDir
    Path tmp;

    private Stage stage;
    private LocalClusterControl cluster;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new Label(), 700, 500);
        scene.getStylesheets().add(AppWindow.class.getResource("keyshard.css").toExternalForm());
        Theme.LIGHT.apply();
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theDialogBacksUpEveryLocalServerAndTheServersRunAgain(FxRobot robot) throws Exception {
        Path home = tmp.resolve("home");
        cluster = new LocalClusterControl(home);
        cluster.start();
        try (Vault vault = TestApps.createVault(home);
                Workspace ws = Workspace.open(home, vault)) {
            GeneratedKey key = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.ED25519, 2, LocalCluster.NAMES))
                    .promise()
                    .join();
            assertEquals(KeyStatus.READY, key.record().status());
        }
        ServerBackupViewModel vm =
                new ServerBackupViewModel(home, cluster, new UiTasks(background, Platform::runLater));
        Path folder = tmp.resolve("backups").resolve("servers");

        // a password the backup rule refuses: said in the dialog, nothing written, the servers untouched
        Stage dialog = open(robot, vm);
        robot.interact(
                () -> robot.lookup("#backup-file").queryAs(TextField.class).setText(folder.toString()));
        robot.clickOn("#backup-password").write("short");
        robot.clickOn("#backup-confirm").write("short");
        robot.clickOn("#backup-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#backup-error").queryAs(Label.class).getText().isEmpty());
        assertTrue(Files.notExists(folder), "a refused password writes nothing");
        assertTrue(cluster.ownsNodes(), "the servers were not stopped for a refused password");
        robot.interact(dialog::close);

        dialog = open(robot, vm);
        robot.interact(
                () -> robot.lookup("#backup-file").queryAs(TextField.class).setText(folder.toString()));
        robot.clickOn("#backup-password").write(PASSWORD);
        robot.clickOn("#backup-confirm").write(PASSWORD);
        Screenshots.save(robot, dialog.getScene().getRoot(), "settings-backup-servers");
        robot.clickOn("#backup-export");
        Stage shown = dialog;
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !shown.isShowing());
        for (String name : LocalCluster.NAMES) {
            assertTrue(Files.isRegularFile(folder.resolve(name + LocalNodeBackup.SUFFIX)), name);
        }
        assertEquals(
                "Backed up 3 local servers to " + folder + ".",
                vm.noteProperty().get());
        assertTrue(cluster.ownsNodes(), "the servers the app started run again");
        assertEquals(LocalClusterControl.State.RUNNING, cluster.state());

        Path fresh = tmp.resolve("fresh");
        List<LocalNodeBackup.Restored> restored =
                LocalNodeBackup.restore(fresh, LocalNodeBackup.filesIn(folder, null), PASSWORD.toCharArray());
        assertEquals(3, restored.size());
        for (LocalNodeBackup.Restored r : restored) {
            assertTrue(Files.isDirectory(r.folder().resolve("data")), r.name() + " comes back with its data");
        }
    }

    private Stage open(FxRobot robot, ServerBackupViewModel vm) {
        Window owner = stage;
        Stage[] dialog = new Stage[1];
        robot.interact(() -> dialog[0] = BackupDialog.showServers(owner, vm));
        return dialog[0];
    }
}
