package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups carry each key's signing history; importing adds what a key lacks and never repeats an entry. */
class BackupSignaturesTest {
    static final char[] BACKUP_PW = "backup passphrase".toCharArray();

    @TempDir
    Path tmp;

    @Test
    void exportAndAutomaticBackupCarryTheHistoryAndImportRestoresItOnce() throws Exception {
        Path home = tmp.resolve("a");
        Path early = tmp.resolve("early.ksbackup");
        Path file = tmp.resolve("keys.ksbackup");
        UUID keyId;
        List<SignatureEntry> history = List.of(
                SignatureHistoryTest.entry(1, SignedPayload.ETH_MESSAGE),
                SignatureHistoryTest.entry(2, SignedPayload.SOLANA_TX));
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            keyId = SignatureHistoryTest.readyKey(v).keyId();
            VaultBackup.export(v, early, BACKUP_PW.clone());
            history.forEach(e -> v.recordSignatures(keyId, List.of(e)));
            VaultBackup.export(v, file, BACKUP_PW.clone());
            assertEquals(Optional.empty(), v.lastBackupProblem());
        }
        assertEquals(
                Map.of(), VaultBackup.readContents(early, BACKUP_PW.clone()).signatures());
        assertEquals(
                Map.of(keyId, history),
                VaultBackup.readContents(file, BACKUP_PW.clone()).signatures());
        try (Stream<Path> auto = Files.list(home.resolve("backups"))) {
            Path newest = auto.sorted().reduce((a, b) -> b).orElseThrow();
            assertEquals(
                    Map.of(keyId, history),
                    VaultBackup.readContents(newest, pw()).signatures());
        }

        try (Vault v = Vault.create(tmp.resolve("b"), pw(), LIGHT)) {
            assertEquals(new VaultBackup.ImportResult(1, 0, 0), VaultBackup.importInto(v, file, BACKUP_PW.clone()));
            assertEquals(history, v.signatures(keyId));
            assertEquals(new VaultBackup.ImportResult(0, 1, 0), VaultBackup.importInto(v, file, BACKUP_PW.clone()));
            assertEquals(history, v.signatures(keyId), "a second import repeats nothing");
        }

        try (Vault v = Vault.create(tmp.resolve("c"), pw(), LIGHT)) {
            VaultBackup.importInto(v, early, BACKUP_PW.clone());
            SignatureEntry local = SignatureHistoryTest.entry(5, SignedPayload.DIGEST);
            v.recordSignatures(keyId, List.of(local));
            VaultBackup.importInto(v, file, BACKUP_PW.clone());
            assertEquals(
                    List.of(local, history.get(0), history.get(1)),
                    v.signatures(keyId),
                    "the key keeps its own entry and gains the backed-up ones after it");
        }
    }
}
