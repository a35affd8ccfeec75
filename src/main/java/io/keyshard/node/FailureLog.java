package io.keyshard.node;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The line a node writes to its standard error (a local node's {@code node.log}) when a request fails in a way
 * it did not expect, so that its operator can tell what broke: the time, the endpoint with its ids replaced, and
 * the exception's class and where it was thrown. Never an exception's message or a path's id: either can carry a
 * keyId, a signId or data from the request.
 */
final class FailureLog {
    /** The path words of the node's API; any other segment (a keyId, a signId) is written as {@code {id}}. */
    private static final Set<String> WORDS = Set.of(
            "v1",
            "health",
            "identity",
            "keys",
            "keygen",
            "sign",
            "ecdsa-setup",
            "round1",
            "round2",
            "round3",
            "commit",
            "abort",
            "step1",
            "step2",
            "step3");

    private static final int FRAMES = 4;

    private FailureLog() {}

    /** Writes {@link #line} to standard error. */
    static void report(String method, String path, Throwable failure) {
        System.err.println(line(method, path, failure, Instant.now()));
    }

    /** Writes {@link #choreLine} to standard error. */
    static void reportChore(String chore, Throwable failure) {
        System.err.println(choreLine(chore, failure, Instant.now()));
    }

    /** e.g. {@code 2026-12-07T16:30:00Z internal failure: POST /v1/sign/{id}/abort: java.util.Concurrent...}. */
    static String line(String method, String path, Throwable failure, Instant at) {
        return line((method.matches("[A-Z]{1,8}") ? method : "?") + " " + template(path), failure, at);
    }

    /** e.g. {@code 2026-12-07T16:30:00Z internal failure: sweep expired nonces: java.lang.IllegalState...}. */
    static String choreLine(String chore, Throwable failure, Instant at) {
        return line("sweep " + chore, failure, at);
    }

    private static String line(String what, Throwable failure, Instant at) {
        StringBuilder out = new StringBuilder()
                .append(at.truncatedTo(ChronoUnit.SECONDS))
                .append(" internal failure: ")
                .append(what)
                .append(": ");
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
            out.append(depth == 0 ? "" : ", caused by ").append(t.getClass().getName());
            List<String> frames = frames(t);
            if (!frames.isEmpty()) {
                out.append(" at ").append(String.join(" < ", frames));
            }
        }
        return out.toString();
    }

    /** The path with every segment that is not a word of the API written as {@code {id}}. */
    static String template(String path) {
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            parts.add(segment.isEmpty() || WORDS.contains(segment) ? segment : "{id}");
        }
        return String.join("/", parts);
    }

    /** Where it was thrown, and the first frames of the node's own code on the way (file and line only). */
    private static List<String> frames(Throwable t) {
        List<String> out = new ArrayList<>();
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < stack.length && out.size() < FRAMES; i++) {
            if (i == 0 || stack[i].getClassName().startsWith("io.keyshard.")) {
                out.add(stack[i].getClassName() + "." + stack[i].getMethodName() + ":" + stack[i].getLineNumber());
            }
        }
        return out;
    }
}
