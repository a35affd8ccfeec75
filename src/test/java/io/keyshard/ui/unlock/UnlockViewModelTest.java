package io.keyshard.ui.unlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.TestApps;
import io.keyshard.ui.TestClipboard;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.unlock.UnlockViewModel.Mode;
import io.keyshard.vault.Vault;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The welcome screen's logic against real vault files (light Argon2id), without a screen. */
class UnlockViewModelTest {
    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock();

    @Test
    void createRefusesAMismatchOrAWeakPasswordThenCreatesTheVault() {
        AppSession session = TestApps.directSession(home, new TestClipboard().service(() -> true));
        UnlockViewModel model = new UnlockViewModel(session, clock);
        assertEquals(Mode.CREATE, model.modeProperty().get(), "a fresh home offers to create a vault");

        model.edited("correct horse battery", "correct horse batterY");
        assertFalse(model.createValidProperty().get());
        assertTrue(
                model.createHintProperty().get().contains("do not match"),
                model.createHintProperty().get());
        char[] pw = "correct horse battery".toCharArray();
        char[] confirm = "correct horse batterY".toCharArray();
        model.create(pw, confirm);
        assertFalse(Vault.exists(home), "a mismatched confirm creates nothing");
        assertTrue(model.errorProperty().get().contains("do not match"));
        assertWiped(pw);
        assertWiped(confirm);

        model.create("password12".toCharArray(), "password12".toCharArray());
        assertFalse(Vault.exists(home), "a weak password creates nothing");
        assertTrue(
                model.errorProperty().get().startsWith("This vault password is too easy to guess"),
                model.errorProperty().get());

        model.create("pass".toCharArray(), "pass".toCharArray());
        assertTrue(
                model.errorProperty().get().contains("needs at least 10 characters"),
                model.errorProperty().get());

        pw = TestApps.PASSWORD.toCharArray();
        model.edited(CharBuffer.wrap(pw), CharBuffer.wrap(pw));
        assertTrue(model.createValidProperty().get());
        model.create(pw, TestApps.PASSWORD.toCharArray());
        assertWiped(pw);
        assertTrue(session.isUnlocked(), model.errorProperty().get());
        assertTrue(Files.isRegularFile(home.resolve("vault/header.json")));
        assertTrue(Files.isRegularFile(home.resolve("vault/keyshard.mv.db")));
        assertEquals("", model.errorProperty().get());

        session.lock();
        model.reset();
        assertEquals(Mode.UNLOCK, model.modeProperty().get(), "after creating, the screen asks to unlock");
    }

    @Test
    void wrongPasswordsSaySoAndMakeEachFurtherTryWaitLonger() {
        TestApps.createVault(home).close();
        AppSession session = TestApps.directSession(home, new TestClipboard().service(() -> true));
        UnlockViewModel model = new UnlockViewModel(session, clock);
        assertEquals(Mode.UNLOCK, model.modeProperty().get());

        model.unlock(new char[0]);
        assertEquals("Enter your vault password.", model.errorProperty().get());

        for (int i = 1; i < UnlockViewModel.FREE_TRIES; i++) {
            model.unlock("not the password".toCharArray());
            assertFalse(session.isUnlocked());
            assertTrue(model.errorProperty().get().startsWith("That password does not open this vault"));
            assertEquals(0, model.waitSecondsProperty().get(), "the first tries do not wait");
        }
        model.unlock("still not it".toCharArray());
        int firstWait = model.waitSecondsProperty().get();
        assertTrue(firstWait > 0, "after " + UnlockViewModel.FREE_TRIES + " wrong tries the next one waits");
        assertTrue(
                model.errorProperty().get().contains("waits a little longer"),
                model.errorProperty().get());

        char[] right = TestApps.PASSWORD.toCharArray();
        model.unlock(right);
        assertFalse(session.isUnlocked(), "no try while the wait runs, not even the right password");
        assertWiped(right);

        clock.advance(Duration.ofSeconds(firstWait));
        model.refresh();
        assertEquals(0, model.waitSecondsProperty().get());
        model.unlock("wrong again".toCharArray());
        assertTrue(model.waitSecondsProperty().get() > firstWait, "the wait grows");
        assertTrue(model.waitSecondsProperty().get() <= UnlockViewModel.MAX_WAIT_SECONDS);

        clock.advance(Duration.ofMinutes(1));
        model.unlock(TestApps.PASSWORD.toCharArray());
        assertTrue(session.isUnlocked(), model.errorProperty().get());
        assertEquals(0, model.failures(), "a success forgets the wrong tries");
        session.lock();
    }

    @Test
    void aVaultOpenElsewhereIsExplained() {
        try (Vault elsewhere = TestApps.createVault(home)) {
            AppSession session = TestApps.directSession(home, new TestClipboard().service(() -> true));
            UnlockViewModel model = new UnlockViewModel(session, clock);
            model.unlock(TestApps.PASSWORD.toCharArray());
            assertFalse(session.isUnlocked());
            assertTrue(
                    model.errorProperty().get().contains("open in another Keyshard window or command"),
                    model.errorProperty().get());
            assertEquals(0, model.failures(), "not counted as a wrong password");
        }
    }

    private static void assertWiped(char[] chars) {
        for (char c : chars) {
            assertEquals('\0', c, "password chars wiped after use");
        }
    }

    /** A clock the test moves by hand, so waits are checked without sleeping. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
