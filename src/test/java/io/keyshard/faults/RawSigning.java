package io.keyshard.faults;

import io.keyshard.bytes.Hex;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.TaprootTweak;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test-only: one signing a test coordinates itself, with the model of what each signer must answer.
 * A signer is NONE (never saw the signId), LIVE (holds nonces), SIGNED (answered its one share) or
 * SPENT (nonces gone without a share: refused, aborted, expired, lost in a restart). Request variant 0
 * is the signing's message; other variants reuse the signId for other messages.
 */
final class RawSigning {
    /** What a signer holds for this signId, as the protocol says it must. */
    enum Held {
        NONE,
        LIVE,
        SIGNED,
        SPENT
    }

    /** The statuses a round 2 may answer now: one, or two while the nonces' age is too close to the TTL to say. */
    record Expected(Set<Integer> statuses, boolean nonceTaken) {}

    final UUID signId = UUID.randomUUID();
    final KeyRecord key;
    final String path;
    final TaprootTweak taproot;
    final List<String> signers;
    final List<Integer> ids;
    private final List<byte[]> messages = new ArrayList<>();
    final Map<String, Held> held = new HashMap<>();
    private final Map<String, Integer> boundTo = new HashMap<>();
    private final Map<String, Long> sentNanos = new HashMap<>();
    private final Map<String, Long> answeredNanos = new HashMap<>();
    final Map<String, SignCommitment> commitments = new HashMap<>();
    final Map<String, SignShare> shares = new HashMap<>();

    RawSigning(KeyRecord key, String path, TaprootTweak taproot, List<String> signers, List<Integer> ids, byte[] m) {
        this.key = key;
        this.path = path;
        this.taproot = taproot;
        this.signers = List.copyOf(signers);
        this.ids = ids.stream().sorted().toList();
        messages.add(m.clone());
        signers.forEach(s -> held.put(s, Held.NONE));
    }

    byte[] message(int variant) {
        return messages.get(variant).clone();
    }

    /**
     * The request variant of {@code other} under the same signId: a new one for another message, or the
     * variant that already has these bytes (an empty message drawn twice is the same request, and a node
     * rightly treats it as one).
     */
    int variant(byte[] other) {
        for (int v = 0; v < messages.size(); v++) {
            if (Arrays.equals(messages.get(v), other)) {
                return v;
            }
        }
        messages.add(other.clone());
        return messages.size() - 1;
    }

    SignRound1Request request(int variant) {
        return new SignRound1Request(
                key.keyId().toString(), path, TaprootTweak.wire(taproot), ids, Hex.encode(messages.get(variant)));
    }

    /** A round 1 to {@code signer} answered 200: it now holds nonces bound to {@code variant}. */
    void committed(String signer, int variant, SignCommitment c, long sent, long answered) {
        held.put(signer, Held.LIVE);
        boundTo.put(signer, variant);
        sentNanos.put(signer, sent);
        answeredNanos.put(signer, answered);
        commitments.put(signer, c);
    }

    /** Every signer's commitment, when every one has answered round 1 for {@code variant}; else what there is. */
    List<SignCommitment> commitmentList() {
        List<SignCommitment> out = new ArrayList<>();
        for (String s : signers) {
            if (commitments.containsKey(s)) {
                out.add(commitments.get(s));
            }
        }
        return out;
    }

    /**
     * What a round 2 of {@code variant} to {@code signer} must answer now with {@link #commitmentList()}:
     * 409 unless it holds live nonces; then 409 expired, 409 for another request, 422 for a commitment list
     * that lacks a signer or holds one made for another request, else 200 with its share.
     */
    Expected round2(String signer, int variant, Duration ttl, long now) {
        if (held.get(signer) != Held.LIVE) {
            return new Expected(Set.of(409), false);
        }
        int fresh = freshAnswer(signer, variant);
        long youngest = now - answeredNanos.get(signer);
        long oldest = now - sentNanos.get(signer);
        if (youngest > ttl.toNanos() + 50_000_000L) {
            return new Expected(Set.of(409), true);
        }
        if (oldest < ttl.toNanos()) {
            return new Expected(Set.of(fresh), true);
        }
        // Set.of refuses a duplicate: a fresh answer that is itself 409 (another request) is just 409
        return new Expected(fresh == 409 ? Set.of(409) : Set.of(fresh, 409), true);
    }

    private int freshAnswer(String signer, int variant) {
        if (boundTo.get(signer) != variant) {
            return 409;
        }
        for (String s : signers) {
            Integer v = boundTo.get(s);
            if (!commitments.containsKey(s) || v == null || v != variant) {
                return 422;
            }
        }
        return 200;
    }

    /** The message every signer's nonces are bound to, once all are SIGNED (they signed the same request). */
    byte[] signedMessage() {
        return message(boundTo.get(signers.get(0)));
    }

    /** True once every signer answered its share: the signature can be aggregated. */
    boolean complete() {
        return signers.stream().allMatch(s -> held.get(s) == Held.SIGNED);
    }

    /** True when no signer holds nonces or can still get some: only refusals remain to try. */
    boolean settled() {
        return held.values().stream().noneMatch(h -> h == Held.LIVE || h == Held.NONE);
    }
}
