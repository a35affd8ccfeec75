package io.keyshard.faults;

import io.keyshard.bytes.Hex;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServerException;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.faults.RawSigning.Expected;
import io.keyshard.faults.RawSigning.Held;
import io.keyshard.sign.NonceLedger;
import io.keyshard.sign.RawSignatures;
import io.keyshard.sign.Verifiers;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound2Request;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.TaprootTweak;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A seeded random walk over the ways signings can interleave on three node processes (nonces expiring
 * after {@link #NONCE_TTL}): round 1 and its resend (also for another message), round 2 and its resend
 * (also concurrent, with another message, or with commitments missing), abort, waiting out the TTL,
 * kill -9 and restart of a node (every signing it held then gets a round 2 that must be 409), signings
 * by the client, and a node killed during one. Every answer is checked against {@link RawSigning}'s
 * model; every commitment and every signature's R goes into the {@link NonceLedger}.
 */
final class NonceInterleavings implements AutoCloseable {
    static final Duration NONCE_TTL = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "nonce interleavings password";
    private static final List<CurveName> CURVES =
            List.of(CurveName.ED25519, CurveName.SECP256K1_SCHNORR, CurveName.ED448);

    final NodeProcesses nodes;
    final NonceLedger ledger = new NonceLedger();
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();
    /** "signId node" of every signing a node held when it was killed: refused there, never to be signed. */
    final List<String> lostInRestart = new ArrayList<>();

    final List<RawSigning> signings = new ArrayList<>();
    private final Random random;
    private final Vault vault;
    private final Workspace workspace;
    private final List<KeyRecord> keys = new ArrayList<>();
    private final Map<String, NodeConnection> connections = new LinkedHashMap<>();
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private int step;

    NonceInterleavings(Path dir, long seed) throws Exception {
        this.random = new Random(seed);
        this.nodes =
                new NodeProcesses(dir.resolve("nodes"), List.of("--nonce-ttl", Long.toString(NONCE_TTL.toSeconds())));
        nodes.startAll();
        Path home = dir.resolve("home");
        this.vault = Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1));
        nodes.register(home, vault);
        this.workspace = Workspace.open(home, vault, TIMEOUT);
        for (String n : NodeProcesses.NAMES) {
            connections.put(n, nodes.connect(n));
            ids.put(n, nodes.info(n).id());
        }
        for (CurveName curve : CURVES) {
            UUID keyId = workspace
                    .call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, NodeProcesses.NAMES))
                    .promise()
                    .join()
                    .keyId();
            keys.add(workspace.key(keyId).orElseThrow());
        }
    }

    /** Runs {@code steps} random steps with at most {@code kills} node restarts and {@code waits} waits past the TTL. */
    void run(int steps, int kills, int waits) throws Exception {
        for (int i = 0; i < steps; i++) {
            step = i;
            int op = random.nextInt(100);
            if (op < 12 || signings.isEmpty()) {
                start();
            } else if (op < 34) {
                round1(pick(), false);
            } else if (op < 38) {
                round1(pick(), true);
            } else if (op < 60) {
                round2(pick(), false);
            } else if (op < 64) {
                round2(pick(), true);
            } else if (op < 70) {
                concurrentRound2(pick());
            } else if (op < 76) {
                abort(pick());
            } else if (op < 86) {
                finish(pick());
            } else if (op < 93) {
                clientSign(null);
            } else if (op < 96 && counts.getOrDefault("kill", 0) < kills) {
                String victim = NodeProcesses.NAMES.get(random.nextInt(3));
                holdNonces(victim);
                kill(victim);
            } else if (op < 98 && counts.getOrDefault("kill", 0) < kills) {
                clientSign(NodeProcesses.NAMES.get(random.nextInt(3)));
            } else if (counts.getOrDefault("wait", 0) < waits) {
                count("wait");
                Thread.sleep(NONCE_TTL.toMillis() + 300);
            }
        }
        // every kind of step at least as often as asked, whatever the walk drew
        while (counts.getOrDefault("kill", 0) < kills) {
            String victim = NodeProcesses.NAMES.get(random.nextInt(3));
            holdNonces(victim);
            kill(victim);
        }
        if (counts.getOrDefault("wait", 0) < waits) {
            holdNonces(NodeProcesses.NAMES.get(0));
            count("wait");
            Thread.sleep(NONCE_TTL.toMillis() + 300);
            signings.get(signings.size() - 1)
                    .signers
                    .forEach(n -> round2(signings.get(signings.size() - 1), n, 0, "round 2 after the TTL"));
        }
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** Mostly a signing still in play; now and then a settled one, for the resends. */
    private RawSigning pick() {
        List<RawSigning> open = signings.stream().filter(s -> !s.settled()).toList();
        List<RawSigning> from = open.isEmpty() || random.nextInt(5) == 0 ? signings : open;
        return from.get(random.nextInt(from.size()));
    }

    private void start() {
        KeyRecord key = keys.get(random.nextInt(keys.size()));
        List<String> set = new ArrayList<>(NodeProcesses.NAMES);
        if (random.nextInt(4) != 0) {
            set.remove(random.nextInt(3));
        }
        String path = random.nextBoolean() ? "m" : "m/" + random.nextInt(1000) + "/" + random.nextInt(10);
        TaprootTweak taproot =
                key.curve() == CurveName.SECP256K1_SCHNORR && random.nextBoolean() ? TaprootTweak.KEY_PATH : null;
        signings.add(new RawSigning(
                key, path, taproot, set, set.stream().map(ids::get).toList(), message()));
        count("start");
    }

    private byte[] message() {
        byte[] m = new byte[new int[] {0, 1, 32, 32, 32, 200}[random.nextInt(6)]];
        random.nextBytes(m);
        return m;
    }

    /** Round 1 to one signer (with {@code otherMessage}: the signId reused for another request). */
    private void round1(RawSigning s, boolean otherMessage) {
        String signer = s.signers.get(random.nextInt(s.signers.size()));
        int variant = otherMessage ? s.variant(message()) : 0;
        count(otherMessage ? "round1 other message" : "round1");
        long sent = System.nanoTime();
        Answer<SignCommitment> a = call(signer, s.signId, "round1", s.request(variant), SignCommitment.class);
        long answered = System.nanoTime();
        int expected = s.held.get(signer) == Held.NONE ? 200 : 409;
        check(a.status() == expected, "round 1 to " + signer + " in state " + s.held.get(signer), expected, a);
        if (a.status() == 200) {
            ledger.commitment(
                    signer + " " + s.signId, a.value().hiding(), a.value().binding());
            s.committed(signer, variant, a.value(), sent, answered);
        }
    }

    /** Round 2 to one signer with whatever commitments there are ({@code changed}: another message). */
    private void round2(RawSigning s, boolean changed) {
        String signer = s.signers.get(random.nextInt(s.signers.size()));
        count(changed ? "round2 changed message" : "round2");
        round2(s, signer, changed ? s.variant(message()) : 0, "round 2");
    }

    private void round2(RawSigning s, String signer, int variant, String what) {
        Expected e = s.round2(signer, variant, NONCE_TTL, System.nanoTime());
        SignRound2Request body = new SignRound2Request(s.request(variant), s.commitmentList());
        Answer<SignShare> a = call(signer, s.signId, "round2", body, SignShare.class);
        record(s, signer, e, a, what);
    }

    private void record(RawSigning s, String signer, Expected e, Answer<SignShare> a, String what) {
        check(e.statuses().contains(a.status()), what + " to " + signer + " in state " + s.held.get(signer), e, a);
        if (a.status() == 200) {
            s.held.put(signer, Held.SIGNED);
            s.shares.put(signer, a.value());
            if (s.complete()) {
                aggregate(s);
            }
        } else if (e.nonceTaken()) {
            s.held.put(signer, Held.SPENT);
        }
    }

    /** The same round 2 twice at once: at most one share. */
    private void concurrentRound2(RawSigning s) {
        String signer = s.signers.get(random.nextInt(s.signers.size()));
        count("round2 twice at once");
        Expected e = s.round2(signer, 0, NONCE_TTL, System.nanoTime());
        SignRound2Request body = new SignRound2Request(s.request(0), s.commitmentList());
        CompletableFuture<Answer<SignShare>> one =
                CompletableFuture.supplyAsync(() -> call(signer, s.signId, "round2", body, SignShare.class));
        Answer<SignShare> two = call(signer, s.signId, "round2", body, SignShare.class);
        Answer<SignShare> first = one.join();
        Answer<SignShare> winner = first.status() == 409 ? two : first;
        Answer<SignShare> loser = first.status() == 409 ? first : two;
        check(loser.status() == 409, "the second of two concurrent round 2s to " + signer, 409, loser);
        record(s, signer, e, winner, "one of two concurrent round 2s");
    }

    private void abort(RawSigning s) {
        String signer = s.signers.get(random.nextInt(s.signers.size()));
        count("abort");
        Held h = s.held.get(signer);
        int expected = h == Held.NONE ? 404 : h == Held.SIGNED ? 409 : 200;
        Answer<Object> a = call(signer, s.signId, "abort", Map.of(), Object.class);
        check(a.status() == expected, "abort to " + signer + " in state " + h, expected, a);
        if (h == Held.LIVE) {
            s.held.put(signer, Held.SPENT);
        }
    }

    /** Whatever rounds a signing still lacks, in order: a signature when no signer lost its nonces. */
    private void finish(RawSigning s) {
        count("finish");
        for (String signer : s.signers) {
            if (s.held.get(signer) == Held.NONE) {
                freshRound1(s, signer);
            }
        }
        for (String signer : s.signers) {
            if (s.held.get(signer) == Held.LIVE) {
                round2(s, signer, 0, "round 2 finishing a signing");
            }
        }
    }

    private void aggregate(RawSigning s) {
        byte[] m = s.signedMessage();
        try {
            RawSignatures.Signed sig = RawSignatures.aggregate(
                    s.key,
                    s.path,
                    s.taproot,
                    ids,
                    s.signers.stream().map(s.commitments::get).toList(),
                    s.signers.stream().map(s.shares::get).toList(),
                    m);
            if (!Verifiers.accepts(s.key.curve(), sig.verifyKey(), m, sig.signature())) {
                violations.add("signing " + s.signId + ": the signature does not verify");
            }
            ledger.signature(
                    "signing " + s.signId,
                    RawSignatures.nonceOf(s.key.curve(), Hex.decode(sig.signature(), "signature")));
            count("signature by the test");
        } catch (RuntimeException e) {
            violations.add("signing " + s.signId + ": " + e.getMessage());
        }
    }

    /** A signing by the client (a retry with a new signId after a failure); with {@code victim}, killed during it. */
    private void clientSign(String victim) throws Exception {
        KeyRecord key = keys.get(random.nextInt(keys.size()));
        byte[] m = message();
        DerivationPath path = DerivationPath.of(random.nextInt(100));
        CompletableFuture<SignResult> f = workspace
                .sign(new SignRequest(key.keyId(), path, null, m, null, null, null))
                .promise();
        if (victim != null) {
            Thread.sleep(random.nextInt(120));
            kill(victim);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                SignResult r = f.join();
                if (!Verifiers.accepts(key.curve(), r.publicKey(), m, r.signature())) {
                    violations.add("a client signature does not verify");
                }
                ledger.signature(
                        "client " + r.signId(), RawSignatures.nonceOf(key.curve(), Hex.decode(r.signature(), "sig")));
                count("signature by the client");
                return;
            } catch (RuntimeException e) {
                count("client signing failed");
                if (victim == null || attempt == 2) {
                    violations.add("client signing failed with every node up: "
                            + NodeConnection.unwrap(e).getMessage());
                    return;
                }
                f = workspace
                        .sign(new SignRequest(key.keyId(), path, null, m, null, null, null))
                        .promise();
            }
        }
    }

    /** A new signing with {@code signer} in its set, after round 1 on every signer: live nonces to lose. */
    private void holdNonces(String signer) {
        start();
        RawSigning s = signings.get(signings.size() - 1);
        if (!s.signers.contains(signer)) {
            signings.remove(s);
            holdNonces(signer);
            return;
        }
        s.signers.forEach(n -> freshRound1(s, n));
    }

    private void freshRound1(RawSigning s, String signer) {
        long sent = System.nanoTime();
        Answer<SignCommitment> a = call(signer, s.signId, "round1", s.request(0), SignCommitment.class);
        check(a.status() == 200, "round 1 to " + signer + " of a fresh signId", 200, a);
        if (a.status() == 200) {
            ledger.commitment(
                    signer + " " + s.signId, a.value().hiding(), a.value().binding());
            s.committed(signer, 0, a.value(), sent, System.nanoTime());
        }
    }

    /** kill -9 and restart: the nonces it held are gone, a round 2 for any of them is refused, and its signId stays used. */
    private void kill(String name) throws Exception {
        count("kill");
        nodes.kill(name);
        nodes.start(name);
        connections.put(name, nodes.connect(name)).wipe();
        for (RawSigning s : signings) {
            if (s.held.get(name) == Held.LIVE) {
                s.held.put(name, Held.SPENT);
                lostInRestart.add(s.signId + " " + name);
                Answer<SignShare> a = call(
                        name,
                        s.signId,
                        "round2",
                        new SignRound2Request(s.request(0), s.commitmentList()),
                        SignShare.class);
                check(a.status() == 409, "round 2 to " + name + " of a signing from before its restart", 409, a);
                Answer<SignCommitment> again = call(name, s.signId, "round1", s.request(0), SignCommitment.class);
                check(again.status() == 409, "round 1 resent to " + name + " after its restart", 409, again);
            }
        }
    }

    private void check(boolean ok, String what, Object expected, Answer<?> a) {
        if (!ok) {
            violations.add(
                    "step " + step + ", " + what + ": expected " + expected + ", got " + a.status() + " " + a.error());
        }
    }

    record Answer<T>(int status, T value, String error) {}

    private <T> Answer<T> call(String signer, UUID signId, String action, Object body, Class<T> type) {
        try {
            return new Answer<>(
                    200,
                    connections
                            .get(signer)
                            .sign(signId, action, body, type, TIMEOUT)
                            .join(),
                    null);
        } catch (RuntimeException e) {
            Throwable t = NodeConnection.unwrap(e);
            if (t instanceof ServerException se && se.status() > 0) {
                return new Answer<>(se.status(), null, se.getMessage());
            }
            return new Answer<>(-1, null, t.toString());
        }
    }

    @Override
    public void close() {
        connections.values().forEach(NodeConnection::wipe);
        workspace.close();
        vault.close();
        nodes.close();
    }
}
