package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.KeygenProgress.Stage;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.pipeline.PipelineView;
import io.keyshard.ui.sign.FakeSigning;
import io.keyshard.ui.sign.SignView;
import io.keyshard.ui.sign.SignViewModel;
import io.keyshard.ui.sign.SignViewModel.Step;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page of the Sign stage (message, review with a server down, signing, signed, failed, not available) for an
 * ED25519 key, and a two-input PSBT's pages (finalize, input k of n, signed in part) for a SECP256k1 key, at
 * 1280x800 (the headless screen), 1024x700 and the app's smallest window (720x480) in the light theme and at
 * 1024x700 in the dark one, written to
 * target/screenshots/render-sign-*.png; on each, no button or label of the page may show its text cut ("…"),
 * and the page's primary action is in the window without scrolling.
 */
@ExtendWith(ApplicationExtension.class)
class SignScreensRenderTest {
    /** Light at each size; dark at the size where most wraps. */
    private record Look(Theme theme, int width, int height) {}

    private static final List<Look> LOOKS = List.of(
            new Look(Theme.LIGHT, 1280, 800),
            new Look(Theme.LIGHT, 1024, 700),
            new Look(Theme.LIGHT, 720, 480),
            new Look(Theme.DARK, 1024, 700));

    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "render-background");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    Path home;

    private javafx.stage.Stage stage;
    private Vault vault;
    private Workspace workspace;
    private KeyRecord key;
    private KeyRecord ecdsaKey;

    @Start
    void start(javafx.stage.Stage stage) {
        this.stage = stage;
        vault = TestApps.createVault(home);
        workspace = Workspace.open(home, vault);
        key = FakeSigning.readyIn(vault, CurveName.ED25519);
        ecdsaKey = FakeSigning.readyIn(vault, CurveName.SECP256K1);
        StyledStage.show(stage, new TabPane(), 1280, 800);
    }

    @AfterEach
    void close() {
        workspace.close();
        vault.close();
    }

    @Test
    void everySignPageAtEachSizeKeepsItsTextWholeAndItsActionInSight(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        for (Look look : LOOKS) {
            Theme theme = look.theme();
            int[] size = {look.width(), look.height()};
            String suffix = size[0] + "-" + theme.name().toLowerCase(Locale.ROOT);
            FakeSigning service = new FakeSigning(workspace);
            service.statuses.set(2, FakeSigning.down("OFFICIAL_3"));
            UiTasks direct = new UiTasks(Runnable::run, Runnable::run);
            SignViewModel[] vm = new SignViewModel[1];
            robot.interact(() -> {
                theme.apply();
                vm[0] = new SignViewModel(
                        FakeSigning.pipeline(key, workspace, direct),
                        service,
                        new UiTasks(BACKGROUND, Platform::runLater),
                        () -> {});
                TabPane tabs = PipelineView.windowContent(vm[0].where(), text -> {}, new SignView(vm[0], text -> {}));
                stage.getScene().setRoot(tabs);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            SignViewModel m = vm[0];
            shot(robot, "pipeline-sign-card-" + suffix, cut, null);
            robot.interact(() ->
                    ((TabPane) stage.getScene().getRoot()).getSelectionModel().select(2));
            String message = "Sign in to example.org\nNonce: 7f3a91c2\nIssued: 2026-12-03";
            robot.interact(() -> m.textProperty().set(message));
            shot(robot, "sign-message-" + suffix, cut, "#sign-next");
            toReview(robot, m);
            shot(robot, "sign-review-" + suffix, cut, "#sign-approve");
            robot.interact(m::approve);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.last != null);
            robot.interact(() -> {
                m.grid().apply(event(Stage.DONE, Phase.IDENTITY, "OFFICIAL_1"));
                m.grid().apply(event(Stage.DONE, Phase.IDENTITY, "OFFICIAL_2"));
                m.grid().apply(event(Stage.DONE, Phase.ROUND1, "OFFICIAL_1"));
                m.grid().apply(event(Stage.SENT, Phase.ROUND1, "OFFICIAL_2"));
            });
            shot(robot, "sign-progress-" + suffix, cut, "#sign-cancel");
            var result = FakeSigning.result(
                    service.signed.get(0), service.signers.get(0), message.getBytes(StandardCharsets.UTF_8));
            service.last.promise().complete(result);
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> m.stepProperty().get() == Step.DONE);
            shot(robot, "sign-done-" + suffix, cut, "#sign-save");

            robot.interact(m::startOver);
            robot.interact(() -> m.textProperty().set("hello"));
            toReview(robot, m);
            service.last = null;
            robot.interact(m::approve);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.last != null);
            service.last
                    .promise()
                    .completeExceptionally(new KeygenException(
                            "OFFICIAL_2",
                            "signing failed, culprit server OFFICIAL_2: its signature share does not match its "
                                    + "commitments and verification share",
                            ExitCoded.PROTOCOL,
                            null));
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> m.stepProperty().get() == Step.FAILED);
            shot(robot, "sign-failed-" + suffix, cut, "#sign-review-again");

            // the key deleted in another window after its review: refused before anything is sent
            robot.interact(m::reviewAgain);
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> m.stepProperty().get() == Step.REVIEW
                            && m.signersNoteProperty().get().isEmpty()
                            && m.canApproveProperty().get());
            service.refuse = "no such key in the vault";
            robot.interact(m::approve);
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> m.stepProperty().get() == Step.FAILED);
            shot(robot, "sign-refused-" + suffix, cut, "#sign-change-message");
            service.refuse = null;

            SignPsbtScreens.render(
                    robot,
                    stage,
                    workspace,
                    ecdsaKey,
                    BACKGROUND,
                    (name, action) -> shot(robot, name + "-" + suffix, cut, action));
        }
        robot.interact(Theme.LIGHT::apply);
        assertEquals(List.of(), cut, "text shown cut");
    }

    @Test
    void aWarningIsInSightAboveTheReviewItIsAbout(FxRobot robot) throws Exception {
        FakeSigning service = new FakeSigning(workspace);
        // an unlimited USDC approval: the kind of transaction a person must not approve unread
        String approveAll = "{\"chainId\":\"1\",\"nonce\":\"0\","
                + "\"maxPriorityFeePerGas\":\"1\",\"maxFeePerGas\":\"2\",\"gas\":\"60000\","
                + "\"to\":\"0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48\",\"data\":\"0x095ea7b3"
                + "000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa96045" + "f".repeat(64) + "\"}";
        SignViewModel[] vm = new SignViewModel[1];
        robot.interact(() -> {
            Theme.LIGHT.apply();
            vm[0] = new SignViewModel(
                    FakeSigning.pipeline(ecdsaKey, workspace, new UiTasks(Runnable::run, Runnable::run)),
                    service,
                    new UiTasks(BACKGROUND, Platform::runLater),
                    () -> {});
            TabPane tabs = PipelineView.windowContent(vm[0].where(), text -> {}, new SignView(vm[0], text -> {}));
            tabs.getSelectionModel().select(2);
            stage.getScene().setRoot(tabs);
            stage.setWidth(1024);
            stage.setHeight(700);
            vm[0].kindProperty().set(PayloadKind.ETH_TX);
            vm[0].textProperty().set(approveAll);
        });
        toReview(robot, vm[0]);
        List<String> cut = new ArrayList<>();
        shot(robot, "sign-review-warning-1024", cut, "#sign-approve");
        Parent root = stage.getScene().getRoot();
        robot.interact(() -> {
            Node warnings = root.lookup("#review-warnings");
            Node review = root.lookup("#sign-review");
            Node sign = root.lookup("#sign-approve");
            Bounds w = warnings.localToScene(warnings.getBoundsInLocal());
            Bounds r = review.localToScene(review.getBoundsInLocal());
            Bounds bar = sign.localToScene(sign.getBoundsInLocal());
            assertTrue(CutText.shown(warnings) && w.getHeight() > 0, "the unlimited approval is warned about");
            assertTrue(w.getMaxY() <= r.getMinY(), "the warning comes before the rows: " + w + " / " + r);
            assertTrue(
                    w.getMaxY() < bar.getMinY(),
                    "the whole warning is in sight above the Sign button as the review opens: " + w + " / " + bar);
        });
        assertEquals(List.of(), cut, "text shown cut");
    }

    private static void toReview(FxRobot robot, SignViewModel m) throws Exception {
        robot.interact(m::next);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> m.stepProperty().get() == Step.REVIEW
                        && !m.signers().isEmpty()
                        && m.signers().stream().allMatch(c -> c.statusProperty().get() != null));
    }

    private static KeygenProgress event(Stage stage, Phase phase, String server) {
        return new KeygenProgress(stage, phase, server, null, "");
    }

    /** Saves the screen and notes text shown cut, and {@code action} (an id, or null) when it is out of the window. */
    private void shot(FxRobot robot, String name, List<String> cut, String action) {
        WaitForAsyncUtils.waitForFxEvents();
        Parent root = stage.getScene().getRoot();
        Screenshots.save(robot, root, "render-" + name);
        robot.interact(() -> {
            CutText.collect(root, name, cut);
            if (action != null) {
                collectOutOfSight(root, action, name, cut);
            }
        });
    }

    /** The action not on screen, or not wholly inside the window (it would need scrolling). */
    private static void collectOutOfSight(Parent root, String action, String screen, List<String> cut) {
        Node n = root.lookupAll(action).stream()
                .filter(CutText::shown)
                .findFirst()
                .orElse(null);
        if (n == null) {
            cut.add(screen + ": " + action + " not shown");
            return;
        }
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Scene scene = root.getScene();
        if (b.getMinY() < 0 || b.getMaxY() > scene.getHeight() || b.getMaxX() > scene.getWidth()) {
            cut.add(screen + ": " + action + " out of the window at " + b);
        }
    }
}
