package io.keyshard.client;

import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;

/**
 * The pairwise setups of a workspace's ECDSA keys (docs/protocol.md, ECDSA pairwise setup): started after key
 * generation or on first use, one at a time, joined by whoever asks while one runs, and where signing stands for
 * a key. {@link Workspace} hands its callers to this.
 */
final class SigningSetups {
    /** Time each server gets to say where a key's pairwise setup stands. */
    static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);

    private final Vault vault;
    private final ExecutorService workers;
    private final Duration roundTimeout;
    /** The key's servers, local ones started first when asked ({@code true}) or left as they are. */
    private final BiFunction<KeyRecord, Boolean, Map<String, NodeConnection>> connections;

    private final Map<UUID, Operation<EcdsaSetupResult>> running = new ConcurrentHashMap<>();
    private final Map<UUID, String> failures = new ConcurrentHashMap<>();
    /**
     * Held while a pairwise setup runs: keys on the same servers share their pairs, so two setups at once would
     * replace each other's pairs, and the second, run after the first, finds them ready and runs nothing.
     */
    private final Object oneAtATime = new Object();

    private volatile boolean afterKeygen;

    SigningSetups(
            Vault vault,
            ExecutorService workers,
            Duration roundTimeout,
            BiFunction<KeyRecord, Boolean, Map<String, NodeConnection>> connections) {
        this.vault = vault;
        this.workers = workers;
        this.roundTimeout = roundTimeout;
        this.connections = connections;
    }

    /** See {@link Workspace#setUpSigningAfterKeygen}. */
    void setAfterKeygen(boolean on) {
        afterKeygen = on;
    }

    /** Starts the setup of a key just made, when that is on and the key needs one; the key is made whatever happens. */
    void afterKeygen(GeneratedKey made) {
        KeyRecord key = made.record();
        if (!afterKeygen || key.status() != KeyStatus.READY || !EcdsaSetupRun.needed(key.curve())) {
            return;
        }
        try {
            start(key.keyId());
        } catch (RuntimeException e) {
            // its first signing runs the setup
            failures.put(key.keyId(), String.valueOf(e.getMessage()));
        }
    }

    /** See {@link Workspace#ecdsaSetup}. */
    Operation<EcdsaSetupResult> start(UUID keyId) {
        KeyRecord key = vault.get(keyId).orElseThrow(() -> new IllegalArgumentException("no such key in the vault"));
        if (key.status() != KeyStatus.READY || !EcdsaSetupRun.needed(key.curve())) {
            throw new IllegalArgumentException("a pairwise setup is for READY ECDSA keys only");
        }
        Operation<EcdsaSetupResult> op = new Operation<>();
        Operation<EcdsaSetupResult> already = running.putIfAbsent(keyId, op);
        if (already != null) {
            return already;
        }
        CompletableFuture.runAsync(
                () -> {
                    // the key stops reading "being set up" before anyone waiting on the promise goes on
                    EcdsaSetupResult result;
                    try {
                        synchronized (oneAtATime) {
                            result = new EcdsaSetupRun(key, connections.apply(key, true), op, roundTimeout).ensure();
                        }
                    } catch (RuntimeException e) {
                        failures.put(keyId, String.valueOf(e.getMessage()));
                        running.remove(keyId, op);
                        op.promise().completeExceptionally(e);
                        return;
                    }
                    failures.remove(keyId);
                    running.remove(keyId, op);
                    op.promise().complete(result);
                },
                workers);
        return op;
    }

    /** Runs the key's pairwise setup, or waits for the one running; its failure as it came. */
    void join(UUID keyId) {
        try {
            start(keyId).promise().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** See {@link Workspace#settingUpSigning}. */
    boolean settingUp(UUID keyId) {
        return running.containsKey(keyId);
    }

    /** See {@link Workspace#signingReadiness}. */
    SigningReadiness readiness(UUID keyId) {
        KeyRecord key = vault.get(keyId).orElseThrow(() -> new IllegalArgumentException("no such key in the vault"));
        if (key.status() != KeyStatus.READY) {
            throw new IllegalArgumentException("only a READY key signs; this one is " + key.status());
        }
        if (!EcdsaSetupRun.needed(key.curve())) {
            return SigningReadiness.of(SigningReadiness.State.READY);
        }
        if (settingUp(keyId)) {
            return SigningReadiness.of(SigningReadiness.State.SETTING_UP);
        }
        SigningReadiness asked = SigningReadinessCheck.ask(key, connections.apply(key, false), STATUS_TIMEOUT);
        String failure = failures.get(keyId);
        // after a failed setup, servers that cannot all confirm a complete one are taken not to hold one
        return asked.state() != SigningReadiness.State.READY && failure != null
                ? new SigningReadiness(SigningReadiness.State.ON_FIRST_USE, "the last setup failed: " + failure)
                : asked;
    }

    /** See {@link Workspace#signingReadinessAfterSetup}. */
    CompletableFuture<SigningReadiness> readinessAfterSetup(UUID keyId) {
        Operation<EcdsaSetupResult> setup = running.get(keyId);
        if (setup == null) {
            try {
                return CompletableFuture.supplyAsync(() -> readiness(keyId), workers);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.failedFuture(new IllegalStateException("the vault was locked"));
            }
        }
        return setup.promise()
                .handle((done, e) -> e == null
                        ? SigningReadiness.of(SigningReadiness.State.READY)
                        : new SigningReadiness(
                                SigningReadiness.State.ON_FIRST_USE,
                                "the setup failed: " + NodeConnection.unwrap(e).getMessage()));
    }

    /** Cancels the setups still running (each server keeps what it held; the key's first signing sets it up). */
    void cancelAll() {
        // a setup left running would go on sending steps for nothing
        running.values().forEach(Operation::cancel);
    }
}
