package io.keyshard.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs blocking work on a background executor and hands the outcome to the UI executor (the FX
 * thread in the app, the calling thread in view-model tests), so view-models never block the screen.
 */
public final class UiTasks {
    private final Executor background;
    private final Executor ui;

    public UiTasks(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Blocking work that gives a value. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} in the background; then {@code done} or {@code failed} on the UI executor. */
    public <T> CompletableFuture<T> run(Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return work.run();
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                },
                background);
        CompletableFuture<T> out = new CompletableFuture<>();
        f.whenComplete((v, err) -> ui.execute(() -> {
            try {
                if (err == null) {
                    done.accept(v);
                } else {
                    failed.accept(unwrap(err));
                }
            } finally {
                if (err == null) {
                    out.complete(v);
                } else {
                    out.completeExceptionally(unwrap(err));
                }
            }
        }));
        return out;
    }

    /** Runs on the UI executor. */
    public void ui(Runnable r) {
        ui.execute(r);
    }

    /** The cause under CompletionException wrappers. */
    public static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A message for people: the exception's own message, or its kind when it has none. */
    public static String message(Throwable t) {
        Throwable u = unwrap(t);
        return u.getMessage() == null ? u.getClass().getSimpleName() : u.getMessage();
    }
}
