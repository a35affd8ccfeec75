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
import io.keyshard.wire.TaprootTweak;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Threshold signatures made by the real node servers of the shared local cluster through the workspace,
 * checked with verifiers that know nothing of FROST: the JDK's Ed25519 and Ed448 and BIP-340, under the
 * root key, derived keys exactly as {@code derive} gives them, and the bitcoin-p2tr output key.
 */
class SignIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<List<String>> SUBSETS = List.of(
            List.of("OFFICIAL_1", "OFFICIAL_2"),
            List.of("OFFICIAL_1", "OFFICIAL_3"),
            List.of("OFFICIAL_2", "OFFICIAL_3"),
            LocalCluster.NAMES);

    @TempDir
    static Path dir;

    static Path home;
    static Vault vault;
    static Workspace ws;

    @BeforeAll
    static void setUp() throws Exception {
        home = SharedCluster.home(dir.resolve("home"));
        vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        ws = Workspace.open(home, vault);
    }

    @AfterAll
    static void tearDown() {
        ws.close();
        vault.close();
    }

    static UUID keygen(CurveName curve) {
        GeneratedKey key = ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, LocalCluster.NAMES))
                .promise()
                .join();
        return key.keyId();
    }

    static SignResult sign(UUID keyId, DerivationPath path, byte[] message, List<String> servers, Chain chain) {
        return ws.sign(new SignRequest(keyId, path, null, message, servers, chain, Network.MAINNET))
                .promise()
                .join();
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static DerivationPath randomPath() {
        int depth = RANDOM.nextInt(4);
        int[] levels = new int[depth];
        for (int i = 0; i < depth; i++) {
            levels[i] = RANDOM.nextInt(Integer.MAX_VALUE);
        }
        return DerivationPath.of(levels);
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"ED25519", "ED448", "SECP256K1_SCHNORR"})
    void everySignerSetSignsEveryMessageSizeUnderTheKeyDerivePrints(CurveName curve) {
        UUID keyId = keygen(curve);
        int[] sizes = {0, 1, 32, 65_536};
        int n = 0;
        for (List<String> servers : SUBSETS) {
            DerivationPath path = n == 0 ? DerivationPath.ROOT : randomPath();
            byte[] message = random(sizes[n % sizes.length]);
            n++;
            SignResult r = sign(keyId, path, message, servers, null);
            String derived = KeyPipeline.run(
                            Workspace.rootOf(vault.get(keyId).orElseThrow()), null, path, Network.MAINNET)
                    .publicKey();
            assertEquals(derived, r.publicKey(), "the signature is for the key derive prints at " + path);
            assertTrue(Verifiers.accepts(curve, derived, message, r.signature()), curve + " " + servers + " " + path);
            assertEquals(servers, r.signers());
            assertEquals(path.toString(), r.derivationPath());
            byte[] other = message.clone();
            if (other.length > 0) {
                other[0] ^= 1;
                assertFalse(Verifiers.accepts(curve, derived, other, r.signature()), "bound to its message");
            }
        }
    }

    @Test
    void theFirstTServersSignByDefaultAndTheResultNamesTheAddress() {
        UUID keyId = keygen(CurveName.ED25519);
        DerivationPath path = Chain.SOLANA.defaultPath(0, 3, Network.MAINNET);
        byte[] message = random(32);
        SignResult r = sign(keyId, path, message, null, Chain.SOLANA);
        assertEquals(List.of("OFFICIAL_1", "OFFICIAL_2"), r.signers());
        KeyPipeline.Result derived = ws.derive(keyId, Chain.SOLANA, Network.MAINNET, 0, 3);
        assertEquals(derived.address().value(), r.address());
        assertEquals(derived.publicKey(), r.publicKey());
        assertTrue(Verifiers.accepts(CurveName.ED25519, r.publicKey(), message, r.signature()));
    }

    @Test
    void aTaprootSignatureVerifiesUnderTheBip86OutputKeyOfTheAddress() {
        UUID keyId = keygen(CurveName.SECP256K1_SCHNORR);
        for (int index = 0; index < 3; index++) {
            DerivationPath path = Chain.BITCOIN_P2TR.defaultPath(0, index, Network.MAINNET);
            byte[] sighash = random(32);
            SignResult r = sign(keyId, path, sighash, null, Chain.BITCOIN_P2TR);
            KeyPipeline.Result derived = ws.derive(keyId, Chain.BITCOIN_P2TR, Network.MAINNET, 0, index);
            String outputKey = derived.addressDetails().get("outputKey");
            assertEquals(outputKey, r.publicKey());
            assertEquals(derived.address().value(), r.address());
            assertTrue(Verifiers.accepts(CurveName.SECP256K1_SCHNORR, outputKey, sighash, r.signature()));
            assertFalse(
                    Verifiers.accepts(CurveName.SECP256K1_SCHNORR, derived.publicKey(), sighash, r.signature()),
                    "not under the internal key");
        }
    }

    @Test
    void aScriptTreeTweakSignsUnderItsOwnOutputKey() {
        UUID keyId = keygen(CurveName.SECP256K1_SCHNORR);
        byte[] root = random(32);
        byte[] message = random(32);
        SignResult r = ws.sign(new SignRequest(
                        keyId, DerivationPath.of(1), new TaprootTweak(root), message, null, null, Network.MAINNET))
                .promise()
                .join();
        assertTrue(Verifiers.accepts(CurveName.SECP256K1_SCHNORR, r.publicKey(), message, r.signature()));
        SignResult plain = sign(keyId, DerivationPath.of(1), message, null, null);
        assertFalse(r.publicKey().equals(plain.publicKey()), "the script tree changes the output key");
    }

    @Test
    void aMessageOverSixtyFourKibibytesIsRefusedBeforeAnyServer() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SignRequest(
                        UUID.randomUUID(), DerivationPath.ROOT, null, new byte[65_537], null, null, null));
    }
}
