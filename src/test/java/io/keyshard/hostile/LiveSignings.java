package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.DkgParticipant;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.frost.Ciphersuite;
import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignRound2Request;
import io.keyshard.wire.SignTranscript;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * Two READY keys (ED25519, SECP256K1_SCHNORR) on an in-process node, made by a full key generation with a
 * second server held in the test, and for each one signing kept after round 1 with the valid round-2
 * body (the co-signer's commitments signed by its identity key). A fuzzed request that ends a live signing
 * gets it replaced.
 */
final class LiveSignings {
    static final int PEER_ID = 99;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final InProcessNode node;
    private final IdentityKeys peerKeys = IdentityKeys.generate(RANDOM);
    private final Participant peer = peerKeys.participant("OTHER_SERVER", PEER_ID);
    final UUID[] keyIds = new UUID[2];
    final CurveName[] curves = {CurveName.ED25519, CurveName.SECP256K1_SCHNORR};
    private final Live[] live = new Live[2];

    /** One signing after round 1: its request, the node's signed commitments and the valid round-2 body. */
    record Live(UUID signId, SignRound1Request request, SignCommitment own, SignRound2Request round2) {}

    LiveSignings(InProcessNode node) throws Exception {
        this.node = node;
        node.pin(peer);
        for (int k = 0; k < 2; k++) {
            keyIds[k] = keygen(curves[k]);
            live[k] = open(k);
        }
    }

    Live live(int k) {
        return live[k];
    }

    /** A valid round-1 request for key {@code k} (on the Schnorr key, the BIP-86 tweak for every third message length). */
    SignRound1Request request(int k, byte[] message, String path) {
        String taproot = k == 1 && message.length % 3 == 0 ? "bip86" : "";
        return new SignRound1Request(
                keyIds[k].toString(), path, taproot, List.of(node.entry.id(), PEER_ID), Hex.encode(message));
    }

    /** Replaces a live signing a request ended; aborts a signing a request started. */
    void renewIfUsed(UUID signId) throws Exception {
        for (int k = 0; k < 2; k++) {
            if (!"COMMITTED".equals(node.signingOutcome(live[k].signId()))) {
                live[k] = open(k);
            }
        }
        if (!signId.equals(live[0].signId())
                && !signId.equals(live[1].signId())
                && "COMMITTED".equals(node.signingOutcome(signId))) {
            post(signId, "abort", "{}");
        }
    }

    /** The co-signer's round-1 answer for a request: fresh random commitments, signed by its identity key. */
    SignCommitment peerCommitment(int k, UUID signId, SignRound1Request r) {
        Ciphersuite suite = Ciphersuite.forCurve(curves[k]);
        byte[] d = suite.serializeElement(suite.curve().multiplyBase(new BigInteger(128, RANDOM).add(BigInteger.ONE)));
        byte[] e = suite.serializeElement(suite.curve().multiplyBase(new BigInteger(128, RANDOM).add(BigInteger.ONE)));
        byte[] hash = SignTranscript.requestHash(signId, r, Hex.decode(r.message(), "message"));
        byte[] sig = peerKeys.signSigningMessage(SignTranscript.commitment(hash, PEER_ID, d, e));
        return new SignCommitment(PEER_ID, Hex.encode(d), Hex.encode(e), Hex.encode(sig));
    }

    private Live open(int k) throws Exception {
        UUID signId = UUID.randomUUID();
        byte[] m = new byte[32 + k];
        RANDOM.nextBytes(m);
        SignRound1Request r = request(k, m, "m/" + RANDOM.nextInt(100));
        SignCommitment own = StrictJson.mapper()
                .readValue(post(signId, "round1", StrictJson.mapper().writeValueAsString(r)), SignCommitment.class);
        return new Live(signId, r, own, new SignRound2Request(r, List.of(own, peerCommitment(k, signId, r))));
    }

    private UUID keygen(CurveName curve) throws Exception {
        UUID keyId = UUID.randomUUID();
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        SessionSetup setup =
                new SessionSetup(keyId.toString(), nonce, curve.apiName(), 2, List.of(node.participant(), peer));
        Round1Message own1 = StrictJson.mapper()
                .readValue(
                        keygenPost(keyId, "round1", StrictJson.mapper().writeValueAsBytes(setup)), Round1Message.class);
        DkgParticipant p = DkgParticipant.create(setup, peer.name(), peer.id(), peerKeys, RANDOM);
        Round2Request r2 = new Round2Request(List.of(own1, p.round1()));
        Round2Message own2 = StrictJson.mapper()
                .readValue(keygenPost(keyId, "round2", StrictJson.mapper().writeValueAsBytes(r2)), Round2Message.class);
        Round3Request r3 = new Round3Request(List.of(own2, p.round2(r2)));
        Round3Message own3 = StrictJson.mapper()
                .readValue(keygenPost(keyId, "round3", StrictJson.mapper().writeValueAsBytes(r3)), Round3Message.class);
        Round3Message peer3 = p.round3(r3).message();
        keygenPost(keyId, "commit", StrictJson.mapper().writeValueAsBytes(new CommitRequest(List.of(own3, peer3))));
        return keyId;
    }

    private byte[] keygenPost(UUID keyId, String action, byte[] body) throws Exception {
        InProcessNode.Answer a = node.handle(
                "POST",
                URI.create("https://127.0.0.1/v1/keygen/" + keyId + "/" + action),
                "Bearer " + node.entry.apiKey(),
                body);
        assertEquals(200, a.status(), a.body());
        return bytes(a.body());
    }

    private byte[] post(UUID signId, String action, String body) throws Exception {
        InProcessNode.Answer a = node.handle("POST", uri(signId, action), "Bearer " + node.entry.apiKey(), bytes(body));
        assertEquals(200, a.status(), a.body());
        return bytes(a.body());
    }

    static URI uri(UUID signId, String action) {
        return URI.create("https://127.0.0.1/v1/sign/" + signId + "/" + action);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
