package io.keyshard.ui.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.address.Chain;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.SignReview;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.sign.SignViewModel.InputMode;
import io.keyshard.ui.sign.SignViewModel.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sign stage's logic without a screen or servers: input, review, signers, the run, cancel, failures. */
class SignViewModelTest {
    @TempDir
    Path home;

    @TempDir
    Path dir;

    private SignHarness h;
    private FakeSigning service;
    private ExecutorService ui;
    private AtomicInteger signedCount;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private SignViewModel model(CurveName curve) {
        h = new SignHarness(home);
        service = h.service;
        ui = h.ui;
        signedCount = h.signedCount;
        return h.model(curve);
    }

    private static PreparedPayload review(SignViewModel vm) throws Exception {
        return SignHarness.review(vm);
    }

    @Test
    void aTypedMessageIsReviewedByTheServiceWithItsSha256() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        assertNull(vm.inputProblemProperty().get(), "nothing typed yet is not shown as a mistake");
        assertFalse(vm.inputReadyProperty().get());
        assertEquals(
                "Type or paste what to sign, or open a file.",
                vm.inputSizeProperty().get());
        assertNull(vm.next().get(10, TimeUnit.SECONDS), "nothing to review yet");
        vm.textProperty().set("héllo\nworld");
        assertEquals("12 bytes", vm.inputSizeProperty().get());
        assertTrue(vm.inputReadyProperty().get());
        PreparedPayload p = review(vm);
        assertEquals(Step.REVIEW, vm.stepProperty().get());
        SignReview r = p.review();
        assertEquals("Message", r.title());
        assertTrue(
                r.rows()
                        .contains(new SignReview.Row(
                                "Path", vm.where().stagesProperty().get().derivationPath())),
                r.rows().toString());
        assertTrue(
                r.rows().contains(new SignReview.Row("Length", "12 bytes")),
                r.rows().toString());
        byte[] bytes = "héllo\nworld".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes)),
                vm.messageSha256Property().get());
    }

    @Test
    void hexInputIsDecodedAndBadHexSaysWhy() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.modeProperty().set(InputMode.HEX);
        vm.textProperty().set("0x68 65 6c\n6c 6f");
        assertEquals("5 bytes", vm.inputSizeProperty().get());
        vm.textProperty().set("6g");
        assertEquals("The hex is not valid hex", vm.inputProblemProperty().get());
        assertNull(vm.next().get(10, TimeUnit.SECONDS), "nothing to review");
        assertEquals(Step.COMPOSE, vm.stepProperty().get());
    }

    @Test
    void aKindThatReadsJsonAloneTakesTheInputAsTextAndOffersNoHex() {
        SignViewModel vm = model(CurveName.SECP256K1);
        vm.modeProperty().set(InputMode.HEX);
        vm.kindProperty().set(PayloadKind.ETH_AUTHORIZATION);
        assertEquals(InputMode.TEXT, vm.modeProperty().get());
        vm.textProperty().set("{\"chainId\":1}");
        assertEquals("13 bytes", vm.inputSizeProperty().get());
        assertFalse(PayloadKind.ETH_TYPED.takesHex());
        assertTrue(PayloadKind.ETH_TX.takesHex());
    }

    @Test
    void aMessageOverSixtyFourKibIsRefusedBeforeAnyServerAndAFileSigns() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        Path big = Files.write(dir.resolve("big.bin"), new byte[65_537]);
        vm.open(big).get(10, TimeUnit.SECONDS);
        assertEquals("65537 bytes from big.bin", vm.inputSizeProperty().get());
        vm.next().exceptionally(e -> null).get(10, TimeUnit.SECONDS);
        waitFor(() -> vm.inputProblemProperty().get() != null);
        assertTrue(
                vm.inputProblemProperty().get().contains("at most 65536 bytes (64 KiB)"),
                vm.inputProblemProperty().get());
        assertEquals(Step.COMPOSE, vm.stepProperty().get());
        assertTrue(service.signed.isEmpty());
        Path small = Files.write(dir.resolve("tx.bin"), new byte[] {1, 2, 3});
        vm.open(small).get(10, TimeUnit.SECONDS);
        assertEquals("3 bytes from tx.bin", vm.inputSizeProperty().get());
        vm.closeFile();
        assertEquals(
                "Type or paste what to sign, or open a file.",
                vm.inputSizeProperty().get(),
                "the typed input (empty) is the payload again");
    }

    @Test
    void theFirstThresholdServersThatAnswerAreTickedAndTooFewSayWhatToDo() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        service.statuses.set(0, FakeSigning.down("OFFICIAL_1"));
        vm.textProperty().set("hi");
        review(vm);
        assertEquals(
                List.of(false, true, true),
                vm.signers().stream().map(c -> c.selectedProperty().get()).toList());
        assertTrue(vm.canApproveProperty().get());
        ui.submit(() -> vm.signers().get(2).selectedProperty().set(false)).get();
        assertEquals(
                "Tick at least 2 servers: this key needs 2 of its 3 servers to sign (1 ticked).",
                vm.signersProblemProperty().get());
        assertFalse(vm.canApproveProperty().get());
        ui.submit(() -> vm.signers().get(0).selectedProperty().set(true)).get();
        assertEquals(
                "OFFICIAL_1 does not answer: untick it and tick a server that answers.",
                vm.signersProblemProperty().get());

        service.statuses.set(1, FakeSigning.down("OFFICIAL_2"));
        vm.checkServers().get(10, TimeUnit.SECONDS);
        assertEquals(
                "Only 1 of the key's 3 servers answer; signing needs 2. Start the others (Servers screen), then Check "
                        + "again.",
                vm.signersProblemProperty().get());
        assertFalse(vm.canApproveProperty().get());
    }

    @Test
    void approvingSignsWhatWasReviewedWithTheTickedServersAtThePipelinePath() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.where().indexProperty().set(4);
        vm.textProperty().set("hello");
        PreparedPayload p = review(vm);
        assertTrue(p.derivationPath().endsWith("/4"), p.derivationPath());
        var done = vm.approve();
        assertEquals(Step.SIGNING, vm.stepProperty().get());
        assertEquals(
                List.of(Phase.IDENTITY, Phase.ROUND1, Phase.ROUND2), vm.grid().phases(), "FROST: two rounds");
        waitFor(() -> service.last != null);
        assertEquals(p, service.signed.get(0), "the payload reviewed is the one signed");
        assertEquals(List.of("OFFICIAL_1", "OFFICIAL_2"), service.signers.get(0));
        PayloadResult r = FakeSigning.result(p, service.signers.get(0), "hello".getBytes(StandardCharsets.UTF_8));
        service.last.promise().complete(r);
        assertEquals(r, done.get(10, TimeUnit.SECONDS));
        waitFor(() -> vm.stepProperty().get() == Step.DONE);
        assertEquals(1, signedCount.get(), "the Keys screen is told");
        Path out = dir.resolve("sig.json");
        assertTrue(vm.save(out).get(10, TimeUnit.SECONDS).startsWith("Saved to"));
        assertTrue(Files.readString(out).contains(r.signature()));
        assertFalse(Files.readString(out).contains(r.keyId().toString()), "a saved signature names no keyId");
    }

    @Test
    void cancelEndsWithNothingSignedAndAClearState() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.textProperty().set("hello");
        review(vm);
        var done = vm.approve();
        waitFor(() -> service.last != null);
        ui.submit(vm::cancel).get();
        assertTrue(service.last.isCancelled(), "the operation is asked to stop");
        service.last
                .promise()
                .completeExceptionally(
                        new KeygenException(null, "signing cancelled in round 1", ExitCoded.OTHER, null));
        waitFor(() -> done.isDone() && vm.stepProperty().get() == Step.FAILED);
        assertTrue(vm.failureProperty().get().startsWith("Cancelled. Nothing was signed"));
        assertNull(vm.resultProperty().get());
        assertEquals(0, signedCount.get());
    }

    @Test
    void oneServersReportAboutAnotherNamesBothAndBlamesNeither() throws Exception {
        SignViewModel vm = model(CurveName.SECP256K1);
        vm.textProperty().set("hello");
        review(vm);
        var done = vm.approve();
        waitFor(() -> service.last != null);
        service.last
                .promise()
                .completeExceptionally(KeygenException.disputed(
                        "OFFICIAL_1",
                        "OFFICIAL_2",
                        "signing failed in round 3: OFFICIAL_1 reports that OFFICIAL_2's message failed the "
                                + "multiplication check; one of the two servers is faulty",
                        null));
        waitFor(() -> done.isDone() && vm.stepProperty().get() == Step.FAILED);
        assertNull(vm.failedServerProperty().get());
        String failure = vm.failureProperty().get();
        assertTrue(failure.startsWith("Nothing was signed: signing failed in round 3: OFFICIAL_1 reports"), failure);
        String advice = vm.adviceProperty().get();
        assertTrue(advice.contains("whether OFFICIAL_2 sent a bad one or OFFICIAL_1 reports falsely"), advice);
        assertTrue(advice.contains("untick OFFICIAL_1 or OFFICIAL_2"), advice);
    }

    @Test
    void aBadShareNamesItsServerAndSaysToSignWithoutIt() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.textProperty().set("hello");
        review(vm);
        var done = vm.approve();
        waitFor(() -> service.last != null);
        service.last
                .promise()
                .completeExceptionally(new KeygenException(
                        "OFFICIAL_2",
                        "signing failed, culprit server OFFICIAL_2: invalid signature share",
                        ExitCoded.PROTOCOL,
                        null));
        waitFor(() -> done.isDone() && vm.stepProperty().get() == Step.FAILED);
        assertEquals("OFFICIAL_2", vm.failedServerProperty().get());
        assertTrue(
                vm.failureProperty().get().contains("Server OFFICIAL_2"),
                vm.failureProperty().get());
        assertTrue(
                vm.adviceProperty().get().contains("Untick OFFICIAL_2"),
                vm.adviceProperty().get());
        ui.submit(vm::reviewAgain).get();
        assertEquals(Step.REVIEW, vm.stepProperty().get());
    }

    @Test
    void anEcdsaKeysProgressShowsItsThreeRounds() throws Exception {
        SignViewModel vm = model(CurveName.SECP256K1);
        vm.textProperty().set("hello");
        review(vm);
        vm.approve();
        assertEquals(
                List.of(Phase.IDENTITY, Phase.ROUND1, Phase.ROUND2, Phase.ROUND3),
                vm.grid().phases(),
                "threshold ECDSA signs in three rounds");
        assertEquals(4, vm.grid().cells().get("OFFICIAL_1").size());
    }

    @Test
    void aRefusalBeforeAnythingIsSentIsANamedFailureWithTheWayBack() throws Exception {
        SignViewModel vm = model(CurveName.SECP256K1);
        vm.textProperty().set("hello");
        review(vm);
        service.refuse = "no such key in the vault"; // deleted in another window after the review
        var done = vm.approve();
        waitFor(() -> done.isDone() && vm.stepProperty().get() == Step.FAILED);
        assertEquals(
                "Nothing was signed: no such key in the vault",
                vm.failureProperty().get());
        assertTrue(
                vm.adviceProperty().get().startsWith("Nothing was sent to a server."),
                vm.adviceProperty().get());
        assertNull(vm.failedServerProperty().get(), "no server is blamed");
        assertNull(service.last, "no signing started");
        ui.submit(vm::back).get();
        assertEquals(Step.COMPOSE, vm.stepProperty().get());
        assertEquals("hello", vm.textProperty().get(), "the message is kept to review again");
    }

    @Test
    void anEthereumKindSignsOnTheEvmChain() {
        SignViewModel vm = model(CurveName.SECP256K1);
        vm.where().chainProperty().set(Chain.BITCOIN_P2WPKH);
        vm.kindProperty().set(PayloadKind.ETH_MESSAGE);
        assertEquals(Chain.EVM, vm.where().chainProperty().get());
        vm.where().chainProperty().set(Chain.BITCOIN_P2WPKH);
        assertEquals(
                PayloadKind.MESSAGE,
                vm.kindProperty().get(),
                "a chain the Ethereum kind does not sign on makes it a plain message, signed where the choices say");
        vm.kindProperty().set(PayloadKind.PSBT);
        vm.where().chainProperty().set(Chain.EVM);
        assertEquals(PayloadKind.PSBT, vm.kindProperty().get(), "a PSBT names its own paths on any chain");
    }

    @Test
    void aBitcoinMessageSignsForABitcoinAddressAndKeepsTheKindOfAddressChosen() {
        SignViewModel vm = model(CurveName.SECP256K1);
        vm.where().chainProperty().set(Chain.EVM);
        vm.kindProperty().set(PayloadKind.BTC_MESSAGE);
        assertEquals(Chain.BITCOIN_P2WPKH, vm.where().chainProperty().get(), "native SegWit first");
        vm.where().chainProperty().set(Chain.BITCOIN_P2PKH);
        assertEquals(PayloadKind.BTC_MESSAGE, vm.kindProperty().get(), "a legacy address signs one too");
        vm.where().chainProperty().set(Chain.EVM);
        assertEquals(PayloadKind.MESSAGE, vm.kindProperty().get());
    }

    @Test
    void aTaprootKeysBitcoinMessageSignsForItsTaprootAddress() {
        SignViewModel taproot = model(CurveName.SECP256K1_SCHNORR);
        taproot.kindProperty().set(PayloadKind.BTC_MESSAGE);
        assertEquals(Chain.BITCOIN_P2TR, taproot.where().chainProperty().get());
    }

    @Test
    void theReviewFollowsTheAddressChosenAboveAndSignIsForTheOneShown() throws Exception {
        SignViewModel vm = model(CurveName.SECP256K1);
        vm.textProperty().set("hello");
        PreparedPayload first = review(vm);
        assertTrue(first.derivationPath().endsWith("/0"), first.derivationPath());
        String firstAddress = vm.where().stagesProperty().get().address();
        ui.submit(() -> vm.where().indexProperty().set(3)).get();
        waitFor(() -> !vm.preparingProperty().get() && vm.preparedProperty().get() != null);
        PreparedPayload moved = vm.preparedProperty().get();
        assertEquals(Step.REVIEW, vm.stepProperty().get(), "the review is made again where it is");
        assertTrue(moved.derivationPath().endsWith("/3"), moved.derivationPath());
        String shown = vm.where().stagesProperty().get().address();
        assertTrue(!shown.equals(firstAddress), "index 3 gives another address");
        assertTrue(
                moved.review().rows().contains(new SignReview.Row("Address", shown)),
                "the review names the address the choices give now: "
                        + moved.review().rows());
        var done = vm.approve();
        waitFor(() -> service.last != null);
        assertEquals(List.of(moved), service.signed, "Sign signs the review shown, at index 3");
        service.last.promise().completeExceptionally(new IllegalStateException("not needed"));
        waitFor(done::isDone);
    }

    @Test
    void choicesThatGiveNoAddressTakeTheReviewBackToTheInput() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.textProperty().set("hello");
        review(vm);
        ui.submit(() -> vm.where().indexText("seven")).get();
        assertEquals(Step.COMPOSE, vm.stepProperty().get());
        assertNull(vm.preparedProperty().get(), "nothing is left to approve");
        assertFalse(vm.canApproveProperty().get());
        ui.submit(() -> vm.where().indexText("7")).get();
        assertEquals(Step.COMPOSE, vm.stepProperty().get(), "a new review waits for Review, as the first did");
        PreparedPayload p = review(vm);
        assertTrue(p.derivationPath().endsWith("/7"), p.derivationPath());
    }

    @Test
    void backWhileTheReviewIsMadeAgainStaysOnTheInput() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.textProperty().set("hello");
        review(vm);
        service.holdPrepare = new CountDownLatch(1);
        ui.submit(() -> vm.where().indexProperty().set(2)).get();
        assertTrue(vm.preparingProperty().get(), "the review is being made again for index 2");
        ui.submit(vm::back).get();
        int updates = h.uiUpdates.get();
        service.holdPrepare.countDown();
        waitFor(() -> h.uiUpdates.get() > updates); // the answer nobody waits for has arrived
        assertEquals(Step.COMPOSE, vm.stepProperty().get(), "a review nobody waits for does not come back");
        assertNull(vm.preparedProperty().get());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        SignHarness.waitFor(condition);
    }
}
