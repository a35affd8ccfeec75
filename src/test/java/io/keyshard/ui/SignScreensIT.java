package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.bytes.ByteArrays;
import io.keyshard.bytes.Hex;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.pipeline.PipelineView;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.ui.sign.SignService;
import io.keyshard.ui.sign.SignView;
import io.keyshard.ui.sign.SignViewModel;
import io.keyshard.ui.sign.SignViewModel.Step;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.SignatureEntry;
import io.keyshard.vault.SignedPayload;
import io.keyshard.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pipeline's Sign stage against the real embedded local cluster and a real vault: a message signed
 * with an ED25519 key verifies with the JDK's Ed25519 verifier under the public key shown, the key's
 * details list it, and a cancel in the middle of a signing leaves no signature and says so.
 */
@ExtendWith(ApplicationExtension.class)
class SignScreensIT {
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo, before the raw 32-byte key. */
    private static final byte[] ED25519_SPKI = Hex.decode("302a300506032b6570032100", "prefix");

    static Path home;
    static Vault vault;
    static SigningCluster signing;
    static Workspace workspace;
    static UiTasks tasks;
    static KeyRecord key;

    private Stage stage;
    private final ValueCopier copier = ValueCopier.systemClipboard();

    @BeforeAll
    static void startCluster() throws Exception {
        signing = SigningCluster.start("keyshard-sign-it", CurveName.ED25519, "Signer");
        home = signing.home();
        vault = signing.vault();
        workspace = signing.workspace();
        tasks = signing.tasks();
        key = signing.key();
    }

    @AfterAll
    static void stopCluster() {
        signing.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StyledStage.show(stage, new Label(), 1100, 820);
    }

    /** The Addresses window's content for the key on Solana, its Sign tab open, as Show addresses builds it. */
    private SignViewModel signTab(FxRobot robot, SignService service) {
        PipelineViewModel where = new PipelineViewModel(key, workspace::derive, tasks);
        SignViewModel vm = new SignViewModel(where, service, tasks, () -> {});
        robot.interact(() -> {
            TabPane tabs = PipelineView.windowContent(where, copier, new SignView(vm, copier));
            stage.getScene().setRoot(tabs);
            where.chainProperty().set(Chain.SOLANA);
        });
        robot.clickOn("#pipeline-sign");
        return vm;
    }

    private static void waitFor(int seconds, Callable<Boolean> condition, Callable<String> state) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds * 3L, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; " + state.call(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        AtomicReference<String> s = new AtomicReference<>();
        robot.interact(() -> s.set(robot.lookup(id).queryAs(Label.class).getText()));
        return s.get();
    }

    /** Types the message and goes on to the review, waiting for the servers' health. */
    private static void compose(FxRobot robot, SignViewModel vm, String message) throws Exception {
        robot.clickOn("#sign-input").write(message);
        robot.clickOn("#sign-next");
        waitFor(
                30,
                () -> vm.stepProperty().get() == Step.REVIEW
                        && !vm.signers().isEmpty()
                        && vm.signers().stream()
                                .allMatch(c -> c.statusProperty().get() != null),
                () -> vm.stepProperty().get() + " " + vm.inputProblemProperty().get() + " "
                        + vm.signersNoteProperty().get());
    }

    @Test
    void aMessageSignedOnTheClusterVerifiesWithTheJdkAndIsInTheKeysHistory(FxRobot robot) throws Exception {
        int before = workspace.signatures(key.keyId()).size();
        SignViewModel vm = signTab(robot, SignService.of(workspace));
        robot.interact(() -> {
            assertTrue(robot.lookup("#sign-next").queryButton().isDisabled(), "nothing typed yet: Review waits");
            assertEquals(
                    List.of(PayloadKind.MESSAGE, PayloadKind.SOLANA_TX),
                    robot.lookup("#sign-kind").queryComboBox().getItems(),
                    "an ED25519 key is offered what it signs, no more");
            TextArea input = robot.lookup("#sign-input").queryAs(TextArea.class);
            assertEquals(PayloadKind.MESSAGE.inputHint(), input.getPromptText());
            vm.kindProperty().set(PayloadKind.SOLANA_TX);
            assertEquals(
                    "Paste the transaction or message in base64 or base58, or open its file",
                    input.getPromptText(),
                    "the input says what the chosen kind takes");
            vm.kindProperty().set(PayloadKind.MESSAGE);
        });
        String message = "Sign in to example.org\nNonce: 7f3a91c2";
        compose(robot, vm, message);
        assertTrue(vm.canApproveProperty().get(), vm.signersProblemProperty().get());
        Screenshots.save(robot, stage.getScene().getRoot(), "sign-it-review");
        robot.clickOn("#sign-approve");
        waitFor(
                60,
                () -> vm.stepProperty().get() != Step.SIGNING,
                () -> vm.statusProperty().get());
        assertEquals(Step.DONE, vm.stepProperty().get(), vm.failureProperty().get());
        Screenshots.save(robot, stage.getScene().getRoot(), "sign-it-done");

        String signature = text(robot, "#sign-signature");
        String publicKey = text(robot, "#sign-public-key");
        assertTrue(
                verifies(publicKey, message.getBytes(StandardCharsets.UTF_8), signature),
                "the JDK's Ed25519 verifier accepts the shown signature under the shown public key");
        assertEquals(vm.where().stagesProperty().get().address(), text(robot, "#sign-address"));
        robot.clickOn("#copy-signature");
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(signature, clip.get(), "Copy puts the signature on the clipboard");
        assertEquals(
                signature,
                PipelineChecks.decodeQr(
                        robot.lookup("#signature-qr").queryAs(ImageView.class).getImage()),
                "the QR code holds the signature");

        List<SignatureEntry> history = workspace.signatures(key.keyId());
        assertEquals(before + 1, history.size());
        SignatureEntry entry = history.get(history.size() - 1);
        assertEquals(SignedPayload.MESSAGE, entry.payload());
        assertEquals(vm.where().stagesProperty().get().address(), entry.address());
        assertEquals(2, entry.signers().size());

        AppModel model = TestApps.fxModel(home);
        TestApps.ShownApp shown = TestApps.showUnlocked(robot, model, vault, 900);
        AppWindow window = shown.window();
        Stage appStage = shown.stage();
        @SuppressWarnings("unchecked")
        TableView<KeyRecord> table = robot.lookup("#keys-table").queryAs(TableView.class);
        waitFor(30, () -> table.getItems().stream().anyMatch(k -> k.keyId().equals(key.keyId())), () -> "");
        robot.interact(() -> model.keys().selectedProperty().set(key));
        waitFor(30, () -> robot.lookup("#signing-history-0").tryQuery().isPresent(), () -> "no history row");
        String row = text(robot, "#signing-history-0");
        assertTrue(row.contains("message"), row);
        assertEquals(
                "Signature " + signature,
                text(robot, "#signing-history-signature-0"),
                "the history keeps the signature the signed page showed");
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(
                () -> robot.lookup("#key-details").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#copy-history-signature-0");
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(signature, clip.get(), "Copy in the history puts that signature on the clipboard");
        Screenshots.save(robot, window.root(), "sign-it-keys-history");
        robot.interact(() -> appStage.setOnHidden(null));
        robot.interact(() -> appStage.close());
    }

    @Test
    void cancelInTheMiddleOfASigningLeavesNoSignatureAndSaysSo(FxRobot robot) throws Exception {
        int before = workspace.signatures(key.keyId()).size();
        PausingSignService pausing = new PausingSignService(SignService.of(workspace), 1);
        SignViewModel vm = signTab(robot, pausing);
        compose(robot, vm, "cancel me");
        robot.clickOn("#sign-approve");
        assertTrue(pausing.reachedRound1.await(60, TimeUnit.SECONDS), "the signing reached round 1");
        try {
            robot.clickOn("#sign-cancel");
            waitFor(
                    10,
                    () -> vm.statusProperty().get().startsWith("Cancelling"),
                    () -> vm.statusProperty().get());
        } finally {
            pausing.release.countDown();
        }
        waitFor(
                60,
                () -> vm.stepProperty().get() != Step.SIGNING,
                () -> vm.statusProperty().get());
        assertEquals(Step.FAILED, vm.stepProperty().get());
        assertTrue(
                text(robot, "#sign-failure").startsWith("Cancelled. Nothing was signed"), text(robot, "#sign-failure"));
        assertNull(vm.resultProperty().get());
        Screenshots.save(robot, stage.getScene().getRoot(), "sign-it-cancelled");
        assertEquals(before, workspace.signatures(key.keyId()).size(), "no history entry for a cancelled signing");
    }

    private static boolean verifies(String publicKeyHex, byte[] message, String signatureHex) throws Exception {
        PublicKey pk = KeyFactory.getInstance("Ed25519")
                .generatePublic(
                        new X509EncodedKeySpec(ByteArrays.concat(ED25519_SPKI, Hex.decode(publicKeyHex, "key"))));
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(pk);
        v.update(message);
        return v.verify(Hex.decode(signatureHex, "signature"));
    }
}
