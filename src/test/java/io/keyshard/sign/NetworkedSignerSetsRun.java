package io.keyshard.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.KeyPipeline;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.ScaleNodes;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signer sets larger than the local cluster's three, on real node processes over loopback HTTPS: OFFICIAL_1..3
 * plus SERVER_4..7 ({@link ScaleNodes}). A 3-of-5 and a 5-of-7 SECP256k1 key run their pairwise setup and sign
 * with a random signer set of t servers and one of t + 1, at the root and at a derived path, each signature
 * checked by Bouncy Castle's and the JCA's ECDSA verifiers (low s, the recovery id gives back the derived key);
 * a 3-of-5 ED25519 key does the same with FROST. In the stress profile ({@code mvn -Pstress verify
 * -Dit.test=NetworkedSignerSetsRun}), not in {@code mvn verify}: seven node JVMs and the 5-of-7 setup's 21
 * pairs cost minutes on two cores. {@code -Dstress.seed} repeats the signer sets and paths.
 */
class NetworkedSignerSetsRun {
    private static final long SEED = Long.getLong("stress.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);

    @TempDir
    static Path dir;

    static Vault vault;
    static Workspace ws;
    static ScaleNodes extra;

    @BeforeAll
    static void setUp() throws Exception {
        Path home = dir.resolve("home");
        vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        // a 5-of-7 setup (21 pairs of base OTs) takes its servers minutes on two busy cores
        ws = Workspace.open(home, vault, Duration.ofSeconds(600));
        ws.startLocalCluster();
        extra = ScaleNodes.start(home, vault, 7);
    }

    @AfterAll
    static void tearDown() {
        if (extra != null) {
            extra.close();
        }
        if (ws != null) {
            ws.close();
        }
        if (vault != null) {
            vault.close();
        }
    }

    @Test
    void threeOfFiveEcdsaSignsWithEverySignerSetSize() throws Exception {
        signsAndVerifies(CurveName.SECP256K1, 3, 5);
    }

    @Test
    void fiveOfSevenEcdsaSignsWithEverySignerSetSize() throws Exception {
        signsAndVerifies(CurveName.SECP256K1, 5, 7);
    }

    @Test
    void threeOfFiveFrostSignsWithEverySignerSetSize() throws Exception {
        signsAndVerifies(CurveName.ED25519, 3, 5);
    }

    /** A t-of-n key signs with a random set of t and of t + 1 servers, at the root and at a random path. */
    private static void signsAndVerifies(CurveName curve, int t, int n) throws Exception {
        List<String> cluster = ScaleNodes.cluster(n);
        UUID keyId = ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, t, cluster))
                .promise()
                .join()
                .keyId();
        for (int size : new int[] {t, t + 1}) {
            for (DerivationPath path : List.of(DerivationPath.ROOT, randomPath())) {
                List<String> signers = pick(cluster, size);
                String what = curve + " " + t + "-of-" + n + " " + signers + " " + path + " (seed " + SEED + ")";
                byte[] message = new byte[1 + RANDOM.nextInt(200)];
                RANDOM.nextBytes(message);
                SignResult r = ws.sign(
                                new SignRequest(keyId, path, null, message, signers, null, Network.MAINNET, false))
                        .promise()
                        .join();
                assertEquals(signers, r.signers(), "the servers asked signed: " + what);
                assertEquals(path.toString(), r.derivationPath(), what);
                String key = KeyPipeline.run(
                                Workspace.rootOf(vault.get(keyId).orElseThrow()), null, path, Network.MAINNET)
                        .publicKey();
                if (curve == CurveName.ED25519) {
                    assertEquals(key, r.publicKey(), "the signature is for the key derive prints: " + what);
                    assertTrue(Verifiers.accepts(curve, key, message, r.signature()), "JDK Ed25519: " + what);
                    message[0] ^= 1;
                    assertFalse(Verifiers.accepts(curve, key, message, r.signature()), "bound to its message");
                } else {
                    EcdsaSignIT.assertValid(curve, key, EcdsaVerifiers.hash(curve, message), r);
                }
            }
        }
    }

    /** {@code size} servers of {@code cluster} drawn at random, in the cluster's order. */
    private static List<String> pick(List<String> cluster, int size) {
        List<String> shuffled = new ArrayList<>(cluster);
        Collections.shuffle(shuffled, RANDOM);
        List<String> chosen = shuffled.subList(0, size);
        return cluster.stream().filter(chosen::contains).toList();
    }

    private static DerivationPath randomPath() {
        int depth = 1 + RANDOM.nextInt(3);
        int[] levels = new int[depth];
        for (int i = 0; i < depth; i++) {
            levels[i] = RANDOM.nextInt(Integer.MAX_VALUE);
        }
        return DerivationPath.of(levels);
    }
}
