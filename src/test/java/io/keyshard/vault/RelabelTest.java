package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renaming a key changes its label only, durably; the keyId, status and public data stay. */
class RelabelTest {
    @TempDir
    Path home;

    @Test
    void aRenamedKeyKeepsEverythingElseAndReadsBackAfterReopening() {
        KeyRecord ready;
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            KeyRecord pending = VaultFixtures.pending("treasury");
            v.createPending(pending);
            ready = v.markReady(
                    pending.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
            KeyRecord renamed = v.relabel(ready.keyId(), "  Cold storage  ");
            assertEquals("Cold storage", renamed.label());
            assertEquals(ready.withLabel("Cold storage"), renamed);
            assertThrows(IllegalArgumentException.class, () -> v.relabel(ready.keyId(), "x".repeat(201)));
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(ready.withLabel("Cold storage"), v.get(ready.keyId()).orElseThrow());
            assertEquals("", v.relabel(ready.keyId(), " ").label(), "a blank label removes it");
            assertEquals(1, v.list().size());
            assertEquals(List.of(), v.problems());
        }
    }
}
