package io.keyshard.load;

import io.keyshard.bytes.Hex;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServerException;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.node.SigningAuditReader;
import io.keyshard.sign.EcdsaVerifiers;
import io.keyshard.sign.NonceLedger;
import io.keyshard.sign.RawSignatures;
import io.keyshard.sign.Verifiers;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound1Request;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The signing phase of the load: every client makes an ED25519 and a SECP256K1_SCHNORR key (and, in the long run,
 * a threshold-ECDSA key on SECP256K1 or P256 with its pairwise setup), then all sign
 * at once for the phase's duration (random paths and messages, every signature verified by a standard
 * verifier and its R recorded); the first client also leaves one signing in five (at most 100) after round 1 on every
 * server. Then one client fills its per-client nonce quota on one server (the node must refuse the next
 * round 1 with 503, and accept again once they are aborted). Once the nodes are stopped, each node's
 * signing audit must show exactly the abandoned signings still holding nonces: the nonce table holds what
 * was left open, however many signatures were made.
 */
final class SignLoad {
    /** The per-client bound of the node's nonce table (NonceTable.MAX_PER_CLIENT). */
    static final int PER_CLIENT_NONCES = 250;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Well below the per-client quota, however long the run. */
    private static final int MAX_ABANDONED = 100;

    private static final List<CurveName> CURVES = List.of(CurveName.ED25519, CurveName.SECP256K1_SCHNORR);
    /** The threshold-ECDSA curves the clients take in turn, when the run signs with ECDSA. */
    private static final List<CurveName> ECDSA = List.of(CurveName.SECP256K1, CurveName.P256);

    /** What the phase showed; {@code outcomes} (per node, audit outcome to count) is read after the nodes stop. */
    record Result(
            int clients,
            int signatures,
            int ecdsaSignatures,
            int failed,
            List<String> failures,
            double seconds,
            double perSecond,
            int abandoned,
            int quotaAccepted,
            boolean quotaRefusedWith503,
            boolean acceptedAfterAborts,
            List<String> nonceRepeats,
            Map<String, Map<String, Integer>> outcomes) {}

    private SignLoad() {}

    static Result run(List<LoadClient> clients, Duration duration, boolean ecdsa) throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        NonceLedger ledger = new NonceLedger();
        List<List<UUID>> keys = new ArrayList<>();
        for (LoadClient c : clients) {
            List<UUID> mine = new ArrayList<>();
            List<CurveName> curves = new ArrayList<>(CURVES);
            if (ecdsa) {
                curves.add(ECDSA.get(c.index % ECDSA.size()));
            }
            for (CurveName curve : curves) {
                mine.add(c.workspace
                        .call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, LocalCluster.NAMES))
                        .promise()
                        .join()
                        .keyId());
            }
            if (ecdsa) {
                // the pairwise setup before the clock starts: the phase measures signing
                c.workspace.ecdsaSetup(mine.get(mine.size() - 1)).promise().join();
            }
            keys.add(mine);
        }
        int[] signed = new int[clients.size()];
        int[] signedEcdsa = new int[clients.size()];
        int[] abandoned = new int[1];
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                int k = i;
                running.add(pool.submit(() -> {
                    SecureRandom random = new SecureRandom();
                    for (int n = 0; System.nanoTime() < deadline; n++) {
                        if (k == 0 && n % 5 == 4 && abandoned[0] < MAX_ABANDONED) {
                            abandon(clients.get(0), keys.get(0).get(0), failures);
                            abandoned[0]++;
                        }
                        List<UUID> mine = keys.get(k);
                        int which = n % mine.size();
                        if (sign(clients.get(k), mine.get(which), random, ledger, failures)) {
                            signed[k]++;
                            signedEcdsa[k] += which >= CURVES.size() ? 1 : 0;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = 0;
        int totalEcdsa = 0;
        for (int k = 0; k < signed.length; k++) {
            total += signed[k];
            totalEcdsa += signedEcdsa[k];
        }
        Quota quota = quota(
                clients.get(clients.size() > 1 ? 1 : 0),
                keys.get(clients.size() > 1 ? 1 : 0).get(0));
        return new Result(
                clients.size(),
                total,
                totalEcdsa,
                failures.size(),
                failures.stream().limit(50).toList(),
                LoadResults.round(seconds),
                LoadResults.round(total / seconds),
                abandoned[0],
                quota.accepted(),
                quota.refused(),
                quota.acceptedAgain(),
                ledger.violations(),
                new TreeMap<>());
    }

    private static boolean sign(
            LoadClient c, UUID keyId, SecureRandom random, NonceLedger ledger, List<String> failures)
            throws GeneralSecurityException {
        byte[] m = new byte[random.nextInt(100)];
        random.nextBytes(m);
        try {
            SignResult r = c.workspace
                    .sign(new SignRequest(keyId, DerivationPath.of(random.nextInt(1000)), null, m, null, null, null))
                    .promise()
                    .join();
            boolean valid = r.der() == null
                    ? Verifiers.accepts(r.curve(), r.publicKey(), m, r.signature())
                    : EcdsaVerifiers.bouncyCastle(r.curve(), r.publicKey(), EcdsaVerifiers.hash(r.curve(), m), r.der());
            if (!valid) {
                failures.add("a signature does not verify under " + r.publicKey());
                return false;
            }
            ledger.signature("client " + c.index, RawSignatures.nonceOf(r.curve(), Hex.decode(r.signature(), "s")));
            return true;
        } catch (RuntimeException e) {
            failures.add("signing: " + NodeConnection.unwrap(e).getMessage());
            return false;
        }
    }

    /** Round 1 on every server, then nothing: each keeps nonces until the TTL. */
    private static void abandon(LoadClient c, UUID keyId, List<String> failures) {
        UUID signId = UUID.randomUUID();
        for (String name : LocalCluster.NAMES) {
            try {
                NodeConnection conn = c.connection(name);
                conn.sign(signId, "round1", request(keyId), SignCommitment.class, TIMEOUT)
                        .join();
                conn.wipe();
            } catch (Exception e) {
                failures.add("abandoned round 1 on " + name + ": "
                        + NodeConnection.unwrap(e).getMessage());
            }
        }
    }

    private static SignRound1Request request(UUID keyId) {
        return new SignRound1Request(keyId.toString(), "m/5", "", List.of(1, 2, 3), "00ff");
    }

    private record Quota(int accepted, boolean refused, boolean acceptedAgain) {}

    /** Round 1s on the first server until it refuses; all aborted; then one more must be accepted. */
    private static Quota quota(LoadClient c, UUID keyId) throws Exception {
        NodeConnection conn = c.connection(LocalCluster.NAMES.get(0));
        List<UUID> held = new ArrayList<>();
        boolean refused = false;
        try {
            while (held.size() <= PER_CLIENT_NONCES + 5) {
                UUID signId = UUID.randomUUID();
                try {
                    conn.sign(signId, "round1", request(keyId), SignCommitment.class, TIMEOUT)
                            .join();
                    held.add(signId);
                } catch (RuntimeException e) {
                    refused = NodeConnection.unwrap(e) instanceof ServerException se && se.status() == 503;
                    break;
                }
            }
            for (UUID signId : held) {
                conn.sign(signId, "abort", Map.of(), Object.class, TIMEOUT).join();
            }
            UUID again = UUID.randomUUID();
            conn.sign(again, "round1", request(keyId), SignCommitment.class, TIMEOUT)
                    .join();
            conn.sign(again, "abort", Map.of(), Object.class, TIMEOUT).join();
            return new Quota(held.size(), refused, true);
        } catch (RuntimeException e) {
            return new Quota(held.size(), refused, false);
        } finally {
            conn.wipe();
        }
    }

    /** Each stopped node's audit outcomes (retried while the node process still holds the file). */
    static void readAudits(Result r, Path ownerHome) throws Exception {
        for (String name : LocalCluster.NAMES) {
            Path data = ownerHome.resolve("nodes").resolve(name).resolve("data");
            long end = System.nanoTime() + 30_000_000_000L;
            while (true) {
                try {
                    Map<String, Integer> counts = new TreeMap<>();
                    SigningAuditReader.outcomes(data).values().forEach(o -> counts.merge(o, 1, Integer::sum));
                    r.outcomes().put(name, counts);
                    break;
                } catch (Exception locked) {
                    if (System.nanoTime() > end) {
                        throw locked;
                    }
                    Thread.sleep(300);
                }
            }
        }
    }
}
