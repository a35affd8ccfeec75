package io.keyshard.sign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: every nonce value a run saw, each with where it came from: the commitments {@code D_i},
 * {@code E_i} a node answered at round 1 and the {@code R} of every signature. A value seen twice is a
 * reused nonce (or a nonce derived from another): the run records it as a violation. Thread-safe.
 */
public final class NonceLedger {
    private final Map<String, String> commitments = new LinkedHashMap<>();
    private final Map<String, String> signatureNonces = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    /** One node's round-1 answer: its hiding and binding commitments (hex). */
    public synchronized void commitment(String where, String hiding, String binding) {
        add(commitments, hiding, where + " D");
        add(commitments, binding, where + " E");
    }

    /** The nonce part of one signature ({@link RawSignatures#nonceOf}). */
    public synchronized void signature(String where, String nonce) {
        add(signatureNonces, nonce, where);
    }

    private void add(Map<String, String> seen, String value, String where) {
        String before = seen.putIfAbsent(value, where);
        if (before != null) {
            violations.add("nonce value " + value + " seen twice: " + before + ", then " + where);
        }
    }

    public synchronized int commitments() {
        return commitments.size();
    }

    public synchronized int signatures() {
        return signatureNonces.size();
    }

    /** Every repeat seen so far; empty when no nonce was used twice. */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }
}
