package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A local node that fails to start is the only one reported so; servers that answer stay "ok". */
class ServerHealthStartFailureTest {
    private static final String PIN = "ab".repeat(32);

    @Test
    void theStartFailureGoesOnlyToTheServerItNames() {
        List<ServerStatus> checked = List.of(
                new ServerStatus("OFFICIAL_1", "https://127.0.0.1:4001", 1, PIN, true, true, 12L, null),
                new ServerStatus("OFFICIAL_2", "https://127.0.0.1:4002", 2, PIN, true, false, null,
                        "server OFFICIAL_2: no answer within 10 s"),
                new ServerStatus("OFFICIAL_3", "https://127.0.0.1:4003", 3, PIN, true, true, 9L, null));
        ServerException failure = new ServerException("OFFICIAL_2", 0, null, "local node did not start");
        List<ServerStatus> out = ServerHealth.withStartFailure(checked, failure);
        assertTrue(out.get(0).ok());
        assertTrue(out.get(2).ok());
        assertEquals(null, out.get(0).error(), "a server that answers is not reported as 'did not start'");
        assertFalse(out.get(1).ok());
        assertTrue(out.get(1).error().contains("OFFICIAL_2"), out.get(1).error());
    }

    @Test
    void aDownServerTheFailureDoesNotNameKeepsItsOwnReason() {
        List<ServerStatus> checked = List.of(
                new ServerStatus("OFFICIAL_1", "https://127.0.0.1:4001", 1, PIN, true, false, null,
                        "server OFFICIAL_1: connection refused"),
                new ServerStatus("OFFICIAL_2", "https://127.0.0.1:4002", 2, PIN, true, false, null, "hung"));
        List<ServerStatus> out = ServerHealth.withStartFailure(checked,
                new ServerException("OFFICIAL_2", 0, null, "local node did not start"));
        assertEquals("server OFFICIAL_1: connection refused", out.get(0).error());
    }
}
