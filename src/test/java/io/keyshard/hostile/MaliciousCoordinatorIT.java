package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.DkgParticipant;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.KeygenCoordinator;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.ProtocolCheck;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeSecrets;
import io.keyshard.node.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malicious coordinator (the test, holding every API key) against three real nodes over
 * loopback HTTPS: it swaps a server's HPKE key, replays old rounds, shows different servers
 * different commitments (with a server that signs two versions), and commits a key not every
 * server holds. Each is refused or caught with the culprit named, and no share leaves or stays.
 */
class MaliciousCoordinatorIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    static HostileCluster cluster;
    static TestNode a;
    static TestNode b;
    static TestNode c;

    @BeforeAll
    static void start() throws Exception {
        cluster = new HostileCluster(dir);
        a = cluster.node("ALPHA");
        b = cluster.node("BRAVO");
        c = cluster.node("CHARLIE");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static HttpResponse<String> post(TestNode n, UUID keyId, String action, Object body) throws Exception {
        return n.send(
                n.entry.apiKey(),
                "/v1/keygen/" + keyId + "/" + action,
                StrictJson.mapper().writeValueAsString(body));
    }

    private static <T> T ok(TestNode n, UUID keyId, String action, Object body, Class<T> type) throws Exception {
        HttpResponse<String> r = post(n, keyId, action, body);
        assertEquals(200, r.statusCode(), n.entry.name() + " " + action + ": " + r.body());
        return StrictJson.mapper().readValue(r.body(), type);
    }

    private static String refused(HttpResponse<String> r, int status, UUID keyId) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertFalse(r.body().contains(keyId.toString()), "no keyId in an error");
        return StrictJson.mapper().readTree(r.body()).get("message").asText();
    }

    private static SessionSetup setup(UUID keyId, List<Participant> participants) {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return new SessionSetup(keyId.toString(), nonce, CurveName.SECP256K1.apiName(), 2, participants);
    }

    private static List<Participant> honestRoster() throws Exception {
        return List.of(a.participant(), b.participant(), c.participant());
    }

    private static void noShareAnywhere(UUID keyId) throws Exception {
        for (String name : HostileCluster.NAMES) {
            String s = cluster.status(name, keyId);
            assertFalse(s.equals("READY") || s.equals("PENDING"), name + " holds a share: " + s);
        }
    }

    @Test
    void aSwappedHpkeKeyIsRefusedBeforeAnyShareIsEncrypted() throws Exception {
        IdentityKeys attacker = IdentityKeys.generate(RANDOM);
        List<Participant> honest = honestRoster();
        Participant fakeC = new Participant(
                c.entry.name(), c.entry.id(), honest.get(2).signingKey(), attacker.encryptionPublicKey());
        UUID keyId = UUID.randomUUID();
        SessionSetup real = setup(keyId, honest);
        SessionSetup swapped = new SessionSetup(
                keyId.toString(),
                real.nonce(),
                real.curve(),
                real.threshold(),
                List.of(honest.get(0), honest.get(1), fakeC));
        // CHARLIE itself refuses a setup that lists another key for it.
        String own = refused(post(c, keyId, "round1", swapped), 400, keyId);
        assertTrue(own.contains("other identity keys for this server"), own);

        // ALPHA, shown the swapped key, refuses it as well: it pins CHARLIE with its real keys, so it never
        // starts a session in which a share would be encrypted to the attacker's key.
        String pinned = refused(post(a, keyId, "round1", swapped), 409, keyId);
        assertTrue(pinned.contains("server CHARLIE is listed with another id or other identity keys"), pinned);
        assertEquals(404, a.send(a.entry.apiKey(), "/v1/keys/" + keyId, null).statusCode(), "nothing started");
        noShareAnywhere(keyId);
    }

    @Test
    void replayedRoundsAreRefusedAndChangeNothing() throws Exception {
        List<TestNode> nodes = List.of(a, b, c);
        UUID first = UUID.randomUUID();
        SessionSetup s1 = setup(first, honestRoster());
        Round2Request oldReq2 = round2Request(nodes, first, new KeygenCoordinator(s1), s1);
        List<Round2Message> oldR2 = new ArrayList<>();
        for (TestNode n : nodes) {
            oldR2.add(ok(n, first, "round2", oldReq2, Round2Message.class));
        }
        Round3Request oldReq3 = new Round3Request(oldR2);
        refused(post(a, first, "round1", s1), 409, first); // a keyId is never started twice
        refused(post(a, first, "round2", oldReq2), 409, first); // a round is never answered twice

        UUID second = UUID.randomUUID();
        SessionSetup s2 = setup(second, honestRoster());
        KeygenCoordinator coordinator = new KeygenCoordinator(s2);
        List<Round1Message> r1 = new ArrayList<>();
        for (TestNode n : nodes) {
            r1.add(ok(n, second, "round1", s2, Round1Message.class));
        }
        String msg = refused(post(a, second, "round2", oldReq2), 409, second);
        assertTrue(msg.contains("another session's id") && msg.contains("coordinator"), msg);
        assertEquals("IN_PROGRESS", cluster.status("ALPHA", second), "the refused replay left the session as it was");
        Round2Request req2 = coordinator.round2Request(r1);
        List<Round2Message> r2 = new ArrayList<>();
        for (TestNode n : nodes) {
            r2.add(ok(n, second, "round2", req2, Round2Message.class));
        }
        refused(post(b, second, "round3", oldReq3), 409, second);
        Round3Request req3 = coordinator.round3Request(r2);
        List<Round3Message> r3 = new ArrayList<>();
        for (TestNode n : nodes) {
            r3.add(ok(n, second, "round3", req3, Round3Message.class));
        }
        coordinator.finish(r3);
        assertEquals(
                List.of("PENDING", "PENDING", "PENDING"),
                statuses(second),
                "the session survived every replay and finished");
        abortEverywhere(first);
        abortEverywhere(second);
    }

    @Test
    void differentCommitmentsShownToDifferentServersAreCaughtByTheEcho() throws Exception {
        // CHARLIE's operator colludes: it signs two different round-1 messages with its real identity key.
        IdentityKeys charlieKeys = NodeSecrets.identity(c.data);
        UUID keyId = UUID.randomUUID();
        SessionSetup s = setup(keyId, honestRoster());
        DkgParticipant c1 = DkgParticipant.create(s, "CHARLIE", 13, charlieKeys, RANDOM);
        DkgParticipant c2 = DkgParticipant.create(s, "CHARLIE", 13, charlieKeys, RANDOM);
        Round1Message fromA = ok(a, keyId, "round1", s, Round1Message.class);
        Round1Message fromB = ok(b, keyId, "round1", s, Round1Message.class);
        Round1Message v1 = c1.round1();
        Round1Message v2 = c2.round1();
        Round2Request toA = new Round2Request(List.of(fromA, fromB, v1));
        Round2Request toB = new Round2Request(List.of(fromA, fromB, v2));
        Round2Message a2 = ok(a, keyId, "round2", toA, Round2Message.class);
        Round2Message b2 = ok(b, keyId, "round2", toB, Round2Message.class);
        Round2Message c2r2 = c1.round2(toA);
        Round3Request req3 = new Round3Request(List.of(a2, b2, c2r2));
        for (TestNode n : List.of(a, b)) {
            HttpResponse<String> r = post(n, keyId, "round3", req3);
            String msg = refused(r, 422, keyId);
            assertTrue(msg.contains("culprit server CHARLIE"), msg);
            assertTrue(msg.contains(ProtocolCheck.EQUIVOCATION.description()), msg);
            RefusalShape.blames(r.body(), 13, "CHARLIE", ProtocolCheck.EQUIVOCATION.name(), false);
        }
        // The coordinator's own check sees it too, before it would relay anything.
        ProtocolException relay = assertThrows(
                ProtocolException.class, () -> relayCheck(s, List.of(fromA, fromB, v1), List.of(a2, b2, c2r2)));
        assertEquals(ProtocolCheck.EQUIVOCATION, relay.check(), relay.getMessage());
        noShareAnywhere(keyId);
        charlieKeys.destroy();
    }

    @Test
    void aCommitForAKeyAServerDoesNotHoldIsRefusedThere() throws Exception {
        List<TestNode> nodes = List.of(a, b, c);
        UUID keyId = UUID.randomUUID();
        SessionSetup s = setup(keyId, honestRoster());
        KeygenCoordinator coordinator = new KeygenCoordinator(s);
        Round2Request req2 = round2Request(nodes, keyId, coordinator, s);
        List<Round2Message> r2 = new ArrayList<>();
        for (TestNode n : nodes) {
            r2.add(ok(n, keyId, "round2", req2, Round2Message.class));
        }
        Round3Request req3 = coordinator.round3Request(r2);
        List<Round3Message> r3 = new ArrayList<>();
        for (TestNode n : List.of(a, b)) { // CHARLIE never gets round 3
            r3.add(ok(n, keyId, "round3", req3, Round3Message.class));
        }
        String early = refused(post(c, keyId, "commit", Map.of()), 409, keyId);
        assertTrue(early.contains("has not reached round 3"), early);
        assertEquals("IN_PROGRESS", cluster.status("CHARLIE", keyId));
        UUID unknown = UUID.randomUUID();
        refused(post(a, unknown, "commit", Map.of()), 404, unknown);
        // The product's coordinator never commits without every server's identical result.
        ProtocolException missing = assertThrows(ProtocolException.class, () -> coordinator.finish(r3));
        assertEquals(ProtocolCheck.MISSING_OR_DUPLICATE, missing.check(), missing.getMessage());
        abortEverywhere(keyId);
        refused(post(a, keyId, "commit", Map.of()), 409, keyId); // an aborted key is never committed
        noShareAnywhere(keyId);
    }

    private static Round2Request round2Request(
            List<TestNode> nodes, UUID keyId, KeygenCoordinator coordinator, SessionSetup s) throws Exception {
        List<Round1Message> r1 = new ArrayList<>();
        for (TestNode n : nodes) {
            r1.add(ok(n, keyId, "round1", s, Round1Message.class));
        }
        return coordinator.round2Request(r1);
    }

    /** The product coordinator's checks of round 1 then round 2, as it runs them before relaying. */
    private static Round3Request relayCheck(SessionSetup s, List<Round1Message> r1, List<Round2Message> r2) {
        KeygenCoordinator coordinator = new KeygenCoordinator(s);
        coordinator.round2Request(r1);
        return coordinator.round3Request(r2);
    }

    private static List<String> statuses(UUID keyId) throws Exception {
        List<String> out = new ArrayList<>();
        for (String name : HostileCluster.NAMES) {
            out.add(cluster.status(name, keyId));
        }
        return out;
    }

    /** Aborts like the client: bare first, then with a no-result statement where a server holds its result. */
    private static void abortEverywhere(UUID keyId) throws Exception {
        List<TestNode> holding = new ArrayList<>();
        JsonNode statement = null;
        for (TestNode n : List.of(a, b, c)) {
            HttpResponse<String> r = post(n, keyId, "abort", Map.of());
            if (r.statusCode() == 409) {
                holding.add(n);
            } else if (r.statusCode() == 200 && statement == null) {
                statement = StrictJson.mapper().readTree(r.body()).get("statement");
            }
        }
        for (TestNode n : holding) {
            if (statement != null) {
                post(n, keyId, "abort", Map.of("statement", statement));
            }
        }
    }
}
