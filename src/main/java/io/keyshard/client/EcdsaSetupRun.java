package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.curve.CurveName;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.SetupAnswer;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import io.keyshard.wire.SetupStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The ECDSA pairwise setup of one key as the coordinator runs it (docs/protocol.md, ECDSA pairwise setup):
 * steps 1 to 3 on every server of the key in parallel, each step relaying every server's messages to their
 * recipients. The client reads none of them (encrypted to the peer, signed by the sender); it checks only
 * that each answer comes from the server asked and that all servers end with the same complete setup.
 * A failure names the server; the next run starts again with a new setup id.
 */
final class EcdsaSetupRun {
    static final String ACTIVITY = "ECDSA setup";

    private final KeyRecord key;
    private final List<NodeConnection> servers;
    private final Operation<?> op;
    private final Duration roundTimeout;

    /** {@code servers}: a connection for every server of the key. */
    EcdsaSetupRun(KeyRecord key, Map<String, NodeConnection> servers, Operation<?> op, Duration roundTimeout) {
        this.key = key;
        this.servers = new ArrayList<>();
        for (String name : key.servers()) {
            NodeConnection c = servers.get(name);
            if (c == null) {
                throw new KeygenException(
                        name,
                        ACTIVITY + " needs every server of the key; server " + name + " is not configured",
                        ExitCoded.SERVER,
                        null);
            }
            this.servers.add(c);
        }
        this.op = op;
        this.roundTimeout = roundTimeout;
    }

    /** True for the curves that sign with threshold ECDSA, whose keys need a pairwise setup. */
    static boolean needed(CurveName curve) {
        return curve == CurveName.SECP256K1
                || curve == CurveName.P256
                || curve == CurveName.P384
                || curve == CurveName.P521;
    }

    /** Runs the setup unless every server already holds the same complete one. */
    EcdsaSetupResult ensure() {
        long start = System.nanoTime();
        List<SetupStatus> now = ParallelRound.run(
                op, ACTIVITY, Phase.IDENTITY, servers, c -> c.ecdsaSetupStatus(key.keyId(), roundTimeout));
        UUID same = sameCompleteSetup(now);
        if (same != null) {
            return new EcdsaSetupResult(key.keyId(), same, false, Duration.ofNanos(System.nanoTime() - start), 0);
        }
        return run();
    }

    /** Runs a fresh setup whatever the servers hold. */
    EcdsaSetupResult run() {
        long start = System.nanoTime();
        UUID setupId = UUID.randomUUID();
        List<Integer> ids = servers.stream().map(c -> c.info().id()).sorted().toList();
        long[] bytes = {0};
        Map<Integer, List<SetupMessage>> none = new TreeMap<>();
        ids.forEach(id -> none.put(id, List.of()));
        List<SetupAnswer> one = step(Phase.ROUND1, "step1", setupId, ids, none, SetupAnswer.class);
        Map<Integer, List<SetupMessage>> toEach = relay(setupId, one, 1, bytes);
        List<SetupAnswer> two = step(Phase.ROUND2, "step2", setupId, ids, toEach, SetupAnswer.class);
        Map<Integer, List<SetupMessage>> toEachAgain = relay(setupId, two, 2, bytes);
        List<SetupStatus> done = step(Phase.ROUND3, "step3", setupId, ids, toEachAgain, SetupStatus.class);
        if (!setupId.equals(sameCompleteSetup(done))) {
            throw new KeygenException(
                    null,
                    ACTIVITY + " failed: the servers did not all report this setup complete",
                    ExitCoded.PROTOCOL,
                    null);
        }
        return new EcdsaSetupResult(
                key.keyId(), setupId, true, Duration.ofNanos(System.nanoTime() - start), 2 * bytes[0]);
    }

    /** One step on every server, each with the messages addressed to it; a server's report about another as such. */
    private <T> List<T> step(
            Phase phase,
            String step,
            UUID setupId,
            List<Integer> ids,
            Map<Integer, List<SetupMessage>> toEach,
            Class<T> answer) {
        try {
            return ParallelRound.run(
                    op,
                    ACTIVITY,
                    phase,
                    servers,
                    c -> c.ecdsaSetup(
                            key.keyId(),
                            step,
                            new SetupRequest(
                                    setupId.toString(), ids, toEach.get(c.info().id())),
                            answer,
                            roundTimeout));
        } catch (KeygenException e) {
            throw PeerReports.attributed(ACTIVITY, e, PeerReports.names(servers));
        }
    }

    /** Every answer's messages by recipient, after checking each answer is its server's, for this setup and step. */
    private Map<Integer, List<SetupMessage>> relay(UUID setupId, List<SetupAnswer> answers, int step, long[] bytes) {
        Map<Integer, List<SetupMessage>> out = new TreeMap<>();
        servers.forEach(c -> out.put(c.info().id(), new ArrayList<>()));
        for (int i = 0; i < answers.size(); i++) {
            NodeConnection from = servers.get(i);
            SetupAnswer a = answers.get(i);
            if (a == null
                    || a.messages() == null
                    || !setupId.toString().equals(a.setupId())
                    || a.sender() != from.info().id()
                    || a.messages().size() != servers.size() - 1) {
                throw bad(from, "its step " + step + " answer is not for this setup, or not one message per peer");
            }
            for (SetupMessage m : a.messages()) {
                if (m == null
                        || m.step() != step
                        || m.sender() != from.info().id()
                        || !out.containsKey(m.recipient())
                        || m.recipient() == m.sender()
                        || m.ciphertext() == null
                        || m.signature() == null) {
                    throw bad(
                            from,
                            "its step " + step + " answer holds a message with the wrong step, sender or "
                                    + "recipient");
                }
                out.get(m.recipient()).add(m);
                bytes[0] += m.ciphertext().length + m.signature().length;
            }
        }
        return out;
    }

    private static KeygenException bad(NodeConnection server, String why) {
        return new KeygenException(
                server.name(), ACTIVITY + " failed: server " + server.name() + ": " + why, ExitCoded.PROTOCOL, null);
    }

    /** The setup id every server reports COMPLETE, or null when they differ or any is not complete. */
    static UUID sameCompleteSetup(List<SetupStatus> statuses) {
        String id = null;
        for (SetupStatus s : statuses) {
            if (s == null || s.state() != SetupStatus.State.COMPLETE || s.setupId() == null) {
                return null;
            }
            if (id != null && !id.equals(s.setupId())) {
                return null;
            }
            id = s.setupId();
        }
        return id == null ? null : UUID.fromString(id);
    }
}
