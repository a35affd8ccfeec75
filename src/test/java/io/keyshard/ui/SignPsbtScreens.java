package io.keyshard.ui;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.PartProgress;
import io.keyshard.client.PartlySignedException;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.Workspace;
import io.keyshard.payload.bitcoin.PsbtFixtures;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.pipeline.PipelineView;
import io.keyshard.ui.sign.FakeSigning;
import io.keyshard.ui.sign.SignView;
import io.keyshard.ui.sign.SignViewModel;
import io.keyshard.ui.sign.SignViewModel.Step;
import io.keyshard.vault.KeyRecord;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Sign stage's PSBT pages for the render test: finalize ticked, input 2 of 2 signing, signed in part. */
final class SignPsbtScreens {
    private SignPsbtScreens() {}

    /** Walks a two-input PSBT of {@code key} through its pages, handing each to {@code shot} with its primary action. */
    static void render(
            FxRobot robot,
            Stage stage,
            Workspace workspace,
            KeyRecord key,
            Executor background,
            BiConsumer<String, String> shot)
            throws Exception {
        FakeSigning service = new FakeSigning(workspace);
        String psbt = PsbtFixtures.p2wpkhInputs(Workspace.rootOf(key).key(), "m/84/0/0/0/1", "m/84/0/0/0/2")
                .toBase64();
        SignViewModel[] vm = new SignViewModel[1];
        robot.interact(() -> {
            UiTasks direct = new UiTasks(Runnable::run, Runnable::run);
            vm[0] = new SignViewModel(
                    FakeSigning.pipeline(key, workspace, direct),
                    service,
                    new UiTasks(background, Platform::runLater),
                    () -> {});
            TabPane tabs = PipelineView.windowContent(vm[0].where(), text -> {}, new SignView(vm[0], text -> {}));
            tabs.getSelectionModel().select(2);
            stage.getScene().setRoot(tabs);
            vm[0].kindProperty().set(PayloadKind.PSBT);
            vm[0].textProperty().set(psbt);
            vm[0].finalizePsbtProperty().set(true);
        });
        SignViewModel m = vm[0];
        shot.accept("sign-psbt-input", "#sign-next");
        robot.interact(m::next);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> m.stepProperty().get() == Step.REVIEW
                        && m.signers().stream().allMatch(c -> c.statusProperty().get() != null));
        shot.accept("sign-psbt-review", "#sign-approve");
        robot.interact(m::approve);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.last != null);
        service.parts.get(0).accept(new PartProgress(2, 2, "PSBT input 1 (P2WPKH, 50000 sat)"));
        robot.interact(() -> {
            for (String s : List.of("OFFICIAL_1", "OFFICIAL_2")) {
                m.grid().apply(new KeygenProgress(KeygenProgress.Stage.DONE, Phase.IDENTITY, s, null, ""));
                m.grid().apply(new KeygenProgress(KeygenProgress.Stage.DONE, Phase.ROUND1, s, null, ""));
            }
            m.grid().apply(new KeygenProgress(KeygenProgress.Stage.SENT, Phase.ROUND2, "OFFICIAL_1", null, ""));
        });
        WaitForAsyncUtils.waitForFxEvents();
        shot.accept("sign-psbt-progress", "#sign-cancel");
        service.last
                .promise()
                .completeExceptionally(new PartlySignedException(
                        FakeSigning.psbtResult(service.signed.get(0), service.signers.get(0), psbt, List.of(0)),
                        "PSBT input 1 (P2WPKH, 50000 sat)",
                        new KeygenException(
                                "OFFICIAL_2",
                                "server OFFICIAL_2 did not answer round 2 within 60 s",
                                ExitCoded.SERVER,
                                null)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.stepProperty().get() == Step.DONE);
        shot.accept("sign-psbt-partial", "#sign-rest");
    }
}
