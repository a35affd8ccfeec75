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
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServersConfig;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.ShareCustody;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.wire.KeyState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * restore into a fresh home with the password; a password the backup rule refuses writes nothing. "Restore
 * the local servers" puts back a server whose folder was lost and keeps the ones still here.
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
        UUID keyId;
        try (Vault vault = TestApps.createVault(home);
                Workspace ws = Workspace.open(home, vault)) {
            GeneratedKey key = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.ED25519, 2, LocalCluster.NAMES))
                    .promise()
                    .join();
            assertEquals(KeyStatus.READY, key.record().status());
            keyId = key.keyId();
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

        // OFFICIAL_2's folder is lost; the cluster makes a fresh, empty one; the dialog puts the backup back
        // and keeps the two servers still here as they are
        cluster.stop();
        deleteTree(home.resolve("nodes").resolve("OFFICIAL_2"));
        cluster.start();
        Stage restoring = openRestore(robot, vm);
        robot.clickOn("#restore-file").write(folder.toString());
        robot.clickOn("#restore-password").write(PASSWORD);
        Screenshots.save(robot, restoring.getScene().getRoot(), "settings-restore-servers");
        robot.clickOn("#restore-servers-dialog-ok");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !restoring.isShowing());
        assertEquals(
                "Restored OFFICIAL_2 from " + folder + ". "
                        + Character.toUpperCase(LocalNodeBackup.SETUPS_NOTE.charAt(0))
                        + LocalNodeBackup.SETUPS_NOTE.substring(1) + ". OFFICIAL_1, OFFICIAL_3 were already here and "
                        + "kept as they are.",
                vm.restoreNoteProperty().get());
        assertTrue(cluster.ownsNodes(), "the servers run again after the restore");
        NodeConnection c = new NodeConnection(
                "OFFICIAL_2", ServersConfig.load(home).get("OFFICIAL_2"), LocalCluster.apiKey(home, "OFFICIAL_2"));
        try {
            assertEquals(
                    KeyState.READY,
                    c.keyStatus(keyId, Duration.ofSeconds(20)).join().status(),
                    "the restored server holds its share of the key again");
        } finally {
            c.wipe();
        }

        // one server alone, as the Servers screen offers it: its own file, password and place
        ServerBackupViewModel one = new ServerBackupViewModel(
                home, cluster, new UiTasks(background, Platform::runLater), List.of("OFFICIAL_3"));
        Path apart = tmp.resolve("elsewhere");
        String otherPassword = "another long phrase for the third server 42";
        Stage single = open(robot, one);
        assertEquals("Back up OFFICIAL_3", single.getTitle());
        assertEquals(
                ShareCustody.oneServerBackup("OFFICIAL_3"),
                robot.lookup("#backup-custody").queryAs(Label.class).getText(),
                "one server's file is not said to hold every share");
        robot.interact(
                () -> robot.lookup("#backup-file").queryAs(TextField.class).setText(apart.toString()));
        robot.clickOn("#backup-password").write(otherPassword);
        robot.clickOn("#backup-confirm").write(otherPassword);
        robot.clickOn("#backup-export");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !single.isShowing());
        try (Stream<Path> files = Files.list(apart)) {
            assertEquals(List.of(apart.resolve("OFFICIAL_3" + LocalNodeBackup.SUFFIX)), files.toList());
        }
        assertEquals(
                "Backed up OFFICIAL_3 to " + apart + ".", one.noteProperty().get());
        List<LocalNodeBackup.Restored> third = LocalNodeBackup.restore(
                tmp.resolve("fresh-third"), LocalNodeBackup.filesIn(apart, null), otherPassword.toCharArray());
        assertEquals("OFFICIAL_3", third.get(0).name());
        assertTrue(cluster.ownsNodes(), "the servers run again after one server's backup");
    }

    private Stage openRestore(FxRobot robot, ServerBackupViewModel vm) {
        Window owner = stage;
        Stage[] dialog = new Stage[1];
        robot.interact(() -> dialog[0] = RestoreDialog.showServers(owner, vm));
        return dialog[0];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Stage open(FxRobot robot, ServerBackupViewModel vm) {
        Window owner = stage;
        Stage[] dialog = new Stage[1];
        robot.interact(() -> dialog[0] = BackupDialog.showServers(owner, vm));
        return dialog[0];
    }
}
