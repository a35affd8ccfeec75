package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.DklsTranscript;
import io.keyshard.wire.SetupStatus;
import io.keyshard.wire.SignRound1Request;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the threshold-ECDSA rounds of the sign endpoints ({@code POST /v1/sign/{signId}/round1|round2|
 * round3|abort}) of a real node, ALPHA, signing with its real co-signer BRAVO ({@link EcdsaPair}): one
 * signing waiting for round 2 and one for round 3, each with BRAVO's genuine messages to aim at. What the
 * protocol guarantees, checked for every input: only documented statuses (never 5xx), every refusal the
 * JSON error with a message and never the keyId or the digest; a request touches only its own signId; a
 * round is answered only for the exact request of round 1 and BRAVO's messages as BRAVO signed them (a
 * message BRAVO's identity key signed over any other body may be answered, or refused naming BRAVO); a
 * signing never continues past a refused round (its signer is gone: nothing waits under the signId); a
 * failed check that burns the pair leaves ALPHA refusing to sign with BRAVO until a new setup.
 */
class EcdsaSignFuzzTest {
    private static final String[] ACTIONS = {"round1", "round2", "round3", "abort"};

    @TempDir
    static Path dir;

    static EcdsaPair pair;
    static UUID keyId;
    /**
     * After a burn, the key again once a new setup replaced the burned pair, run in the background: a pairwise
     * setup inside an input passes the fuzzer's time limit on a busy machine. The setup belongs to the pair of
     * servers, so no key of theirs could sign before it, and none needs one after it. The next inputs wait for
     * it (up to 8 s each), then one opens the live signings again.
     */
    static Future<UUID> setUpAgain;

    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ECDSA pair setup");
        t.setDaemon(true);
        return t;
    });
    /** [0] waits for round 2, [1] for round 3. */
    static final Live[] live = new Live[2];

    /** A signing ALPHA holds between rounds: its request and the valid body of ALPHA's next round. */
    record Live(UUID signId, SignRound1Request request, DklsRoundRequest next) {}

    @BeforeAll
    static void start() throws Exception {
        pair = new EcdsaPair(dir);
        keyId = pair.keygen();
        pair.setup(keyId);
        live[0] = open(2);
        live[1] = open(3);
    }

    @AfterAll
    static void stop() {
        BACKGROUND.shutdownNow();
        pair.close();
    }

    /** A new signing on ALPHA waiting for {@code round}. */
    private static Live open(int round) throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = EcdsaPair.signRequest(keyId, "m/" + (round * 7));
        DklsAnswer a1 = pair.sign(EcdsaPair.ALPHA, signId, "round1", r);
        DklsAnswer b1 = pair.sign(EcdsaPair.BRAVO, signId, "round1", r);
        DklsRoundRequest toAlpha = new DklsRoundRequest(r, forServer(EcdsaPair.ALPHA, true, a1, b1));
        if (round == 2) {
            // BRAVO's part is not used again: left waiting, it would count against the node's bound of signings
            // a client may leave waiting (503 BUSY after 250), which a long fuzzing run reaches
            pair.post(EcdsaPair.BRAVO, LiveSignings.uri(signId, "abort"), Map.of());
            return new Live(signId, r, toAlpha);
        }
        pair.sign(EcdsaPair.ALPHA, signId, "round2", toAlpha);
        DklsAnswer b2 = pair.sign(
                EcdsaPair.BRAVO, signId, "round2", new DklsRoundRequest(r, forServer(EcdsaPair.BRAVO, true, a1, b1)));
        pair.post(EcdsaPair.BRAVO, LiveSignings.uri(signId, "abort"), Map.of());
        return new Live(signId, r, new DklsRoundRequest(r, forServer(EcdsaPair.ALPHA, false, b2)));
    }

    private static List<DklsMessage> forServer(int id, boolean broadcasts, DklsAnswer... answers) {
        return Arrays.stream(answers)
                .flatMap(a -> a.messages().stream())
                .filter(m -> m.recipient() == id || (broadcasts && m.recipient() == DklsMessage.BROADCAST))
                .toList();
    }

    /**
     * Byte 0: bits 0-1 the action (round1, round2, round3, abort), bits 2-3 the credentials (valid, none,
     * unknown key, not a bearer token), bit 4 template mode (the rest a {@link FuzzRequest#splice} into the
     * valid body), bit 5 forge mode (the rest spliced into the body of one of BRAVO's messages, sealed to
     * ALPHA and signed with BRAVO's identity key; the rest's first byte, when odd, picks BRAVO's round-1
     * broadcast), bit 6 a fresh signId, bit 7 GET instead of POST.
     */
    @FuzzTest(maxDuration = "30s")
    void signEndpoints(byte[] data) throws Exception {
        if (keyId == null) {
            try {
                keyId = setUpAgain.get(8, TimeUnit.SECONDS);
                setUpAgain = null;
            } catch (TimeoutException notYet) {
                // the next input waits again: the setup goes on while this thread idles
            }
            return;
        }
        if (live[0] == null) {
            live[0] = open(2);
            live[1] = open(3);
            return;
        }
        if (data.length == 0) {
            return;
        }
        EcdsaPair.Head head = EcdsaPair.Head.of(data[0], pair.alpha);
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        int action = head.action();
        Live target = live[action == 2 ? 1 : 0];
        UUID signId = head.fresh() ? UUID.randomUUID() : target.signId();
        byte[] body = rest;
        if (head.forge()) {
            body = StrictJson.mapper().writeValueAsBytes(forged(target, action + 1, rest));
        } else if (head.template()) {
            Object valid = switch (action) {
                case 0 -> DklsRounds.relayed(EcdsaPair.signRequest(keyId, "m/1/2"));
                case 3 -> Map.of();
                default -> target.next();
            };
            body = FuzzRequest.splice(StrictJson.mapper().writeValueAsBytes(valid), rest);
        }
        DklsRoundRequest parsed = action == 1 || action == 2 ? parse(body) : null;
        boolean reached = parsed != null
                && head.method().equals("POST")
                && EcdsaPair.bearer(pair.alpha).equals(head.auth())
                && signId.equals(target.signId());
        int waiting = pair.alpha.waitingSignings();
        String before = pair.alpha.signingOutcome(signId);
        Live other = live[action == 2 ? 0 : 1];

        InProcessNode.Answer a =
                pair.alpha.handle(head.method(), LiveSignings.uri(signId, ACTIONS[action]), head.auth(), body);

        assertTrue(
                EcdsaPair.DOCUMENTED.contains(a.status()), () -> "undocumented status " + a.status() + ": " + a.body());
        assertFalse(a.body().contains(keyId.toString()), "an answer never echoes the keyId");
        assertEquals("COMMITTED", pair.alpha.signingOutcome(other.signId()), "a request touches only its own signId");
        if (a.status() == 200) {
            answered(action, head.forge(), signId, target, parsed, body, a, waiting);
        } else {
            refused(reached, head.forge(), target, a, waiting, before, signId);
        }
        renew(signId, a.status() == 200 && action == 1);
    }

    /** The valid body of {@code target}'s next round with one of BRAVO's messages carrying a changed body. */
    private static DklsRoundRequest forged(Live target, int round, byte[] rest) {
        boolean broadcast = round == 2 && rest.length > 0 && (rest[0] & 1) == 1;
        int inRound = round - 1;
        List<DklsMessage> messages = target.next().messages().stream()
                .map(m -> m.sender() == EcdsaPair.BRAVO && (m.recipient() == DklsMessage.BROADCAST) == broadcast
                        ? pair.forgeSign(
                                target.signId(),
                                target.request(),
                                inRound,
                                m.recipient(),
                                FuzzRequest.splice(pair.plaintext(target.signId(), target.request(), inRound, m), rest))
                        : m)
                .toList();
        return new DklsRoundRequest(target.request(), messages);
    }

    private static void answered(
            int action,
            boolean forge,
            UUID signId,
            Live target,
            DklsRoundRequest parsed,
            byte[] body,
            InProcessNode.Answer a,
            int waiting)
            throws Exception {
        if (action == 0) {
            DklsRound1Request relayed = InProcessNode.parse(body, DklsRound1Request.class);
            assertEquals(DklsRound1Request.RELAY, relayed.relay(), "round 1 answered only at this relay version");
            SignRound1Request r = relayed.request();
            DklsAnswer d = StrictJson.mapper().readValue(a.body(), DklsAnswer.class);
            byte[] hash = EcdsaPair.hash(signId, r);
            assertEquals(2, d.messages().size(), "a commitment broadcast and one message to BRAVO");
            for (DklsMessage m : d.messages()) {
                assertTrue(IdentityKeys.verifySigningMessage(
                        pair.alpha.participant().signingKey(),
                        m.signature(),
                        DklsTranscript.signed(hash, 1, EcdsaPair.ALPHA, m.recipient(), m.body())));
            }
            assertEquals(waiting + 1, pair.alpha.waitingSignings());
            assertEquals("COMMITTED", pair.alpha.signingOutcome(signId));
            return;
        }
        if (action == 3) {
            return;
        }
        assertEquals(target.signId(), signId, "a round answered only for a signing waiting for it");
        assertArrayEquals(
                EcdsaPair.hash(signId, target.request()),
                EcdsaPair.hash(signId, parsed.request()),
                "a round answered only for the request of round 1");
        if (!forge) {
            for (DklsMessage m : parsed.messages()) {
                if (m.sender() == EcdsaPair.BRAVO) {
                    assertTrue(
                            target.next().messages().stream()
                                    .anyMatch(g -> g.recipient() == m.recipient() && Arrays.equals(g.body(), m.body())),
                            "a round answered only over BRAVO's messages as BRAVO signed them");
                }
            }
        }
        assertEquals(waiting - (action == 2 ? 1 : 0), pair.alpha.waitingSignings());
        assertEquals(action == 2 ? "SIGNED" : "COMMITTED", pair.alpha.signingOutcome(signId));
    }

    private static void refused(
            boolean reached,
            boolean forge,
            Live target,
            InProcessNode.Answer a,
            int waiting,
            String before,
            UUID signId)
            throws Exception {
        JsonNode error = RefusalShape.checked(a, EcdsaPair.ALPHA, Map.of(EcdsaPair.BRAVO, "OFFICIAL_2"));
        assertFalse(a.body().contains(target.request().message()), "a refusal never echoes the digest");
        if (!reached) {
            assertEquals(
                    waiting,
                    pair.alpha.waitingSignings(),
                    () -> "a " + a.status() + " changed the signings: " + a.body());
            assertEquals(before, pair.alpha.signingOutcome(signId), "a refusal leaves the signing as it was");
            return;
        }
        assertEquals(waiting - 1, pair.alpha.waitingSignings(), () -> "a refused round ends its signing: " + a.body());
        assertEquals("REFUSED", pair.alpha.signingOutcome(signId), a.body());
        boolean burned = error.path("burned").asBoolean();
        assertTrue(
                a.status() != 422 || burned == a.body().contains("burned"),
                () -> "a refusal's message says what its burned field says: " + a.body());
        assertTrue(!burned || forge, () -> "only a message BRAVO signed burns the pair with BRAVO: " + a.body());
        if (forge) {
            assertTrue(a.status() == 409 || a.status() == 422, a.body());
            assertTrue(a.body().contains("id 2"), () -> "a forged message names its signer: " + a.body());
        }
        if (burned) {
            SetupStatus s = pair.status(EcdsaPair.ALPHA, keyId);
            assertEquals(SetupStatus.State.BURNED, s.state());
            assertEquals(List.of(EcdsaPair.BRAVO), s.burned());
            InProcessNode.Answer again = pair.post(
                    EcdsaPair.ALPHA,
                    LiveSignings.uri(UUID.randomUUID(), "round1"),
                    DklsRounds.relayed(EcdsaPair.signRequest(keyId, "m/3")));
            assertEquals(409, again.status(), again.body());
            assertTrue(again.body().contains("SETUP_NEEDED"), again.body());
            retire();
        }
    }

    /** Ends the live signings over the burned pair, which signs only after a new setup, and starts that setup. */
    private static void retire() throws Exception {
        for (Live l : live) {
            if ("COMMITTED".equals(pair.alpha.signingOutcome(l.signId()))) {
                abort(l.signId());
            }
        }
        UUID burned = keyId;
        keyId = null;
        Arrays.fill(live, null);
        setUpAgain = BACKGROUND.submit(() -> {
            pair.setup(burned);
            return burned;
        });
    }

    /** Replaces the live signings a request ended or moved on, and aborts a signing a request started. */
    private static void renew(UUID signId, boolean movedOn) throws Exception {
        if (keyId == null) {
            return;
        }
        if (movedOn) {
            abort(live[0].signId());
        }
        for (int k = 0; k < live.length; k++) {
            if (!"COMMITTED".equals(pair.alpha.signingOutcome(live[k].signId()))) {
                live[k] = open(k + 2);
            }
        }
        if (!signId.equals(live[0].signId())
                && !signId.equals(live[1].signId())
                && "COMMITTED".equals(pair.alpha.signingOutcome(signId))) {
            abort(signId);
        }
    }

    private static void abort(UUID signId) throws Exception {
        InProcessNode.Answer a = pair.post(EcdsaPair.ALPHA, LiveSignings.uri(signId, "abort"), Map.of());
        assertEquals(200, a.status(), a.body());
    }

    private static DklsRoundRequest parse(byte[] body) {
        try {
            return InProcessNode.parse(body, DklsRoundRequest.class);
        } catch (InProcessNode.Refused e) {
            return null;
        }
    }
}
