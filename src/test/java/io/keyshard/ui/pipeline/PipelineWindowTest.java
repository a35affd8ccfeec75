package io.keyshard.ui.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.StyledStage;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Addresses window at its opening size: every card shows whole, the chain's name can be read, a did:key is no address. */
@ExtendWith(ApplicationExtension.class)
class PipelineWindowTest {
    private Parent view;
    private PipelineViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        KeyRecord key = StyledStage.readyKey(CurveName.SECP256K1, "Treasury EVM");
        model = new PipelineViewModel(key, KeyDerivation.of(key), new UiTasks(Runnable::run, Runnable::run));
        view = PipelineView.windowContent(model, value -> {});
        scene = StyledStage.show(stage, view, PipelineView.DEFAULT_WIDTH, PipelineView.DEFAULT_HEIGHT);
        stage.setWidth(PipelineView.DEFAULT_WIDTH);
        stage.setHeight(PipelineView.DEFAULT_HEIGHT);
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
    }

    private void assertInside(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        Bounds b = n.localToScene(n.getBoundsInLocal());
        assertTrue(b.getMaxY() <= scene.getHeight() + 0.5, id + " ends at " + b.getMaxY() + " of " + scene.getHeight());
    }

    @Test
    void everyCardShowsAtTheOpeningSizeAndDidKeyIsNoAddress(FxRobot robot) {
        robot.interact(() -> model.chainProperty().set(Chain.BITCOIN_P2WPKH));
        WaitForAsyncUtils.waitForFxEvents();
        assertInside(robot, "#stage-address");
        ComboBox<?> chain = robot.lookup("#pipeline-chain").queryAs(ComboBox.class);
        assertEquals(Chain.BITCOIN_P2WPKH.title(), chain.getTooltip().getText(), "a cut chain name can be read whole");
        assertTrue(robot.lookup("#note-path").queryAs(Label.class).getText().contains("m/84'/0'/0'/0/0"));
        Screenshots.save(robot, view, "addresses-p2wpkh");
        robot.interact(Theme.DARK::apply);
        Screenshots.save(robot, view, "addresses-p2wpkh-dark");

        robot.interact(() -> model.chainProperty().set(Chain.DID_KEY));
        WaitForAsyncUtils.waitForFxEvents();
        assertInside(robot, "#stage-address");
        assertTrue(robot.lookup((Node n) -> n instanceof Label l
                        && l.getText() != null
                        && l.getText().startsWith("Scan to read this identifier"))
                .tryQuery()
                .isPresent());
        Screenshots.save(robot, view, "addresses-didkey-dark");
    }
}
