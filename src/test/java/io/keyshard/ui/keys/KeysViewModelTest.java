package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.ResolvedKey;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.TestClipboard;
import io.keyshard.ui.session.AppSession;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Keys place's logic on a real vault (light Argon2id), without a screen. */
class KeysViewModelTest {
    @TempDir
    Path home;

    private final TestClipboard clipboard = new TestClipboard();

    /** READY, PENDING and FAILED keys with labels and a READY one without. */
    private AppSession unlockedWithFourKeys(List<KeyRecord> written) {
        return unlockedWith(written, TestApps::writeKeysWithAnUnlabelledOne);
    }

    private AppSession unlockedWith(List<KeyRecord> written, Function<Vault, List<KeyRecord>> keys) {
        AppSession session = TestApps.directSession(home, clipboard.service(() -> true));
        try (Vault vault = TestApps.createVault(home)) {
            written.addAll(keys.apply(vault));
        }
        return session;
    }

    @Test
    void listsTheVaultsKeysOnUnlockAndDropsThemOnLock() {
        List<KeyRecord> written = new ArrayList<>();
        AppSession session = unlockedWithFourKeys(written);
        KeysViewModel keys = new KeysViewModel(session);
        assertTrue(keys.emptyProperty().get());

        session.unlocked(reopen());
        assertEquals(written, keys.keys(), "oldest first, as the vault holds them");
        assertEquals(
                List.of(KeyStatus.READY, KeyStatus.PENDING, KeyStatus.FAILED, KeyStatus.READY),
                keys.keys().stream().map(KeyRecord::status).toList());
        assertTrue(keys.backupsProperty().get().latest().isPresent(), "markReady wrote an automatic backup");

        keys.selectedProperty().set(keys.keys().get(1));
        session.lock();
        assertTrue(keys.emptyProperty().get(), "nothing from the vault stays after lock");
        assertNull(keys.selectedProperty().get());
    }

    @Test
    void searchMatchesLabelCurveStatusAndKeyIdPrefix() {
        List<KeyRecord> written = new ArrayList<>();
        AppSession session = unlockedWithFourKeys(written);
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());

        keys.searchProperty().set("solana");
        assertEquals(List.of("Solana hot"), labels(keys));
        keys.searchProperty().set("ed25519");
        assertEquals(List.of("Solana hot"), labels(keys));
        keys.searchProperty().set("fail");
        assertEquals(List.of("Taproot test"), labels(keys));
        keys.searchProperty().set("a1b2c3");
        assertEquals(List.of("Savings"), labels(keys));
        keys.searchProperty().set("0000");
        assertEquals(List.of(), labels(keys), "a keyId matches only from its start");
        keys.searchProperty().set("secp256k1 ready");
        assertEquals(List.of("Savings"), labels(keys), "every word must match");
        keys.searchProperty().set("p384");
        assertEquals(List.of(written.get(3)), keys.visibleKeys(), "a key without a label is found by its curve");
        keys.searchProperty().set("b0b0");
        assertEquals(List.of(written.get(3)), keys.visibleKeys(), "and by its keyId");
        keys.searchProperty().set("  ");
        assertEquals(4, keys.visibleKeys().size());
    }

    @Test
    void theCopiedNoticeGoesAwayAfterAFewSecondsUnlessAnotherReplacedIt() throws Exception {
        AppSession session = unlockedWithFourKeys(new ArrayList<>());
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());
        keys.selectedProperty().set(keys.keys().get(0));
        assertTrue(KeysViewModel.COPIED_NOTICE.compareTo(Duration.ofSeconds(10)) <= 0, "a few seconds");
        keys.copiedNoticeFor(Duration.ofSeconds(2));
        keys.copy("cd".repeat(32), "Chain code");
        assertTrue(
                keys.noticeProperty().get().startsWith("Chain code copied"),
                keys.noticeProperty().get());
        long until = System.nanoTime() + 15_000_000_000L;
        while (!keys.noticeProperty().get().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals("", keys.noticeProperty().get(), "the notice went away");

        keys.copiedNoticeFor(Duration.ofMillis(300));
        keys.copy("cd".repeat(32), "Chain code");
        keys.noticeProperty().set("Asking the servers about the pending keys…");
        Thread.sleep(600);
        assertEquals(
                "Asking the servers about the pending keys…",
                keys.noticeProperty().get(),
                "a later notice is not taken away by the copy's timer");
        session.lock();
    }

    @Test
    void copyingTheKeyIdPutsItOnTheClipboardForThirtySeconds() {
        List<KeyRecord> written = new ArrayList<>();
        AppSession session = unlockedWithFourKeys(written);
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());
        keys.selectedProperty().set(keys.keys().get(0));

        keys.copyKeyId();
        assertEquals(written.get(0).keyId().toString(), clipboard.getText());
        assertTrue(
                keys.noticeProperty().get().contains("30 s"),
                keys.noticeProperty().get());
        clipboard.advance(Duration.ofSeconds(30));
        assertNull(clipboard.getText());

        keys.copyKeyId();
        session.lock();
        assertNull(clipboard.getText(), "locking clears what Keyshard copied");
    }

    @Test
    void newKeyAndShowAddressesRunOnlyWhenTheirHooksAreSet() {
        List<KeyRecord> written = new ArrayList<>();
        AppSession session = unlockedWithFourKeys(written);
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());

        assertFalse(keys.newKeyAvailableProperty().get());
        assertThrows(IllegalStateException.class, keys::newKey);
        AtomicInteger started = new AtomicInteger();
        keys.newKeyActionProperty().set(started::incrementAndGet);
        keys.newKey();
        assertEquals(1, started.get());

        List<KeyRecord> shown = new ArrayList<>();
        keys.showAddressesActionProperty().set(shown::add);
        keys.selectedProperty().set(keys.keys().get(1));
        assertThrows(IllegalStateException.class, keys::showAddresses, "a PENDING key has no addresses yet");
        keys.selectedProperty().set(keys.keys().get(0));
        keys.showAddresses();
        keys.selectedProperty().set(keys.keys().get(3));
        keys.showAddresses();
        assertEquals(List.of(written.get(0), written.get(3)), shown, "a key without a label has addresses too");
        session.lock();
    }

    @Test
    void detailsTextsAreHonestAboutEachStatusAndTheBackup() {
        List<KeyRecord> written = new ArrayList<>();
        AppSession session = unlockedWithFourKeys(written);
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());
        BackupState backups = keys.backupsProperty().get();

        assertTrue(KeyTexts.statusExplanation(written.get(1)).contains("Resolve now"));
        assertTrue(KeyTexts.statusExplanation(written.get(2)).contains("did not answer round 2"));
        assertTrue(KeyTexts.backup(written.get(0), backups).startsWith("In the automatic backup of"));
        assertTrue(KeyTexts.backup(written.get(0), BackupState.of(home.resolve("nowhere")))
                .startsWith("No automatic backup yet"));
        assertEquals(
                "Any 2 of these 3 servers can sign together; one alone cannot.",
                KeyTexts.thresholdSentence(written.get(0)));
        assertTrue(KeyTexts.keyIdHelp(written.get(0)).startsWith("The only handle to this key's shares"));
        assertEquals(KeyStatus.FAILED, written.get(2).status());
        assertEquals(
                "The servers this key was to be made on; no key was made, so none of them signs for it.",
                KeyTexts.thresholdSentence(written.get(2)),
                "a failed key is not said to sign with any 2 of its servers");
        assertTrue(KeyTexts.keyIdHelp(written.get(2)).startsWith("Names this attempt only"));
        assertEquals(KeyStatus.PENDING, written.get(1).status());
        assertTrue(KeyTexts.keyIdHelp(written.get(1)).contains("may hold"));
        assertTrue(
                KeyTexts.backup(written.get(3), backups).startsWith("In the automatic backup of"),
                "a key without a label is in the backup like any other");
        session.lock();
    }

    @Test
    void searchAndDetailsWorkOnKeysMadeWithoutALabel() {
        List<KeyRecord> written = new ArrayList<>();
        AppSession session = unlockedWith(written, TestApps::writeThreeKeys);
        try (Vault vault = reopen()) {
            TestApps.writeUnlabelledKeys(vault);
        }
        KeysViewModel keys = new KeysViewModel(session);
        session.unlocked(reopen());
        assertEquals(5, keys.keys().size());

        keys.searchProperty().set("ed25519");
        assertEquals(List.of("Solana hot", ""), labels(keys), "an unlabelled key is searched by its other facts");
        keys.searchProperty().set("sav");
        assertEquals(List.of("Savings"), labels(keys));
        keys.searchProperty().set("");
        assertEquals(5, keys.visibleKeys().size());
        KeyRecord blank = keys.keys().get(4);
        assertEquals(KeyRecord.NO_LABEL, blank.displayLabel(), "a blank label reads like a missing one");
        assertEquals(
                blank.curve().apiName() + " key " + blank.keyId().toString().substring(0, 8),
                blank.nameInText(),
                "a sentence names it by curve and keyId, not as (no label)");
        assertEquals("Savings", keys.keys().get(0).nameInText());
        session.lock();
    }

    @Test
    void whatSettlingAfterUnlockDidIsWordedForTheKeysScreen() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        assertEquals(
                "Checked with the servers after unlocking: 1 pending key finished; a missed commit was sent "
                        + "again for 1 key.",
                KeysViewModel.settledNotice(List.of(
                        new ResolvedKey(a, KeyStatus.READY, ResolvedKey.Change.FINISHED, "finished after a restart"),
                        new ResolvedKey(
                                b, KeyStatus.READY, ResolvedKey.Change.COMMIT_RESENT, "commit re-sent to [X]"))));
        assertEquals(
                "Checked with the servers after unlocking: 1 could not be finished (FAILED); 1 still waiting "
                        + "for a server.",
                KeysViewModel.settledNotice(List.of(
                        new ResolvedKey(a, KeyStatus.FAILED, ResolvedKey.Change.ABORTED, "aborted"),
                        new ResolvedKey(c, KeyStatus.PENDING, ResolvedKey.Change.UNCHANGED, "unreachable"))));
        assertEquals(
                "",
                KeysViewModel.settledNotice(List.of(new ResolvedKey(
                        b, KeyStatus.READY, ResolvedKey.Change.UNCHANGED, "commit still pending on [X]"))),
                "nothing changed: no notice");
    }

    private Vault reopen() {
        return Vault.open(home, TestApps.PASSWORD.toCharArray());
    }

    private static List<String> labels(KeysViewModel keys) {
        return keys.visibleKeys().stream().map(KeyRecord::label).toList();
    }
}
