package io.keyshard.ui;

import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.client.Operation;
import io.keyshard.client.PartProgress;
import io.keyshard.client.PayloadRequest;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.ServerStatus;
import io.keyshard.ui.sign.SignService;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The real service, with a signing held when one of its signings (a PSBT's input {@code part}, from 1) first
 * asks for round 1, until the test lets it go: a moment to click Cancel or take a picture in.
 */
final class PausingSignService implements SignService {
    final CountDownLatch reachedRound1 = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final SignService real;
    private final int part;
    private final AtomicBoolean paused = new AtomicBoolean();

    PausingSignService(SignService real, int part) {
        this.real = real;
        this.part = part;
    }

    @Override
    public PreparedPayload prepare(PayloadRequest request) {
        return real.prepare(request);
    }

    @Override
    public Operation<PayloadResult> sign(
            PreparedPayload prepared, List<String> servers, Consumer<PartProgress> onPart) {
        AtomicInteger running = new AtomicInteger();
        Operation<PayloadResult> op = real.sign(prepared, servers, p -> {
            running.set(p.number());
            onPart.accept(p);
        });
        op.onProgress(e -> {
            if (e.phase() == Phase.ROUND1
                    && e.stage() == KeygenProgress.Stage.SENT
                    && running.get() == part
                    && paused.compareAndSet(false, true)) {
                reachedRound1.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return op;
    }

    @Override
    public List<ServerStatus> servers() throws IOException {
        return real.servers();
    }
}
