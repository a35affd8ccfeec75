package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import io.keyshard.node.SetupAccess;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.SetupAnswer;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import io.keyshard.wire.SetupStatus;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignTranscript;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Two real in-process nodes, ALPHA (OFFICIAL_1, id 1, the one fuzzed) and BRAVO (OFFICIAL_2, id 2, the honest co-signer whose
 * identity keys the test also holds to play a modified BRAVO), with their ECDSA keys made by a real key
 * generation between them: the pairwise setup and the DKLs23 rounds run through both nodes' request
 * paths exactly as a client relays them.
 */
final class EcdsaPair implements AutoCloseable {
    static final int ALPHA = 1;
    static final int BRAVO = 2;
    static final List<Integer> IDS = List.of(ALPHA, BRAVO);
    static final CurveName CURVE = CurveName.SECP256K1;
    /** The statuses the node API documents; anything else (a 5xx above all) is a finding. */
    static final Set<Integer> DOCUMENTED = Set.of(200, 400, 401, 404, 405, 409, 413, 422);

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Byte 0 of an input to the ECDSA endpoint targets: bits 0-1 the action, bits 2-3 the credentials (valid,
     * none, unknown key, not a bearer token), bit 4 template mode, bit 5 forge mode (actions 1 and 2 only;
     * it implies template mode), bit 6 a fresh id (always for action 0), bit 7 GET instead of POST.
     */
    record Head(int action, String auth, boolean template, boolean forge, boolean fresh, String method) {
        static Head of(byte b, InProcessNode node) {
            int head = b & 0xff;
            int action = head & 0x03;
            String auth = switch ((head >> 2) & 0x03) {
                case 0 -> bearer(node);
                case 1 -> null;
                case 2 -> "Bearer ksk_" + "B".repeat(43);
                default -> "Basic " + node.entry.apiKey();
            };
            boolean forge = (head & 0x20) != 0 && (action == 1 || action == 2);
            return new Head(
                    action,
                    auth,
                    (head & 0x10) != 0 || forge,
                    forge,
                    (head & 0x40) != 0 || action == 0,
                    (head & 0x80) != 0 ? "GET" : "POST");
        }
    }

    final InProcessNode alpha;
    final InProcessNode bravo;

    EcdsaPair(Path dir) throws Exception {
        alpha = new InProcessNode(dir.resolve("alpha"), "OFFICIAL_1", ALPHA);
        bravo = new InProcessNode(dir.resolve("bravo"), "OFFICIAL_2", BRAVO);
        alpha.pin(bravo.participant());
        bravo.pin(alpha.participant());
    }

    InProcessNode node(int id) {
        return id == ALPHA ? alpha : bravo;
    }

    /** A READY 2-of-2 key on both nodes. */
    UUID keygen() throws Exception {
        UUID keyId = UUID.randomUUID();
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        SessionSetup setup = new SessionSetup(
                keyId.toString(), nonce, CURVE.apiName(), 2, List.of(alpha.participant(), bravo.participant()));
        List<Round1Message> one = new ArrayList<>();
        for (int id : IDS) {
            one.add(ok(id, keygenUri(keyId, "round1"), setup, Round1Message.class));
        }
        List<Round2Message> two = new ArrayList<>();
        for (int id : IDS) {
            two.add(ok(id, keygenUri(keyId, "round2"), new Round2Request(one), Round2Message.class));
        }
        List<Round3Message> three = new ArrayList<>();
        for (int id : IDS) {
            three.add(ok(id, keygenUri(keyId, "round3"), new Round3Request(two), Round3Message.class));
        }
        for (int id : IDS) {
            ok(id, keygenUri(keyId, "commit"), new CommitRequest(three), Object.class);
        }
        return keyId;
    }

    /** A complete pairwise setup of {@code keyId} on both nodes; its setupId. */
    UUID setup(UUID keyId) throws Exception {
        UUID setupId = UUID.randomUUID();
        List<SetupMessage> toAlpha = step(BRAVO, keyId, setupId, 1, List.of());
        List<SetupMessage> toBravo = step(ALPHA, keyId, setupId, 1, List.of());
        List<SetupMessage> toAlpha2 = step(BRAVO, keyId, setupId, 2, toBravo);
        List<SetupMessage> toBravo2 = step(ALPHA, keyId, setupId, 2, toAlpha);
        ok(ALPHA, setupUri(keyId, "step3"), request(setupId, toAlpha2), SetupStatus.class);
        ok(BRAVO, setupUri(keyId, "step3"), request(setupId, toBravo2), SetupStatus.class);
        return setupId;
    }

    /** Step 1 or 2 on node {@code id}: the messages it sends. */
    List<SetupMessage> step(int id, UUID keyId, UUID setupId, int step, List<SetupMessage> in) throws Exception {
        return ok(id, setupUri(keyId, "step" + step), request(setupId, in), SetupAnswer.class)
                .messages();
    }

    static SetupRequest request(UUID setupId, List<SetupMessage> messages) {
        return new SetupRequest(setupId.toString(), IDS, messages, SetupRequest.VERSION);
    }

    /** The plaintext BRAVO sealed to ALPHA in a setup message, as ALPHA opens it. */
    byte[] openSetup(UUID keyId, UUID setupId, SetupMessage m) {
        return SetupAccess.open(
                alpha.identityKeys(), bravo.participant(), alpha.participant(), CURVE.apiName(), setupId, m);
    }

    /** A setup message from BRAVO to ALPHA with any plaintext, sealed and signed as a modified BRAVO would. */
    SetupMessage forgeSetup(UUID keyId, UUID setupId, int step, byte[] plaintext) {
        return SetupAccess.forge(
                bravo.identityKeys(),
                bravo.participant(),
                alpha.participant(),
                CURVE.apiName(),
                setupId,
                step,
                plaintext);
    }

    /** A valid round-1 request over a random 32-byte digest. */
    static SignRound1Request signRequest(UUID keyId, String path) {
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        return new SignRound1Request(keyId.toString(), path, "", IDS, Hex.encode(digest));
    }

    DklsAnswer sign(int id, UUID signId, String round, Object body) throws Exception {
        DklsAnswer a = ok(id, LiveSignings.uri(signId, round), DklsRounds.relayed(body), DklsAnswer.class);
        if (round.equals("round1") && body instanceof SignRound1Request r) {
            DklsRounds.remember(signId, r, a);
        }
        return a;
    }

    /** The body of a signer's message (for a sealed one, the plaintext as ALPHA opens it). */
    byte[] plaintext(UUID signId, SignRound1Request r, int round, DklsMessage m) {
        return m.recipient() == DklsMessage.BROADCAST
                ? m.body()
                : DklsRounds.opened(alpha.identityKeys(), m, signId, r, round);
    }

    /**
     * BRAVO's message to ALPHA (or broadcast) with any body, sealed (in the place of BRAVO's message of that round
     * to ALPHA) and signed as a modified BRAVO would.
     */
    DklsMessage forgeSign(UUID signId, SignRound1Request r, int round, int recipient, byte[] plaintext) {
        return DklsRounds.inPlace(
                bravo.identityKeys(), alpha.identityKeys(), signId, r, round, BRAVO, recipient, plaintext);
    }

    static byte[] hash(UUID signId, SignRound1Request r) {
        return SignTranscript.requestHash(signId, r, Hex.decode(r.message(), "message"));
    }

    /** The setup status node {@code id} reports for {@code keyId}. */
    SetupStatus status(int id, UUID keyId) throws Exception {
        InProcessNode n = node(id);
        InProcessNode.Answer a = n.handle(
                "GET", URI.create("https://127.0.0.1/v1/keys/" + keyId + "/ecdsa-setup"), bearer(n), new byte[0]);
        assertEquals(200, a.status(), a.body());
        return StrictJson.readerAllowingAbsentFields(SetupStatus.class).readValue(a.body());
    }

    static URI setupUri(UUID keyId, String step) {
        return URI.create("https://127.0.0.1/v1/keys/" + keyId + "/ecdsa-setup/" + step);
    }

    private static URI keygenUri(UUID keyId, String action) {
        return URI.create("https://127.0.0.1/v1/keygen/" + keyId + "/" + action);
    }

    static String bearer(InProcessNode n) {
        return "Bearer " + n.entry.apiKey();
    }

    InProcessNode.Answer post(int id, URI uri, Object body) throws Exception {
        InProcessNode n = node(id);
        return n.handle("POST", uri, bearer(n), StrictJson.mapper().writeValueAsBytes(body));
    }

    private <T> T ok(int id, URI uri, Object body, Class<T> type) throws Exception {
        InProcessNode.Answer a = post(id, uri, body);
        assertEquals(200, a.status(), a.body());
        return StrictJson.mapper().readValue(a.body().getBytes(StandardCharsets.UTF_8), type);
    }

    @Override
    public void close() {
        alpha.close();
        bravo.close();
    }
}
