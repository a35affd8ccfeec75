package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keyshard.ExitCoded;
import org.junit.jupiter.api.Test;

/** How the client reads a node's refusal between versions (the signing's relay, the pairwise setup): which side is older. */
class VersionRefusalTest {
    @Test
    void aNodeOfAnOlderRelayVersionOrFromBeforeThemIsOlderAndANewerOneNamesItsVersion() {
        assertRead(
                EcdsaSignRun.RELAY,
                400,
                "relay: version 3 is not this server's (2); update the older of the client and this server",
                true,
                2);
        assertRead(
                EcdsaSignRun.RELAY,
                400,
                "relay: version 4 is not this server's (3); this server is older than the client, update it",
                true,
                3);
        assertRead(EcdsaSignRun.RELAY, 400, "field 'keyId' is missing, null or of the wrong type", true, -1);
        assertRead(
                EcdsaSignRun.RELAY,
                400,
                "relay: version 4 is not this server's (5); the client is older than this server, update it",
                false,
                5);
    }

    @Test
    void aSetupNodeOfVersionTwoIsOlderByItsStrictParseAndANewerOneNamesItsVersion() {
        assertRead(EcdsaSetupRun.VERSION, 400, "unknown field 'version'", true, -1);
        assertRead(
                EcdsaSetupRun.VERSION,
                400,
                "setup: version 4 is not this server's (5); the client is older than this server, update it",
                false,
                5);
        // the signing's words are not the setup's, nor the other way round
        assertRead(EcdsaSetupRun.VERSION, 400, "relay: version 3 is not this server's (2)", false, -1);
        assertRead(EcdsaSignRun.RELAY, 400, "setup: version 4 is not this server's (3)", false, -1);
        assertRead(EcdsaSignRun.RELAY, 400, "unknown field 'version'", false, -1);
    }

    @Test
    void theFailureNamesTheServerAndTheSideToUpdate() {
        KeygenException older = EcdsaSetupRun.VERSION.failure(refused(400, "unknown field 'version'"));
        assertEquals(ExitCoded.SERVER, older.exitCode());
        assertEquals("BRAVO", older.server());
        assertEquals(
                "ECDSA setup failed: server BRAVO runs an older Keyshard, which does not set up threshold ECDSA with "
                        + "setup version 4; update it",
                older.getMessage());
        KeygenException newer = EcdsaSetupRun.VERSION.failure(refused(
                400, "setup: version 4 is not this server's (5); the client is older than this server, update it"));
        assertEquals(ExitCoded.SERVER, newer.exitCode());
        assertEquals(
                "ECDSA setup failed: server BRAVO runs a newer Keyshard, which sets up threshold ECDSA with setup "
                        + "version 5 only, and this one with 4; update Keyshard on this computer",
                newer.getMessage());
        assertNull(
                EcdsaSetupRun.VERSION.failure(refused(400, "setupId: a version-4 UUID in canonical lowercase form")));
    }

    @Test
    void otherRefusalsSayNothingOfVersions() {
        assertRead(EcdsaSignRun.RELAY, 400, "request.keyId: not a key of this client", false, -1);
        assertRead(EcdsaSignRun.RELAY, 409, "relay: version 3 is not this server's (2)", false, -1);
        assertRead(EcdsaSetupRun.VERSION, 409, "setup: version 3 is not this server's (2)", false, -1);
    }

    private static void assertRead(
            VersionRefusal rule, int status, String message, boolean olderNode, int nodeVersion) {
        KeygenException e = refused(status, message);
        assertEquals(olderNode, rule.olderNode(e), message);
        assertEquals(nodeVersion, rule.nodeVersion(e), message);
    }

    private static KeygenException refused(int status, String message) {
        String code = status == 400 ? "MALFORMED" : "CONFLICT";
        ServerException se = new ServerException("BRAVO", status, code, message);
        return new KeygenException("BRAVO", "failed in round 1: " + se.getMessage(), ExitCoded.SERVER, se);
    }
}
