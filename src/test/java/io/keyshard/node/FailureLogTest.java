package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A node's line for a failure it did not expect: enough for its operator to find it, nothing of the request. */
class FailureLogTest {
    @Test
    void namesTheEndpointTheExceptionAndWhereButNoIdOrMessage() {
        UUID signId = UUID.randomUUID();
        IOException failure = new IOException(
                "cannot read row of key " + signId, new ConcurrentModificationException("secret-looking text"));
        String line = FailureLog.line(
                "POST", "/v1/sign/" + signId + "/abort", failure, Instant.parse("2026-12-07T16:30:00.123Z"));
        assertTrue(
                line.startsWith("2026-12-07T16:30:00Z internal failure: POST /v1/sign/{id}/abort: "
                        + "java.io.IOException at io.keyshard.node.FailureLogTest."),
                line);
        assertTrue(line.contains(", caused by java.util.ConcurrentModificationException"), line);
        assertFalse(line.contains(signId.toString()), line);
        assertFalse(line.contains("cannot read") || line.contains("secret"), line);
    }

    @Test
    void anyPathSegmentThatIsNotAWordOfTheApiIsWrittenAsAnId() {
        assertEquals(
                "/v1/keys/{id}/ecdsa-setup/step2",
                FailureLog.template("/v1/keys/" + UUID.randomUUID() + "/ecdsa-setup/step2"));
        assertEquals("/v1/{id}/{id}", FailureLog.template("/v1/%2e%2e/etc passwd"));
        assertTrue(FailureLog.line("GE T", "/", new IllegalStateException(), Instant.EPOCH)
                .contains(": ? /"));
    }
}
