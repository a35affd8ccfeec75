package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import io.keyshard.wire.SetupAnswer;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import io.keyshard.wire.SetupStatus;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the ECDSA pairwise setup endpoints ({@code POST /v1/keys/{keyId}/ecdsa-setup/step1|step2|step3})
 * of a real node, ALPHA, next to its real co-server BRAVO ({@link EcdsaPair}): one key for step 1, one with
 * a setup waiting for step 2 and one, already set up once, with a new setup waiting for step 3, each with
 * BRAVO's genuine messages to aim at. What the protocol guarantees, checked for every input: only
 * documented statuses (never 5xx), every refusal the JSON error with a message and never the keyId; a
 * step is answered only for a setup waiting for that step; a message BRAVO's identity key signed over any
 * plaintext is answered or refused as 422 naming BRAVO; a setup never continues past a step it refused
 * (the genuine step sent next is refused too); a setup is never half-stored: the stored setup is the one before until a step 3 is answered, and then is
 * the complete new one. The three keys are on the same two servers, so they share the one ALPHA-BRAVO pair: a
 * setup run under any of them is the pair every one of them reports.
 */
class EcdsaSetupFuzzTest {
    private static final String[] ACTIONS = {"step1", "step2", "step3", "step4"};

    @TempDir
    static Path dir;

    static EcdsaPair pair;
    /** Keys: [0] for step 1, [1] with a setup waiting for step 2, [2] with one waiting for step 3. */
    static final UUID[] keys = new UUID[3];

    static Live waiting2;
    static Live waiting3;
    static SetupStatus stored;

    /** A setup ALPHA holds between steps: its id and BRAVO's genuine messages for ALPHA's next step. */
    record Live(UUID setupId, List<SetupMessage> fromBravo) {}

    @BeforeAll
    static void start() throws Exception {
        pair = new EcdsaPair(dir);
        for (int k = 0; k < keys.length; k++) {
            keys[k] = pair.keygen();
        }
        pair.setup(keys[2]);
        stored = pair.status(EcdsaPair.ALPHA, keys[2]);
        waiting2 = open(2);
        waiting3 = open(3);
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    /** A new setup on ALPHA waiting for {@code step}, with BRAVO's messages for it. */
    private static Live open(int step) throws Exception {
        UUID key = keys[step - 1];
        UUID setupId = UUID.randomUUID();
        List<SetupMessage> toAlpha = pair.step(EcdsaPair.BRAVO, key, setupId, 1, List.of());
        List<SetupMessage> toBravo = pair.step(EcdsaPair.ALPHA, key, setupId, 1, List.of());
        if (step == 2) {
            return new Live(setupId, toAlpha);
        }
        List<SetupMessage> second = pair.step(EcdsaPair.BRAVO, key, setupId, 2, toBravo);
        pair.step(EcdsaPair.ALPHA, key, setupId, 2, toAlpha);
        return new Live(setupId, second);
    }

    /**
     * Byte 0: bits 0-1 the action (step1, step2, step3, an unknown one), bits 2-3 the credentials (valid,
     * none, unknown key, not a bearer token), bit 4 template mode (the rest a {@link FuzzRequest#splice} into
     * the valid body), bit 5 forge mode (the rest spliced into the plaintext of BRAVO's message, sealed to
     * ALPHA and signed with BRAVO's identity key), bit 6 a fresh setupId, bit 7 GET instead of POST.
     */
    @FuzzTest(maxDuration = "30s")
    void setupEndpoints(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        EcdsaPair.Head head = EcdsaPair.Head.of(data[0], pair.alpha);
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        int action = head.action();
        Live live = action == 2 ? waiting3 : waiting2;
        UUID key = keys[Math.min(action, 2)];
        UUID setupId = head.fresh() ? UUID.randomUUID() : live.setupId();
        byte[] body = rest;
        if (head.template()) {
            List<SetupMessage> messages = action == 0 ? List.of() : live.fromBravo();
            if (head.forge()) {
                SetupMessage genuine = messages.get(0);
                byte[] plain = pair.openSetup(key, live.setupId(), genuine);
                messages = List.of(pair.forgeSetup(key, setupId, genuine.step(), FuzzRequest.splice(plain, rest)));
                body = StrictJson.mapper().writeValueAsBytes(EcdsaPair.request(setupId, messages));
            } else {
                body = FuzzRequest.splice(
                        StrictJson.mapper().writeValueAsBytes(EcdsaPair.request(setupId, messages)), rest);
            }
        }
        URI uri = EcdsaPair.setupUri(key, ACTIONS[action]);
        boolean authorized = head.auth() != null && head.auth().equals(EcdsaPair.bearer(pair.alpha));
        SetupRequest parsed = parse(body);
        boolean reached = action > 0
                && action < 3
                && head.method().equals("POST")
                && authorized
                && parsed != null
                && live.setupId().toString().equals(parsed.setupId())
                && EcdsaPair.IDS.equals(parsed.servers())
                && parsed.messages() != null
                && parsed.version() == SetupRequest.VERSION;

        InProcessNode.Answer a = pair.alpha.handle(head.method(), uri, head.auth(), body);

        assertTrue(
                EcdsaPair.DOCUMENTED.contains(a.status()), () -> "undocumented status " + a.status() + ": " + a.body());
        for (UUID k : keys) {
            assertFalse(a.body().contains(k.toString()), "an answer never echoes the keyId");
        }
        if (a.status() == 200) {
            answered(action, reached, setupId, a);
        } else {
            refused(action, reached, head.forge(), a);
        }
        SetupStatus now = pair.status(EcdsaPair.ALPHA, keys[2]);
        if (a.status() == 200 && action == 2) {
            assertEquals(SetupStatus.State.COMPLETE, now.state(), "an answered step 3 stored the whole setup");
            assertEquals(waiting3.setupId().toString(), now.setupId());
            assertEquals(EcdsaPair.IDS, now.servers());
            assertEquals(now, pair.status(EcdsaPair.ALPHA, keys[0]), "the pair serves every key of the two servers");
            stored = now;
        } else {
            assertEquals(stored, now, "the stored setup changes only with an answered step 3");
        }
        if (reached) {
            if (action == 1) {
                waiting2 = open(2);
            } else {
                waiting3 = open(3);
            }
        }
    }

    private static void answered(int action, boolean reached, UUID setupId, InProcessNode.Answer a) throws Exception {
        assertTrue(action == 0 || reached, () -> "a step answered for no setup waiting for it: " + a.body());
        if (action < 2) {
            SetupAnswer s = StrictJson.mapper().readValue(a.body(), SetupAnswer.class);
            assertEquals(setupId.toString(), s.setupId());
            assertEquals(EcdsaPair.ALPHA, s.sender());
            assertEquals(1, s.messages().size(), "one message, to BRAVO");
            SetupMessage m = s.messages().get(0);
            assertEquals(
                    List.of(action + 1, EcdsaPair.ALPHA, EcdsaPair.BRAVO),
                    List.of(m.step(), m.sender(), m.recipient()));
        }
    }

    private static void refused(int action, boolean reached, boolean forge, InProcessNode.Answer a) throws Exception {
        RefusalShape.checked(a, EcdsaPair.ALPHA, Map.of(EcdsaPair.BRAVO, "OFFICIAL_2"));
        if (!reached) {
            return;
        }
        if (forge) {
            assertEquals(422, a.status(), a.body());
            assertTrue(a.body().contains("(id 2)"), () -> "a forged message names its signer: " + a.body());
        }
        Live live = action == 2 ? waiting3 : waiting2;
        InProcessNode.Answer again = pair.post(
                EcdsaPair.ALPHA,
                EcdsaPair.setupUri(keys[action], ACTIONS[action]),
                EcdsaPair.request(live.setupId(), live.fromBravo()));
        assertEquals(409, again.status(), () -> "a setup went on after a refused step: " + again.body());
    }

    private static SetupRequest parse(byte[] body) {
        try {
            return InProcessNode.parse(body, SetupRequest.class);
        } catch (InProcessNode.Refused e) {
            return null;
        }
    }
}
