package io.keyshard.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keyshard.ui.TestClipboard;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClipboardServiceTest {
    private final TestClipboard clipboard = new TestClipboard();
    private final AtomicBoolean clearing = new AtomicBoolean(true);
    private final ClipboardService service = clipboard.service(clearing::get);

    @Test
    void aCopiedValueLeavesTheClipboardThirtySecondsLater() {
        service.copy("keyId-1");
        assertEquals("keyId-1", clipboard.getText());
        clipboard.advance(Duration.ofSeconds(29));
        assertEquals("keyId-1", clipboard.getText(), "still there before 30 s");
        clipboard.advance(Duration.ofSeconds(1));
        assertNull(clipboard.getText(), "cleared at 30 s");
    }

    @Test
    void somethingTheUserCopiedSinceIsLeftAlone() {
        service.copy("keyId-1");
        clipboard.setText("the user's own text");
        clipboard.advance(Duration.ofSeconds(31));
        assertEquals("the user's own text", clipboard.getText());
    }

    @Test
    void aSecondCopyRestartsTheThirtySeconds() {
        service.copy("first");
        clipboard.advance(Duration.ofSeconds(20));
        service.copy("second");
        clipboard.advance(Duration.ofSeconds(20));
        assertEquals("second", clipboard.getText(), "the first copy's timer must not clear the second value");
        clipboard.advance(Duration.ofSeconds(10));
        assertNull(clipboard.getText());
    }

    @Test
    void withClearingOffNothingIsCleared() {
        clearing.set(false);
        service.copy("address");
        clipboard.advance(Duration.ofMinutes(5));
        assertEquals("address", clipboard.getText());
    }

    @Test
    void clearingNowRemovesOnlyOurValue() {
        service.copy("keyId-1");
        service.clearIfStillOurs();
        assertNull(clipboard.getText());
        clipboard.setText("mine");
        service.clearIfStillOurs();
        assertEquals("mine", clipboard.getText(), "nothing of ours left to clear");
    }
}
