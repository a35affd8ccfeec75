package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Notices a vault older than its newest automatic backup: the vault folder was put back from an
 * earlier copy (a restored backup of the disk, or someone with write access), and keys made since
 * are gone from it while their shares stay on the servers. Each automatic backup's name carries the
 * vault's index generation when it was written; the vault's own generation only grows, so a newest
 * backup with a higher one means the vault went back. The warning stands while that backup holds
 * keys the vault lacks (an import of it brings them back and ends it).
 *
 * @param backup       the newest automatic backup
 * @param missingKeys  keys in that backup and not in the vault; -1 when the vault's password now
 *                     does not open it (the vault went back past a password change)
 */
public record VaultRollback(Path backup, long backupGeneration, long vaultGeneration, int missingKeys) {
    /** The warning for {@code vault}, if it is older than its newest automatic backup. */
    public static Optional<VaultRollback> check(Vault vault) {
        List<Path> backups = AutoBackupFiles.list(vault.home());
        Path newest = null;
        long newestGeneration = -1;
        for (Path p : backups) {
            long g = AutoBackupFiles.generation(p);
            if (g > newestGeneration) {
                newest = p;
                newestGeneration = g;
            }
        }
        long own = vault.generation();
        if (newest == null || newestGeneration <= own) {
            return Optional.empty();
        }
        int missing = missingKeys(vault, newest);
        return missing == 0 ? Optional.empty() : Optional.of(new VaultRollback(newest, newestGeneration, own, missing));
    }

    private static int missingKeys(Vault vault, Path backup) {
        byte[] inner = AutoBackupFiles.open(vault, backup);
        if (inner == null) {
            return -1;
        }
        try {
            Set<UUID> have = new HashSet<>();
            vault.list().forEach(k -> have.add(k.keyId()));
            int missing = 0;
            JsonNode keys = StrictJson.mapper().readTree(inner).path("keys");
            for (JsonNode k : keys) {
                if (!have.contains(UUID.fromString(k.path("keyId").asText()))) {
                    missing++;
                }
            }
            return missing;
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    /**
     * Brings back the keys of the newest automatic backup that the vault lacks, with the vault's own
     * keys (no password asked: the backup is sealed under the vault's); never overwrites a record.
     *
     * @throws VaultException when the vault's password now does not open that backup
     */
    public VaultBackup.ImportResult restore(Vault vault) {
        byte[] inner = AutoBackupFiles.open(vault, backup);
        if (inner == null) {
            throw new VaultException(
                    VaultException.Reason.WRONG_PASSWORD,
                    "the vault's password does not open the newest automatic backup; run " + restoreCommand()
                            + " with the password the vault had when it was written");
        }
        try {
            return VaultBackup.importInto(
                    vault, VaultBackup.contents(backup, StrictJson.mapper().readTree(inner)));
        } catch (IOException e) {
            throw new VaultException(VaultException.Reason.BAD_BACKUP, "the newest automatic backup is not valid JSON");
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    /** The command that brings the missing keys back (it adds what the vault lacks, never overwrites). */
    public String restoreCommand() {
        return "keyshard vault import " + backup;
    }

    /** What the user is told on open: what happened, what it costs, and how to restore. */
    public String message() {
        String what = missingKeys < 0
                ? "it may lack keys made since (that backup was sealed under a later vault password)"
                : missingKeys + " key" + (missingKeys == 1 ? "" : "s") + " in that backup "
                        + (missingKeys == 1 ? "is" : "are") + " missing from the vault";
        return "the vault is older than its newest automatic backup (" + backup.getFileName()
                + "): it was put back from an earlier copy, and " + what
                + ". Their shares are still on the servers; restore them with: " + restoreCommand();
    }
}
