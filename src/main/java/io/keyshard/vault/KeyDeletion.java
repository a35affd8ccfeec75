package io.keyshard.vault;

import java.util.UUID;

/**
 * Removing a key from the vault. Only the record goes: the shares stay on their servers, and without
 * this keyId (kept by a backup or nowhere) nobody can ask the servers to use them again. The row and
 * its entry in the sealed index go in one durable transaction, so the removal is not mistaken for a
 * row deleted from outside; row numbers are never reused, so putting the old row back is still
 * detected as foreign. The automatic backups are left as they are: the newest still holds the key.
 */
final class KeyDeletion {
    private KeyDeletion() {}

    static void delete(Vault vault, UUID keyId) {
        synchronized (vault) {
            if (vault.get(keyId).isEmpty()) {
                throw new IllegalArgumentException("no key with this keyId in the vault");
            }
            Manifest next = vault.writableManifest().copy();
            next.remove(Manifest.keyId(keyId));
            vault.removeRecord(keyId, next);
            KeyArchive.forget(vault, keyId);
        }
    }
}
