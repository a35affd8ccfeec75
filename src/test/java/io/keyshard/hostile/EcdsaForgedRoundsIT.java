package io.keyshard.hostile;

import static io.keyshard.hostile.DklsRounds.assertRefused;
import static io.keyshard.hostile.DklsRounds.forServer;
import static io.keyshard.hostile.DklsRounds.from;
import static io.keyshard.hostile.DklsRounds.ok;
import static io.keyshard.hostile.DklsRounds.replace;
import static io.keyshard.hostile.DklsRounds.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.dkls.Check;
import io.keyshard.dkls.Commitment;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.json.StrictJson;
import io.keyshard.node.SetupAccess;
import io.keyshard.node.TestNode;
import io.keyshard.vault.Vault;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.SetupStatus;
import io.keyshard.wire.SignRound1Request;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threshold-ECDSA round messages a modified server sends, against real nodes (ALPHA 11, BRAVO 12, CHARLIE 13)
 * over loopback HTTPS: each well signed and sealed as BRAVO would, each breaking one check of DKLs23 Protocol
 * 3.6 (the commitment's opening, one broadcast for all, the OT extension, the multiplication's consistency with
 * R_j and pk_j, strict point decoding). The recipient refuses with the check and the culprit named, answers no
 * partial signature, keeps nothing of the signing, and burns the pair where the check guards the OTs.
 */
class EcdsaForgedRoundsIT {
    private static final CurveName CURVE = CurveName.SECP256K1;
    private static final Group G = Group.of(CURVE);
    private static final DklsCodec CODEC = new DklsCodec(G);
    private static final String BRAVO_NAMED = "culprit server BRAVO (id 12)";

    @TempDir
    static Path dir;

    static HostileCluster cluster;
    static DklsRounds rounds;
    private static UUID unburned;

    @BeforeAll
    static void start() throws Exception {
        cluster = new HostileCluster(dir);
        rounds = new DklsRounds(cluster, CURVE);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** A signing of ALPHA and BRAVO run to the messages ALPHA gets for round 3. */
    private record AtRound3(UUID signId, SignRound1Request r, List<DklsMessage> toAlpha, DklsMessage fromBravo) {}

    private static AtRound3 toRound3(UUID keyId) throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 12));
        List<DklsAnswer> one = rounds.roundOne(signId, r, "ALPHA", "BRAVO");
        List<DklsAnswer> two = List.of(
                ok(rounds.post("ALPHA", signId, "round2", new DklsRoundRequest(r, forServer(one, 11, true)))),
                ok(rounds.post("BRAVO", signId, "round2", new DklsRoundRequest(r, forServer(one, 12, true)))));
        List<DklsMessage> toAlpha = forServer(two, 11, false);
        return new AtRound3(signId, r, toAlpha, from(toAlpha, 12, 11));
    }

    /**
     * ALPHA's round 3 with BRAVO's answer changed by {@code change}: refused with {@code words} and BRAVO named;
     * the signing is over on ALPHA (the honest answer finds nothing waiting). Returns the refusal.
     */
    private static HttpResponse<String> refusedAtRound3(UUID keyId, UnaryOperator<byte[]> change, String words)
            throws Exception {
        AtRound3 s = toRound3(keyId);
        DklsMessage bad = rounds.tampered(s.fromBravo(), s.signId(), s.r(), 2, change);
        HttpResponse<String> a = rounds.post(
                "ALPHA", s.signId(), "round3", new DklsRoundRequest(s.r(), replace(s.toAlpha(), s.fromBravo(), bad)));
        assertRefused(422, BRAVO_NAMED, a);
        assertTrue(a.body().contains(words), a.body());
        RefusalShape.blames(a.body(), 12, "BRAVO", words, Check.valueOf(words).burnsSetup());
        assertRefused(
                409,
                "no signing waits",
                rounds.post("ALPHA", s.signId(), "round3", new DklsRoundRequest(s.r(), s.toAlpha())));
        return a;
    }

    /**
     * One key for the checks that burn nothing (each asserts its pair still signs afterwards); its servers' pairs
     * are set up again when a test that burns one ran before (a pair serves every key of its servers).
     */
    private static synchronized UUID unburnedKey() {
        if (unburned == null) {
            unburned = rounds.readyKey();
        }
        rounds.setUp(unburned);
        return unburned;
    }

    private static UnaryOperator<byte[]> response(UnaryOperator<MulResponse> change) {
        return plain -> CODEC.encode(change.apply(CODEC.decodeMulResponse(plain, 12)));
    }

    private static MulResponse with(MulResponse m, byte[] salt, Point gammaU, Point gammaV) {
        return new MulResponse(
                m.from(), m.to(), m.commitsSeen(), m.mul(), m.nonce(), salt, m.keyShare(), gammaU, gammaV, m.psi());
    }

    private static HttpResponse<String> roundOneOfAlpha(UUID keyId) throws Exception {
        return rounds.post("ALPHA", UUID.randomUUID(), "round1", request(keyId, List.of(11, 12)));
    }

    private static SetupStatus statusOfAlpha(UUID keyId) throws Exception {
        TestNode alpha = cluster.node("ALPHA");
        HttpResponse<String> r = alpha.send(alpha.entry.apiKey(), "/v1/keys/" + keyId + "/ecdsa-setup", null);
        assertEquals(200, r.statusCode(), r.body());
        return StrictJson.readerAllowingAbsentFields(SetupStatus.class).readValue(r.body());
    }

    private static void setUpAgain(UUID keyId) {
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            assertTrue(ws.ecdsaSetup(keyId).promise().join().ran());
        }
    }

    @Test
    void aWrongOpeningOfTheNonceCommitmentIsRefusedNamingTheSender() throws Exception {
        UUID keyId = unburnedKey();
        refusedAtRound3(
                keyId,
                response(m -> {
                    byte[] salt = m.salt().clone();
                    salt[0] ^= 1;
                    return with(m, salt, m.gammaU(), m.gammaV());
                }),
                "COMMITMENT");
        assertEquals(200, roundOneOfAlpha(keyId).statusCode(), "an opening is checked before the OTs are used");
    }

    @Test
    void aMultiplicationInconsistentWithRjOrPkjBurnsThePair() throws Exception {
        UUID keyId = rounds.readyKey();
        Point g = G.base(G.of(BigInteger.ONE));
        refusedAtRound3(keyId, response(m -> with(m, m.salt(), m.gammaU().add(g), m.gammaV())), "NONCE_CONSISTENCY");
        assertRefused(409, "SETUP_NEEDED", roundOneOfAlpha(keyId));
        assertEquals(List.of(12), statusOfAlpha(keyId).burned());

        setUpAgain(keyId);
        HttpResponse<String> a = refusedAtRound3(
                keyId, response(m -> with(m, m.salt(), m.gammaU(), m.gammaV().add(g))), "KEY_CONSISTENCY");
        assertTrue(a.body().contains("burned"), a.body());
        assertRefused(409, "SETUP_NEEDED", roundOneOfAlpha(keyId));
    }

    @Test
    void theIdentityAndPointsOffTheCurveAreRefusedNamingTheSender() throws Exception {
        UUID keyId = unburnedKey();
        int pl = G.curve().pointLength();
        int sl = G.curve().scalarLength();
        // the answer ends with R_j, the opening's salt, pk_j, Γ^u, Γ^v and ψ
        int nonceAt = sl + 3 * pl + Commitment.LENGTH + pl;
        int keyShareAt = sl + 3 * pl;
        int gammaUAt = sl + 2 * pl;
        byte[] offCurve = offCurve();
        byte[] aboveP = new byte[pl];
        Arrays.fill(aboveP, (byte) 0xff);
        aboveP[0] = 2;
        Map<Integer, byte[]> cases = Map.of(nonceAt, new byte[pl], keyShareAt, offCurve, gammaUAt, aboveP);
        for (Map.Entry<Integer, byte[]> c : cases.entrySet()) {
            refusedAtRound3(
                    keyId,
                    plain -> {
                        int at = plain.length - c.getKey();
                        MulResponse honest = CODEC.decodeMulResponse(plain, 12);
                        Point there = c.getKey() == nonceAt
                                ? honest.nonce()
                                : c.getKey() == keyShareAt ? honest.keyShare() : honest.gammaU();
                        assertArrayEquals(there.encode(), Arrays.copyOfRange(plain, at, at + pl), "the layout");
                        System.arraycopy(c.getValue(), 0, plain, at, pl);
                        return plain;
                    },
                    "ENCODING");
        }
        assertEquals(200, roundOneOfAlpha(keyId).statusCode(), "a refused encoding burns nothing");
    }

    /** A compressed encoding whose x is below p but is no point's x-coordinate. */
    private static byte[] offCurve() {
        for (int x = 1; ; x++) {
            byte[] enc = new byte[G.curve().pointLength()];
            enc[0] = 2;
            byte[] xb = BigInteger.valueOf(x).toByteArray();
            System.arraycopy(xb, 0, enc, enc.length - xb.length, xb.length);
            try {
                G.curve().decodePoint(enc);
            } catch (IllegalArgumentException notOnTheCurve) {
                return enc;
            }
        }
    }

    @Test
    void aBroadcastThatDiffersBetweenSignersEndsTheSigningOnEveryOneWithoutAPartial() throws Exception {
        UUID keyId = unburnedKey();
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 12, 13));
        List<DklsAnswer> one = rounds.roundOne(signId, r, "ALPHA", "BRAVO", "CHARLIE");
        DklsMessage honest = from(forServer(one, 13, true), 12, DklsMessage.BROADCAST);
        byte[] body = honest.body().clone();
        body[body.length - 1] ^= 1; // another commitment to R_BRAVO, signed by BRAVO: shown to CHARLIE only
        DklsMessage other = rounds.forge(signId, r, 1, 12, DklsMessage.BROADCAST, body);
        List<DklsAnswer> two = List.of(
                ok(rounds.post("ALPHA", signId, "round2", new DklsRoundRequest(r, forServer(one, 11, true)))),
                ok(rounds.post("BRAVO", signId, "round2", new DklsRoundRequest(r, forServer(one, 12, true)))),
                ok(rounds.post(
                        "CHARLIE",
                        signId,
                        "round2",
                        new DklsRoundRequest(r, replace(forServer(one, 13, true), honest, other)))));
        for (String server : HostileCluster.NAMES) {
            int id = 11 + HostileCluster.NAMES.indexOf(server);
            HttpResponse<String> a =
                    rounds.post(server, signId, "round3", new DklsRoundRequest(r, forServer(two, id, false)));
            assertRefused(422, "SPLIT_VIEW", a);
            assertFalse(a.body().contains("burned"), a.body());
            assertFalse(a.body().contains("culprit server"), "no honest server is named as the culprit: " + a.body());
            RefusalShape.blames(a.body(), 0, null, "SPLIT_VIEW", false);
        }
    }

    @Test
    void aPeerProbingTheOtExtensionIsStoppedAtItsFirstFailedCheckAndRefusedAfterwards() throws Exception {
        UUID keyId = rounds.readyKey();
        // Flipping one bit of column l of the extension matrix goes unseen when the sender's Δ_l is 0 and fails
        // the check when it is 1: each probe answers one bit of Δ, so the first failure must end the probing.
        HttpResponse<String> caught = null;
        int probes = 0;
        while (caught == null && probes < 64) {
            int column = probes++;
            UUID signId = UUID.randomUUID();
            SignRound1Request r = request(keyId, List.of(11, 12));
            List<DklsAnswer> one = rounds.roundOne(signId, r, "ALPHA", "BRAVO");
            List<DklsMessage> toAlpha = forServer(one, 11, true);
            DklsMessage honest = from(toAlpha, 12, 11);
            DklsMessage probe = rounds.tampered(honest, signId, r, 1, plain -> {
                MulRequest m = CODEC.decodeMulRequest(plain, 12);
                m.ote().u()[column][0] ^= 1L;
                return CODEC.encode(m);
            });
            HttpResponse<String> a =
                    rounds.post("ALPHA", signId, "round2", new DklsRoundRequest(r, replace(toAlpha, honest, probe)));
            if (a.statusCode() == 200) {
                rounds.post("ALPHA", signId, "abort", Map.of());
                rounds.post("BRAVO", signId, "abort", Map.of());
            } else {
                caught = a;
            }
        }
        assertNotEquals(null, caught, "64 probes, none caught");
        assertRefused(422, BRAVO_NAMED, caught);
        assertTrue(caught.body().contains("OT_EXTENSION_CONSISTENCY"), caught.body());
        RefusalShape.blames(caught.body(), 12, "BRAVO", "OT_EXTENSION_CONSISTENCY", true);
        SetupAccess.Held held = SetupAccess.read(cluster.node("ALPHA"), keyId);
        assertEquals(SetupStatus.State.BURNED, held.status().state());
        assertFalse(held.pairs().containsKey(12), "the burned seeds are gone");
        for (int again = 0; again < 3; again++) {
            assertRefused(409, "SETUP_NEEDED", roundOneOfAlpha(keyId));
        }
    }

    @Test
    void keySharesThatDoNotAddUpToTheDerivedKeyGiveNoPartialAndBlameNoHonestServer() throws Exception {
        UUID keyId = unburnedKey();
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 12));
        // BRAVO with its own seeds and identity, but signing with a share that is not its share of the key
        SoftwareSigner bravo =
                new SoftwareSigner(cluster, rounds, "BRAVO", keyId, signId, r, G.random(new SecureRandom()));
        List<DklsMessage> fromBravo = bravo.round1();
        List<DklsMessage> fromAlpha = rounds.roundOne(signId, r, "ALPHA").get(0).messages();
        List<DklsMessage> toAlpha = new ArrayList<>(fromAlpha.stream()
                .filter(m -> m.recipient() == DklsMessage.BROADCAST)
                .toList());
        toAlpha.addAll(fromBravo);
        DklsAnswer two = ok(rounds.post("ALPHA", signId, "round2", new DklsRoundRequest(r, toAlpha)));
        DklsMessage answer = bravo.round2(fromAlpha);
        HttpResponse<String> a = rounds.post("ALPHA", signId, "round3", new DklsRoundRequest(r, List.of(answer)));
        assertRefused(422, "PUBLIC_KEY", a);
        assertTrue(a.body().contains("no single server"), a.body());
        assertEquals(1, two.messages().size());
        assertEquals(200, roundOneOfAlpha(keyId).statusCode(), "the multiplication passed its checks: nothing burned");
    }
}
