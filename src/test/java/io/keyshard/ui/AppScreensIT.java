package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.QuietLibraryLogs;
import io.keyshard.cli.CliHarness;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.ServerCredentials;
import io.keyshard.client.ServerInfo;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.ServersConfig;
import io.keyshard.client.SharedCluster;
import io.keyshard.client.SigningReadiness;
import io.keyshard.client.TestServers;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.hostile.SecretScanner;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeServer;
import io.keyshard.node.TestNode;
import io.keyshard.ui.common.StepState;
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
import io.keyshard.wire.NodeEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The New key wizard, Servers and Pipeline screens against the real embedded local cluster (the
 * shared one of this JVM) and a real vault: the wizard end to end, cancel, a stopped server and
 * Retry, the Servers screen, and the Pipeline compared with {@code keyshard derive}. Every screen is
 * snapshotted. Each test makes the keys and servers it needs and removes the servers it added, so
 * any one runs alone and in any order; the secret scan runs as its own test and again over
 * everything the class did.
 */
@ExtendWith(ApplicationExtension.class)
class AppScreensIT {
    static Path home;
    static Path julFile;
    static FileHandler julHandler;
    static long startedMillis;
    static Vault vault;
    static LocalClusterControl cluster;
    static Workspace workspace;
    static ExecutorService pool;
    static UiTasks tasks;
    /** Every remote node a test started, kept for the secret scan (their API keys). */
    static final List<TestNode> remotes = new ArrayList<>();

    private Stage stage;
    private final ValueCopier copier = ValueCopier.systemClipboard();

    @BeforeAll
    static void startCluster() throws Exception {
        startedMillis = System.currentTimeMillis();
        home = SharedCluster.home(Files.createTempDirectory("keyshard-ui-it"));
        verboseLogging();
        QuietLibraryLogs.apply(); // as Main does at startup, before any screen of the app exists
        vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        cluster = new LocalClusterControl(home);
        long t0 = System.nanoTime();
        cluster.start();
        workspace = Workspace.open(home, vault, cluster);
        System.out.printf("local cluster ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
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
        julHandler = new FileHandler(julFile.toString());
        julHandler.setLevel(Level.ALL);
        julHandler.setFormatter(new SimpleFormatter());
        Logger root = Logger.getLogger("");
        root.setLevel(Level.ALL);
        root.addHandler(julHandler);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            assertNoSecretLeaked(); // over everything the tests of the class did, whichever ran
        } finally {
            Logger.getLogger("").removeHandler(julHandler);
            Logger.getLogger("").setLevel(Level.INFO);
            julHandler.close();
            workspace.close();
            cluster.close();
            remotes.forEach(TestNode::close);
            vault.close();
            pool.shutdownNow();
        }
    }

    /** Each test starts with the three local servers only: a remote server a test added is removed. */
    @AfterEach
    void removeRemoteServers() throws Exception {
        reopenIfLocked();
        for (String name : ServersConfig.load(home).servers().keySet()) {
            if (!LocalCluster.NAMES.contains(name)) {
                workspace.removeServer(name);
            }
        }
    }

    /** A READY 2-of-3 key on the local cluster, made through the client as the wizard does. */
    private static KeyRecord readyKey(CurveName curve, String label) {
        GeneratedKey key = workspace
                .call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, LocalCluster.NAMES, label))
                .promise()
                .join();
        assertEquals(KeyStatus.READY, key.record().status());
        return key.record();
    }

    /** An in-process node registered as a remote server (entry in servers.json, API key in the vault). */
    private static TestNode remoteServer(String name, int id) throws Exception {
        TestNode node = new TestNode(home.resolve("remote-" + name), name, id, Duration.ofMinutes(10));
        SharedCluster.pinWith(node.data);
        remotes.add(node);
        TestServers.register(
                home,
                vault,
                name,
                new ServerInfo(node.url(), node.entry.id(), node.entry.certSha256(), false),
                node.entry.apiKey());
        return node;
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
        robot.interact(() -> show(robot, new NewKeyWizard(vm, copier, () -> {})));
        return vm;
    }

    /** Waits for background work; generous, because 2 shared cores can be very slow (timings are reported, not asserted). */
    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        waitFor(seconds, condition, () -> "");
    }

    private static void waitFor(int seconds, Callable<Boolean> condition, Supplier<String> state) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds * 3L, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; " + state.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void serversChecked(NewKeyViewModel vm) throws Exception {
        waitFor(
                60,
                () -> !vm.servers().isEmpty()
                        && vm.servers().stream()
                                .allMatch(c -> c.statusProperty().get() != null),
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

    /** A label's text, or "" while no node has that id yet: a condition waited for must not throw before it shows. */
    private static String textIfShown(FxRobot robot, String id) {
        return robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    @Test
    void wizardCreatesASecp256k1KeyAndExportsABackup(FxRobot robot) throws Exception {
        // the cluster's SECP256k1 pairs may exist from other keys: a probe key says whether this one needs a setup
        KeyRecord probe = readyKey(CurveName.SECP256K1, "probe");
        boolean pairsBefore = workspace.signingReadiness(probe.keyId()).state() == SigningReadiness.State.READY;
        vault.delete(probe.keyId());
        workspace.setUpSigningAfterKeygen(true); // as the app's session does; the other tests' keys leave it off
        try {
            secp256k1KeyWithBackup(robot, pairsBefore ? "Ready to sign" : "Setting up signing…");
            // the key's signing setup ran in the background meanwhile, on the three node processes
            waitFor(
                    180,
                    () -> "Ready to sign".equals(textIfShown(robot, "#signing-state")),
                    () -> textIfShown(robot, "#signing-note"));
            Screenshots.save(robot, stage.getScene().getRoot(), "wizard-6-ready-to-sign");
        } finally {
            workspace.setUpSigningAfterKeygen(false);
        }
    }

    /**
     * The wizard's SECP256k1 flow with a label, then a backup export (a wrong confirmation first); with {@code
     * signingAtOnce} the Saved page's signing state as it first shows (null: not checked).
     */
    private void secp256k1KeyWithBackup(FxRobot robot, String signingAtOnce) throws Exception {
        NewKeyViewModel vm = wizard(robot);
        robot.clickOn("#curve-SECP256k1");
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-1-curve");
        robot.clickOn("#wizard-next");
        serversChecked(vm);
        assertEquals(
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                vm.chosen().stream().map(c -> c.name()).toList(),
                "the local cluster is offered and chosen");
        assertTrue(text(robot, "#health-OFFICIAL_1").startsWith("ok, "), text(robot, "#health-OFFICIAL_1"));
        assertEquals(
                "Making the key needs every chosen server to answer. Then any 2 of these 3 can sign; one alone cannot. "
                        + "Up to 1 may be lost and the key still signs.",
                text(robot, "#threshold-sentence"));
        robot.clickOn("#key-label").write("Treasury");
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-2-servers");
        robot.clickOn("#wizard-next");
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-3-review");
        robot.clickOn("#wizard-next");
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-4-generating");
        waitFor(90, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(
                Step.SAVED,
                vm.stepProperty().get(),
                vm.generation().failureProperty().get());
        System.out.printf(
                "wizard keygen SECP256k1 2-of-3: %d ms%n",
                vm.generation().elapsedMsProperty().get());
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-5-saved");
        if (signingAtOnce != null) {
            assertEquals(
                    signingAtOnce,
                    text(robot, "#signing-state"),
                    signingAtOnce.equals("Ready to sign")
                            ? "the servers' pairs were set up before, so the key needs no setup"
                            : "the result did not wait for the setup");
        }

        String keyId = text(robot, "#saved-key-id");
        KeyRecord stored = vault.get(UUID.fromString(keyId)).orElseThrow();
        assertEquals(KeyStatus.READY, stored.status());
        assertEquals("Treasury", stored.label());
        assertEquals(CurveName.SECP256K1, stored.curve());
        assertEquals(2, stored.threshold());
        robot.clickOn("#copy-key-id");
        assertEquals(keyId, clipboard(robot));

        robot.clickOn("#export-backup");
        Path backup = Files.createTempDirectory(home, "backup").resolve("wizard-backup.ksbackup");
        // the dialog is its own window; a busy machine shows it a moment after the click
        waitFor(20, () -> robot.lookup("#backup-file").tryQuery().isPresent());
        robot.interact(() ->
                robot.lookup("#backup-file").queryAs(TextInputControl.class).setText(backup.toString()));
        robot.clickOn("#backup-password").write("backup secret 1");
        robot.clickOn("#backup-confirm").write("backup secret 2");
        robot.type(KeyCode.ENTER);
        waitFor(20, () -> !textIfShown(robot, "#backup-error").isEmpty());
        assertEquals("The two backup passwords do not match.", text(robot, "#backup-error"));
        Screenshots.save(robot, robot.lookup("#backup-dialog").query(), "wizard-backup-dialog");
        assertFalse(Files.exists(backup));
        robot.interact(() ->
                robot.lookup("#backup-confirm").queryAs(TextInputControl.class).setText("backup secret 1"));
        robot.clickOn("#backup-export");
        waitFor(
                30,
                () -> Files.exists(backup)
                        && !textIfShown(robot, "#backup-note").isEmpty());
        assertEquals(
                vault.list().stream().map(KeyRecord::keyId).collect(Collectors.toSet()),
                VaultBackup.read(backup, "backup secret 1".toCharArray()).stream()
                        .map(KeyRecord::keyId)
                        .collect(Collectors.toSet()),
                "the backup holds every key, this one included");
    }

    @Test
    void wizardCreatesAnEd25519KeyWithTheKeyboardAlone(FxRobot robot) throws Exception {
        NewKeyViewModel vm = wizard(robot);
        robot.clickOn("#curve-ED25519");
        robot.type(KeyCode.ENTER);
        serversChecked(vm);
        robot.type(KeyCode.ENTER);
        assertEquals(Step.REVIEW, vm.stepProperty().get());
        robot.type(KeyCode.ENTER);
        waitFor(120, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(
                Step.SAVED,
                vm.stepProperty().get(),
                vm.generation().failureProperty().get());
        System.out.printf(
                "wizard keygen ED25519 2-of-3: %d ms%n",
                vm.generation().elapsedMsProperty().get());
        KeyRecord edKey =
                vault.get(vm.generation().resultProperty().get().keyId()).orElseThrow();
        assertEquals(KeyStatus.READY, edKey.status());
        assertEquals(CurveName.ED25519, edKey.curve());
        robot.type(KeyCode.ESCAPE); // Close: nothing left running
    }

    @Test
    void pipelineValuesEqualKeyshardDerive(FxRobot robot) throws Exception {
        KeyRecord secpKey = readyKey(CurveName.SECP256K1, "Treasury");
        KeyRecord edKey = readyKey(CurveName.ED25519, null);
        new PipelineChecks(robot, stage, workspace, tasks, copier).check(secpKey, "evm", 5, "pipeline-evm");
        new PipelineChecks(robot, stage, workspace, tasks, copier).check(edKey, "solana", 3, "pipeline-solana");
    }

    @Test
    void cancelDuringGenerationLeavesNoPendingRecord(FxRobot robot) throws Exception {
        // connecting a server reads its sealed entry from the vault: connect once now, so the vault lock held
        // below delays only the PENDING record, not the connections
        readyKey(CurveName.ED25519, null);
        List<UUID> before = vault.list().stream().map(KeyRecord::keyId).toList();
        NewKeyViewModel vm = wizard(robot);
        robot.clickOn("#curve-ED448");
        robot.clickOn("#wizard-next");
        serversChecked(vm);
        robot.clickOn("#wizard-next");
        // A keygen takes tens of milliseconds now, less than a click. Holding the vault's lock keeps the
        // generation from writing its PENDING record, which it must have before round 3, so the cancel
        // surely lands while the generation runs; the lock is let go once cancel was asked.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(
                () -> {
                    synchronized (vault) {
                        held.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "test-vault-holder");
        holder.start();
        held.await();
        try {
            robot.clickOn("#wizard-next");
            waitFor(30, () -> vm.stepProperty().get() == Step.GENERATING);
            // the PENDING record's write starts just before round 1 is sent: a cancel during the identity
            // fetch (a slow machine can take that long) would end the run before any record exists
            waitFor(
                    30,
                    () -> vm.generation().cells().values().stream()
                            .anyMatch(stages -> stages.get(1).get() != StepState.WAITING));
            robot.clickOn("#wizard-cancel");
        } finally {
            release.countDown();
            holder.join();
        }
        waitFor(60, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(Step.FAILED, vm.stepProperty().get());
        assertTrue(
                text(robot, "#failure-message")
                        .startsWith("Cancelled. No key was made: the servers dropped their partial work"),
                text(robot, "#failure-message"));
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-cancelled");
        List<KeyRecord> added =
                vault.list().stream().filter(r -> !before.contains(r.keyId())).toList();
        assertEquals(1, added.size(), "the cancelled attempt reached the vault: " + added);
        assertEquals(KeyStatus.FAILED, added.get(0).status(), added.toString());
        assertTrue(vault.findPending().isEmpty(), "no dangling PENDING record");
        // cancelled before round 3 was sent: no server stored a result, so every one dropped its part
        for (String server : LocalCluster.NAMES) {
            assertEquals(
                    "ABORTED",
                    TestServers.keyState(workspace, server, added.get(0).keyId()),
                    server + " keeps nothing of the cancelled key");
        }
    }

    @Test
    void serversScreenShowsHealthAndAddsARemoteServerFromItsEntry(FxRobot robot) throws Exception {
        ServersViewModel vm = new ServersViewModel(() -> workspace, tasks);
        robot.interact(() -> show(robot, new ServersView(vm)));
        waitFor(
                30,
                () -> vm.servers().size() == 3 && vm.servers().stream().allMatch(s -> s.ok()),
                () -> vm.servers() + " " + vm.errorProperty().get());
        assertTrue(text(robot, "#cluster-state").contains("running"));
        Screenshots.save(robot, stage.getScene().getRoot(), "servers");

        TestNode remote = new TestNode(home.resolve("remote-a"), "REMOTE_A", 31, Duration.ofMinutes(10));
        remotes.add(remote);
        robot.clickOn("#servers-add");
        robot.clickOn("#server-entry").write("{\"name\": \"REMOTE_A\", \"id\": 31");
        robot.clickOn("#server-entry-add");
        waitFor(20, () -> !textIfShown(robot, "#server-entry-error").isEmpty());
        assertTrue(text(robot, "#server-entry-error").contains("ends too early"), text(robot, "#server-entry-error"));
        Screenshots.save(robot, robot.lookup("#add-server-dialog").query(), "servers-add-error");
        assertFalse(Files.readString(home.resolve("servers.json")).contains("REMOTE_A"), "nothing written");

        // node init prints the port it was configured with; this in-process node listens on a free one
        String entry = StrictJson.pretty()
                .writeValueAsString(new NodeEntry(
                        remote.entry.name(),
                        remote.entry.id(),
                        remote.url(),
                        remote.entry.certSha256(),
                        remote.entry.apiKey()));
        robot.interact(
                () -> robot.lookup("#server-entry").queryAs(TextArea.class).setText(entry));
        robot.clickOn("#server-entry-add");
        waitFor(
                30,
                () -> vm.servers().stream().anyMatch(s -> s.name().equals("REMOTE_A") && s.ok()),
                () -> vm.servers() + " " + vm.errorProperty().get() + " "
                        + vm.messageProperty().get());
        assertTrue(
                vault.getSecret(ServerCredentials.secretName("REMOTE_A")).isPresent(), "API key sealed in the vault");
        assertFalse(
                Files.readString(home.resolve("servers.json")).contains(remote.entry.apiKey()),
                "no API key in servers.json");
        // next, the remote operator pins this computer's servers: the dialog that says how opens at once
        waitFor(10, () -> robot.lookup("#local-entries-dialog").tryQuery().isPresent());
        assertTrue(
                text(robot, "#local-entries-explain").startsWith("Added REMOTE_A; this computer's servers pin it."),
                text(robot, "#local-entries-explain"));
        robot.clickOn("#local-entries-close");
        Screenshots.save(robot, stage.getScene().getRoot(), "servers-with-remote");
    }

    @Test
    void aStoppedServerIsNamedAndRetrySucceedsOnceItIsBack(FxRobot robot) throws Exception {
        TestNode remote = remoteServer("REMOTE_A", 31);
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
        assertTrue(
                text(robot, "#failure-message").startsWith("Server REMOTE_A failed:"), text(robot, "#failure-message"));
        assertTrue(
                text(robot, "#failure-advice").startsWith("Start REMOTE_A again"),
                "a server that did not answer is started again: " + text(robot, "#failure-advice"));
        Screenshots.save(robot, stage.getScene().getRoot(), "wizard-failed");
        assertTrue(vault.findPending().isEmpty());

        remote.server = NodeServer.start(remote.data, port, Duration.ofMinutes(10));
        robot.clickOn("#wizard-retry");
        waitFor(90, () -> vm.stepProperty().get() != Step.GENERATING);
        assertEquals(
                Step.SAVED,
                vm.stepProperty().get(),
                vm.generation().failureProperty().get());
        KeyRecord made =
                vault.get(vm.generation().resultProperty().get().keyId()).orElseThrow();
        assertEquals(KeyStatus.READY, made.status());
        assertEquals(List.of("OFFICIAL_1", "OFFICIAL_2", "REMOTE_A"), made.servers());
        assertTrue(vault.findPending().isEmpty(), "the failed attempt left no PENDING record");
    }

    @Test
    void aKeysSigningStateIsAskedAgainWhenAShareCheckFindsItsSilentServerBack(FxRobot robot) throws Exception {
        TestNode remote = remoteServer("REMOTE_D", 34);
        GeneratedKey made = workspace
                .call(
                        ComponentModule.GENERATE_KEY_SHARE,
                        new KeygenRequest(
                                CurveName.SECP256K1, 2, List.of("OFFICIAL_1", "OFFICIAL_2", "REMOTE_D"), "Back"))
                .promise()
                .join();
        // its pairs set up, so that the two servers that still answer say they are ready
        workspace.ecdsaSetup(made.record().keyId()).promise().join();
        assertEquals(
                SigningReadiness.State.READY,
                workspace.signingReadiness(made.record().keyId()).state());
        int port = remote.server.port();
        remote.stop();
        AppModel model = TestApps.fxModel(home);
        TestApps.ShownApp shown = TestApps.showUnlocked(robot, model, vault, 760);
        try {
            @SuppressWarnings("unchecked")
            TableView<KeyRecord> table = robot.lookup("#keys-table").queryAs(TableView.class);
            waitFor(
                    30,
                    () -> table.getItems().stream()
                            .anyMatch(k -> k.keyId().equals(made.record().keyId())));
            waitFor(60, () -> !model.keys().health().checkingProperty().get());
            robot.interact(() -> table.getSelectionModel()
                    .select(table.getItems().stream()
                            .filter(k -> k.keyId().equals(made.record().keyId()))
                            .findFirst()
                            .orElseThrow()));
            waitFor(
                    60,
                    () -> "Not known whether signing is set up".equals(textIfShown(robot, "#signing-state")),
                    () -> textIfShown(robot, "#signing-state"));
            assertEquals(
                    "REMOTE_D does not answer: a share check asks again once it is back.",
                    text(robot, "#signing-note"));

            remote.server = NodeServer.start(remote.data, port, Duration.ofMinutes(10));
            robot.clickOn("#check-health");
            waitFor(
                    60,
                    () -> "Ready to sign".equals(textIfShown(robot, "#signing-state")),
                    () -> textIfShown(robot, "#signing-note"));
            Screenshots.save(robot, shown.window().root(), "keys-signing-known-again");
        } finally {
            // a window left open would lock the shared vault under the tests that follow
            robot.interact(() -> shown.stage().close());
        }
    }

    @Test
    void removingARemoteServerAsksFirst(FxRobot robot) throws Exception {
        remoteServer("REMOTE_B", 32);
        ServersViewModel vm = new ServersViewModel(() -> workspace, tasks);
        robot.interact(() -> show(robot, new ServersView(vm)));
        waitFor(30, () -> vm.servers().size() == 4);
        @SuppressWarnings("unchecked")
        TableView<ServerStatus> table = robot.lookup("#servers-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(3));
        robot.clickOn("#servers-remove");
        Screenshots.save(robot, robot.lookup("#remove-server-confirm").query(), "servers-remove-confirm");
        robot.clickOn(
                robot
                        .from(robot.lookup("#remove-server-confirm").queryParent())
                        .lookup(".button")
                        .queryAllAs(Button.class)
                        .stream()
                        .filter(b -> "Remove".equals(b.getText()))
                        .findFirst()
                        .orElseThrow());
        waitFor(30, () -> vm.servers().size() == 3);
        assertTrue(vault.getSecret(ServerCredentials.secretName("REMOTE_B")).isEmpty());
        JsonNode servers =
                StrictJson.mapper().readTree(home.resolve("servers.json").toFile());
        assertFalse(servers.has("REMOTE_B"));
        assertTrue(CliHarness.run("--home", home.toString(), "servers", "list", "--json")
                .out()
                .contains("OFFICIAL_1"));
    }

    @Test
    void resolveNowOnTheKeysScreenSettlesAKeyTheServersNeverStarted(FxRobot robot) throws Exception {
        // The app died after writing the PENDING record and before any server heard of the key.
        KeyRecord orphan = KeyRecord.pending(
                UUID.randomUUID(),
                "Interrupted",
                CurveName.SECP256K1,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        vault.createPending(orphan);
        AppModel model = TestApps.fxModel(home);
        TestApps.ShownApp shown = TestApps.showUnlocked(robot, model, vault, 760);
        AppWindow window = shown.window();
        Stage appStage = shown.stage();
        @SuppressWarnings("unchecked")
        TableView<KeyRecord> table = robot.lookup("#keys-table").queryAs(TableView.class);
        waitFor(30, () -> table.getItems().stream().anyMatch(k -> k.keyId().equals(orphan.keyId())));
        robot.interact(() -> table.getSelectionModel()
                .select(table.getItems().stream()
                        .filter(k -> k.keyId().equals(orphan.keyId()))
                        .findFirst()
                        .orElseThrow()));
        Screenshots.save(robot, window.root(), "keys-pending-before-resolve");
        robot.clickOn("#resolve-now");
        waitFor(60, () -> vault.get(orphan.keyId()).orElseThrow().status() != KeyStatus.PENDING);
        KeyRecord after = vault.get(orphan.keyId()).orElseThrow();
        assertEquals(KeyStatus.FAILED, after.status(), "no server holds it: the record is settled as FAILED");
        assertTrue(after.failureReason().contains("unknown"), after.failureReason());
        assertTrue(vault.findPending().isEmpty(), "no PENDING record is left");
        waitFor(30, () -> String.valueOf(model.keys().noticeProperty().get()).startsWith("Resolved"));
        assertEquals(
                "Resolved: 0 ready, 1 failed, 0 still waiting.",
                model.keys().noticeProperty().get());
        waitFor(
                30,
                () -> table.getItems().stream()
                        .anyMatch(k -> k.keyId().equals(orphan.keyId()) && k.status() == KeyStatus.FAILED));
        Screenshots.save(robot, window.root(), "keys-resolved");
        robot.interact(() -> appStage.close());
    }

    @Test
    void noSecretOfTheWizardFlowReachesALogOrATempFile(FxRobot robot) throws Exception {
        secp256k1KeyWithBackup(robot, null);
        remoteServer("REMOTE_C", 33);
        assertFalse(vault.list().isEmpty());
        assertNoSecretLeaked();
    }

    /**
     * Searches the home, the shared cluster's node folders and whatever this JVM left in java.io.tmpdir
     * since the class started for the passwords, every keyId in the vault and every API key.
     */
    private static void assertNoSecretLeaked() throws Exception {
        julHandler.flush();
        assertTrue(Files.size(julFile) > 0, "verbose logging was on while the wizard, pipeline and servers ran");
        SecretScanner scanner = new SecretScanner()
                .text("PASSWORD", "vault", new String(VaultFixtures.pw()))
                .text("PASSWORD", "backup", "backup secret 1");
        reopenIfLocked();
        List<KeyRecord> keys = vault.list();
        keys.forEach(
                k -> scanner.text("KEY_ID", String.valueOf(k.label()), k.keyId().toString()));
        for (String name : LocalCluster.NAMES) {
            scanner.text("API_KEY", name, new String(LocalCluster.apiKey(home, name)));
        }
        remotes.forEach(r -> scanner.text("API_KEY", r.entry.name(), r.entry.apiKey()));
        assertTrue(
                scanner.size() >= 2 + keys.size() + 3 + remotes.size(),
                "the keys made and every API key were collected");
        List<SecretScanner.Hit> hits = new ArrayList<>(scanner.scan(home, AppScreensIT::legitimate));
        hits.addAll(scanner.scan(SharedCluster.nodesFolder(), AppScreensIT::legitimate));
        // Files this JVM left in java.io.tmpdir (anything made since the class started), besides the homes.
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path p : tmp.toList()) {
                if (!p.equals(home)
                        && !SharedCluster.nodesFolder().startsWith(p)
                        && Files.getLastModifiedTime(p).toMillis() >= startedMillis
                        && Files.isReadable(p)) {
                    hits.addAll(scanner.scan(p, AppScreensIT::legitimate));
                }
            }
        }
        assertTrue(
                hits.isEmpty(),
                "secrets outside their own files: " + hits + "\nfiles read: " + SecretScanner.inventory(home));
    }

    /** Closing the app window locks the session, which closes the vault: the next test needs it open. */
    private static void reopenIfLocked() {
        try {
            vault.list();
        } catch (IllegalStateException closed) {
            workspace.close();
            vault = Vault.open(home, VaultFixtures.pw());
            workspace = Workspace.open(home, vault, cluster);
        }
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
