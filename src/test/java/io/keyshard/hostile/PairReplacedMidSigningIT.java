package io.keyshard.hostile;

import static io.keyshard.hostile.DklsRounds.forServer;
import static io.keyshard.hostile.DklsRounds.ok;
import static io.keyshard.hostile.DklsRounds.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeInitializer;
import io.keyshard.node.TestNode;
import io.keyshard.sign.EcdsaVerifiers;
import io.keyshard.vault.Vault;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.SetupAnswer;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import io.keyshard.wire.SetupStatus;
import io.keyshard.wire.SignRound1Request;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pair of ALPHA (11) and BRAVO (12) replaced, by a setup run for a second key of the same servers, while a
 * signing of a first key is between its rounds (real node processes over loopback HTTPS). When both signers
 * loaded the old pair at round 1 the signing completes over it; when one loaded the old and the other the new
 * (the setup ran between their round 1s), both refuse round 2 with 409 SETUP_NEEDED before any OT-extension or
 * multiplication state is used: no burn, no culprit, and both keep the new pair. Either way the first key's next
 * signing works with no further setup. Another client of the same servers can neither run a setup through the
 * first client's key nor read its pairs. A pair whose ends disagree is set up again between its two servers while
 * the key's third server is down, and the key signs with those two.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PairReplacedMidSigningIT {
    private static final CurveName CURVE = CurveName.SECP256K1;
    private static final List<Integer> PAIR = List.of(11, 12);

    @TempDir
    static Path dir;

    static HostileCluster cluster;
    static DklsRounds rounds;
    static UUID first;
    static UUID second;

    @BeforeAll
    static void start() throws Exception {
        cluster = new HostileCluster(dir);
        rounds = new DklsRounds(cluster, CURVE);
        first = rounds.readyKey();
        second = cluster.keygen(CURVE).record().keyId();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aSigningWhoseSignersBothLoadedTheOldPairCompletesOverItAfterTheReplacement() throws Exception {
        rounds.setUp(first);
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(first, PAIR);
        List<DklsAnswer> one = rounds.roundOne(signId, r, "ALPHA", "BRAVO");
        UUID replaced = setUpPair(second);
        List<DklsAnswer> two = List.of(
                ok(rounds.post("ALPHA", signId, "round2", new DklsRoundRequest(r, forServer(one, 11, true)))),
                ok(rounds.post("BRAVO", signId, "round2", new DklsRoundRequest(r, forServer(one, 12, true)))));
        // round 3 checks the OT extension and the multiplication: both pass, over the old pair's seeds
        for (String name : List.of("ALPHA", "BRAVO")) {
            int id = cluster.node(name).entry.id();
            DklsAnswer three =
                    ok(rounds.post(name, signId, "round3", new DklsRoundRequest(r, forServer(two, id, false))));
            assertEquals(DklsMessage.BROADCAST, three.messages().get(0).recipient(), "a partial signature");
        }
        assertPairHeld(replaced);
        signs(first);
    }

    @Test
    void aSigningWhoseSignersLoadedTwoSetupsOfThePairIsRefusedBeforeItsOtsWithNoBurnAndNoCulprit() throws Exception {
        rounds.setUp(first);
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(first, PAIR);
        List<DklsAnswer> one = new ArrayList<>(rounds.roundOne(signId, r, "ALPHA"));
        UUID replaced = setUpPair(second);
        one.addAll(rounds.roundOne(signId, r, "BRAVO"));
        for (String name : List.of("ALPHA", "BRAVO")) {
            int id = cluster.node(name).entry.id();
            DklsRoundRequest body = new DklsRoundRequest(r, forServer(one, id, true));
            HttpResponse<String> refused = rounds.post(name, signId, "round2", body);
            assertEquals(409, refused.statusCode(), refused.body());
            JsonNode answer = StrictJson.mapper().readTree(refused.body());
            assertEquals("SETUP_NEEDED", answer.get("error").asText(), refused.body());
            assertFalse(answer.has("culprit"), "no server is blamed: " + refused.body());
            assertFalse(answer.path("burned").asBoolean(false), refused.body());
            // the signing is over on that server: nothing of it is kept for a later round
            DklsRounds.assertRefused(409, "no signing waits", rounds.post(name, signId, "round2", body));
        }
        assertPairHeld(replaced);
        signs(first);
    }

    @Test
    void anotherClientOfTheSameServersCannotRunASetupOrReadThePairsThroughAKeyItDoesNotOwn() throws Exception {
        rounds.setUp(first);
        TestNode alpha = cluster.node("ALPHA");
        String other = NodeInitializer.addClient(alpha.data, new SecureRandom())
                .entry()
                .apiKey();
        String before = alpha.send(alpha.entry.apiKey(), "/v1/keys/" + first + "/ecdsa-setup", null)
                .body();
        UUID setupId = UUID.randomUUID();
        for (String step : List.of("step1", "step2", "step3")) {
            HttpResponse<String> r = alpha.send(
                    other,
                    "/v1/keys/" + first + "/ecdsa-setup/" + step,
                    StrictJson.mapper()
                            .writeValueAsString(
                                    new SetupRequest(setupId.toString(), PAIR, List.of(), SetupRequest.VERSION)));
            assertEquals(404, r.statusCode(), step + ": " + r.body());
        }
        assertEquals(
                404,
                alpha.send(other, "/v1/keys/" + first + "/ecdsa-setup", null).statusCode());
        assertEquals(
                before,
                alpha.send(alpha.entry.apiKey(), "/v1/keys/" + first + "/ecdsa-setup", null)
                        .body(),
                "the owner's pairs are unchanged");
        signs(first);
    }

    /** Last: it stops CHARLIE for good. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aPairWhoseEndsDisagreeIsSetUpAgainBetweenItsTwoServersWhileAThirdServerOfTheKeyIsDown() throws Exception {
        rounds.setUp(first);
        UUID half = setUpPair(second, List.of("ALPHA"));
        cluster.node("CHARLIE").close();
        List<String> steps = progressOfASigning(first);
        assertTrue(steps.stream().anyMatch(d -> d.contains("setting up ECDSA signing")), steps.toString());
        String now = status("ALPHA", first).usablePair(12);
        assertEquals(now, status("BRAVO", first).usablePair(11), "both ends of the pair agree");
        assertFalse(half.toString().equals(now), "a fresh setup of the pair, without CHARLIE");
    }

    /** A complete setup of the ALPHA-BRAVO pair run for {@code key}, as a coordinator relays it; its setup id. */
    private static UUID setUpPair(UUID key) throws Exception {
        return setUpPair(key, List.of("ALPHA", "BRAVO"));
    }

    /** The same with step 3 sent only to {@code storing} (the others stopped before it): its setup id. */
    private static UUID setUpPair(UUID key, List<String> storing) throws Exception {
        UUID setupId = UUID.randomUUID();
        Map<Integer, List<SetupMessage>> toEach = Map.of(11, List.of(), 12, List.of());
        for (int step = 1; step <= 2; step++) {
            Map<Integer, List<SetupMessage>> next = new TreeMap<>();
            PAIR.forEach(id -> next.put(id, new ArrayList<>()));
            for (String name : List.of("ALPHA", "BRAVO")) {
                HttpResponse<String> a = step(key, name, "step" + step, setupId, toEach);
                assertEquals(200, a.statusCode(), a.body());
                for (SetupMessage m : StrictJson.mapper()
                        .readValue(a.body(), SetupAnswer.class)
                        .messages()) {
                    next.get(m.recipient()).add(m);
                }
            }
            toEach = next;
        }
        for (String name : storing) {
            HttpResponse<String> a = step(key, name, "step3", setupId, toEach);
            assertEquals(200, a.statusCode(), a.body());
        }
        return setupId;
    }

    private static HttpResponse<String> step(
            UUID key, String name, String step, UUID setupId, Map<Integer, List<SetupMessage>> toEach)
            throws Exception {
        TestNode n = cluster.node(name);
        SetupRequest body = new SetupRequest(setupId.toString(), PAIR, toEach.get(n.entry.id()), SetupRequest.VERSION);
        return n.send(
                n.entry.apiKey(),
                "/v1/keys/" + key + "/ecdsa-setup/" + step,
                StrictJson.mapper().writeValueAsString(body));
    }

    private static SetupStatus status(String name, UUID key) throws Exception {
        TestNode n = cluster.node(name);
        HttpResponse<String> a = n.send(n.entry.apiKey(), "/v1/keys/" + key + "/ecdsa-setup", null);
        assertEquals(200, a.statusCode(), a.body());
        return StrictJson.readerAllowingAbsentFields(SetupStatus.class).readValue(a.body());
    }

    /** Both ends hold {@code setupId} for their pair, unburned, for either key. */
    private static void assertPairHeld(UUID setupId) throws Exception {
        for (UUID key : List.of(first, second)) {
            for (String name : List.of("ALPHA", "BRAVO")) {
                TestNode n = cluster.node(name);
                HttpResponse<String> a = n.send(n.entry.apiKey(), "/v1/keys/" + key + "/ecdsa-setup", null);
                assertEquals(200, a.statusCode(), a.body());
                SetupStatus s =
                        StrictJson.readerAllowingAbsentFields(SetupStatus.class).readValue(a.body());
                int peer = n.entry.id() == 11 ? 12 : 11;
                assertEquals(List.of(), s.burned(), name + " burned nothing");
                assertEquals(setupId.toString(), s.usablePair(peer), name + " holds the new pair");
            }
        }
    }

    /** A workspace signing of {@code key} on ALPHA and BRAVO: valid, and with no setup on the way. */
    private static void signs(UUID key) throws Exception {
        List<String> steps = progressOfASigning(key);
        assertFalse(steps.stream().anyMatch(d -> d.contains("setting up ECDSA signing")), steps.toString());
    }

    /** A workspace signing of {@code key} on ALPHA and BRAVO, valid; its progress details. */
    private static List<String> progressOfASigning(UUID key) throws Exception {
        byte[] digest = DklsRounds.digest();
        List<String> steps = new CopyOnWriteArrayList<>();
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            SignResult s = ws.sign(new SignRequest(
                            key, DerivationPath.ROOT, null, digest, List.of("ALPHA", "BRAVO"), null, null, true))
                    .onProgress(p -> steps.add(p.detail()))
                    .promise()
                    .join();
            assertTrue(EcdsaVerifiers.bouncyCastle(CURVE, s.publicKey(), digest, s.der()));
        }
        return steps;
    }
}
