package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.address.Chain;
import io.keyshard.client.SharedCluster;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole path from keygen to address: keys made by {@code keyshard keygen} on the local cluster, then
 * {@code keyshard derive --key-id ID --chain X --index 0 --json} for every chain of the key's curve.
 * The derived key must also be what servers 1 and 2 get by adding the derivation tweak to their
 * verification shares and interpolating: what signing for a child key will rely on.
 */
class DeriveKeyIdIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path home;
    private static Path passwordFile;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        home = dir.resolve("home");
        passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, new String(VaultFixtures.PASSWORD) + "\n");
        // A real vault with light Argon2id parameters in its header, so the many opens below stay quick.
        SharedCluster.home(home);
        Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT).close();
    }

    private static CliHarness.Result run(String... args) {
        List<String> all =
                new ArrayList<>(List.of("--home", home.toString(), "--password-file", passwordFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void everyChainOfTheCurveDerivesFromTheVaultKey(CurveName curveName) throws Exception {
        CliHarness.Result gen = run(
                "keygen",
                "--curve",
                curveName.apiName(),
                "--threshold",
                "2",
                "--servers",
                "OFFICIAL_1,OFFICIAL_2,OFFICIAL_3",
                "--no-signing-setup",
                "--json");
        assertEquals(0, gen.exitCode(), gen.err());
        JsonNode key = JSON.readTree(gen.out());
        String keyId = key.get("keyId").asText();
        Curve curve = curveName.curve();
        ExtendedPublicKey root = ExtendedPublicKey.root(
                curveName,
                Hex.decode(key.get("rootPublicKey").asText()),
                Hex.decode(key.get("chainCode").asText()));

        for (Chain chain : Chain.forCurve(curveName)) {
            CliHarness.Result r = run("derive", "--key-id", keyId, "--chain", chain.id(), "--index", "0", "--json");
            assertEquals(0, r.exitCode(), chain + ": " + r.err());
            JsonNode o = JSON.readTree(r.out());
            assertEquals(chain.id(), o.get("chain").asText());
            assertEquals(curveName.apiName(), o.get("curve").asText());
            assertEquals("mainnet", o.get("network").asText());
            DerivationPath path = DerivationPath.parse(o.get("derivationPath").asText());
            assertEquals(chain.defaultPath(0, 0, Network.MAINNET), path);
            assertTrue(o.get("address").asText().length() > 20, o.toString());

            // Servers 1 and 2 add the tweak to their verification shares; interpolating gives the child.
            BigInteger tweak = PublicDerivation.derive(root, path).tweak();
            Point tweakG = curve.multiplyBase(tweak);
            Point x1 = curve.decodePoint(Hex.decode(
                            key.get("verificationShares").get("OFFICIAL_1").asText()))
                    .add(tweakG);
            Point x2 = curve.decodePoint(Hex.decode(
                            key.get("verificationShares").get("OFFICIAL_2").asText()))
                    .add(tweakG);
            BigInteger n = curve.order();
            // Lagrange at 0 for ids 1 and 2: lambda_1 = 2, lambda_2 = -1.
            Point child =
                    curve.multiSum(new BigInteger[] {BigInteger.TWO, n.subtract(BigInteger.ONE)}, new Point[] {x1, x2});
            byte[] expected = curve.encodePublicKey(child);
            assertEquals(Hex.toHexString(expected), o.get("publicKey").asText(), chain.id());
        }
    }

    @Test
    void aKeyOfAnotherCurveIsRefusedWithTheChainsItTakes() throws Exception {
        CliHarness.Result gen = run(
                "keygen",
                "--curve",
                "P384",
                "--threshold",
                "2",
                "--servers",
                "OFFICIAL_1,OFFICIAL_3",
                "--no-signing-setup",
                "--json");
        assertEquals(0, gen.exitCode(), gen.err());
        // no setup runs: the key signs on first use, or at once when another key set up these servers' P384 pair
        assertTrue(
                List.of("on-first-use", "ready")
                        .contains(JSON.readTree(gen.out()).get("signing").asText()),
                "--no-signing-setup: " + gen.out());
        String keyId = JSON.readTree(gen.out()).get("keyId").asText();
        CliHarness.Result r = run("derive", "--key-id", keyId, "--chain", "evm", "--json");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("chains for P384: did-key"), r.err());
        assertTrue(r.out().isEmpty());
        assertTrue(Arrays.stream(r.err().split("\n")).noneMatch(l -> l.contains(keyId)), r.err());
    }
}
