package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.cli.CliHarness;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.node.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compromised client cannot run a real node against servers it made up (docs/protocol.md, Trust
 * model): the node takes part only when every other participant is a peer it pins, with the pinned
 * keys, and it reads its roster again when the operator changes it.
 */
class PinnedPeersIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    static TestNode alpha;
    static TestNode bravo;
    static TestNode charlie;

    @BeforeAll
    static void start() throws Exception {
        alpha = new TestNode(dir.resolve("alpha"), "ALPHA", 11, Duration.ofMinutes(5));
        bravo = new TestNode(dir.resolve("bravo"), "BRAVO", 12, Duration.ofMinutes(5));
        charlie = new TestNode(dir.resolve("charlie"), "CHARLIE", 13, Duration.ofMinutes(5));
        TestNode.pinEachOther(List.of(alpha, bravo, charlie));
    }

    @AfterAll
    static void stop() {
        for (TestNode n : new TestNode[] {alpha, bravo, charlie}) {
            if (n != null) {
                n.close();
            }
        }
    }

    private static HttpResponse<String> round1(TestNode n, UUID keyId, List<Participant> participants)
            throws Exception {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        SessionSetup setup = new SessionSetup(keyId.toString(), nonce, "SECP256k1", 2, participants);
        return n.send(
                n.entry.apiKey(),
                "/v1/keygen/" + keyId + "/round1",
                StrictJson.mapper().writeValueAsString(setup));
    }

    private static void refusedNaming(HttpResponse<String> r, String peer, UUID keyId) throws Exception {
        assertEquals(409, r.statusCode(), r.body());
        var error = StrictJson.mapper().readTree(r.body());
        assertEquals("CONFLICT", error.get("error").asText());
        assertTrue(error.get("message").asText().contains("server " + peer + " "), r.body());
        assertEquals(
                404,
                alpha.send(alpha.entry.apiKey(), "/v1/keys/" + keyId, null).statusCode(),
                "a refused setup starts nothing");
    }

    @Test
    void aCoordinatorThatSuppliesItsOwnKeysForThePeersIsRefusedAtSetup() throws Exception {
        // The client runs "BRAVO" and "CHARLIE" itself, with identity keys it generated: were ALPHA to accept,
        // it would encrypt its shares to the client, which would then hold every share of a "2-of-3" key.
        Participant fakeBravo = IdentityKeys.generate(RANDOM).participant("BRAVO", 12);
        Participant fakeCharlie = IdentityKeys.generate(RANDOM).participant("CHARLIE", 13);
        UUID keyId = UUID.randomUUID();
        refusedNaming(round1(alpha, keyId, List.of(alpha.participant(), fakeBravo, fakeCharlie)), "BRAVO", keyId);

        UUID onlyOne = UUID.randomUUID();
        refusedNaming(
                round1(alpha, onlyOne, List.of(alpha.participant(), bravo.participant(), fakeCharlie)),
                "CHARLIE",
                onlyOne);

        UUID honest = UUID.randomUUID();
        HttpResponse<String> ok =
                round1(alpha, honest, List.of(alpha.participant(), bravo.participant(), charlie.participant()));
        assertEquals(200, ok.statusCode(), "the pinned keys themselves are accepted: " + ok.body());
        alpha.send(alpha.entry.apiKey(), "/v1/keygen/" + honest + "/abort", "{}");
    }

    @Test
    void aServerNoOperatorPinnedIsRefusedWithTheCommandThatPinsIt() throws Exception {
        UUID keyId = UUID.randomUUID();
        HttpResponse<String> r = round1(
                alpha,
                keyId,
                List.of(alpha.participant(), IdentityKeys.generate(RANDOM).participant("MALLORY", 40)));
        refusedNaming(r, "MALLORY", keyId);
        assertTrue(r.body().contains("node peers add"), r.body());
    }

    @Test
    void aRunningNodePicksUpPeersAddedAndRemoved() throws Exception {
        try (TestNode delta = new TestNode(dir.resolve("delta"), "DELTA", 14, Duration.ofMinutes(5))) {
            List<Participant> withDelta = List.of(alpha.participant(), delta.participant());
            UUID before = UUID.randomUUID();
            refusedNaming(round1(alpha, before, withDelta), "DELTA", before);

            CliHarness.Result exported = CliHarness.run("node", "peers", "export", "--data", delta.data.toString());
            assertEquals(0, exported.exitCode(), exported.err());
            Path entry = dir.resolve("delta-entry.json");
            Files.writeString(entry, exported.out());
            CliHarness.Result added = CliHarness.run(
                    "node", "peers", "add", "--data", alpha.data.toString(), "--entry", entry.toString());
            assertEquals(0, added.exitCode(), added.err());

            UUID after = UUID.randomUUID();
            HttpResponse<String> ok = round1(alpha, after, withDelta);
            assertEquals(200, ok.statusCode(), "pinned without a restart: " + ok.body());
            alpha.send(alpha.entry.apiKey(), "/v1/keygen/" + after + "/abort", "{}");

            CliHarness.Result removed =
                    CliHarness.run("node", "peers", "remove", "--data", alpha.data.toString(), "DELTA");
            assertEquals(0, removed.exitCode(), removed.err());
            UUID unpinned = UUID.randomUUID();
            refusedNaming(round1(alpha, unpinned, withDelta), "DELTA", unpinned);
        }
    }
}
