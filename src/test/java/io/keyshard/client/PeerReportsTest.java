package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.wire.ErrorAnswer;
import io.keyshard.wire.ErrorAnswer.Culprit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerReportsTest {
    private static final Map<Integer, String> NAMES = Map.of(11, "ALPHA", 12, "BRAVO", 13, "CHARLIE");

    private static KeygenException refusal(String activity, String server, int status, ErrorAnswer answer) {
        return ParallelRound.failure(activity, server, Phase.ROUND3, ServerException.refusal(server, status, answer));
    }

    private static KeygenException attributed(String activity, String server, int status, ErrorAnswer answer) {
        return PeerReports.attributed(activity, refusal(activity, server, status, answer), NAMES);
    }

    /** ALPHA's 422 in a signing's round 3, as the client turns it into a failure. */
    private static KeygenException alphaReports(ErrorAnswer answer) {
        return attributed(SignRun.ACTIVITY, "ALPHA", 422, answer);
    }

    private static ErrorAnswer protocol(String message, Culprit culprit, String check, boolean burned) {
        return new ErrorAnswer("PROTOCOL", message, culprit, check, burned);
    }

    @Test
    void aFailedPairwiseCheckIsTheReportersWordAboutThePeerNotAVerdict() {
        KeygenException e = alphaReports(protocol(
                "culprit server BRAVO (id 12): the MULTIPLICATION check failed; the pairwise setup with it is "
                        + "burned and is not used again until a fresh setup",
                new Culprit(12, "BRAVO"),
                "MULTIPLICATION",
                true));
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
    void theTypedFieldsDecideNotTheMessage() {
        // the message says nothing of BRAVO or a check: the fields alone name them
        KeygenException e = alphaReports(protocol("refused", new Culprit(12, null), "OT_EXTENSION_CONSISTENCY", false));
        assertEquals(List.of("ALPHA", "BRAVO"), e.disputed());
        assertTrue(
                e.getMessage().contains("BRAVO's message failed the ot extension consistency check"), e.getMessage());
        assertFalse(e.getMessage().contains("no longer signs"), "no burned field, no burned setup: " + e.getMessage());
        // and a message that reads like an accusation names nobody without them
        KeygenException plain = alphaReports(protocol(
                "culprit server BRAVO (id 12): the MULTIPLICATION check failed; the pairwise setup with it is burned",
                null,
                null,
                false));
        assertEquals(List.of(), plain.disputed());
        assertNull(plain.server());
        assertFalse(plain.getMessage().contains("reports that"), plain.getMessage());
    }

    @Test
    void aSetupServerReportingAPeerIsWordedTheSameWay() {
        KeygenException e = attributed(
                EcdsaSetupRun.ACTIVITY,
                "CHARLIE",
                422,
                protocol(
                        "culprit server ALPHA (id 11): its setup message failed the ENCRYPTION_PROOF check",
                        new Culprit(11, "ALPHA"),
                        "ENCRYPTION_PROOF",
                        false));
        assertEquals(
                "ECDSA setup failed in round 3: CHARLIE reports that ALPHA's message failed the encryption proof "
                        + "check; one of the two servers is faulty (the client cannot see their sealed messages to "
                        + "tell which)",
                e.getMessage());
        assertEquals(List.of("CHARLIE", "ALPHA"), e.disputed());
    }

    @Test
    void aReportWithoutANamedCheckQuotesTheServersWords() {
        KeygenException e = alphaReports(protocol(
                "culprit server BRAVO (id 12): its signed message does not open under this server's key for "
                        + "this signing and round",
                new Culprit(12, "BRAVO"),
                null,
                false));
        assertEquals(
                "signing failed in round 3: ALPHA reports that BRAVO's message failed its checks (ALPHA says: "
                        + "culprit server BRAVO (id 12): its signed message does not open under this server's key for "
                        + "this signing and round); one of the two servers is faulty (the client cannot see their "
                        + "sealed messages to tell which)",
                e.getMessage());
        assertEquals(List.of("ALPHA", "BRAVO"), e.disputed());
        assertEquals(ExitCoded.PROTOCOL, e.exitCode());
    }

    @Test
    void aFailureNoSingleServerCanBeBlamedForNamesNone() {
        for (ErrorAnswer answer : List.of(
                protocol(
                        "a relayed message comes from outside the signer set (culprit: the coordinator)",
                        null,
                        null,
                        false),
                protocol(
                        "culprit no single server (server CHARLIE (id 13) saw other round-1 broadcasts than this "
                                + "server: a signer sent different ones to different servers, or it reports falsely): "
                                + "the SPLIT_VIEW check failed",
                        null,
                        "SPLIT_VIEW",
                        false))) {
            KeygenException given = refusal(SignRun.ACTIVITY, "ALPHA", 422, answer);
            KeygenException e = PeerReports.attributed(SignRun.ACTIVITY, given, NAMES);
            assertNull(e.server(), "ALPHA refused; it is not the culprit");
            assertEquals(List.of(), e.disputed());
            assertEquals(given.getMessage(), e.getMessage());
            assertTrue(e.getMessage().contains("server ALPHA: refused the request (422 PROTOCOL): "), e.getMessage());
            assertEquals(ExitCoded.PROTOCOL, e.exitCode());
        }
    }

    @Test
    void aCulpritTheClientCannotNameOrThatIsTheReporterIsNoReport() {
        for (Culprit c : List.of(new Culprit(11, "ALPHA"), new Culprit(99, "ZULU"), new Culprit(0, "BRAVO"))) {
            KeygenException e = alphaReports(protocol("culprit server " + c.name(), c, "MULTIPLICATION", true));
            assertEquals(List.of(), e.disputed(), c.toString());
            assertNull(e.server(), c.toString());
            assertFalse(e.getMessage().contains("reports that"), e.getMessage());
        }
    }

    @Test
    void aCheckNameThatIsNotAnEnumConstantIsIgnored() {
        KeygenException e =
                alphaReports(protocol("x", new Culprit(12, "BRAVO"), "MULTIPLICATION check; all is fine", false));
        assertTrue(e.getMessage().contains("BRAVO's message failed its checks (ALPHA says: x)"), e.getMessage());
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        KeygenException setupNeeded = refusal(
                SignRun.ACTIVITY,
                "ALPHA",
                409,
                new ErrorAnswer("SETUP_NEEDED", "server id 12", new Culprit(12, "BRAVO"), "MULTIPLICATION", true));
        assertSame(setupNeeded, PeerReports.attributed(SignRun.ACTIVITY, setupNeeded, NAMES));
        KeygenException clientVerdict = new KeygenException(
                "BRAVO", "signing failed, culprit server BRAVO: its partial signature", ExitCoded.PROTOCOL, null);
        assertSame(clientVerdict, PeerReports.attributed(SignRun.ACTIVITY, clientVerdict, NAMES));
    }

    @Test
    void anAnswerWithoutTheTypedFieldsOrWithUnknownOnesStillReads() throws Exception {
        ErrorAnswer old = NodeConnection.ERROR.readValue("{\"error\":\"PROTOCOL\",\"message\":\"m\",\"later\":1}");
        ServerException se = ServerException.refusal("ALPHA", 422, old);
        assertNull(se.culprit());
        assertNull(se.check());
        assertFalse(se.setupBurned());
        assertEquals(ExitCoded.PROTOCOL, se.exitCode());
        ErrorAnswer typed = NodeConnection.ERROR.readValue("{\"error\":\"PROTOCOL\",\"message\":\"m\","
                + "\"culprit\":{\"serverId\":12,\"name\":\"BRAVO\"},\"check\":\"MULTIPLICATION\",\"burned\":true}");
        ServerException blamed = ServerException.refusal("ALPHA", 422, typed);
        assertEquals(new Culprit(12, "BRAVO"), blamed.culprit());
        assertEquals("MULTIPLICATION", blamed.check());
        assertTrue(blamed.setupBurned());
        assertEquals("server ALPHA: refused the request (422 PROTOCOL): m", blamed.getMessage());
    }
}
