package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.dkg.AbortProof;
import io.keyshard.dkg.AbortStatement;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.Forge;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.KeygenCoordinator;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.AbortAnswer;
import io.keyshard.wire.AbortRequest;
import io.keyshard.wire.AbortResults;
import io.keyshard.wire.KeyState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes driven round by round over HTTPS: replayed rounds are refused, and a share held
 * after round 3 outlives the session expiry until commit (a missed commit never costs a share).
 */
class NodeRoundsIT {
    @TempDir
    Path dir;

    private static <T> T post(TestNode n, UUID keyId, String action, Object body, Class<T> type) throws Exception {
        HttpResponse<String> r = n.send(
                n.entry.apiKey(),
                "/v1/keygen/" + keyId + "/" + action,
                StrictJson.mapper().writeValueAsString(body));
        assertEquals(200, r.statusCode(), action + ": " + r.body());
        return StrictJson.mapper().readValue(r.body(), type);
    }

    /** Runs rounds 1 and 2 of a 2-of-n key generation on {@code nodes}; returns the round-3 request. */
    private static Round3Request throughRoundTwo(List<TestNode> nodes, UUID keyId, String curve) throws Exception {
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        List<Participant> participants = new ArrayList<>();
        for (TestNode n : nodes) {
            participants.add(n.participant());
        }
        SessionSetup setup = new SessionSetup(keyId.toString(), nonce, curve, 2, participants);
        KeygenCoordinator coordinator = new KeygenCoordinator(setup);
        List<Round1Message> r1 = new ArrayList<>();
        for (TestNode n : nodes) {
            r1.add(post(n, keyId, "round1", setup, Round1Message.class));
        }
        Round2Request req2 = coordinator.round2Request(r1);
        List<Round2Message> r2 = new ArrayList<>();
        for (TestNode n : nodes) {
            r2.add(post(n, keyId, "round2", req2, Round2Message.class));
        }
        return coordinator.round3Request(r2);
    }

    private static String status(TestNode n, UUID keyId) throws Exception {
        return StrictJson.mapper()
                .readTree(n.send(n.entry.apiKey(), "/v1/keys/" + keyId, null).body())
                .get("status")
                .asText();
    }

    @Test
    void aTamperedRelayIsA422NamingTheCulpritAndEndsTheSession() throws Exception {
        try (TestNode a = new TestNode(dir.resolve("a"), "OFFICIAL_1", Duration.ofMinutes(5));
                TestNode b = new TestNode(dir.resolve("b"), "OFFICIAL_2", Duration.ofMinutes(5))) {
            TestNode.pinEachOther(List.of(a, b));
            UUID keyId = UUID.randomUUID();
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            SessionSetup setup =
                    new SessionSetup(keyId.toString(), nonce, "P256", 2, List.of(a.participant(), b.participant()));
            Round1Message fromA = post(a, keyId, "round1", setup, Round1Message.class);
            Round1Message fromB = post(b, keyId, "round1", setup, Round1Message.class);
            Round1Message forged = new Round1Message(
                    fromB.sessionId(),
                    fromB.sender(),
                    fromB.commitments(),
                    fromB.proofR(),
                    fromB.proofZ(),
                    fromA.chainCodeCommitment(),
                    fromB.signature());
            HttpResponse<String> r = a.send(
                    a.entry.apiKey(),
                    "/v1/keygen/" + keyId + "/round2",
                    StrictJson.mapper().writeValueAsString(new Round2Request(List.of(fromA, forged))));
            assertEquals(422, r.statusCode(), r.body());
            var error = StrictJson.mapper().readTree(r.body());
            assertEquals("PROTOCOL", error.get("error").asText());
            Assertions.assertTrue(error.get("message").asText().contains("culprit"), r.body());
            Assertions.assertFalse(r.body().contains(keyId.toString()), "no keyId in errors");
            assertEquals("ABORTED", status(a, keyId), "a failed check ends the session");
        }
    }

    @Test
    void aShareHeldAfterRoundThreeOutlivesExpiryAndRoundsAreNeverAnsweredTwice() throws Exception {
        Duration ttl = Duration.ofSeconds(3);
        try (TestNode a = new TestNode(dir.resolve("a"), "OFFICIAL_1", ttl);
                TestNode b = new TestNode(dir.resolve("b"), "OFFICIAL_2", ttl)) {
            List<TestNode> nodes = List.of(a, b);
            TestNode.pinEachOther(nodes);
            UUID keyId = UUID.randomUUID();
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            SessionSetup setup = new SessionSetup(
                    keyId.toString(), nonce, "SECP256k1", 2, List.of(a.participant(), b.participant()));
            KeygenCoordinator coordinator = new KeygenCoordinator(setup);
            List<Round1Message> r1 = new ArrayList<>();
            for (TestNode n : nodes) {
                r1.add(post(n, keyId, "round1", setup, Round1Message.class));
            }
            var req2 = coordinator.round2Request(r1);
            List<Round2Message> r2 = new ArrayList<>();
            for (TestNode n : nodes) {
                r2.add(post(n, keyId, "round2", req2, Round2Message.class));
            }
            assertEquals(
                    409,
                    a.send(
                                    a.entry.apiKey(),
                                    "/v1/keygen/" + keyId + "/round2",
                                    StrictJson.mapper().writeValueAsString(req2))
                            .statusCode(),
                    "round 2 answered twice");
            var req3 = coordinator.round3Request(r2);
            List<Round3Message> r3 = new ArrayList<>();
            for (TestNode n : nodes) {
                r3.add(post(n, keyId, "round3", req3, Round3Message.class));
            }
            coordinator.finish(r3);
            assertEquals(
                    409,
                    b.send(
                                    b.entry.apiKey(),
                                    "/v1/keygen/" + keyId + "/round3",
                                    StrictJson.mapper().writeValueAsString(req3))
                            .statusCode(),
                    "round 3 answered twice");

            Thread.sleep(ttl.multipliedBy(2).toMillis()); // longer than the TTL plus a sweep
            for (TestNode n : nodes) {
                assertEquals("PENDING", status(n, keyId), "a share held after round 3 never expires");
            }
            post(a, keyId, "commit", new CommitRequest(r3), JsonNode.class);
            post(a, keyId, "commit", new CommitRequest(r3), JsonNode.class);
            assertEquals("READY", status(a, keyId));
            assertEquals(
                    409,
                    a.send(a.entry.apiKey(), "/v1/keygen/" + keyId + "/abort", "{}")
                            .statusCode(),
                    "a committed key is never aborted");
            HttpResponse<String> bare = b.send(b.entry.apiKey(), "/v1/keygen/" + keyId + "/abort", "{}");
            assertEquals(409, bare.statusCode(), "a share READY elsewhere is not dropped on the client's word");
            assertEquals("PENDING", status(b, keyId));
        }
        UUID only = NodeStoreReader.read(dir.resolve("a")).keySet().iterator().next();
        assertEquals(
                KeyState.READY, NodeStoreReader.read(dir.resolve("a")).get(only).state());
        Assertions.assertNotNull(
                NodeStoreReader.read(dir.resolve("a")).get(only).share());
        NodeStoreReader.Held kept = NodeStoreReader.read(dir.resolve("b")).get(only);
        assertEquals(KeyState.PENDING, kept.state());
        Assertions.assertNotNull(kept.share(), "a refused abort keeps the share");
    }

    @Test
    void aShareWithItsResultIsAbortedOnlyOnTheSignedWordOfAPeerThatHasNone() throws Exception {
        try (TestNode a = new TestNode(dir.resolve("a"), "OFFICIAL_1", Duration.ofMinutes(5));
                TestNode b = new TestNode(dir.resolve("b"), "OFFICIAL_2", Duration.ofMinutes(5));
                TestNode c = new TestNode(dir.resolve("c"), "OFFICIAL_3", Duration.ofMinutes(5))) {
            List<TestNode> nodes = List.of(a, b, c);
            TestNode.pinEachOther(nodes);
            UUID keyId = UUID.randomUUID();
            Round3Request req3 = throughRoundTwo(nodes, keyId, "P256");
            for (TestNode n : List.of(a, b)) { // OFFICIAL_3 never reaches round 3
                post(n, keyId, "round3", req3, Round3Message.class);
            }

            HttpResponse<String> bare = a.send(a.entry.apiKey(), "/v1/keygen/" + keyId + "/abort", "{}");
            assertEquals(409, bare.statusCode(), bare.body());
            Assertions.assertTrue(bare.body().contains("committed instead"), bare.body());
            assertEquals("PENDING", status(a, keyId));

            AbortAnswer fromC = post(c, keyId, "abort", Map.of(), AbortAnswer.class);
            assertEquals(KeyState.ABORTED, fromC.status());
            AbortStatement word = fromC.statement();
            Assertions.assertNotNull(word, "a server that aborts without a result signs so");

            AbortStatement otherKey = post(c, UUID.randomUUID(), "abort", Map.of(), AbortAnswer.class)
                    .statement();
            AbortStatement otherSession = new AbortStatement(word.sender(), new byte[32], word.signature());
            AbortStatement claimedByB = new AbortStatement(b.participant().id(), word.sessionId(), word.signature());
            AbortStatement stranger =
                    AbortProof.sign(IdentityKeys.generate(new SecureRandom()), keyId.toString(), 77, word.sessionId());
            AbortStatement forgedC = AbortProof.sign(
                    IdentityKeys.generate(new SecureRandom()), keyId.toString(), word.sender(), word.sessionId());
            for (AbortStatement bad : List.of(otherKey, otherSession, claimedByB, stranger, forgedC)) {
                HttpResponse<String> r = a.send(
                        a.entry.apiKey(),
                        "/v1/keygen/" + keyId + "/abort",
                        StrictJson.mapper().writeValueAsString(new AbortRequest(bad)));
                assertEquals(422, r.statusCode(), r.body());
                assertEquals("PENDING", status(a, keyId), "a refused abort keeps the share");
            }

            AbortAnswer aborted = post(a, keyId, "abort", new AbortRequest(word), AbortAnswer.class);
            assertEquals(KeyState.ABORTED, aborted.status());
            post(b, keyId, "abort", new AbortRequest(word), AbortAnswer.class);
            for (TestNode n : nodes) {
                assertEquals("ABORTED", status(n, keyId));
            }
        }
        sharesDeleted("a", "b");
    }

    @Test
    void aShareWithItsResultIsAbortedOnSignedResultsThatDifferAndOnNothingLess() throws Exception {
        try (TestNode a = new TestNode(dir.resolve("a"), "OFFICIAL_1", Duration.ofMinutes(5));
                TestNode b = new TestNode(dir.resolve("b"), "OFFICIAL_2", Duration.ofMinutes(5));
                TestNode c = new TestNode(dir.resolve("c"), "OFFICIAL_3", Duration.ofMinutes(5))) {
            List<TestNode> nodes = List.of(a, b, c);
            TestNode.pinEachOther(nodes);
            UUID keyId = UUID.randomUUID();
            Round3Request req3 = throughRoundTwo(nodes, keyId, "SECP256k1");
            List<Round3Message> r3 = new ArrayList<>();
            for (TestNode n : nodes) {
                r3.add(post(n, keyId, "round3", req3, Round3Message.class));
            }
            // OFFICIAL_3's operator signs, with its own identity key, a result unlike the one its node stored
            Round3Message honestC = r3.get(2);
            byte[] otherChainCode = honestC.chainCode().clone();
            otherChainCode[0] ^= 1;
            Round3Message unlike = new Round3Message(
                    honestC.sessionId(),
                    honestC.sender(),
                    honestC.curve(),
                    honestC.threshold(),
                    honestC.rootPublicKey(),
                    otherChainCode,
                    honestC.verificationShares(),
                    honestC.transcriptHash(),
                    null);
            Round3Message signedByC;
            try (NodeIdentity identityOfC = NodeIdentity.load(new NodeFiles(c.data))) {
                signedByC = Forge.sign(unlike, identityOfC.keys());
            }
            Round3Message signedByStranger = Forge.sign(unlike, IdentityKeys.generate(new SecureRandom()));

            refusedAbort(a, keyId, Map.of(), 409, "committed instead");
            refusedAbort(a, keyId, new AbortResults(r3), 409, "can still be committed");
            refusedAbort(a, keyId, new AbortResults(List.of(signedByStranger)), 422, "OFFICIAL_3");
            refusedAbort(a, keyId, Map.of("results", Arrays.asList((Object) null)), 400, "results");
            refusedAbort(a, keyId, Map.of("results", List.of(), "statement", Map.of()), 400, "statement");

            AbortAnswer aborted =
                    post(a, keyId, "abort", new AbortResults(List.of(r3.get(1), signedByC)), AbortAnswer.class);
            assertEquals(KeyState.ABORTED, aborted.status());
            Assertions.assertNotNull(aborted.statement(), "aborted for good, it signs that it holds no share");
            post(b, keyId, "abort", new AbortRequest(aborted.statement()), AbortAnswer.class);
            post(c, keyId, "abort", new AbortResults(List.of(signedByC)), AbortAnswer.class);
            for (TestNode n : nodes) {
                assertEquals("ABORTED", status(n, keyId));
            }
        }
        sharesDeleted("a", "b", "c");
    }

    /** Each node folder's only key is ABORTED and its share is gone from the store. */
    private void sharesDeleted(String... folders) throws Exception {
        for (String n : folders) {
            NodeStoreReader.Held held =
                    NodeStoreReader.read(dir.resolve(n)).values().iterator().next();
            assertEquals(KeyState.ABORTED, held.state());
            Assertions.assertNull(held.share(), "abort deletes the share");
        }
    }

    private static void refusedAbort(TestNode n, UUID keyId, Object body, int status, String says) throws Exception {
        HttpResponse<String> r = n.send(
                n.entry.apiKey(),
                "/v1/keygen/" + keyId + "/abort",
                StrictJson.mapper().writeValueAsString(body));
        assertEquals(status, r.statusCode(), r.body());
        Assertions.assertTrue(r.body().contains(says), r.body());
        assertEquals("PENDING", status(n, keyId), "a refused abort keeps the share: " + r.body());
    }

    @Test
    void aCommitWithoutEverySignedResultIsRefusedAndTheShareStaysPending() throws Exception {
        try (TestNode a = new TestNode(dir.resolve("a"), "OFFICIAL_1", Duration.ofMinutes(5));
                TestNode b = new TestNode(dir.resolve("b"), "OFFICIAL_2", Duration.ofMinutes(5))) {
            List<TestNode> nodes = List.of(a, b);
            TestNode.pinEachOther(nodes);
            UUID keyId = UUID.randomUUID();
            Round3Request req3 = throughRoundTwo(nodes, keyId, "ED25519");
            List<Round3Message> r3 = new ArrayList<>();
            for (TestNode n : nodes) {
                r3.add(post(n, keyId, "round3", req3, Round3Message.class));
            }
            Round3Message fromA = r3.get(0);
            Round3Message fromB = r3.get(1);
            byte[] badSignature = fromB.signature().clone();
            badSignature[5] ^= 1;
            byte[] otherChainCode = fromB.chainCode().clone();
            otherChainCode[0] ^= 1;
            Round3Message otherResult = new Round3Message(
                    fromB.sessionId(),
                    fromB.sender(),
                    fromB.curve(),
                    fromB.threshold(),
                    fromB.rootPublicKey(),
                    otherChainCode,
                    fromB.verificationShares(),
                    fromB.transcriptHash(),
                    fromB.signature());

            refusedCommit(a, keyId, Map.of(), 400, "results");
            refusedCommit(a, keyId, Map.of("results", Arrays.asList((Object) null)), 400, "results");
            refusedCommit(a, keyId, new CommitRequest(List.of(fromA)), 422, "OFFICIAL_2");
            refusedCommit(a, keyId, new CommitRequest(List.of(fromA, fromA)), 422, "OFFICIAL_1");
            refusedCommit(
                    a, keyId, new CommitRequest(List.of(fromA, fromB.withSignature(badSignature))), 422, "OFFICIAL_2");
            refusedCommit(a, keyId, new CommitRequest(List.of(fromA, otherResult)), 422, "OFFICIAL_2");

            // The roster is read again when it changes: a peer unpinned while the node runs blocks the commit.
            PeerRoster rosterOfA = new PeerRoster(new NodeFiles(a.data));
            Assertions.assertTrue(rosterOfA.remove("OFFICIAL_2"));
            refusedCommit(a, keyId, new CommitRequest(r3), 409, "OFFICIAL_2");
            TestNode.pinEachOther(nodes);

            post(a, keyId, "commit", new CommitRequest(List.of(fromB, fromA)), JsonNode.class);
            assertEquals("READY", status(a, keyId));
            assertEquals("PENDING", status(b, keyId), "a commit on one server changes nothing on another");
        }
    }

    private static void refusedCommit(TestNode n, UUID keyId, Object body, int status, String named) throws Exception {
        HttpResponse<String> r = n.send(
                n.entry.apiKey(),
                "/v1/keygen/" + keyId + "/commit",
                StrictJson.mapper().writeValueAsString(body));
        assertEquals(status, r.statusCode(), r.body());
        Assertions.assertTrue(r.body().contains(named), r.body());
        Assertions.assertFalse(r.body().contains(keyId.toString()), "no keyId in errors");
        assertEquals("PENDING", status(n, keyId), "a refused commit leaves the share PENDING: " + r.body());
    }
}
