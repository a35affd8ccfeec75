package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.cli.CliHarness;
import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.ServerCredentials;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.hostile.SecretScanner;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeEntry;
import io.keyshard.node.NodeServer;
import io.keyshard.node.TestNode;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.servers.ServersView;
import io.keyshard.ui.servers.ServersViewModel;
import io.keyshard.ui.wizard.NewKeyViewModel;
import io.keyshard.ui.wizard.NewKeyViewModel.Step;
import io.keyshard.ui.wizard.NewKeyWizard;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultBackup;
import io.keyshard.vault.VaultFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard, Pipeline and Servers screens against the real embedded local cluster (started once for the class in a temp
 * home) and a real vault: the New key wizard end to end, cancel, a stopped server and Retry, the
 * Servers screen, and the Pipeline compared with {@code keyshard derive}. Every screen is snapshotted.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppScreensIT {
    static Path home;
    static Path julFile;
    static java.util.logging.FileHandler julHandler;
    static long startedMillis;
    static Vault vault;
    static LocalClusterControl cluster;
    static Workspace workspace;
    static ExecutorService pool;
    static UiTasks tasks;
    static TestNode remote;
    static KeyRecord secpKey;
    static KeyRecord edKey;
    private Stage stage;
    private final ValueCopier copier = ValueCopier.systemClipboard();

    @BeforeAll
    static void startCluster() throws Exception {
        startedMillis = System.currentTimeMillis();
        home = Files.createTempDirectory("keyshard-ui-it");
        verboseLogging();
        vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        cluster = new LocalClusterControl(home);
        long t0 = System.nanoTime();
        cluster.start();
        workspace = Workspace.open(home, vault, cluster);
        System.out.printf("local cluster started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "it-background");
            t.setDaemon(true);
            return t;
        });
        tasks = new UiTasks(pool, Platform::runLater);
    }

    /** java.util.logging at ALL into a file for the whole class: the last test searches it for secrets. */
    private static void verboseLogging() throws Exception {
        julFile = Files.createDirectories(home.resolve("logs")).resolve("wizard-jul.log");
        julHandler = new java.util.logging.FileHandler(julFile.toString());
        julHandler.setLevel(java.util.logging.Level.ALL);
        julHandler.setFormatter(new java.util.logging.SimpleFormatter());
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.ALL);
        root.addHandler(julHandler);
    }

    @AfterAll
    static void stopCluster() {
        java.util.logging.Logger.getLogger("").removeHandler(julHandler);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        julHandler.close();
        workspace.close();
        cluster.close();
        if (remote != null) {
            remote.close();
        }
        vault.close();
        pool.shutdownNow();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new Label(), 900, 700);
        scene.getStylesheets().add(AppWindow.class.getResource("keyshard.css").toExternalForm());
        Theme.LIGHT.apply();
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, Parent root) {
        robot.interact(() -> stage.getScene().setRoot(root));
    }

    private NewKeyViewModel wizard(FxRobot robot) {
        NewKeyViewModel vm = new NewKeyViewModel(workspace, tasks);
        robot.interact(() -> show(robot, new NewKeyWizard(vm, copier, () -> { })));
        return vm;
    }

    /** Waits for background work; generous, because 2 shared cores can be very slow (timings are reported, not asserted). */
    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        waitFor(seconds, condition, () -> "");
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition,
            java.util.function.Supplier<String> state) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds * 3L, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; " + state.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void serversChecked(NewKeyViewModel vm) throws Exception {
        waitFor(60, () -> !vm.servers().isEmpty() && vm.servers().stream().allMatch(c -> c.statusProperty().get() != null),
                () -> vm.serversNoteProperty().get());
    }

    private static String clipboard(FxRobot robot) {
        AtomicReference<String> s = new AtomicReference<>();
        robot.interact(() -> s.set(Clipboard.getSystemClipboard().getString()));
        return s.get();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    @Order(2)
    void wizardCreatesASecp256k1KeyAndExportsABackup(FxRobot robot) throws Exception {
        NewKeyViewModel vm = wizard(robot);
        robot.clickOn("#curve-SECP256k1");
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-1-curve");
        robot.clickOn("#wizard-next");
        serversChecked(vm);
        assertEquals(List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                vm.chosen().stream().map(c -> c.name()).toList(), "the local cluster is offered and chosen");
        assertTrue(text(robot, "#health-OFFICIAL_1").startsWith("ok, "), text(robot, "#health-OFFICIAL_1"));
        assertEquals("Any 2 of these 3 servers can sign; one alone cannot. Up to 1 server may be down or lost.",
                text(robot, "#threshold-sentence"));
        robot.clickOn("#key-label").write("Treasury");
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-2-servers");
        robot.clickOn("#wizard-next");
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-3-review");
        robot.clickOn("#wizard-next");
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-4-generating");
        waitFor(90, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(Step.SAVED, vm.stepProperty().get(), vm.generation().failureProperty().get());
        System.out.printf("wizard keygen SECP256k1 2-of-3: %d ms%n", vm.generation().elapsedMsProperty().get());
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-5-saved");

        String keyId = text(robot, "#saved-key-id");
        KeyRecord stored = vault.get(UUID.fromString(keyId)).orElseThrow();
        assertEquals(KeyStatus.READY, stored.status());
        assertEquals("Treasury", stored.label());
        assertEquals(CurveName.SECP256K1, stored.curve());
        assertEquals(2, stored.threshold());
        secpKey = stored;
        robot.clickOn("#copy-key-id");
        assertEquals(keyId, clipboard(robot));

        robot.clickOn("#export-backup");
        Path backup = home.resolve("wizard-backup.ksbackup");
        robot.interact(() -> robot.lookup("#backup-file").queryAs(TextInputControl.class).setText(backup.toString()));
        robot.clickOn("#backup-password").write("backup secret 1");
        robot.clickOn("#backup-confirm").write("backup secret 2");
        robot.type(KeyCode.ENTER);
        waitFor(20, () -> !text(robot, "#backup-error").isEmpty());
        assertTrue(text(robot, "#backup-error").contains("differ"));
        Screenshots.save(robot, robot.lookup("#backup-dialog").query(), "wizard-backup-dialog");
        assertFalse(Files.exists(backup));
        robot.interact(() -> robot.lookup("#backup-confirm").queryAs(TextInputControl.class).setText("backup secret 1"));
        robot.clickOn("#backup-export");
        waitFor(30, () -> Files.exists(backup) && !text(robot, "#backup-note").isEmpty());
        assertEquals(vault.list().stream().map(KeyRecord::keyId).collect(java.util.stream.Collectors.toSet()),
                VaultBackup.read(backup, "backup secret 1".toCharArray()).stream().map(KeyRecord::keyId)
                        .collect(java.util.stream.Collectors.toSet()), "the backup holds every key, this one included");
    }

    @Test
    @Order(1)
    void wizardCreatesAnEd25519KeyWithTheKeyboardAlone(FxRobot robot) throws Exception {
        NewKeyViewModel vm = wizard(robot);
        robot.clickOn("#curve-ED25519");
        robot.type(KeyCode.ENTER);
        serversChecked(vm);
        robot.type(KeyCode.ENTER);
        assertEquals(Step.REVIEW, vm.stepProperty().get());
        robot.type(KeyCode.ENTER);
        waitFor(120, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(Step.SAVED, vm.stepProperty().get(), vm.generation().failureProperty().get());
        System.out.printf("wizard keygen ED25519 2-of-3: %d ms%n", vm.generation().elapsedMsProperty().get());
        edKey = vault.get(vm.generation().resultProperty().get().keyId()).orElseThrow();
        assertEquals(KeyStatus.READY, edKey.status());
        assertEquals(CurveName.ED25519, edKey.curve());
        robot.type(KeyCode.ESCAPE); // Close: nothing left running
    }

    @Test
    @Order(3)
    void pipelineValuesEqualKeyshardDerive(FxRobot robot) throws Exception {
        new PipelineChecks(robot, stage, workspace, tasks, copier).check(secpKey, "evm", 5, "pipeline-evm");
        new PipelineChecks(robot, stage, workspace, tasks, copier).check(edKey, "solana", 3, "pipeline-solana");
    }

    @Test
    @Order(4)
    void cancelDuringGenerationLeavesNoPendingRecord(FxRobot robot) throws Exception {
        List<UUID> before = vault.list().stream().map(KeyRecord::keyId).toList();
        NewKeyViewModel vm = wizard(robot);
        robot.clickOn("#curve-ED448");
        robot.clickOn("#wizard-next");
        serversChecked(vm);
        robot.clickOn("#wizard-next");
        // A keygen takes tens of milliseconds now, less than a click. Holding the vault's lock keeps the
        // generation from writing its PENDING record, which it must have before round 3, so the cancel
        // surely lands while the generation runs; the lock is let go once cancel was asked.
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (vault) {
                held.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "test-vault-holder");
        holder.start();
        held.await();
        try {
            robot.clickOn("#wizard-next");
            waitFor(30, () -> vm.stepProperty().get() == Step.GENERATING);
            robot.clickOn("#wizard-cancel");
        } finally {
            release.countDown();
            holder.join();
        }
        waitFor(60, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(Step.FAILED, vm.stepProperty().get());
        assertTrue(text(robot, "#failure-message").startsWith("Cancelled."), text(robot, "#failure-message"));
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-cancelled");
        List<KeyRecord> added = vault.list().stream().filter(r -> !before.contains(r.keyId())).toList();
        assertEquals(1, added.size(), "the cancelled attempt reached the vault: " + added);
        assertEquals(KeyStatus.FAILED, added.get(0).status(), added.toString());
        assertTrue(vault.findPending().isEmpty(), "no dangling PENDING record");
    }

    @Test
    @Order(5)
    void serversScreenShowsHealthAndAddsARemoteServerFromItsEntry(FxRobot robot) throws Exception {
        ServersViewModel vm = new ServersViewModel(() -> workspace, tasks);
        robot.interact(() -> show(robot, new ServersView(vm)));
        waitFor(30, () -> vm.servers().size() == 3 && vm.servers().stream().allMatch(s -> s.ok()),
                () -> vm.servers() + " " + vm.errorProperty().get());
        assertTrue(text(robot, "#cluster-state").contains("running"));
        Screenshots.save(robot, stage.getScene().getRoot(), "servers");

        remote = new TestNode(home.resolve("remote-a"), "REMOTE_A", 31, Duration.ofMinutes(10));
        robot.clickOn("#servers-add");
        robot.clickOn("#server-entry").write("{\"name\": \"REMOTE_A\", \"id\": 31");
        robot.clickOn("#server-entry-add");
        waitFor(20, () -> !text(robot, "#server-entry-error").isEmpty());
        assertTrue(text(robot, "#server-entry-error").contains("ends too early"),
                text(robot, "#server-entry-error"));
        Screenshots.save(robot, robot.lookup("#add-server-dialog").query(), "servers-add-error");
        assertFalse(Files.readString(home.resolve("servers.json")).contains("REMOTE_A"), "nothing written");

        // node init prints the port it was configured with; this in-process node listens on a free one
        String entry = StrictJson.pretty().writeValueAsString(new NodeEntry(remote.entry.name(), remote.entry.id(),
                remote.url(), remote.entry.certSha256(), remote.entry.apiKey()));
        robot.interact(() -> robot.lookup("#server-entry").queryAs(TextArea.class).setText(entry));
        robot.clickOn("#server-entry-add");
        waitFor(30, () -> vm.servers().stream().anyMatch(s -> s.name().equals("REMOTE_A") && s.ok()),
                () -> vm.servers() + " " + vm.errorProperty().get() + " " + vm.messageProperty().get());
        assertTrue(vault.getSecret(ServerCredentials.secretName("REMOTE_A")).isPresent(), "API key sealed in the vault");
        assertFalse(Files.readString(home.resolve("servers.json")).contains(remote.entry.apiKey()),
                "no API key in servers.json");
        Screenshots.save(robot, stage.getScene().getRoot(), "servers-with-remote");
    }

    @Test
    @Order(6)
    void aStoppedServerIsNamedAndRetrySucceedsOnceItIsBack(FxRobot robot) throws Exception {
        NewKeyViewModel vm = wizard(robot);
        robot.clickOn("#wizard-next");
        serversChecked(vm);
        robot.clickOn("#server-OFFICIAL_3");
        robot.clickOn("#server-REMOTE_A");
        assertTrue(robot.lookup("#server-REMOTE_A").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#wizard-next");
        int port = remote.server.port();
        remote.stop();
        robot.clickOn("#wizard-next");
        waitFor(90, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(Step.FAILED, vm.stepProperty().get());
        assertEquals("REMOTE_A", vm.generation().failedServerProperty().get());
        assertTrue(text(robot, "#failure-message").startsWith("Server REMOTE_A failed:"), text(robot, "#failure-message"));
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-failed");
        assertTrue(vault.findPending().isEmpty());

        remote.server = NodeServer.start(remote.data, port, Duration.ofMinutes(10));
        robot.clickOn("#wizard-retry");
        waitFor(90, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(Step.SAVED, vm.stepProperty().get(), vm.generation().failureProperty().get());
        KeyRecord made = vault.get(vm.generation().resultProperty().get().keyId()).orElseThrow();
        assertEquals(KeyStatus.READY, made.status());
        assertEquals(List.of("OFFICIAL_1", "OFFICIAL_2", "REMOTE_A"), made.servers());
        assertTrue(vault.findPending().isEmpty(), "the failed attempt left no PENDING record");
    }

    @Test
    @Order(7)
    void removingARemoteServerAsksFirst(FxRobot robot) throws Exception {
        ServersViewModel vm = new ServersViewModel(() -> workspace, tasks);
        robot.interact(() -> show(robot, new ServersView(vm)));
        waitFor(30, () -> vm.servers().size() == 4);
        @SuppressWarnings("unchecked")
        TableView<io.keyshard.client.ServerStatus> table = robot.lookup("#servers-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(3));
        robot.clickOn("#servers-remove");
        Screenshots.save(robot, robot.lookup("#remove-server-confirm").query(), "servers-remove-confirm");
        robot.clickOn(robot.from(robot.lookup("#remove-server-confirm").queryParent()).lookup(".button")
                .queryAllAs(javafx.scene.control.Button.class).stream().filter(b -> "Remove".equals(b.getText()))
                .findFirst().orElseThrow());
        waitFor(30, () -> vm.servers().size() == 3);
        assertTrue(vault.getSecret(ServerCredentials.secretName("REMOTE_A")).isEmpty());
        JsonNode servers = StrictJson.mapper().readTree(home.resolve("servers.json").toFile());
        assertFalse(servers.has("REMOTE_A"));
        assertTrue(CliHarness.run("--home", home.toString(), "servers", "list", "--json").out().contains("OFFICIAL_1"));
    }

    @Test
    @Order(8)
    void resolveNowOnTheKeysScreenSettlesAKeyTheServersNeverStarted(FxRobot robot) throws Exception {
        // The app died after writing the PENDING record and before any server heard of the key.
        KeyRecord orphan = KeyRecord.pending(UUID.randomUUID(), "Interrupted",
                CurveName.SECP256K1, 2, List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        vault.createPending(orphan);
        AppModel model = TestApps.fxModel(home);
        AppWindow window = new AppWindow(model);
        AtomicReference<Stage> appStage = new AtomicReference<>();
        robot.interact(() -> {
            model.session().unlocked(vault);
            appStage.set(new Stage());
            window.install(appStage.get());
            appStage.get().setWidth(1180);
            appStage.get().setHeight(760);
            appStage.get().show();
        });
        @SuppressWarnings("unchecked")
        TableView<KeyRecord> table = robot.lookup("#keys-table").queryAs(TableView.class);
        waitFor(30, () -> table.getItems().stream().anyMatch(k -> k.keyId().equals(orphan.keyId())));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(k -> k.keyId().equals(orphan.keyId())).findFirst().orElseThrow()));
        Screenshots.save(robot, window.root(), "keys-pending-before-resolve");
        robot.clickOn("#resolve-now");
        waitFor(60, () -> vault.get(orphan.keyId()).orElseThrow().status() != KeyStatus.PENDING);
        KeyRecord after = vault.get(orphan.keyId()).orElseThrow();
        assertEquals(KeyStatus.FAILED, after.status(), "no server holds it: the record is settled as FAILED");
        assertTrue(after.failureReason().contains("unknown"), after.failureReason());
        assertTrue(vault.findPending().isEmpty(), "no PENDING record is left");
        waitFor(30, () -> String.valueOf(model.keys().noticeProperty().get()).startsWith("Resolved"));
        assertEquals("Resolved: 0 ready, 1 failed, 0 still waiting.", model.keys().noticeProperty().get());
        waitFor(30, () -> table.getItems().stream().anyMatch(k -> k.keyId().equals(orphan.keyId())
                && k.status() == KeyStatus.FAILED));
        Screenshots.save(robot, window.root(), "keys-resolved");
        robot.interact(() -> appStage.get().close());
    }

    @Test
    @Order(9)
    void noSecretOfTheWizardFlowReachesALogOrATempFile() throws Exception {
        julHandler.flush();
        assertTrue(Files.size(julFile) > 0, "verbose logging was on while the wizard, pipeline and servers ran");
        SecretScanner scanner = new SecretScanner().text("PASSWORD", "vault", new String(VaultFixtures.pw()))
                .text("PASSWORD", "backup", "backup secret 1");
        try (Vault reopened = Vault.open(home, VaultFixtures.pw())) { // the window's close locked the session
            reopened.list().forEach(k -> scanner.text("KEY_ID", String.valueOf(k.label()), k.keyId().toString()));
        }
        for (String name : io.keyshard.client.LocalCluster.NAMES) {
            scanner.text("API_KEY", name, new String(io.keyshard.client.LocalCluster.apiKey(home, name)));
        }
        scanner.text("API_KEY", "REMOTE_A", remote.entry.apiKey());
        assertTrue(scanner.size() >= 2 + 4 + 4, "the keys the wizard made and every API key were collected");
        List<SecretScanner.Hit> hits = new java.util.ArrayList<>(scanner.scan(home, AppScreensIT::legitimate));
        // Files this run left in java.io.tmpdir (anything made since the class started), besides the home.
        try (java.util.stream.Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path p : tmp.toList()) {
                if (!p.equals(home) && Files.getLastModifiedTime(p).toMillis() >= startedMillis && Files.isReadable(p)) {
                    hits.addAll(scanner.scan(p, AppScreensIT::legitimate));
                }
            }
        }
        assertTrue(hits.isEmpty(), "secrets outside their own files: " + hits + "\nfiles read: "
                + SecretScanner.inventory(home));
    }

    /** An API key lives in its owner-only client.key; a node's store keeps the public setup (with the keyId) of its keys. */
    private static boolean legitimate(Path file, String kind) {
        String name = file.getFileName().toString();
        return switch (kind) {
            case "API_KEY" -> name.equals("client.key");
            case "KEY_ID" -> name.equals("shares.mv.db");
            default -> false;
        };
    }
}
