package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys archive|unarchive|delete} and {@code keys list --all}, as a script runs them. */
class KeysArchiveCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    Path home;
    Path pwFile;
    KeyRecord kept;
    KeyRecord other;

    @BeforeEach
    void vaultWithTwoKeys() throws Exception {
        home = tmp.resolve("home");
        pwFile = tmp.resolve("pw.txt");
        Files.writeString(pwFile, new String(VaultFixtures.PASSWORD) + "\n");
        kept = VaultFixtures.pending("treasury");
        other = VaultFixtures.pending("spare");
        try (Vault v = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT)) {
            v.createPending(kept);
            v.createPending(other);
            v.markReady(kept.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
        }
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--password-file", pwFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    private List<String> listedIds(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("keys", "list", "--json"));
        args.addAll(List.of(extra));
        CliHarness.Result r = run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.out()).get("keys").forEach(k -> ids.add(k.get("keyId").asText()));
        return ids;
    }

    @Test
    void anArchivedKeyLeavesTheListUntilAllOrUnarchive() throws Exception {
        CliHarness.Result a = run("keys", "archive", other.keyId().toString());
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(List.of(kept.keyId().toString()), listedIds());
        CliHarness.Result table = run("keys", "list");
        assertFalse(table.out().contains("spare"), table.out());
        assertTrue(table.err().contains("1 archived key is not listed; --all lists them."), table.err());

        assertEquals(List.of(kept.keyId().toString(), other.keyId().toString()), listedIds("--all"));
        JsonNode all = JSON.readTree(run("keys", "list", "--json", "--all").out());
        assertEquals(other.keyId().toString(), all.get("archived").get(0).asText());
        assertTrue(run("keys", "list", "--all").out().contains("archived"));

        assertEquals(0, run("keys", "unarchive", other.keyId().toString()).exitCode());
        assertEquals(2, listedIds().size());
    }

    @Test
    void deleteNeedsYesAndThenTheKeyIsGone() throws Exception {
        CliHarness.Result refused = run("keys", "delete", kept.keyId().toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("nothing was deleted"), refused.err());
        assertTrue(refused.err().contains("vault export"), refused.err());
        assertEquals(2, listedIds("--all").size());

        CliHarness.Result deleted = run("keys", "delete", kept.keyId().toString(), "--yes");
        assertEquals(0, deleted.exitCode(), deleted.err());
        assertEquals(List.of(other.keyId().toString()), listedIds("--all"));
        CliHarness.Result again = run("keys", "delete", kept.keyId().toString(), "--yes");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("no key with this keyId"), again.err());
    }
}
