package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.ExitCoded;
import org.junit.jupiter.api.Test;

/** How the client reads a node's round-1 refusal between relay versions: which side is older. */
class RelayVersionRefusalTest {
    @Test
    void aNodeOfAnOlderRelayVersionOrFromBeforeThemIsOlderAndANewerOneNamesItsVersion() {
        assertRead(
                400,
                "relay: version 3 is not this server's (2); update the older of the client and this server",
                true,
                2);
        assertRead(
                400,
                "relay: version 4 is not this server's (3); this server is older than the client, update it",
                true,
                3);
        assertRead(400, "field 'keyId' is missing, null or of the wrong type", true, -1);
        assertRead(
                400,
                "relay: version 4 is not this server's (5); the client is older than this server, update it",
                false,
                5);
    }

    @Test
    void otherRefusalsSayNothingOfVersions() {
        assertRead(400, "request.keyId: not a key of this client", false, -1);
        assertRead(409, "relay: version 3 is not this server's (2)", false, -1);
    }

    private static void assertRead(int status, String message, boolean olderNode, int nodeRelay) {
        String code = status == 400 ? "MALFORMED" : "CONFLICT";
        ServerException se = new ServerException("BRAVO", status, code, message);
        KeygenException e =
                new KeygenException("BRAVO", "signing failed in round 1: " + se.getMessage(), ExitCoded.SERVER, se);
        assertEquals(olderNode, EcdsaSignRun.olderNode(e), message);
        assertEquals(nodeRelay, EcdsaSignRun.nodeRelay(e), message);
    }
}
