package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.address.TestVectors;
import io.keyshard.curve.CurveName;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code derive --key-id}: the root key and chain code come from a real (encrypted H2) vault. */
class DeriveKeyIdTest {
    /** BIP-32 test vector 1 master: a key whose children are published, so --key-id can be checked against --xpub. */
    private static final JsonNode MASTER = TestVectors.load("bip32.json")
            .get("test_vectors")
            .get(0)
            .get("chains")
            .get(0);

    @TempDir
    Path tmp;

    Path home;
    Path pwFile;
    KeyRecord ready;
    KeyRecord pending;

    @BeforeEach
    void vault() throws Exception {
        home = tmp.resolve("home");
        pwFile = tmp.resolve("pw.txt");
        Files.writeString(pwFile, new String(VaultFixtures.PASSWORD) + "\n");
        ready = KeyRecord.pending(
                UUID.randomUUID(),
                "btc",
                CurveName.SECP256K1,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                Instant.now());
        pending = VaultFixtures.pending("not yet");
        try (Vault v = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT)) {
            v.createPending(ready);
            v.createPending(pending);
            JsonNode d = MASTER.get("decoded_xpub");
            v.markReady(
                    ready.keyId(), d.get("key").asText(), d.get("chain_code").asText(), Map.of());
        }
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--password-file", pwFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    @Test
    void derivesFromTheVaultRecordLikeFromItsXpub() throws Exception {
        for (String chain : List.of("evm", "bitcoin-p2pkh", "bitcoin-p2wpkh", "tron", "cosmos", "did-key")) {
            CliHarness.Result r =
                    run("derive", "--key-id", ready.keyId().toString(), "--chain", chain, "--index", "3", "--json");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode o = new ObjectMapper().readTree(r.out());
            JsonNode x = new ObjectMapper()
                    .readTree(CliHarness.run(
                                    "derive",
                                    "--xpub",
                                    MASTER.get("xpub").asText(),
                                    "--chain",
                                    chain,
                                    "--index",
                                    "3",
                                    "--json")
                            .out());
            assertEquals(x, o, chain);
            assertEquals("SECP256k1", o.get("curve").asText());
        }
    }

    @Test
    void badKeyIdsAndUnreadyKeysExitTwoWithoutEchoingTheId() {
        CliHarness.Result notUuid = run("derive", "--key-id", "not-a-uuid-123", "--chain", "evm");
        assertEquals(2, notUuid.exitCode());
        assertTrue(notUuid.err().contains("--key-id is not a keyId"), notUuid.err());
        assertFalse(notUuid.err().contains("not-a-uuid-123"), notUuid.err());

        String unknown = UUID.randomUUID().toString();
        CliHarness.Result missing = run("derive", "--key-id", unknown, "--chain", "evm");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no key with this keyId"), missing.err());
        assertFalse(missing.err().contains(unknown), missing.err());

        CliHarness.Result notReady = run("derive", "--key-id", pending.keyId().toString(), "--chain", "evm");
        assertEquals(2, notReady.exitCode());
        assertTrue(notReady.err().contains("this key is PENDING"), notReady.err());
        assertTrue(notReady.out().isEmpty());

        CliHarness.Result both = run(
                "derive",
                "--key-id",
                ready.keyId().toString(),
                "--xpub",
                MASTER.get("xpub").asText());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("only one of --key-id"), both.err());

        CliHarness.Result wrongCurve = run("derive", "--key-id", ready.keyId().toString(), "--chain", "solana");
        assertEquals(2, wrongCurve.exitCode());
        assertTrue(wrongCurve.err().contains("chains for SECP256k1"), wrongCurve.err());
    }

    @Test
    void aWrongPasswordIsTheVaultsExitThree() throws Exception {
        Files.writeString(pwFile, "not the password\n");
        CliHarness.Result r = run("derive", "--key-id", ready.keyId().toString(), "--chain", "evm");
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void xpubAndPublicKeyNeedNoVault() {
        CliHarness.Result r = CliHarness.run(
                "--home",
                tmp.resolve("nowhere").toString(),
                "derive",
                "--xpub",
                MASTER.get("xpub").asText(),
                "--chain",
                "evm");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.exists(tmp.resolve("nowhere")));
    }
}
