package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.Workspace;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.payload.bitcoin.Der;
import io.keyshard.payload.bitcoin.Psbt;
import io.keyshard.payload.bitcoin.PsbtFixtures;
import io.keyshard.payload.bitcoin.Sighash;
import io.keyshard.payload.bitcoin.Transaction;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.SignedEip1559;
import io.keyshard.ui.common.StepState;
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
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sign stage with a SECP256k1 key on the real local cluster (threshold ECDSA, three rounds): an EIP-1559
 * transaction whose review shows what section 14 lists and whose signed bytes recover the derived sender,
 * and a PSBT of two P2WPKH inputs cancelled during its second input, handed back with the first input's
 * signature, then signed on and finalized into a transaction whose witnesses verify over their BIP-143
 * sighashes. Each signature is in the key's signing history. One key serves both: its pairwise setup runs once.
 */
@ExtendWith(ApplicationExtension.class)
class SignEcdsaScreensIT {
    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");
    /** A first signing also runs the key's pairwise setup, which takes a while on a loaded machine. */
    private static final int FIRST_SIGNING_SECONDS = 240;

    static Path home;
    static Vault vault;
    static SigningCluster signing;
    static Workspace workspace;
    static UiTasks tasks;
    static KeyRecord key;

    private Stage stage;
    private final ValueCopier copier = text -> {};

    @BeforeAll
    static void startCluster() throws Exception {
        signing = SigningCluster.start("keyshard-sign-ecdsa-it", CurveName.SECP256K1, "Wallet");
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
        StyledStage.show(stage, new Label(), 1024, 700);
    }

    private SignViewModel signTab(FxRobot robot, SignService service, Chain chain) {
        PipelineViewModel where = new PipelineViewModel(key, workspace::derive, tasks);
        SignViewModel vm = new SignViewModel(where, service, tasks, () -> {});
        robot.interact(() -> {
            TabPane tabs = PipelineView.windowContent(where, copier, new SignView(vm, copier));
            stage.getScene().setRoot(tabs);
            where.chainProperty().set(chain);
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
        });
        return vm;
    }

    private static void waitFor(int seconds, Callable<Boolean> condition, Callable<String> state) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
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

    /** Puts the payload in, goes on to the review and waits for the servers' health. */
    private static void review(FxRobot robot, SignViewModel vm, PayloadKind kind, String input) throws Exception {
        robot.interact(() -> {
            vm.kindProperty().set(kind);
            vm.textProperty().set(input);
        });
        robot.clickOn("#sign-next");
        waitForReview(vm);
    }

    private static void waitForReview(SignViewModel vm) throws Exception {
        waitFor(
                60,
                () -> vm.stepProperty().get() == Step.REVIEW
                        && vm.signers().stream()
                                .allMatch(c -> c.statusProperty().get() != null),
                () -> vm.stepProperty().get() + " " + vm.inputProblemProperty().get());
    }

    /** The review's rows as "label: value" lines. */
    private static String reviewText(SignViewModel vm) {
        StringBuilder b = new StringBuilder();
        vm.preparedProperty()
                .get()
                .review()
                .rows()
                .forEach(r -> b.append(r.label()).append(": ").append(r.value()).append('\n'));
        return b.toString();
    }

    /** Clicks Sign, which must be in sight without scrolling, and waits for the signing to end. */
    private void approve(FxRobot robot, SignViewModel vm, int seconds) throws Exception {
        assertTrue(vm.canApproveProperty().get(), vm.signersProblemProperty().get());
        assertInWindow(robot, "#sign-approve");
        robot.clickOn("#sign-approve");
        // A key's first signing runs its pairwise setup after round 1 is refused for want of one: the rows
        // must read as working on it, not as servers that failed, for as long as the setup takes.
        long[] failedSince = {0};
        waitFor(
                seconds,
                () -> {
                    boolean failed = vm.grid().cells().values().stream()
                            .flatMap(List::stream)
                            .anyMatch(c -> c.get() == StepState.FAILED);
                    long now = System.nanoTime();
                    failedSince[0] = failed ? (failedSince[0] == 0 ? now : failedSince[0]) : 0;
                    assertTrue(
                            failedSince[0] == 0 || now - failedSince[0] < TimeUnit.SECONDS.toNanos(3),
                            "a server's row read as failed for 3 s while signing went on: "
                                    + vm.statusProperty().get());
                    return vm.stepProperty().get() != Step.SIGNING;
                },
                () -> vm.statusProperty().get());
    }

    private void assertInWindow(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        var bounds = n.localToScene(n.getBoundsInLocal());
        double h = stage.getScene().getHeight();
        assertTrue(bounds.getMinY() >= 0 && bounds.getMaxY() <= h, id + " at " + bounds + " in a scene " + h + " tall");
    }

    /** Every chosen signer went through the three ECDSA rounds. */
    private static void assertThreeRoundsDone(SignViewModel vm) {
        List<Phase> phases = vm.grid().phases();
        assertEquals(List.of(Phase.IDENTITY, Phase.ROUND1, Phase.ROUND2, Phase.ROUND3), phases);
        vm.grid()
                .cells()
                .forEach((server, cells) -> assertEquals(
                        StepState.DONE, cells.get(phases.indexOf(Phase.ROUND3)).get(), server + " in round 3"));
    }

    private SignatureEntry lastHistoryEntry() {
        List<SignatureEntry> history = workspace.signatures(key.keyId());
        return history.get(history.size() - 1);
    }

    @Test
    void anEip1559TransactionIsReviewedSignedInThreeRoundsAndRecoversTheDerivedSender(FxRobot robot) throws Exception {
        SignViewModel vm = signTab(robot, SignService.of(workspace), Chain.EVM);
        waitFor(30, () -> vm.where().stagesProperty().get() != null, () -> "no address");
        String from = vm.where().stagesProperty().get().address();
        String tx = "{\"from\":\"" + from + "\",\"chainId\":\"0xaa36a7\",\"nonce\":\"0x3\",\"maxPriorityFeePerGas\":"
                + "\"0x3b9aca00\",\"maxFeePerGas\":\"0x9502f9000\",\"gas\":\"0x5208\",\"to\":"
                + "\"0x000000000000000000000000000000000000dEaD\",\"value\":\"0x2386f26fc10000\",\"data\":\"0x\"}";
        review(robot, vm, PayloadKind.ETH_TX, tx);
        String rows = reviewText(vm);
        for (String shown : List.of(
                "Chain id: 11155111 (Sepolia, a test network)",
                "To: 0x000000000000000000000000000000000000dEaD",
                "Value: 0.01 ETH",
                "Max fee per gas: 40 gwei",
                "Max priority fee: 1 gwei",
                "Gas limit: 21000",
                "Data: 0 bytes")) {
            assertTrue(rows.contains(shown), shown + " in\n" + rows);
        }
        Screenshots.save(robot, stage.getScene().getRoot(), "sign-ecdsa-it-review");
        approve(robot, vm, FIRST_SIGNING_SECONDS);
        assertEquals(Step.DONE, vm.stepProperty().get(), vm.failureProperty().get());
        assertThreeRoundsDone(vm);
        Screenshots.save(robot, stage.getScene().getRoot(), "sign-ecdsa-it-done");

        String signedHex = text(robot, "#sign-signed-tx");
        SignedEip1559 signed = SignedEip1559.decode(Hex.decode(signedHex.substring(2), "signed transaction"));
        assertTrue(EcRecover.sameAddress(from, signed.sender()), "the signed bytes recover the derived sender");
        assertEquals("0x" + Hex.encode(signed.txHash()), text(robot, "#sign-tx-hash"));
        assertEquals(11155111L, signed.transaction().chainId().longValueExact());
        SignatureEntry entry = lastHistoryEntry();
        assertEquals(SignedPayload.ETH_TX, entry.payload());
        assertTrue(EcRecover.sameAddress(from, entry.address()), entry.address());
    }

    @Test
    void aPsbtCancelledInItsSecondInputKeepsTheFirstSignatureThenIsSignedOnAndFinalized(FxRobot robot)
            throws Exception {
        ExtendedPublicKey root = Workspace.rootOf(key).key();
        Psbt psbt = PsbtFixtures.p2wpkhInputs(root, "m/84/0/0/0/4", "m/84/0/0/0/5");
        PausingSignService pausing = new PausingSignService(SignService.of(workspace), 2);
        SignViewModel vm = signTab(robot, pausing, Chain.BITCOIN_P2WPKH);
        review(robot, vm, PayloadKind.PSBT, psbt.toBase64());
        String rows = reviewText(vm);
        for (String shown : List.of(
                "Input 0: 0.00050000 BTC  P2WPKH  this key m/84/0/0/0/4",
                "Input 1: 0.00050000 BTC  P2WPKH  this key m/84/0/0/0/5",
                "Output 0: 0.00099000 BTC",
                "Fee: 0.00001000 BTC",
                "Fee rate: ")) {
            assertTrue(rows.contains(shown), shown + " in\n" + rows);
        }
        Screenshots.save(robot, stage.getScene().getRoot(), "sign-ecdsa-it-psbt-review");
        assertInWindow(robot, "#sign-approve");
        robot.clickOn("#sign-approve");
        assertTrue(
                pausing.reachedRound1.await(FIRST_SIGNING_SECONDS, TimeUnit.SECONDS),
                "the second input's signing reached round 1");
        try {
            waitFor(10, () -> text(robot, "#sign-part").startsWith("Signing 2 of 2: PSBT input 1"), () -> "");
            Screenshots.save(robot, stage.getScene().getRoot(), "sign-ecdsa-it-psbt-progress");
            robot.clickOn("#sign-cancel");
        } finally {
            pausing.release.countDown();
        }
        waitFor(
                120,
                () -> vm.stepProperty().get() != Step.SIGNING,
                () -> vm.statusProperty().get());
        assertEquals(Step.DONE, vm.stepProperty().get(), vm.failureProperty().get());
        String note = text(robot, "#sign-partial");
        assertTrue(note.startsWith("PSBT input 1 (P2WPKH, 50000 sat) was not signed: the signing was cancelled"), note);
        Psbt partial = Psbt.fromBase64(text(robot, "#sign-psbt"));
        assertEquals(1, partial.input(0).partialSigs().size(), "the first input's signature is kept");
        assertTrue(partial.input(1).partialSigs().isEmpty());
        assertEquals(SignedPayload.PSBT, lastHistoryEntry().payload());
        Screenshots.save(robot, stage.getScene().getRoot(), "sign-ecdsa-it-psbt-partial");

        robot.clickOn("#sign-rest");
        waitForReview(vm);
        assertEquals(1, vm.preparedProperty().get().signatureCount(), "only the input left is signed");
        robot.interact(vm::back);
        robot.clickOn("#sign-finalize");
        robot.clickOn("#sign-next");
        waitForReview(vm);
        approve(robot, vm, 120);
        assertEquals(Step.DONE, vm.stepProperty().get(), vm.failureProperty().get());
        assertNull(vm.partialProperty().get());
        assertThreeRoundsDone(vm);
        Screenshots.save(robot, stage.getScene().getRoot(), "sign-ecdsa-it-psbt-final");

        Transaction tx = Transaction.parseHex(text(robot, "#sign-signed-tx"));
        assertEquals(tx.txidHex(), text(robot, "#sign-tx-hash"));
        for (int i = 0; i < 2; i++) {
            byte[] pub = PublicDerivation.derive(root, DerivationPath.parse("m/84/0/0/0/" + (4 + i)))
                    .key()
                    .point()
                    .encode();
            List<byte[]> witness = tx.inputs().get(i).witness();
            assertTrue(Arrays.equals(pub, witness.get(1)), "input " + i + " witness key");
            byte[] sighash = Sighash.segwitV0(
                    psbt.unsignedTransaction(),
                    i,
                    Sighash.p2wpkhScriptCode(Digests.hash160(pub)),
                    PsbtFixtures.AMOUNT,
                    Sighash.ALL);
            assertTrue(verifies(pub, sighash, witness.get(0)), "input " + i + " signature over its BIP-143 sighash");
        }
    }

    private static boolean verifies(byte[] pub, byte[] sighash, byte[] sigWithType) {
        BigInteger[] rs = Der.decode(Arrays.copyOf(sigWithType, sigWithType.length - 1));
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(SECP.getCurve().decodePoint(pub), new ECDomainParameters(SECP)));
        return rs[1].compareTo(SECP.getN().shiftRight(1)) <= 0 && v.verifySignature(sighash, rs[0], rs[1]);
    }
}
