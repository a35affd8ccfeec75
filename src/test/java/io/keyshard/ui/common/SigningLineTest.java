package io.keyshard.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.client.SigningReadiness;
import io.keyshard.ui.Screenshots;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A signing setup that ends while the Saved page is open does not move the buttons below the line. */
@ExtendWith(ApplicationExtension.class)
class SigningLineTest {
    private final SimpleObjectProperty<SigningReadiness> readiness =
            new SimpleObjectProperty<>(SigningReadiness.of(SigningReadiness.State.SETTING_UP));
    private Button below;

    @Start
    void start(Stage stage) {
        below = new Button("Export a backup now");
        VBox page = new VBox(14, SigningLine.steady(readiness), below);
        page.setPrefWidth(600);
        stage.setScene(new Scene(page, 600, 300));
        stage.show();
    }

    @Test
    void whenTheSetupEndsTheButtonBelowStaysWhereThePointerIsGoing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double before = below.localToScene(below.getBoundsInLocal()).getMinY();
        robot.interact(() -> readiness.set(SigningReadiness.of(SigningReadiness.State.READY)));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, below.getScene().getRoot(), "signing-line-ready-after-setup");
        assertEquals(before, below.localToScene(below.getBoundsInLocal()).getMinY(), 0.5);
        assertEquals(
                "Ready to sign", robot.lookup("#signing-state").queryLabeled().getText());
    }
}
