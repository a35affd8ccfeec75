package io.keyshard.ui.backup;

import io.keyshard.ui.common.UiTasks;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A backup or restore that holds a password: it runs off the FX thread, the password is wiped once it is
 * done, and it completes with null, or with what went wrong in words for the dialog.
 */
final class PasswordWork {
    /** What is done with the password. */
    @FunctionalInterface
    interface Use<T> {
        T run(char[] password) throws Exception;
    }

    private PasswordWork() {}

    /** Runs {@code use} with {@code password}, then {@code done} with its result on the FX thread. */
    static <T> CompletableFuture<String> run(UiTasks tasks, char[] password, Use<T> use, Consumer<T> done) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        tasks.run(
                () -> {
                    try {
                        return use.run(password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                },
                result -> {
                    done.accept(result);
                    outcome.complete(null);
                },
                e -> outcome.complete(UiTasks.message(e)));
        return outcome;
    }
}
