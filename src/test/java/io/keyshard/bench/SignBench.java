package io.keyshard.bench;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.ScaleNodes;
import io.keyshard.client.SignRequest;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Signing as a user gets it: {@link Workspace#sign} against node processes on loopback HTTPS (the local
 * cluster, plus {@link ScaleNodes} for 5-of-7), warm connections, a fresh 32-byte message each time under
 * a derived path; each networked sample is followed by the same protocol in memory (the floor: FROST's
 * {@link InMemorySign}, DKLs23's {@link InMemoryEcdsa}), so both see the same load.
 */
final class SignBench implements AutoCloseable {
    /** A derived, non-hardened path, so every signing includes the tweak a real address needs. */
    static final DerivationPath PATH = DerivationPath.of(0, 7);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path home;
    private final Vault vault;
    private final Workspace workspace;

    private SignBench(Path home, Vault vault, Workspace workspace) {
        this.home = home;
        this.vault = vault;
        this.workspace = workspace;
    }

    /** A fresh home with a vault (light Argon2id) and the local cluster up. */
    static SignBench start(Path home) throws Exception {
        Vault vault = Vault.create(home, "bench-password-1".toCharArray(), new KdfParams(1024, 1, 1));
        Workspace ws = Workspace.open(home, vault);
        ws.startLocalCluster();
        return new SignBench(home, vault, ws);
    }

    Path home() {
        return home;
    }

    Vault vault() {
        return vault;
    }

    /** A READY key of {@code threshold} on {@code servers}, made through the workspace. */
    UUID keygen(CurveName curve, int threshold, List<String> servers) {
        return workspace
                .call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, threshold, servers))
                .promise()
                .join()
                .keyId();
    }

    /** Stops the local cluster's nodes and starts them again, as the app does at its next start. */
    void restartCluster() throws Exception {
        workspace.stopLocalCluster();
        workspace.startLocalCluster();
    }

    /** The ECDSA key's pairwise setup, run to its end (the app starts it after key generation). */
    void setup(UUID keyId) {
        workspace.ecdsaSetup(keyId).promise().join();
    }

    /** One networked signing of a fresh message, until the verified signature is back (signers: the first t). */
    void networked(UUID keyId) {
        sign(keyId, e -> {});
    }

    /** {@link #networked} with a listener of the signing's progress events. */
    void sign(UUID keyId, Consumer<KeygenProgress> progress) {
        workspace
                .sign(new SignRequest(keyId, PATH, null, message(), null, null, null))
                .onProgress(progress)
                .promise()
                .join();
    }

    static byte[] message() {
        byte[] m = new byte[32];
        RANDOM.nextBytes(m);
        return m;
    }

    /** {@code samples} networked signings (wall ms) interleaved with in-memory ones, after {@code warmup} of each. */
    BenchResults.Sign measure(
            CurveName curve,
            int threshold,
            int servers,
            UUID keyId,
            SignFloor floor,
            int warmup,
            int samples,
            Map<String, Integer> wireBytes) {
        List<Integer> signers = new ArrayList<>();
        for (int id = 1; id <= threshold; id++) {
            signers.add(id); // the workspace picks the first t healthy servers in the key's order: ids 1..t
        }
        for (int i = 0; i < warmup; i++) {
            networked(keyId);
            floor.sign(PATH, signers, message());
        }
        double[] net = new double[samples];
        double[] mem = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            networked(keyId);
            net[i] = Samples.msSince(t);
            byte[] m = message();
            t = System.nanoTime();
            floor.sign(PATH, signers, m);
            mem[i] = Samples.msSince(t);
        }
        return new BenchResults.Sign(
                curve.apiName(),
                threshold,
                servers,
                Samples.round2(Samples.percentile(net, 50)),
                Samples.round2(Samples.percentile(net, 95)),
                Samples.round2(Samples.percentile(mem, 50)),
                samples,
                isEcdsa(curve) ? wireBytes.get(EcdsaWireBytes.key(curve, threshold, servers)) : null);
    }

    /** Whether the curve signs with threshold ECDSA (its rows carry bytes per signature, {@link EcdsaWireBytes}). */
    static boolean isEcdsa(CurveName curve) {
        return switch (curve) {
            case SECP256K1, P256, P384, P521 -> true;
            default -> false;
        };
    }

    /** Signatures completed per second with {@code concurrency} callers each signing one after another. */
    BenchResults.SignThroughput throughput(CurveName curve, UUID keyId, int concurrency, double seconds)
            throws Exception {
        double perSecond = Callers.perSecond(concurrency, seconds, () -> networked(keyId));
        return new BenchResults.SignThroughput(curve.apiName(), concurrency, Samples.round2(perSecond));
    }

    @Override
    public void close() {
        workspace.close();
        vault.close();
    }
}
