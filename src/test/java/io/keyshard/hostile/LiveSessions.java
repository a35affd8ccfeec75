package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.dkg.DkgParticipant;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * Two key generations kept open on an in-process node, one after round 1 and one after round 2,
 * with the valid next request for each, played against a second server held in the test. A fuzzed
 * request that moves or ends one of them gets it replaced.
 */
final class LiveSessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final InProcessNode node;
    private final IdentityKeys peerKeys = IdentityKeys.generate(RANDOM);
    private final Participant peer = peerKeys.participant("OTHER_SERVER", 99);
    private UUID round1Done;
    private byte[] round2Body;
    private UUID round2Done;
    private byte[] round3Body;

    LiveSessions(InProcessNode node) throws Exception {
        this.node = node;
        node.pin(peer);
        openAfterRound1();
        openAfterRound2();
    }

    UUID afterRound1() {
        return round1Done;
    }

    UUID afterRound2() {
        return round2Done;
    }

    /** A valid body: a setup for a fresh keyId (0), round 2 of the first session (1), round 3 of the second (2). */
    byte[] validBody(int round, UUID freshKeyId) throws Exception {
        return switch (round) {
            case 0 -> StrictJson.mapper().writeValueAsBytes(setup(freshKeyId));
            case 1 -> round2Body;
            default -> round3Body;
        };
    }

    /** Replaces a live session that a request moved or ended; aborts any other session a request started. */
    void renewIfUsed(UUID target) throws Exception {
        if (!node.status(node.clientId, round1Done).equals("IN_PROGRESS@1")) {
            openAfterRound1();
        }
        if (!node.status(node.clientId, round2Done).equals("IN_PROGRESS@2")) {
            openAfterRound2();
        }
        if (!target.equals(round1Done)
                && !target.equals(round2Done)
                && node.status(node.clientId, target).startsWith("IN_PROGRESS")) {
            post(target, "abort", "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private SessionSetup setup(UUID keyId) {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return new SessionSetup(keyId.toString(), nonce, "SECP256k1", 2, List.of(node.participant(), peer));
    }

    private record Started(SessionSetup setup, DkgParticipant peer, Round2Request round2) {}

    private Started start(UUID keyId) throws Exception {
        SessionSetup setup = setup(keyId);
        Round1Message own = StrictJson.mapper()
                .readValue(post(keyId, "round1", StrictJson.mapper().writeValueAsBytes(setup)), Round1Message.class);
        DkgParticipant p = DkgParticipant.create(setup, peer.name(), peer.id(), peerKeys, RANDOM);
        return new Started(setup, p, new Round2Request(List.of(own, p.round1())));
    }

    private void openAfterRound1() throws Exception {
        UUID keyId = UUID.randomUUID();
        Started s = start(keyId);
        round2Body = StrictJson.mapper().writeValueAsBytes(s.round2());
        round1Done = keyId;
    }

    private void openAfterRound2() throws Exception {
        UUID keyId = UUID.randomUUID();
        Started s = start(keyId);
        Round2Message own = StrictJson.mapper()
                .readValue(
                        post(keyId, "round2", StrictJson.mapper().writeValueAsBytes(s.round2())), Round2Message.class);
        round3Body = StrictJson.mapper()
                .writeValueAsBytes(new Round3Request(List.of(own, s.peer().round2(s.round2()))));
        round2Done = keyId;
    }

    private byte[] post(UUID keyId, String action, byte[] body) throws Exception {
        InProcessNode.Answer a = node.handle(
                "POST",
                URI.create("https://127.0.0.1/v1/keygen/" + keyId + "/" + action),
                "Bearer " + node.entry.apiKey(),
                body);
        assertEquals(200, a.status(), a.body());
        return a.body().getBytes(StandardCharsets.UTF_8);
    }
}
