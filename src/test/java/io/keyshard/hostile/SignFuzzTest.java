package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.bytes.Hex;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import io.keyshard.sign.NonceLedger;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignRound2Request;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.SignTranscript;
import io.keyshard.wire.TaprootTweak;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the signing messages and the node's sign endpoints ({@code POST /v1/sign/{signId}/round1|round2|abort})
 * through its real request path, with a READY key of each FROST family and a signing after round 1 on each
 * to aim at. What the protocol guarantees, checked for every input: only documented statuses (never 5xx),
 * every refusal the JSON error with a message and never the keyId or the message; a refused round 1 or
 * abort changes nothing; a round 2 is answered with a share only for the exact request and commitments of
 * its round 1 (the share signed by the node's identity key over them) and, answered or refused, never
 * leaves the nonces in place; every commitment the node ever answers is new.
 */
class SignFuzzTest {
    private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 401, 404, 405, 409, 413, 422);
    private static final List<Class<?>> TYPES =
            List.of(SignRound1Request.class, SignRound2Request.class, SignCommitment.class, SignShare.class);

    @TempDir
    static Path dir;

    static InProcessNode node;
    static LiveSignings live;
    static final NonceLedger LEDGER = new NonceLedger();

    @BeforeAll
    static void start() throws Exception {
        node = new InProcessNode(dir.resolve("node"), "OFFICIAL_1", 1);
        live = new LiveSignings(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /**
     * Byte 0 picks a signing message type (or, past the four types, a taproot option string); the rest is
     * the body. A body is refused as 400 MALFORMED with a message or round-trips byte for byte; a taproot
     * string is refused with IllegalArgumentException or names one tweak that reads back from its wire form.
     */
    @FuzzTest(maxDuration = "30s")
    void signMessages(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        int pick = (data[0] & 0xff) % (TYPES.size() + 1);
        if (pick == TYPES.size()) {
            String text = new String(body, StandardCharsets.UTF_8);
            TaprootTweak t;
            try {
                t = TaprootTweak.parse(text);
            } catch (IllegalArgumentException refused) {
                assertNotNull(refused.getMessage());
                return;
            }
            if (t == null) {
                assertTrue(text.isEmpty(), "only the empty option is no tweak");
                return;
            }
            assertTrue(text.equals("bip86") || text.length() == 64, text);
            assertArrayEquals(
                    t.merkleRoot(), TaprootTweak.parse(TaprootTweak.wire(t)).merkleRoot());
            return;
        }
        MessageDecodingFuzzTest.refusedOrRoundTrips(body, TYPES.get(pick));
    }

    /** Input layout: see {@link SignFuzzRequest}. */
    @FuzzTest(maxDuration = "30s")
    void signEndpoints(byte[] data) throws Exception {
        SignFuzzRequest req = SignFuzzRequest.decode(data, node, live);
        if (req == null) {
            return;
        }
        int waiting = node.waitingSignings();
        String before = node.signingOutcome(req.signId());
        UUID other = live.live(1 - req.key()).signId();

        InProcessNode.Answer a = node.handle(req.method(), req.uri(), req.authorization(), req.body());

        assertTrue(DOCUMENTED.contains(a.status()), () -> "undocumented status " + a.status() + ": " + a.body());
        for (UUID keyId : live.keyIds) {
            assertFalse(a.body().contains(keyId.toString()), "an answer never echoes the keyId");
        }
        SignRound1Request r1 = req.round1();
        if (a.status() != 200
                && r1 != null
                && r1.message() != null
                && r1.message().length() >= 16) {
            assertFalse(a.body().contains(r1.message()), "a refusal never echoes the message");
        }
        assertEquals("COMMITTED", node.signingOutcome(other), "a request touches only its own signId");
        if (a.status() == 200) {
            answered(req, a, waiting);
        } else {
            refused(req, a, waiting, before);
        }
        live.renewIfUsed(req.signId());
    }

    private static void answered(SignFuzzRequest req, InProcessNode.Answer a, int waiting) throws Exception {
        byte[] nodeKey = node.participant().signingKey();
        switch (req.action()) {
            case "round1" -> {
                SignRound1Request r = req.round1();
                SignCommitment c = StrictJson.mapper().readValue(a.body(), SignCommitment.class);
                byte[] hash = SignTranscript.requestHash(req.signId(), r, Hex.decode(r.message(), "message"));
                assertTrue(IdentityKeys.verifySigningMessage(
                        nodeKey,
                        Hex.decode(c.signature(), "signature"),
                        SignTranscript.commitment(
                                hash, node.entry.id(), Hex.decode(c.hiding(), "D"), Hex.decode(c.binding(), "E"))));
                LEDGER.commitment(req.signId().toString(), c.hiding(), c.binding());
                assertEquals(List.of(), LEDGER.violations(), "a commitment the node answered before");
                assertEquals(waiting + 1, node.waitingSignings());
                assertEquals("COMMITTED", node.signingOutcome(req.signId()));
            }
            case "round2" -> {
                LiveSignings.Live l = live.live(req.key());
                assertEquals(l.signId(), req.signId(), "a share only for a signing after round 1");
                SignRound2Request r2 = StrictJson.mapper().readValue(req.body(), SignRound2Request.class);
                byte[] hash = SignTranscript.requestHash(
                        req.signId(), r2.request(), Hex.decode(r2.request().message(), "message"));
                byte[] liveHash = SignTranscript.requestHash(
                        l.signId(), l.request(), Hex.decode(l.request().message(), "message"));
                assertArrayEquals(liveHash, hash, "a share only for the request of round 1");
                assertEquals(
                        decoded(l.round2().commitments()),
                        decoded(r2.commitments()),
                        "a share only with the signers' own commitments, unchanged");
                SignShare s = StrictJson.mapper().readValue(a.body(), SignShare.class);
                assertTrue(IdentityKeys.verifySigningMessage(
                        nodeKey,
                        Hex.decode(s.signature(), "signature"),
                        SignTranscript.share(
                                hash,
                                SignTranscript.commitmentsHash(r2.commitments()),
                                node.entry.id(),
                                Hex.decode(s.share(), "share"))));
                assertEquals(waiting - 1, node.waitingSignings(), "the nonces are gone once used");
                assertEquals("SIGNED", node.signingOutcome(req.signId()));
            }
            default -> assertEquals("abort", req.action());
        }
    }

    /** Each commitment as what the share is computed over: sender and the decoded points. */
    private static Set<String> decoded(List<SignCommitment> list) {
        Set<String> out = new TreeSet<>();
        for (SignCommitment c : list) {
            out.add(c.sender() + ":" + Hex.encode(Hex.decode(c.hiding(), "D")) + ":"
                    + Hex.encode(Hex.decode(c.binding(), "E")));
        }
        return out;
    }

    private static void refused(SignFuzzRequest req, InProcessNode.Answer a, int waiting, String before)
            throws Exception {
        RefusalShape.checked(a, node.entry.id(), null);
        boolean liveTarget = "COMMITTED".equals(before) && req.action().equals("round2") && req.post();
        if (liveTarget && req.parsesAsRound2() && req.authorized()) {
            assertEquals(waiting - 1, node.waitingSignings(), "a refused round 2 burns its nonces: " + a.body());
            assertEquals("REFUSED", node.signingOutcome(req.signId()), a.body());
            return;
        }
        assertEquals(waiting, node.waitingSignings(), () -> "a " + a.status() + " changed the nonces: " + a.body());
        assertEquals(before, node.signingOutcome(req.signId()), "a refusal leaves the signing as it was");
    }
}
