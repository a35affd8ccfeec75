package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import org.junit.jupiter.api.Test;

/** How the client reads a node's round-1 refusal between relay versions: which side is older. */
class RelayVersionRefusalTest {
    @Test
    void aNodeOfAnOlderRelayVersionOrFromBeforeThemIsOlder() {
        KeygenException two = refused(
                400,
                "MALFORMED",
                "relay: version 3 is not this server's (2); update the older of the client and this server");
        assertTrue(EcdsaSignRun.olderNode(two));
        assertEquals(2, EcdsaSignRun.nodeRelay(two));
        assertTrue(EcdsaSignRun.olderNode(
                refused(400, "MALFORMED", "field 'keyId' is missing, null or of the wrong type")));
    }

    @Test
    void aNewerNodeNamesItsVersionAndIsNotOlder() {
        KeygenException four = refused(
                400,
                "MALFORMED",
                "relay: version 3 is not this server's (4); the client is older than this server, update it");
        assertFalse(EcdsaSignRun.olderNode(four));
        assertEquals(4, EcdsaSignRun.nodeRelay(four));
    }

    @Test
    void otherRefusalsSayNothingOfVersions() {
        KeygenException other = refused(400, "MALFORMED", "request.keyId: not a key of this client");
        assertFalse(EcdsaSignRun.olderNode(other));
        assertEquals(-1, EcdsaSignRun.nodeRelay(other));
        KeygenException conflict = refused(409, "CONFLICT", "relay: version 3 is not this server's (2)");
        assertFalse(EcdsaSignRun.olderNode(conflict));
        assertEquals(-1, EcdsaSignRun.nodeRelay(conflict));
    }

    private static KeygenException refused(int status, String code, String message) {
        ServerException se = new ServerException("BRAVO", status, code, message);
        return new KeygenException("BRAVO", "signing failed in round 1: " + se.getMessage(), ExitCoded.SERVER, se);
    }
}
