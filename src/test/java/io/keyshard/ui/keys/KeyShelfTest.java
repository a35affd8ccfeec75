package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.TestApps;
import io.keyshard.ui.TestClipboard;
import io.keyshard.ui.session.AppSession;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archiving, showing archived keys and deleting on the Keys place, on a real vault without a screen. */
class KeyShelfTest {
    @TempDir
    Path home;

    private final TestClipboard clipboard = new TestClipboard();
    private final List<KeyRecord> written = new ArrayList<>();

    /** Savings (READY), Solana hot (PENDING), Taproot test (FAILED). */
    private AppSession unlocked() {
        AppSession session = TestApps.directSession(home, clipboard.service(() -> true));
        try (Vault vault = TestApps.createVault(home)) {
            written.addAll(TestApps.writeThreeKeys(vault));
        }
        return session;
    }

    private Vault reopen() {
        return Vault.open(home, TestApps.PASSWORD.toCharArray());
    }

    private static List<String> labels(KeysViewModel keys) {
        return keys.visibleKeys().stream().map(KeyRecord::label).toList();
    }

    @Test
    void anArchivedKeyLeavesTheListStaysInTheVaultAndComesBack() {
        AppSession session = unlocked();
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());
        KeyRecord savings = written.get(0);
        keys.selectedProperty().set(savings);

        assertNull(keys.shelf().archive(savings).join());
        assertEquals(List.of("Solana hot", "Taproot test"), labels(keys));
        assertNull(keys.selectedProperty().get(), "an archived key leaves the details too");
        assertEquals(3, keys.keys().size(), "the vault still holds it");
        assertTrue(
                keys.noticeProperty().get().startsWith("Archived Savings"),
                keys.noticeProperty().get());

        keys.shelf().showArchivedProperty().set(true);
        assertEquals(List.of("Savings", "Solana hot", "Taproot test"), labels(keys));
        assertTrue(keys.shelf().isArchived(savings));
        keys.searchProperty().set("sav");
        assertEquals(List.of("Savings"), labels(keys), "search and the toggle work together");
        keys.searchProperty().set("");

        session.lock();
        assertFalse(keys.shelf().showArchivedProperty().get(), "locking forgets the toggle");
        session.unlocked(reopen());
        assertEquals(List.of("Solana hot", "Taproot test"), labels(keys), "archived across lock and unlock");

        assertNull(keys.shelf().unarchive(savings).join());
        assertEquals(List.of("Savings", "Solana hot", "Taproot test"), labels(keys));
    }

    @Test
    void aReadyKeyIsDeletedOnlyAfterItsLabelOrTheStartOfItsKeyIdIsTyped() {
        AppSession session = unlocked();
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());
        KeyRecord savings = written.get(0);
        String prefix = savings.keyId().toString().substring(0, 8);

        assertTrue(KeyShelf.needsTyping(savings));
        assertFalse(KeyShelf.confirms(savings, ""));
        assertFalse(KeyShelf.confirms(savings, "savings"), "the label must be typed as it is");
        assertFalse(KeyShelf.confirms(savings, prefix.substring(0, 7)));
        assertTrue(KeyShelf.confirms(savings, " Savings "));
        assertTrue(KeyShelf.confirms(savings, prefix.toUpperCase(Locale.ROOT)));
        assertTrue(KeyShelf.typingHint(savings).contains("Savings")
                && KeyShelf.typingHint(savings).contains(prefix));

        String warning = KeyShelf.deleteWarning(savings);
        assertTrue(warning.contains("shares stay on OFFICIAL_1, OFFICIAL_2, OFFICIAL_3"), warning);
        assertTrue(warning.contains("without this keyId (or a backup that holds it) nobody can use them"), warning);
        assertTrue(warning.contains("Export a backup first"), warning);

        String refused = keys.shelf().delete(savings, "Savings?").join();
        assertTrue(refused.startsWith("That does not match.") && refused.endsWith("Nothing was deleted."), refused);
        assertTrue(session.workspace().key(savings.keyId()).isPresent());

        assertNull(keys.shelf().delete(savings, prefix).join());
        assertTrue(session.workspace().key(savings.keyId()).isEmpty());
        assertEquals(List.of("Solana hot", "Taproot test"), labels(keys));
        session.lock();
        session.unlocked(reopen());
        assertEquals(List.of("Solana hot", "Taproot test"), labels(keys), "gone for good");
        assertEquals(List.of(), keys.problems(), "not reported as a record removed from outside");
    }

    @Test
    void aFailedKeyIsDeletedWithoutTypingBecauseNoServerHoldsAUsableShare() {
        AppSession session = unlocked();
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());
        KeyRecord failed = written.get(2);
        assertFalse(KeyShelf.needsTyping(failed));
        assertTrue(KeyShelf.deleteWarning(failed).startsWith("This key was never made"));
        assertNull(keys.shelf().delete(failed, "").join());
        assertEquals(List.of("Savings", "Solana hot"), labels(keys));
    }
}
