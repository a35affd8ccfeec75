package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.bytes.Hex;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The one signing service of both faces (docs/cli.md, sign): decode and review a payload with no
 * server involved ({@link #prepare}), then sign it with t of the key's servers, check the result the
 * way the chain will, and add each signature to the key's signing history ({@link #sign}). Reached
 * through {@link Workspace#payloads()}.
 */
public final class PayloadSigning {
    private final Workspace workspace;

    PayloadSigning(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Decodes, checks and reviews {@code request}. Pure: reads the key from the vault, contacts no server.
     *
     * @throws IllegalArgumentException saying what is wrong with the input and what to do instead
     */
    public PreparedPayload prepare(PayloadRequest request) {
        KeyRecord key = workspace
                .key(request.keyId())
                .orElseThrow(() -> new IllegalArgumentException("no such key in the vault"));
        if (key.status() != KeyStatus.READY) {
            throw new IllegalArgumentException("signing needs a READY key; this one is " + key.status());
        }
        request.kind().requireCurve(key.curve());
        PayloadPlan plan = Decoding.guarded(() -> switch (request.kind()) {
            case MESSAGE, DIGEST -> RawPayloads.plan(key, request);
            case ETH_MESSAGE, ETH_TYPED, ETH_TX, ETH_AUTHORIZATION -> EvmPayloads.plan(key, request);
            case PSBT -> PsbtPayloads.plan(key, request);
            case SOLANA_TX -> SolanaPayloads.plan(key, request);
            case BTC_MESSAGE -> BitcoinMessagePayloads.plan(key, request);
            case TRON_TX, TRON_MESSAGE, TRON_TYPED -> TronPayloads.plan(key, request, Instant.now());
        });
        return new PreparedPayload(request, key.curve(), plan.review(), plan);
    }

    /**
     * Signs what {@code prepared} reviewed with {@code servers} (null: the first t of the key's servers
     * that answer). The promise completes with the checked result, or with a {@link KeygenException}
     * naming the server (exit 4 unreachable, 5 a bad answer); progress events are those of each
     * threshold signing in turn, and cancel stops the one running.
     *
     * @throws IllegalArgumentException at once when the key cannot sign this way (e.g. it left the vault or is no
     *     longer READY since the review)
     */
    public Operation<PayloadResult> sign(PreparedPayload prepared, List<String> servers) {
        return sign(prepared, servers, part -> {});
    }

    /**
     * As {@link #sign(PreparedPayload, List)}, telling {@code onPart} (on the signing thread) as each threshold
     * signing starts. When a later signing of a PSBT fails, the promise fails with a
     * {@link PartlySignedException} that keeps the PSBT with the signatures already made.
     */
    public Operation<PayloadResult> sign(
            PreparedPayload prepared, List<String> servers, Consumer<PartProgress> onPart) {
        List<PayloadPlan.Part> parts = prepared.plan().parts();
        Operation<PayloadResult> op = new Operation<>();
        onPart.accept(new PartProgress(1, parts.size(), parts.get(0).description()));
        Operation<SignResult> first = start(prepared, parts.get(0), servers, op);
        Thread t = new Thread(
                () -> {
                    try {
                        op.promise().complete(run(prepared, servers, op, first, onPart));
                    } catch (RuntimeException e) {
                        op.promise().completeExceptionally(NodeConnection.unwrap(e));
                    }
                },
                "payload-signing");
        t.setDaemon(true);
        t.start();
        return op;
    }

    private PayloadResult run(
            PreparedPayload prepared,
            List<String> servers,
            Operation<PayloadResult> op,
            Operation<SignResult> first,
            Consumer<PartProgress> onPart) {
        List<PayloadPlan.Part> parts = prepared.plan().parts();
        List<SignResult> results = new ArrayList<>();
        String historyProblem = null;
        for (int i = 0; i < parts.size(); i++) {
            SignResult r;
            try {
                if (op.isCancelled()) {
                    throw new KeygenException(null, "signing cancelled", ExitCoded.OTHER, null);
                }
                if (i > 0) {
                    onPart.accept(
                            new PartProgress(i + 1, parts.size(), parts.get(i).description()));
                }
                Operation<SignResult> running = i == 0 ? first : start(prepared, parts.get(i), servers, op);
                r = join(running);
            } catch (RuntimeException e) {
                throw keepingWhatWasSigned(prepared, results, historyProblem, parts.get(i), e);
            }
            results.add(r);
            String problem = record(prepared, parts.get(i), r);
            historyProblem = historyProblem == null ? problem : historyProblem;
        }
        PayloadResult out = prepared.plan().finish(results);
        return withHistory(out, historyProblem);
    }

    private static SignResult join(Operation<SignResult> running) {
        try {
            return running.promise().join();
        } catch (CompletionException e) {
            Throwable cause = NodeConnection.unwrap(e);
            throw cause instanceof RuntimeException re ? re : e;
        }
    }

    /**
     * A failure after some signatures were made: they are not thrown away (each is already in the signing
     * history, and a SIGHASH_ALL signature is good for this one transaction only), so the failure carries
     * the payload with them when its kind can hold a part of its signatures.
     */
    private static RuntimeException keepingWhatWasSigned(
            PreparedPayload prepared,
            List<SignResult> made,
            String historyProblem,
            PayloadPlan.Part failed,
            RuntimeException failure) {
        if (made.isEmpty()) {
            return failure;
        }
        PayloadResult partial;
        try {
            partial = prepared.plan().finishPartial(made);
        } catch (RuntimeException rejected) {
            failure.addSuppressed(rejected);
            return failure;
        }
        return partial == null
                ? failure
                : new PartlySignedException(withHistory(partial, historyProblem), failed.description(), failure);
    }

    private static PayloadResult withHistory(PayloadResult r, String historyProblem) {
        return historyProblem == null ? r : r.withHistoryProblem(historyProblem);
    }

    private Operation<SignResult> start(
            PreparedPayload prepared, PayloadPlan.Part part, List<String> servers, Operation<PayloadResult> outer) {
        PayloadRequest req = prepared.request();
        SignRequest request = new SignRequest(
                req.keyId(),
                part.path(),
                part.taproot(),
                part.message(),
                servers,
                part.chain(),
                req.network(),
                part.digest());
        Operation<SignResult> inner = workspace.sign(request);
        inner.cancelledWith(outer);
        inner.onProgress(outer::emit);
        return inner;
    }

    /**
     * Adds one signature to the key's sealed signing history. The signature is valid and already made, so a
     * history that cannot be written is reported with the result, not as a failure.
     */
    private String record(PreparedPayload prepared, PayloadPlan.Part part, SignResult r) {
        UUID keyId = prepared.keyId();
        try {
            workspace.recordSignature(
                    keyId,
                    r.signedAt(),
                    part.historyDigest(),
                    r.derivationPath(),
                    r.address(),
                    r.signers(),
                    Hex.decode(r.signature(), "signature"),
                    prepared.kind().history(),
                    part.description());
            return null;
        } catch (RuntimeException e) {
            return "the signature was made but not added to the key's signing history: " + e.getMessage();
        }
    }
}
