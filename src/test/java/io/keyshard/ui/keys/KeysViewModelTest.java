package io.keyshard.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.vault.KeyRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeysViewModelTest {

    @Test
    void emptyFollowsTheKeyList() {
        KeysViewModel keys = new KeysViewModel();
        assertTrue(keys.emptyProperty().get());
        KeyRecord key = KeyRecord.pending(UUID.randomUUID(), "savings", CurveName.values()[0], 2,
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"), Instant.now());
        keys.keys().add(key);
        assertFalse(keys.emptyProperty().get());
        keys.keys().remove(key);
        assertTrue(keys.emptyProperty().get());
    }

    @Test
    void newKeyIsOfferedOnlyWhenSomethingCanCreateAKey() {
        KeysViewModel keys = new KeysViewModel();
        assertFalse(keys.newKeyAvailableProperty().get());
        assertThrows(IllegalStateException.class, keys::newKey);

        AtomicInteger started = new AtomicInteger();
        keys.newKeyActionProperty().set(started::incrementAndGet);
        assertTrue(keys.newKeyAvailableProperty().get());
        keys.newKey();
        assertEquals(1, started.get());

        keys.newKeyActionProperty().set(null);
        assertFalse(keys.newKeyAvailableProperty().get());
    }
}
