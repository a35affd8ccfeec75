package io.keyshard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keyshard.client.SigningReadiness;
import io.keyshard.client.Workspace;
import io.keyshard.ui.AppWindow;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.wizard.NewKeyViewModel.Step;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's Saved page leads straight to the new key's addresses. */
@ExtendWith(ApplicationExtension.class)
class SavedPageTest {
    @TempDir
    Path home;

    private Vault vault;
    private Workspace workspace;
    private Stage owner;
    private KeyRecord key;
    private final List<KeyRecord> shown = new ArrayList<>();

    @Start
    void start(Stage stage) {
        owner = stage;
        Theme.LIGHT.apply();
        Scene scene = new Scene(new StackPane(), 1280, 800);
        scene.getStylesheets().add(AppWindow.class.getResource("keyshard.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        vault = TestApps.createVault(home);
        workspace = Workspace.open(home, vault);
        key = TestApps.writeThreeKeys(vault).get(0);
    }

    @AfterEach
    void close() {
        Platform.runLater(Theme.LIGHT::apply);
        WaitForAsyncUtils.waitForFxEvents();
        workspace.close();
        vault.close();
    }

    @Test
    void showAddressesClosesTheWizardAndOpensTheNewKeysAddresses(FxRobot robot) {
        NewKeyViewModel model = new NewKeyViewModel(workspace, new UiTasks(Runnable::run, Platform::runLater));
        model.showAddressesActionProperty().set(shown::add);
        Stage[] wizard = new Stage[1];
        robot.interact(() -> {
            model.generation().resultProperty().set(key);
            model.stepProperty().set(Step.SAVED);
            wizard[0] = NewKeyWizard.showDialog(owner, model, value -> {});
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            robot.interact(theme::apply);
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(
                    robot,
                    wizard[0].getScene().getRoot(),
                    "wizard-saved-" + theme.name().toLowerCase(Locale.ROOT));
        }
        robot.interact(() -> robot.lookup("#saved-show-addresses").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(key), shown);
        assertFalse(wizard[0].isShowing(), "the wizard closes");
    }

    @Test
    void anEcdsaKeySaysSigningIsBeingSetUpThenReadyToSign(FxRobot robot) {
        NewKeyViewModel model = new NewKeyViewModel(workspace, new UiTasks(Runnable::run, Platform::runLater));
        Stage[] wizard = new Stage[1];
        robot.interact(() -> {
            model.generation().resultProperty().set(key);
            model.generation().signingProperty().set(SigningReadiness.of(SigningReadiness.State.SETTING_UP));
            model.stepProperty().set(Step.SAVED);
            wizard[0] = NewKeyWizard.showDialog(owner, model, value -> {});
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "Setting up signing…",
                robot.lookup("#signing-state").queryLabeled().getText());
        Screenshots.save(robot, wizard[0].getScene().getRoot(), "wizard-saved-setting-up-signing");
        robot.interact(
                () -> model.generation().signingProperty().set(SigningReadiness.of(SigningReadiness.State.READY)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "Ready to sign", robot.lookup("#signing-state").queryLabeled().getText());
        Screenshots.save(robot, wizard[0].getScene().getRoot(), "wizard-saved-ready-to-sign");
        robot.interact(() -> model.generation()
                .signingProperty()
                .set(new SigningReadiness(
                        SigningReadiness.State.ON_FIRST_USE, "the setup failed: server OFFICIAL_3 did not answer")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "Signing will be set up on first use",
                robot.lookup("#signing-state").queryLabeled().getText());
        Screenshots.save(robot, wizard[0].getScene().getRoot(), "wizard-saved-signing-on-first-use");
        robot.interact(() -> wizard[0].hide());
    }
}
