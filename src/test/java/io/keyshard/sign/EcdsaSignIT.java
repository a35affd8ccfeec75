package io.keyshard.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.SharedCluster;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Threshold-ECDSA signatures made by the real node servers of the shared local cluster through the
 * workspace, checked with verifiers that know nothing of DKLs23 (Bouncy Castle's ECDSASigner, the JCA's
 * NONEwithECDSA) under the key {@code derive} prints, for every signer set of a 2-of-3 and a 3-of-3 key,
 * messages hashed with the curve's hash and given digests (high bit set, zero-padded).
 */
class EcdsaSignIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<List<String>> SUBSETS = List.of(
            List.of("OFFICIAL_1", "OFFICIAL_2"),
            List.of("OFFICIAL_1", "OFFICIAL_3"),
            List.of("OFFICIAL_2", "OFFICIAL_3"),
            LocalCluster.NAMES);

    @TempDir
    static Path dir;

    static Vault vault;
    static Workspace ws;

    @BeforeAll
    static void setUp() throws Exception {
        Path home = SharedCluster.home(dir.resolve("home"));
        vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        // each curve's pairwise setup runs on first use, on two cores the rest of the suite keeps busy
        ws = Workspace.open(home, vault, Duration.ofSeconds(180));
    }

    @AfterAll
    static void tearDown() {
        ws.close();
        vault.close();
    }

    /** One 2-of-3 key per curve, shared by the tests (each makes and checks its own signatures). */
    static final Map<CurveName, UUID> TWO_OF_THREE = new EnumMap<>(CurveName.class);

    static synchronized UUID twoOfThree(CurveName curve) {
        return TWO_OF_THREE.computeIfAbsent(curve, c -> keygen(c, 2));
    }

    static UUID keygen(CurveName curve, int threshold) {
        GeneratedKey key = ws.call(
                        ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, threshold, LocalCluster.NAMES))
                .promise()
                .join();
        return key.keyId();
    }

    static SignResult sign(UUID keyId, DerivationPath path, byte[] payload, List<String> servers, boolean digest) {
        return ws.sign(new SignRequest(keyId, path, null, payload, servers, null, Network.MAINNET, digest))
                .promise()
                .join();
    }

    static DerivationPath randomPath() {
        int depth = 1 + RANDOM.nextInt(3);
        int[] levels = new int[depth];
        for (int i = 0; i < depth; i++) {
            levels[i] = RANDOM.nextInt(Integer.MAX_VALUE);
        }
        return DerivationPath.of(levels);
    }

    static String derived(UUID keyId, DerivationPath path) {
        return KeyPipeline.run(Workspace.rootOf(vault.get(keyId).orElseThrow()), null, path, Network.MAINNET)
                .publicKey();
    }

    /** Every property a verifier and a wallet rely on, for one signature of {@code digest}. */
    static void assertValid(CurveName curve, String key, byte[] digest, SignResult r) throws Exception {
        String what = curve + " " + r.signers() + " " + r.derivationPath();
        assertEquals(key, r.publicKey(), "the signature is for the key derive prints: " + what);
        assertEquals("ECDSA", r.scheme());
        assertTrue(EcdsaVerifiers.bouncyCastle(curve, key, digest, r.der()), "Bouncy Castle: " + what);
        assertTrue(EcdsaVerifiers.jca(curve, key, digest, r.der()), "JCA: " + what);
        assertTrue(EcdsaVerifiers.sameAsConcatenation(r), "signature is r ‖ s");
        BigInteger n = CustomNamedCurves.getByName(EcdsaVerifiers.bcName(curve)).getN();
        if (curve == CurveName.SECP256K1) {
            assertTrue(new BigInteger(r.s(), 16).compareTo(n.shiftRight(1)) <= 0, "low s: " + what);
        }
        assertEquals(key, EcdsaVerifiers.recover(curve, r, digest), "the recovery id gives back the key: " + what);
        byte[] other = digest.clone();
        other[other.length - 1] ^= 1;
        assertFalse(EcdsaVerifiers.bouncyCastle(curve, key, other, r.der()), "bound to its digest");
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void everySignerSetOfATwoOfThreeKeySignsUnderTheDerivedKey(CurveName curve) throws Exception {
        UUID keyId = twoOfThree(curve);
        int n = 0;
        for (List<String> servers : SUBSETS) {
            DerivationPath path = n++ == 0 ? DerivationPath.ROOT : randomPath();
            byte[] message = new byte[1 + RANDOM.nextInt(200)];
            RANDOM.nextBytes(message);
            SignResult r = sign(keyId, path, message, servers, false);
            assertEquals(servers, r.signers());
            assertValid(curve, derived(keyId, path), EcdsaVerifiers.hash(curve, message), r);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void givenDigestsWithTheHighBitSetOrZeroPaddedSignAsGiven(CurveName curve) throws Exception {
        UUID keyId = twoOfThree(curve);
        int length = SignRequest.digestLength(curve);
        byte[] high = new byte[length];
        RANDOM.nextBytes(high);
        high[0] = (byte) 0xff;
        byte[] padded = new byte[length];
        RANDOM.nextBytes(padded);
        Arrays.fill(padded, 0, length / 2, (byte) 0);
        byte[] ones = new byte[length];
        Arrays.fill(ones, (byte) 0xff);
        DerivationPath path = randomPath();
        for (byte[] digest : List.of(high, padded, ones)) {
            SignResult r = sign(keyId, path, digest, null, true);
            assertValid(curve, derived(keyId, path), digest, r);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> sign(keyId, path, new byte[length - 1], null, true),
                "a digest of another length is refused before any server");
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256"})
    void aThreeOfThreeKeySignsWithAllThree(CurveName curve) throws Exception {
        UUID keyId = keygen(curve, 3);
        DerivationPath path = randomPath();
        byte[] message = "three of three".getBytes(StandardCharsets.UTF_8);
        SignResult r = sign(keyId, path, message, null, false);
        assertEquals(LocalCluster.NAMES, r.signers());
        assertValid(curve, derived(keyId, path), EcdsaVerifiers.hash(curve, message), r);
    }

    @Test
    void anEvmAddressSignatureRecoversToThatAddressesKey() throws Exception {
        UUID keyId = twoOfThree(CurveName.SECP256K1);
        KeyPipeline.Result where = ws.derive(keyId, Chain.EVM, Network.MAINNET, 0, 2);
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        SignResult r = ws.sign(new SignRequest(
                        keyId,
                        DerivationPath.parse(where.derivationPath()),
                        null,
                        digest,
                        null,
                        Chain.EVM,
                        Network.MAINNET,
                        true))
                .promise()
                .join();
        assertEquals(where.address().value(), r.address());
        assertEquals(where.publicKey(), EcdsaVerifiers.recover(CurveName.SECP256K1, r, digest));
    }
}
