package io.keyshard.ui.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenException;
import io.keyshard.client.SignResult;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.sign.SignViewModel.InputMode;
import io.keyshard.ui.sign.SignViewModel.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sign stage's logic without a screen: the input and its review, the signers, the run, cancel and failures. */
class SignViewModelTest {
    private final ExecutorService background = Executors.newCachedThreadPool();
    /** One thread stands in for the FX thread: the model's updates happen one at a time, as on screen. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor();

    private final FakeSigning service = new FakeSigning();
    private final AtomicInteger signed = new AtomicInteger();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        background.shutdownNow();
        ui.shutdownNow();
    }

    private SignViewModel model(CurveName curve) {
        UiTasks direct = new UiTasks(Runnable::run, Runnable::run);
        SignViewModel vm = new SignViewModel(
                FakeSigning.pipeline(FakeSigning.key(curve), direct),
                service,
                new UiTasks(background, ui),
                signed::incrementAndGet);
        vm.where().recompute().join();
        return vm;
    }

    @Test
    void typedTextIsReviewedWithItsSizePreviewAndSha256() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        assertNull(vm.reviewProperty().get());
        assertEquals(
                "Type or paste the message, or open a file.",
                vm.inputProblemProperty().get());
        vm.textProperty().set("héllo\nworld");
        MessageReview r = vm.reviewProperty().get();
        byte[] bytes = "héllo\nworld".getBytes(StandardCharsets.UTF_8);
        assertEquals(12, r.size());
        assertTrue(r.shownAsText());
        assertEquals("héllo\nworld", r.preview());
        assertEquals(Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes)), r.sha256());
        assertNull(vm.inputProblemProperty().get());
    }

    @Test
    void hexInputIsDecodedAndBadHexSaysWhy() {
        SignViewModel vm = model(CurveName.ED25519);
        vm.modeProperty().set(InputMode.HEX);
        vm.textProperty().set("0x68 65 6c\n6c 6f");
        assertEquals("hello", vm.reviewProperty().get().preview());
        vm.textProperty().set("6g");
        assertNull(vm.reviewProperty().get());
        assertEquals("The hex is not valid hex", vm.inputProblemProperty().get());
        assertFalse(vm.next(), "nothing to review");
    }

    @Test
    void invisibleCharactersAndBinaryAreShownAsHex() {
        SignViewModel vm = model(CurveName.ED25519);
        vm.textProperty().set("pay\u202eeve");
        assertFalse(vm.reviewProperty().get().shownAsText(), "a bidi override would disguise the text");
        assertTrue(vm.reviewProperty().get().why().contains("invisible"));
        vm.modeProperty().set(InputMode.HEX);
        vm.textProperty().set("ff00");
        assertEquals("ff00", vm.reviewProperty().get().preview());
        assertEquals("it is not UTF-8 text", vm.reviewProperty().get().why());
    }

    @Test
    void aFileOverSixtyFourKibIsRefusedAndAFileSigns() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        Path big = Files.write(dir.resolve("big.bin"), new byte[65_537]);
        vm.open(big).exceptionally(e -> null).get(10, TimeUnit.SECONDS);
        assertEquals(
                "Cannot use big.bin: The message is 65537 bytes; at most 65536 bytes (64 KiB) can be signed.",
                vm.inputProblemProperty().get());
        Path small = Files.write(dir.resolve("tx.bin"), new byte[] {1, 2, 3});
        vm.open(small).get(10, TimeUnit.SECONDS);
        assertEquals(3, vm.reviewProperty().get().size());
        assertEquals("tx.bin", vm.fileProperty().get().name());
        vm.closeFile();
        assertNull(vm.reviewProperty().get(), "the typed input (empty) is the message again");
    }

    @Test
    void theFirstThresholdServersThatAnswerAreTickedAndTooFewSayWhatToDo() throws Exception {
        service.statuses.set(0, FakeSigning.down("OFFICIAL_1"));
        SignViewModel vm = model(CurveName.ED25519);
        vm.textProperty().set("hi");
        assertTrue(vm.next());
        vm.checkServers().get(10, TimeUnit.SECONDS);
        assertEquals(
                List.of(false, true, true),
                vm.signers().stream().map(c -> c.selectedProperty().get()).toList());
        assertTrue(vm.canApproveProperty().get());
        vm.signers().get(2).selectedProperty().set(false);
        assertEquals(
                "Tick at least 2 servers: this key needs 2 of its 3 servers to sign (1 ticked).",
                vm.signersProblemProperty().get());
        assertFalse(vm.canApproveProperty().get());
        vm.signers().get(0).selectedProperty().set(true);
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
    void approvingSignsWithTheTickedServersAtThePipelinePathAndRecordsIt() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.where().indexProperty().set(4);
        vm.textProperty().set("hello");
        vm.next();
        vm.checkServers().get(10, TimeUnit.SECONDS);
        var done = vm.approve();
        assertEquals(Step.SIGNING, vm.stepProperty().get());
        waitFor(() -> service.last != null);
        var request = service.requests.get(0);
        assertEquals(List.of("OFFICIAL_1", "OFFICIAL_2"), request.servers());
        assertEquals(
                vm.where().stagesProperty().get().derivationPath(),
                request.path().toString());
        assertTrue(request.path().toString().endsWith("/4"), request.path().toString());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), request.message());
        SignResult r = FakeSigning.result(request, request.message(), "addr");
        service.last.promise().complete(r);
        assertEquals(r, done.get(10, TimeUnit.SECONDS));
        assertEquals(Step.DONE, vm.stepProperty().get());
        assertEquals(1, service.recorded.size(), "added to the signing history");
        assertEquals(1, signed.get(), "the Keys screen is told");
        Path out = dir.resolve("sig.json");
        assertTrue(vm.save(out).get(10, TimeUnit.SECONDS).startsWith("Saved to"));
        assertTrue(Files.readString(out).contains(r.signature()));
        assertFalse(Files.readString(out).contains(r.keyId().toString()), "a saved signature names no keyId");
    }

    @Test
    void cancelEndsWithNothingSignedAndAClearState() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.textProperty().set("hello");
        vm.next();
        vm.checkServers().get(10, TimeUnit.SECONDS);
        var done = vm.approve();
        waitFor(() -> service.last != null);
        vm.cancel();
        assertTrue(service.last.isCancelled(), "the operation is asked to stop");
        service.last
                .promise()
                .completeExceptionally(
                        new KeygenException(null, "signing cancelled in round 1", ExitCoded.OTHER, null));
        waitFor(done::isDone);
        assertEquals(Step.FAILED, vm.stepProperty().get());
        assertTrue(vm.failureProperty().get().startsWith("Cancelled. Nothing was signed"));
        assertNull(vm.resultProperty().get());
        assertTrue(service.recorded.isEmpty());
        assertEquals(0, signed.get());
    }

    @Test
    void aBadShareNamesItsServerAndSaysToSignWithoutIt() throws Exception {
        SignViewModel vm = model(CurveName.ED25519);
        vm.textProperty().set("hello");
        vm.next();
        vm.checkServers().get(10, TimeUnit.SECONDS);
        var done = vm.approve();
        waitFor(() -> service.last != null);
        service.last
                .promise()
                .completeExceptionally(new KeygenException(
                        "OFFICIAL_2",
                        "signing failed, culprit server OFFICIAL_2: invalid signature share",
                        ExitCoded.PROTOCOL,
                        null));
        waitFor(done::isDone);
        assertEquals(Step.FAILED, vm.stepProperty().get());
        assertEquals("OFFICIAL_2", vm.failedServerProperty().get());
        assertTrue(
                vm.failureProperty().get().contains("Server OFFICIAL_2"),
                vm.failureProperty().get());
        assertTrue(
                vm.adviceProperty().get().contains("Untick OFFICIAL_2"),
                vm.adviceProperty().get());
        vm.reviewAgain();
        assertEquals(Step.REVIEW, vm.stepProperty().get());
    }

    @Test
    void anEcdsaKeySaysSigningIsNotAvailableYetForItsCurve() {
        SignViewModel vm = model(CurveName.SECP256K1);
        assertNotNull(vm.unavailableProperty().get());
        assertTrue(vm.unavailableProperty().get().startsWith("Signing is not available yet for SECP256k1 keys"));
        vm.textProperty().set("hello");
        assertFalse(vm.next());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
