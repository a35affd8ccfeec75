package io.keyshard.vault;

import io.keyshard.Home;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Sealer;
import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Builds a new vault in a temporary folder beside its final place and renames the folder into
 * {@code <home>/vault} in one atomic step, so a crash during {@code init} leaves no half vault.
 */
final class VaultCreation {
    private VaultCreation() {}

    /** The new vault's header and its unlocked keys. */
    record Created(VaultHeader header, VaultKeys keys) {}

    static Created build(Path root, char[] password, KdfParams kdf) {
        Path tmp = null;
        VaultKeys keys = null;
        try {
            Home.ensureOwnerOnlyDir(root);
            if (Vault.exists(root)) {
                throw new VaultException(
                        Reason.ALREADY_EXISTS,
                        "a vault already exists in " + VaultFiles.vaultDir(root)
                                + "; nothing was changed (use another --home, or 'keyshard vault passwd' for a new password)");
            }
            byte[] rnd = new byte[8];
            new SecureRandom().nextBytes(rnd);
            tmp = Home.ensureOwnerOnlyDir(root.resolve(".vault-init-" + Hex.encode(rnd)));
            byte[] salt = VaultHeader.newSalt();
            keys = VaultKeys.derive(password, salt, kdf);
            VaultHeader header = VaultHeader.fresh(kdf, salt, keys);
            initDatabase(tmp.resolve(VaultFiles.DB_NAME), keys);
            VaultFiles.ownerOnlyAll(tmp);
            VaultFiles.writeDurably(tmp.resolve(VaultFiles.HEADER), header.toJson());
            OwnerOnlyFiles.fsyncDir(tmp);
            Path dir = VaultFiles.vaultDir(root);
            Files.deleteIfExists(dir.resolve(VaultFiles.LOCK));
            Files.deleteIfExists(dir); // only an empty leftover folder; a non-empty one makes this fail
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            OwnerOnlyFiles.fsyncDir(root);
            return new Created(header, keys);
        } catch (IOException e) {
            if (keys != null) {
                keys.close();
            }
            throw new VaultException(Reason.IO, "cannot create the vault in " + root + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (keys != null) {
                keys.close();
            }
            throw e;
        } finally {
            if (tmp != null) {
                PasswordChange.deleteTree(tmp);
            }
        }
    }

    /** A new database with the current schema and an empty sealed index. */
    static void initDatabase(Path base, VaultKeys keys) {
        char[] pwd = keys.h2Password();
        try (VaultDatabase db = VaultDatabase.create(base, pwd);
                Sealer s = keys.recordSealer()) {
            new Manifest().write(s, db::putMeta);
            db.commitDurably();
        } finally {
            Arrays.fill(pwd, '\0');
        }
    }
}
