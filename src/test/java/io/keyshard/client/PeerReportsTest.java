package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenProgress.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerReportsTest {
    private static KeygenException refusal(String activity, String server, int status, String code, String message) {
        return ParallelRound.failure(
                activity,
                server,
                Phase.ROUND3,
                new ServerException(
                        server, status, code, "refused the request (" + status + " " + code + "): " + message));
    }

    /** ALPHA's 422 in a signing's round 3, as the client turns it into a failure. */
    private static KeygenException alphaReports(String reason) {
        return PeerReports.attributed(SignRun.ACTIVITY, refusal(SignRun.ACTIVITY, "ALPHA", 422, "PROTOCOL", reason));
    }

    @Test
    void aFailedPairwiseCheckIsTheReportersWordAboutThePeerNotAVerdict() {
        KeygenException e = alphaReports(
                "culprit server BRAVO (id 12): the MULTIPLICATION check failed; the pairwise setup with it is "
                        + "burned and is not used again until a fresh setup");
        assertEquals(ExitCoded.PROTOCOL, e.exitCode());
        assertNull(e.server(), "neither server is named as the culprit");
        assertEquals(List.of("ALPHA", "BRAVO"), e.disputed());
        String msg = e.getMessage();
        assertTrue(
                msg.startsWith("signing failed in round 3: ALPHA reports that BRAVO's message failed the "
                        + "multiplication check; one of the two servers is faulty"),
                msg);
        assertTrue(msg.contains("ALPHA no longer signs with BRAVO over their pairwise setup"), msg);
        assertFalse(msg.contains("culprit"), msg);
    }

    @Test
    void aSetupServerReportingAPeerIsWordedTheSameWay() {
        KeygenException e = PeerReports.attributed(
                EcdsaSetupRun.ACTIVITY,
                refusal(
                        EcdsaSetupRun.ACTIVITY,
                        "CHARLIE",
                        422,
                        "PROTOCOL",
                        "culprit server ALPHA (id 11): its setup message failed the ENCRYPTION_PROOF check"));
        assertEquals(
                "ECDSA setup failed in round 3: CHARLIE reports that ALPHA's message failed the encryption proof "
                        + "check; one of the two servers is faulty (the client cannot see their sealed messages to "
                        + "tell which)",
                e.getMessage());
        assertEquals(List.of("CHARLIE", "ALPHA"), e.disputed());
    }

    @Test
    void aReportWithoutANamedCheckKeepsTheServersWords() {
        KeygenException e = alphaReports(
                "culprit server BRAVO (id 12): its signed message does not open under this server's key for "
                        + "this signing and round");
        assertTrue(
                e.getMessage()
                        .contains("ALPHA reports about BRAVO that its signed message does not open under this "
                                + "server's key"),
                e.getMessage());
        assertEquals(ExitCoded.PROTOCOL, e.exitCode());
    }

    @Test
    void aFailureNoSingleServerCanBeBlamedForNamesNone() {
        for (String reason : List.of(
                "a relayed message comes from outside the signer set (culprit: the coordinator)",
                "culprit no single server (server CHARLIE (id 13) saw other round-1 broadcasts than this server: a "
                        + "signer sent different ones to different servers, or it reports falsely): the SPLIT_VIEW "
                        + "check failed")) {
            KeygenException given = refusal(SignRun.ACTIVITY, "ALPHA", 422, "PROTOCOL", reason);
            KeygenException e = PeerReports.attributed(SignRun.ACTIVITY, given);
            assertNull(e.server(), "ALPHA refused; it is not the culprit");
            assertEquals(List.of(), e.disputed());
            assertEquals(given.getMessage(), e.getMessage());
            assertEquals(ExitCoded.PROTOCOL, e.exitCode());
        }
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        KeygenException setupNeeded =
                refusal(SignRun.ACTIVITY, "ALPHA", 409, "SETUP_NEEDED", "server id 12: culprit server BRAVO (id 12)");
        assertSame(setupNeeded, PeerReports.attributed(SignRun.ACTIVITY, setupNeeded));
        KeygenException clientVerdict = new KeygenException(
                "BRAVO", "signing failed, culprit server BRAVO: its partial signature", ExitCoded.PROTOCOL, null);
        assertSame(clientVerdict, PeerReports.attributed(SignRun.ACTIVITY, clientVerdict));
    }
}
