package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.keyshard.address.Chain;
import io.keyshard.cli.CliHarness;
import io.keyshard.client.Workspace;
import io.keyshard.json.StrictJson;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.pipeline.PipelineView;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.vault.KeyRecord;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Pipeline screen for one key and compares every stage with {@code keyshard derive --json}. */
final class PipelineChecks {
    private final FxRobot robot;
    private final Stage stage;
    private final Workspace workspace;
    private final UiTasks tasks;
    private final ValueCopier copier;

    PipelineChecks(FxRobot robot, Stage stage, Workspace workspace, UiTasks tasks, ValueCopier copier) {
        this.robot = robot;
        this.workspace = workspace;
        this.stage = stage;
        this.tasks = tasks;
        this.copier = copier;
    }

    void check(KeyRecord key, String chainId, int index, String screenshot) throws Exception {
        PipelineViewModel vm = new PipelineViewModel(key, workspace::derive, tasks);
        robot.interact(() -> stage.getScene().setRoot(new PipelineView(vm, copier)));
        Chain chain = Chain.parse(chainId);
        @SuppressWarnings("unchecked")
        ComboBox<Chain> combo = robot.lookup("#pipeline-chain").queryAs(ComboBox.class);
        robot.interact(() -> combo.setValue(chain));
        @SuppressWarnings("unchecked")
        Spinner<Integer> spinner = robot.lookup("#pipeline-index").queryAs(Spinner.class);
        robot.clickOn(spinner.getEditor())
                .press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL)
                .write(Integer.toString(index));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> value("path").endsWith("/" + index));
        WaitForAsyncUtils.waitForFxEvents();

        var cli = CliHarness.run(
                "derive",
                "--curve",
                key.curve().apiName(),
                "--public-key",
                key.rootPublicKey(),
                "--chain-code",
                key.chainCode(),
                "--chain",
                chainId,
                "--index",
                Integer.toString(index),
                "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        JsonNode expected = StrictJson.mapper().readTree(cli.out());
        assertEquals(expected.get("derivationPath").asText(), value("path"));
        assertEquals(expected.get("publicKey").asText(), value("public-key"));
        assertEquals(expected.get("address").asText(), value("address"));
        assertEquals(key.keyId().toString(), value("key"));
        assertTrue(note("public-key").contains("non-hardened step"), note("public-key"));

        robot.clickOn("#copy-address");
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(expected.get("address").asText(), clip.get(), "Copy puts the address on the clipboard");
        assertEquals(
                expected.get("address").asText(),
                decodeQr(robot.lookup("#address-qr").queryAs(ImageView.class).getImage()),
                "the QR code holds the address");
        Screenshots.save(robot, stage.getScene().getRoot(), screenshot);
    }

    private String value(String stage) {
        return robot.lookup("#value-" + stage).queryAs(Label.class).getText();
    }

    private String note(String stage) {
        return robot.lookup("#note-" + stage).queryAs(Label.class).getText();
    }

    static String decodeQr(Image image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = image.getPixelReader().getArgb(x, y);
            }
        }
        // the image is the code exactly as drawn, so it is read as a pure code: ZXing's camera-image detector
        // misplaces the finder patterns of about one perfectly crisp code in 150 (NotFoundException)
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb))),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
