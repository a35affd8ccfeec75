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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The ECDSA pairwise setup a key needs, as the coordinator runs it (docs/protocol.md, ECDSA pairwise setup).
 * A setup belongs to a pair of servers and serves every key they hold on the curve, so a key is ready when,
 * for every pair of its servers, both ends report the same unburned setup id ({@link #unready}); otherwise
 * steps 1 to 3 run in parallel on the servers of the pairs that are not (the others keep theirs, and a
 * key's second setup on servers set up before costs nothing), each step relaying every server's messages to
 * their recipients. The client reads none of them (encrypted to the peer, signed by the sender); it checks
 * only that each answer comes from the server asked and that every pair of the run ends with its setup id at
 * both ends. A failure names the server; the next run starts again with a new setup id.
 */
final class EcdsaSetupRun {
    static final String ACTIVITY = "ECDSA setup";

    /**
     * A step refused for its setup version: a node of version 2, from before the field, refuses it by its strict
     * parse; a node of version 3 on names its own version.
     */
    static final VersionRefusal VERSION = new VersionRefusal(
            "setup",
            SetupRequest.VERSION,
            ACTIVITY + " failed",
            "sets up threshold ECDSA with setup version",
            "set up threshold ECDSA with setup version",
            List.of("unknown field 'version'"));

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

    /** Runs the setup on the servers of every pair of the key's servers that is not ready, if any. */
    EcdsaSetupResult ensure() {
        long start = System.nanoTime();
        List<SetupStatus> now;
        try {
            now = ParallelRound.run(
                    op, ACTIVITY, Phase.IDENTITY, servers, c -> c.ecdsaSetupStatus(key.keyId(), roundTimeout));
        } catch (KeygenException e) {
            if (e.exitCode() != ExitCoded.SERVER) {
                throw e;
            }
            // A server that does not answer holds up only its own pairs: a t-of-n key must still be able to set
            // up the pairs among the others (a burned one, a restored server's) and sign with them.
            Set<Integer> among = unready(answering());
            if (among.isEmpty()) {
                throw e;
            }
            return run(among);
        }
        Set<Integer> missing = unready(byId(now));
        if (missing.isEmpty()) {
            return new EcdsaSetupResult(key.keyId(), null, false, Duration.ofNanos(System.nanoTime() - start), 0);
        }
        return run(missing);
    }

    /** Runs a fresh setup of every pair of the key's servers, whatever they hold. */
    EcdsaSetupResult run() {
        return run(servers.stream().map(c -> c.info().id()).collect(Collectors.toSet()));
    }

    /** Runs a fresh setup among the servers {@code taking} (two or more of the key's): every pair among them. */
    private EcdsaSetupResult run(Set<Integer> taking) {
        long start = System.nanoTime();
        UUID setupId = UUID.randomUUID();
        List<NodeConnection> servers = this.servers.stream()
                .filter(c -> taking.contains(c.info().id()))
                .sorted(Comparator.comparingInt(c -> c.info().id()))
                .toList();
        List<Integer> ids = servers.stream().map(c -> c.info().id()).toList();
        long[] bytes = {0};
        Map<Integer, List<SetupMessage>> none = new TreeMap<>();
        ids.forEach(id -> none.put(id, List.of()));
        List<SetupAnswer> one = step(servers, Phase.ROUND1, "step1", setupId, ids, none, SetupAnswer.class);
        Map<Integer, List<SetupMessage>> toEach = relay(servers, setupId, one, 1, bytes);
        List<SetupAnswer> two = step(servers, Phase.ROUND2, "step2", setupId, ids, toEach, SetupAnswer.class);
        Map<Integer, List<SetupMessage>> toEachAgain = relay(servers, setupId, two, 2, bytes);
        List<SetupStatus> done = step(servers, Phase.ROUND3, "step3", setupId, ids, toEachAgain, SetupStatus.class);
        for (int i = 0; i < ids.size(); i++) {
            for (int peer : ids) {
                if (peer != ids.get(i) && !setupId.toString().equals(done.get(i).usablePair(peer))) {
                    throw new KeygenException(
                            null,
                            ACTIVITY + " failed: the servers did not all report this setup's pairs stored",
                            ExitCoded.PROTOCOL,
                            null);
                }
            }
        }
        return new EcdsaSetupResult(
                key.keyId(), setupId, true, Duration.ofNanos(System.nanoTime() - start), 2 * bytes[0]);
    }

    /** One step on every server, each with the messages addressed to it; a server's report about another as such. */
    private <T> List<T> step(
            List<NodeConnection> servers,
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
                                    setupId.toString(), ids, toEach.get(c.info().id()), SetupRequest.VERSION),
                            answer,
                            roundTimeout));
        } catch (KeygenException e) {
            KeygenException otherVersion = VERSION.failure(e);
            if (otherVersion != null) {
                throw otherVersion;
            }
            throw PeerReports.attributed(ACTIVITY, e, PeerReports.names(servers));
        }
    }

    /** Every answer's messages by recipient, after checking each answer is its server's, for this setup and step. */
    private static Map<Integer, List<SetupMessage>> relay(
            List<NodeConnection> servers, UUID setupId, List<SetupAnswer> answers, int step, long[] bytes) {
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

    /** The statuses of the key's servers that answer, by server id. */
    private Map<Integer, SetupStatus> answering() {
        Map<Integer, CompletableFuture<SetupStatus>> asked = new TreeMap<>();
        servers.forEach(c -> asked.put(c.info().id(), c.ecdsaSetupStatus(key.keyId(), roundTimeout)));
        Map<Integer, SetupStatus> out = new TreeMap<>();
        asked.forEach((id, answer) -> {
            try {
                out.put(id, answer.join());
            } catch (CompletionException silent) {
                // left out: its pairs stay as they are
            }
        });
        return out;
    }

    /** The statuses of the key's servers by server id ({@code statuses} in the order of {@link #servers}). */
    private Map<Integer, SetupStatus> byId(List<SetupStatus> statuses) {
        Map<Integer, SetupStatus> out = new TreeMap<>();
        for (int i = 0; i < servers.size(); i++) {
            out.put(servers.get(i).info().id(), statuses.get(i));
        }
        return out;
    }

    /**
     * The servers of every pair that does not sign at once: a pair is ready when both ends report the same
     * unburned setup id for it. Empty when the key signs at once. {@code statuses}: every server of the key
     * by id (null for one that did not answer).
     */
    static Set<Integer> unready(Map<Integer, SetupStatus> statuses) {
        Set<Integer> out = new TreeSet<>();
        for (Map.Entry<Integer, SetupStatus> a : statuses.entrySet()) {
            for (Map.Entry<Integer, SetupStatus> b : statuses.entrySet()) {
                if (a.getKey() < b.getKey() && !ready(a.getKey(), a.getValue(), b.getKey(), b.getValue())) {
                    out.add(a.getKey());
                    out.add(b.getKey());
                }
            }
        }
        return out;
    }

    private static boolean ready(int i, SetupStatus atI, int j, SetupStatus atJ) {
        if (atI == null || atJ == null) {
            return false;
        }
        String one = atI.usablePair(j);
        return one != null && one.equals(atJ.usablePair(i));
    }
}
