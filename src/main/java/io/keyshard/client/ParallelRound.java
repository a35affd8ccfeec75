package io.keyshard.client;

import io.keyshard.ExitCoded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Sends one request to every server at once and waits for all answers, reporting each to the
 * operation's listeners; the first failure (or a cancel) ends the wait and names the server.
 */
final class ParallelRound {
    private ParallelRound() {
    }

    static <T> List<T> run(Operation<?> op, int round, List<NodeConnection> servers,
            Function<NodeConnection, CompletableFuture<T>> send) {
        Map<String, CompletableFuture<T>> futures = new LinkedHashMap<>();
        for (NodeConnection c : servers) {
            String what = round == 0 ? "identity" : "round " + round;
            op.emit(new KeygenProgress(KeygenProgress.Stage.SENT, round, c.name(), what + " requested"));
            CompletableFuture<T> f = send.apply(c);
            f.whenComplete((v, err) -> op.emit(new KeygenProgress(err == null ? KeygenProgress.Stage.DONE
                    : KeygenProgress.Stage.FAILED, round, c.name(), err == null ? what + " answered"
                    : NodeConnection.unwrap(err).getMessage())));
            futures.put(c.name(), f);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new));
        CompletableFuture<Object> firstFailure = new CompletableFuture<>();
        futures.values().forEach(f -> f.exceptionally(err -> {
            firstFailure.complete(null);
            return null;
        }));
        while (true) {
            if (op.isCancelled()) {
                futures.values().forEach(f -> f.cancel(true));
                throw new KeygenException(null, "key generation cancelled at round " + round, ExitCoded.OTHER, null);
            }
            try {
                CompletableFuture.anyOf(all, firstFailure).get(200, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                // poll the cancel flag again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeygenException(null, "key generation interrupted", ExitCoded.OTHER, e);
            } catch (ExecutionException e) {
                break;
            }
        }
        List<T> out = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<T>> e : futures.entrySet()) {
            CompletableFuture<T> f = e.getValue();
            if (f.isCompletedExceptionally()) {
                futures.values().forEach(other -> other.cancel(true));
                Throwable cause = NodeConnection.unwrap(f.handle((v, err) -> err).join());
                throw failure(e.getKey(), round, cause);
            }
        }
        for (CompletableFuture<T> f : futures.values()) {
            out.add(f.join());
        }
        return out;
    }

    static KeygenException failure(String server, int round, Throwable cause) {
        String where = round >= 1 && round <= 3 ? " in round " + round : round == 0 ? " before round 1" : " at commit";
        if (cause instanceof ServerException se) {
            return new KeygenException(server, "key generation failed" + where + ": " + se.getMessage(),
                    se.exitCode(), se);
        }
        return new KeygenException(server, "key generation failed" + where + ": server " + server + ": "
                + cause.getClass().getSimpleName(), ExitCoded.SERVER, cause);
    }
}
