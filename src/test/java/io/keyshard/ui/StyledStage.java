package io.keyshard.ui;

import io.keyshard.curve.CurveName;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.bouncycastle.util.encoders.Hex;

/** One screen on a test stage, styled as the app styles it (light theme, keyshard.css), and a READY key to show. */
public final class StyledStage {
    private StyledStage() {}

    /** Puts {@code root} on {@code stage} at {@code width} x {@code height} with the app's stylesheet and shows it. */
    public static Scene show(Stage stage, Parent root, double width, double height) {
        Theme.LIGHT.apply();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(AppWindow.class.getResource("keyshard.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** A READY 2-of-2 key of {@code curve} whose root public key is 12345·G. */
    public static KeyRecord readyKey(CurveName curve, String label) {
        byte[] pub = curve.curve().encodePublicKey(curve.curve().multiplyBase(BigInteger.valueOf(12345)));
        return new KeyRecord(
                UUID.fromString("61214a72-0000-4000-8000-000000000001"),
                label,
                curve,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                Hex.toHexString(pub),
                "11".repeat(32),
                Map.of(),
                curve.curve().derivationScheme(),
                KeyStatus.READY,
                null,
                Instant.now());
    }
}
