package io.keyshard.vault;

import java.nio.file.Path;

/**
 * A new vault made from a backup file, for a home that has none (a new computer, a lost disk): the
 * backup is opened first, so a wrong password or a damaged file leaves the home without a vault and
 * nothing to clean up; then the vault is created and every key of the backup, with its archived
 * mark, goes in.
 */
public final class VaultRestore {
    /** The open new vault and how many keys it received. */
    public record Restored(Vault vault, int keys) {}

    private VaultRestore() {}

    /**
     * Opens {@code backup} with {@code backupPassword}, creates the vault under {@code vaultPassword}
     * (the vault's password rule applies) with {@code kdf}, and imports every key. The caller wipes
     * both passwords and closes the vault.
     */
    public static Restored intoNewVault(
            Path home, Path backup, char[] backupPassword, char[] vaultPassword, KdfParams kdf) {
        Vault.checkNewPassword(vaultPassword);
        VaultBackup.Contents contents = VaultBackup.readContents(backup, backupPassword);
        Vault vault = Vault.create(home, vaultPassword, kdf);
        try {
            VaultBackup.ImportResult result = VaultBackup.importInto(vault, contents);
            return new Restored(vault, result.added());
        } catch (RuntimeException e) {
            vault.close();
            throw e;
        }
    }
}
