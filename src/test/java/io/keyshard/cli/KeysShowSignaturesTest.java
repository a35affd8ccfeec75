package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.client.Workspace;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.RecordCodec;
import io.keyshard.vault.SignedPayload;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys show} lists a key's signing history: every entry with --json, the count and latest ones otherwise. */
class KeysShowSignaturesTest {
    @TempDir
    Path tmp;

    Path home;
    Path pwFile;
    KeyRecord key;

    @BeforeEach
    void vault() throws Exception {
        home = tmp.resolve("home");
        pwFile = tmp.resolve("pw.txt");
        Files.writeString(pwFile, new String(VaultFixtures.PASSWORD) + "\n");
        KeyRecord p = VaultFixtures.pending("spending");
        try (Vault v = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT)) {
            v.createPending(p);
            key = v.markReady(p.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
        }
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--password-file", pwFile.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    private void sign(int n, SignedPayload kind, String address) {
        try (Vault v = Vault.open(home, VaultFixtures.pw());
                Workspace ws = Workspace.open(home, v)) {
            ws.recordSignature(
                    key.keyId(),
                    Instant.parse("2026-04-02T08:00:00Z").plusSeconds(60L * n),
                    new byte[] {(byte) n, 2, 3},
                    "m/44/60/0/0/" + n,
                    address,
                    List.of("OFFICIAL_2", "OFFICIAL_3"),
                    new byte[] {9, 8, (byte) n},
                    kind,
                    "transfer " + n);
        }
    }

    @Test
    void aKeyThatSignedNothingShowsAnEmptyHistoryBesideItsUnchangedRecord() throws Exception {
        CliHarness.Result r = run("keys", "show", key.keyId().toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertTrue(o.get("signatures").isArray());
        assertEquals(0, o.get("signatures").size());
        // The servers of this key are not running, so whether its ECDSA signing is set up cannot be asked.
        assertEquals("unknown", o.get("signing").asText());
        ObjectNode record = ((ObjectNode) o).deepCopy();
        record.remove("signatures");
        record.remove("signing");
        assertEquals(new ObjectMapper().readTree(RecordCodec.toJson(key).toString()), record);

        CliHarness.Result text = run("keys", "show", key.keyId().toString());
        assertTrue(text.out().contains("signatures:       0"), text.out());
    }

    @Test
    void recordedSignaturesAreListedOldestFirstInJsonAndNewestFirstForPeople() throws Exception {
        for (int i = 1; i <= 7; i++) {
            sign(i, i == 7 ? SignedPayload.ETH_TX : SignedPayload.ETH_MESSAGE, "0x" + "ab".repeat(19) + "0" + i);
        }
        JsonNode o = new ObjectMapper()
                .readTree(run("keys", "show", key.keyId().toString(), "--json").out());
        JsonNode list = o.get("signatures");
        assertEquals(7, list.size());
        JsonNode first = list.get(0);
        assertEquals("2026-04-02T08:01:00Z", first.get("signedAt").asText());
        assertEquals("eth-message", first.get("payload").asText());
        assertEquals("transfer 1", first.get("description").asText());
        assertEquals("m/44/60/0/0/1", first.get("derivationPath").asText());
        assertEquals("0x" + "ab".repeat(19) + "01", first.get("address").asText());
        assertEquals("[\"OFFICIAL_2\",\"OFFICIAL_3\"]", first.get("signers").toString());
        assertEquals("010203", first.get("digest").asText());
        assertEquals("090801", first.get("signature").asText());
        assertEquals("eth-tx", list.get(6).get("payload").asText());

        String text = run("keys", "show", key.keyId().toString()).out();
        assertTrue(text.contains("signatures:       7"), text);
        assertTrue(text.indexOf("eth-tx") < text.indexOf("transfer 6"), "newest first: " + text);
        assertTrue(!text.contains("transfer 2") && text.contains("transfer 3"), "the latest five: " + text);
        assertTrue(text.contains("2 older"), text);
    }
}
