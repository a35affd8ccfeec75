package io.keyshard.ui.sign;

import io.keyshard.client.PreparedPayload;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Sign stage view models for tests without a screen: a real vault and workspace, the {@link FakeSigning} service. */
final class SignHarness implements AutoCloseable {
    private final ExecutorService background = Executors.newCachedThreadPool();
    /** One thread stands in for the FX thread: the model's updates happen one at a time, as on screen. */
    final ExecutorService ui = Executors.newSingleThreadExecutor();

    /** How often the Keys screen was told of a signing. */
    final AtomicInteger signedCount = new AtomicInteger();

    /** How many of the model's own updates (answers of background work) the stand-in FX thread has run. */
    final AtomicInteger uiUpdates = new AtomicInteger();

    final Vault vault;
    final Workspace workspace;
    final FakeSigning service;
    KeyRecord key;

    SignHarness(Path home) {
        vault = TestApps.createVault(home);
        workspace = Workspace.open(home, vault);
        service = new FakeSigning(workspace);
    }

    /** The Sign stage of a new READY 2-of-3 key of {@code curve}, its pipeline computed. */
    SignViewModel model(CurveName curve) {
        UiTasks direct = new UiTasks(Runnable::run, Runnable::run);
        key = FakeSigning.readyIn(vault, curve);
        SignViewModel vm = new SignViewModel(
                FakeSigning.pipeline(key, workspace, direct),
                service,
                new UiTasks(
                        background,
                        r -> ui.execute(() -> {
                            try {
                                r.run();
                            } finally {
                                uiUpdates.incrementAndGet();
                            }
                        })),
                signedCount::incrementAndGet);
        vm.where().recompute().join();
        return vm;
    }

    /** Next, waited for; then the signers' health, waited for. */
    static PreparedPayload review(SignViewModel vm) throws Exception {
        PreparedPayload p = vm.next().get(10, TimeUnit.SECONDS);
        waitFor(() -> vm.signers().size() == 3
                && vm.signers().stream().allMatch(c -> c.statusProperty().get() != null));
        return p;
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        ui.shutdownNow();
        workspace.close();
        vault.close();
    }
}
