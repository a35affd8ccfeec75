package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.client.SharedCluster;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A client home of the shared cluster with a vault, and the {@code keyshard} calls the sign ITs make in it. */
final class SignCli {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final Path passwordFile;

    private SignCli(Path home, Path passwordFile) {
        this.home = home;
        this.passwordFile = passwordFile;
    }

    static SignCli create(Path dir) throws IOException {
        Path home = dir.resolve("home");
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, new String(VaultFixtures.PASSWORD) + "\n");
        SharedCluster.home(home);
        Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT).close();
        return new SignCli(home, passwordFile);
    }

    CliHarness.Result run(String... args) {
        List<String> all =
                new ArrayList<>(List.of("--home", home.toString(), "--password-file", passwordFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    /** A new 2-of-3 key; returns its keyId. */
    String keygen(CurveName curve) throws IOException {
        return keygen(curve, false);
    }

    /** A new 2-of-3 key, with {@code --no-signing-setup} for a key only refused, never signed with. */
    String keygen(CurveName curve, boolean noSigningSetup) throws IOException {
        List<String> args =
                new ArrayList<>(List.of("keygen", "--curve", curve.apiName(), "--threshold", "2", "--json"));
        if (noSigningSetup) {
            args.add("--no-signing-setup");
        }
        CliHarness.Result gen = run(args.toArray(String[]::new));
        assertEquals(0, gen.exitCode(), gen.err());
        return JSON.readTree(gen.out()).get("keyId").asText();
    }

    /** The key's root as the vault holds it (public key and chain code): what a wallet's descriptor starts from. */
    ExtendedPublicKey root(String keyId) throws IOException {
        JsonNode k = JSON.readTree(run("keys", "show", keyId, "--json").out());
        return KeyPipeline.Start.of(
                        CurveName.parse(k.get("curve").asText()),
                        Hex.decode(k.get("rootPublicKey").asText(), "rootPublicKey"),
                        Hex.decode(k.get("chainCode").asText(), "chainCode"))
                .key();
    }

    /** The key's signing history as {@code keys show --json} prints it. */
    JsonNode history(String keyId) throws IOException {
        CliHarness.Result r = run("keys", "show", keyId, "--json");
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out()).get("signatures");
    }

    /** {@code derive --json} of the key with these flags. */
    JsonNode derive(String keyId, String... flags) throws IOException {
        List<String> all = new ArrayList<>(List.of("derive", "--key-id", keyId, "--json"));
        all.addAll(List.of(flags));
        CliHarness.Result r = run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    static JsonNode json(CliHarness.Result r) throws IOException {
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }
}
