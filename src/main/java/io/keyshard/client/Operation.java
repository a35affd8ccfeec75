package io.keyshard.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A running {@link Workspace#call}: its {@link #promise()}, progress events for listeners,
 * and {@link #cancel()}. Listeners are called on the worker thread: a UI hops to its own thread.
 *
 * @param <T> the result type
 */
public final class Operation<T> {
    private final CompletableFuture<T> promise = new CompletableFuture<>();
    private final List<Consumer<KeygenProgress>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile Operation<?> outer;

    /** Completes with the result, or exceptionally with a {@link KeygenException} naming server and reason. */
    public CompletableFuture<T> promise() {
        return promise;
    }

    /** Adds a progress listener; returns this for chaining. */
    public Operation<T> onProgress(Consumer<KeygenProgress> listener) {
        listeners.add(listener);
        return this;
    }

    /** Asks the run to stop: it aborts on every server and the vault record becomes FAILED ("cancelled"). */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        Operation<?> o = outer;
        return cancelled || (o != null && o.isCancelled());
    }

    /** Makes a cancel of {@code outer} (an operation this one is a step of) cancel this one too. */
    void cancelledWith(Operation<?> outer) {
        this.outer = outer;
    }

    void emit(KeygenProgress event) {
        for (Consumer<KeygenProgress> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException ignored) {
                // a failing listener must not break the key generation
            }
        }
    }
}
