package io.keyshard.ui.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.PartProgress;
import io.keyshard.client.PartlySignedException;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.payload.bitcoin.PsbtFixtures;
import io.keyshard.ui.common.StepState;
import io.keyshard.ui.sign.SignViewModel.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PSBT in the Sign stage without servers: finalize as asked, the input being signed named k of n with a
 * fresh grid for each, and a PSBT signed in part handed back with the failed input named and signed on.
 */
class SignPsbtViewModelTest {
    @TempDir
    Path home;

    private SignHarness h;
    private SignViewModel vm;
    private String psbt;

    @BeforeEach
    void twoInputs() {
        h = new SignHarness(home);
        vm = h.model(CurveName.SECP256K1);
        psbt = PsbtFixtures.p2wpkhInputs(Workspace.rootOf(h.key).key(), "m/84/0/0/0/1", "m/84/0/0/0/2")
                .toBase64();
        vm.kindProperty().set(PayloadKind.PSBT);
        vm.textProperty().set(psbt);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void finalizeIsAskedOfTheServiceOnlyWhenTicked() throws Exception {
        assertEquals(false, SignHarness.review(vm).request().finalizePsbt());
        h.ui.submit(vm::back).get();
        vm.finalizePsbtProperty().set(true);
        assertEquals(true, SignHarness.review(vm).request().finalizePsbt());
    }

    @Test
    void eachInputIsNamedKOfNOnAFreshGrid() throws Exception {
        PreparedPayload p = SignHarness.review(vm);
        assertEquals(2, p.signatureCount());
        vm.approve();
        SignHarness.waitFor(() -> h.service.last != null);
        h.service.parts.get(0).accept(new PartProgress(1, 2, "PSBT input 0 (P2WPKH, 50000 sat)"));
        SignHarness.waitFor(() -> !vm.partProperty().get().isEmpty());
        h.ui.submit(() -> vm.grid().apply(done(Phase.ROUND1))).get();
        assertEquals(StepState.DONE, onUi(() -> state(Phase.ROUND1)));
        assertEquals(
                "Signing 1 of 2: PSBT input 0 (P2WPKH, 50000 sat)",
                onUi(() -> vm.partProperty().get()));
        h.service.parts.get(0).accept(new PartProgress(2, 2, "PSBT input 1 (P2WPKH, 50000 sat)"));
        SignHarness.waitFor(() -> vm.partProperty().get().startsWith("Signing 2 of 2"));
        assertEquals(StepState.WAITING, onUi(() -> state(Phase.ROUND1)), "the next input starts on a fresh grid");
    }

    @Test
    void aLaterInputFailingHandsBackThePsbtWithTheSignaturesMadeAndSignsOn() throws Exception {
        PreparedPayload p = SignHarness.review(vm);
        var done = vm.approve();
        SignHarness.waitFor(() -> h.service.last != null);
        PayloadResult partial = FakeSigning.psbtResult(p, List.of("OFFICIAL_1", "OFFICIAL_2"), psbt, List.of(0));
        h.service
                .last
                .promise()
                .completeExceptionally(new PartlySignedException(
                        partial,
                        "PSBT input 1 (P2WPKH, 50000 sat)",
                        new KeygenException("OFFICIAL_2", "OFFICIAL_2 did not answer", ExitCoded.SERVER, null)));
        assertEquals(partial, done.get(10, TimeUnit.SECONDS));
        SignHarness.waitFor(() -> vm.stepProperty().get() == Step.DONE);
        String note = onUi(() -> vm.partialProperty().get());
        assertTrue(note.startsWith("PSBT input 1 (P2WPKH, 50000 sat) was not signed: OFFICIAL_2 did not answer"), note);
        assertTrue(note.contains("(input 0)") && note.contains("not finalized"), note);
        assertEquals(partial, vm.resultProperty().get(), "the PSBT with the signature made is offered");
        assertEquals(1, h.signedCount.get(), "the Keys screen is told: its history has the signature made");

        h.ui.submit(vm::signTheRest).get();
        SignHarness.waitFor(() -> vm.stepProperty().get() == Step.REVIEW);
        assertEquals(psbt, vm.textProperty().get(), "the PSBT handed back is what is signed on");
        assertNull(vm.partialProperty().get());
        assertNull(vm.resultProperty().get());
    }

    private StepState state(Phase phase) {
        return vm.grid()
                .cells()
                .get("OFFICIAL_1")
                .get(vm.grid().phases().indexOf(phase))
                .get();
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return h.ui.submit(read).get();
    }

    private static KeygenProgress done(Phase phase) {
        return new KeygenProgress(KeygenProgress.Stage.DONE, phase, "OFFICIAL_1", null, "");
    }
}
