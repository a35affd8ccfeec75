package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenProgress.Phase;
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
    private ParallelRound() {}

    static <T> List<T> run(
            Operation<?> op,
            Phase phase,
            List<NodeConnection> servers,
            Function<NodeConnection, CompletableFuture<T>> send) {
        return run(op, KEYGEN, phase, servers, send);
    }

    /** What a failure message calls the run. */
    static final String KEYGEN = "key generation";

    /** Like {@link #run(Operation, Phase, List, Function)} for a run whose messages call it {@code activity}. */
    static <T> List<T> run(
            Operation<?> op,
            String activity,
            Phase phase,
            List<NodeConnection> servers,
            Function<NodeConnection, CompletableFuture<T>> send) {
        if (op.isCancelled()) {
            // nothing is sent after a cancel: no server stores a round it was never asked for
            throw new KeygenException(
                    null, activity + " cancelled " + where(phase).strip(), ExitCoded.OTHER, null);
        }
        Map<String, CompletableFuture<T>> futures = new LinkedHashMap<>();
        for (NodeConnection c : servers) {
            String what = phase == Phase.IDENTITY ? "identity" : "round " + phase.ordinal();
            op.emit(KeygenProgress.of(KeygenProgress.Stage.SENT, phase, c.name(), what + " requested"));
            // the run waits on the future that completes after the event is emitted, so a listener sees each
            // answer before the run moves on to the next phase
            CompletableFuture<T> f = send.apply(c)
                    .whenComplete((v, err) -> op.emit(KeygenProgress.of(
                            err == null ? KeygenProgress.Stage.DONE : KeygenProgress.Stage.FAILED,
                            phase,
                            c.name(),
                            err == null
                                    ? what + " answered"
                                    : NodeConnection.unwrap(err).getMessage())));
            futures.put(c.name(), f);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new));
        CompletableFuture<Object> firstFailure = new CompletableFuture<>();
        futures.values()
                .forEach(f -> f.exceptionally(err -> {
                    firstFailure.complete(null);
                    return null;
                }));
        while (true) {
            if (op.isCancelled()) {
                futures.values().forEach(f -> f.cancel(true));
                throw new KeygenException(
                        null, activity + " cancelled " + where(phase).strip(), ExitCoded.OTHER, null);
            }
            try {
                CompletableFuture.anyOf(all, firstFailure).get(200, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                // poll the cancel flag again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeygenException(null, activity + " interrupted", ExitCoded.OTHER, e);
            } catch (ExecutionException e) {
                break;
            }
        }
        List<T> out = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<T>> e : futures.entrySet()) {
            CompletableFuture<T> f = e.getValue();
            if (f.isCompletedExceptionally()) {
                futures.values().forEach(other -> other.cancel(true));
                Throwable cause =
                        NodeConnection.unwrap(f.handle((v, err) -> err).join());
                throw failure(activity, e.getKey(), phase, cause);
            }
        }
        for (CompletableFuture<T> f : futures.values()) {
            out.add(f.join());
        }
        return out;
    }

    private static String where(Phase phase) {
        return switch (phase) {
            case IDENTITY -> " before round 1";
            case ROUND1, ROUND2, ROUND3 -> " in round " + phase.ordinal();
            case COMMIT -> " at commit";
        };
    }

    static KeygenException failure(String server, Phase phase, Throwable cause) {
        return failure(KEYGEN, server, phase, cause);
    }

    static KeygenException failure(String activity, String server, Phase phase, Throwable cause) {
        String where = where(phase);
        if (cause instanceof ServerException se) {
            return new KeygenException(
                    server, activity + " failed" + where + ": " + se.getMessage(), se.exitCode(), se);
        }
        return new KeygenException(
                server,
                activity + " failed" + where + ": server " + server + ": "
                        + cause.getClass().getSimpleName(),
                ExitCoded.SERVER,
                cause);
    }
}
