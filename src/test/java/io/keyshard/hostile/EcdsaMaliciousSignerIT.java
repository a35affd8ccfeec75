package io.keyshard.hostile;

import static io.keyshard.hostile.DklsRounds.assertRefused;
import static io.keyshard.hostile.DklsRounds.digest;
import static io.keyshard.hostile.DklsRounds.forServer;
import static io.keyshard.hostile.DklsRounds.ok;
import static io.keyshard.hostile.DklsRounds.replace;
import static io.keyshard.hostile.DklsRounds.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.cli.CliHarness;
import io.keyshard.client.KeygenException;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import io.keyshard.derive.DerivationPath;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.OtExtensionMessage;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.vault.Vault;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.SignRound1Request;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A threshold-ECDSA co-signer or coordinator that cheats, against real nodes (ALPHA 11, BRAVO 12, CHARLIE 13)
 * over loopback HTTPS. The test is the relay and, where BRAVO cheats, BRAVO's operator: it replaces BRAVO's
 * multiplication or OT-extension message with a tampered one, sealed to the recipient and signed with
 * BRAVO's identity key as a modified BRAVO would send it. The recipient names BRAVO, returns no
 * signature, burns the pair's setup and refuses to sign with BRAVO again; replayed or reordered rounds
 * and messages of another signing are refused with nothing computed.
 */
class EcdsaMaliciousSignerIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CurveName CURVE = CurveName.SECP256K1;
    private static final Group G = Group.of(CURVE);

    @TempDir
    static Path dir;

    static HostileCluster cluster;
    static RogueFront rogue;
    static DklsRounds rounds;

    @BeforeAll
    static void start() throws Exception {
        cluster = new HostileCluster(dir);
        rogue = cluster.rogueFront("BRAVO");
        rounds = new DklsRounds(cluster, CURVE);
    }

    @AfterAll
    static void stop() {
        rogue.close();
        cluster.close();
    }

    @AfterEach
    void honestAgain() {
        rogue.dklsPartial = null;
        rogue.dklsPartialSignature = null;
        rogue.dklsRound2 = null;
        rogue.olderNode = null;
        rogue.clientRelay = 0;
    }

    private static UUID readyKey() {
        return rounds.readyKey();
    }

    private static HttpResponse<String> post(String server, UUID signId, String action, Object body) throws Exception {
        return rounds.post(server, signId, action, body);
    }

    private static List<DklsAnswer> roundOne(UUID signId, SignRound1Request r, String... servers) throws Exception {
        return rounds.roundOne(signId, r, servers);
    }

    /** BRAVO's sealed message to ALPHA, its plaintext changed, sealed and signed again as a modified BRAVO would. */
    private static DklsMessage tampered(
            DklsMessage m, UUID signId, SignRound1Request r, int round, UnaryOperator<byte[]> change) throws Exception {
        return rounds.tampered(m, signId, r, round, change);
    }

    private static DklsMessage from(List<DklsMessage> list, int sender) {
        return list.stream().filter(m -> m.sender() == sender).findFirst().orElseThrow();
    }

    @Test
    void aTamperedMultiplicationNamesTheSenderBurnsThePairAndItIsRefusedAfterwards() throws Exception {
        UUID keyId = readyKey();
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 12));
        List<DklsAnswer> one = roundOne(signId, r, "ALPHA", "BRAVO");
        List<DklsAnswer> two = List.of(
                ok(post("ALPHA", signId, "round2", new DklsRoundRequest(r, forServer(one, 11, true)))),
                ok(post("BRAVO", signId, "round2", new DklsRoundRequest(r, forServer(one, 12, true)))));
        List<DklsMessage> toAlpha = forServer(two, 11, false);
        DklsMessage honest = from(toAlpha, 12);
        DklsMessage bad = tampered(honest, signId, r, 2, plain -> {
            DklsCodec codec = new DklsCodec(G);
            MulResponse m = codec.decodeMulResponse(plain, 12);
            // τ's entry (3, 1), the 4·3 + 1-th, plus one
            byte[] tau = m.mul().tau();
            int len = G.field().byteLength();
            int at = (4 * 3 + 1) * len;
            Scalar entry = G.field().decode(Arrays.copyOfRange(tau, at, at + len));
            System.arraycopy(entry.add(G.of(BigInteger.ONE)).encode(), 0, tau, at, len);
            return codec.encode(m);
        });
        HttpResponse<String> a =
                post("ALPHA", signId, "round3", new DklsRoundRequest(r, replace(toAlpha, honest, bad)));
        assertRefused(422, "culprit server BRAVO (id 12)", a);
        assertTrue(a.body().contains("burned"), a.body());
        RefusalShape.blames(a.body(), 12, "BRAVO", "MULTIPLICATION", true);
        assertRefused(409, "SETUP_NEEDED", post("ALPHA", UUID.randomUUID(), "round1", request(keyId, List.of(11, 12))));
        // ALPHA still signs with CHARLIE: only the pair with the cheating server is burned
        ok(post("ALPHA", UUID.randomUUID(), "round1", request(keyId, List.of(11, 13))));
    }

    @Test
    void aTamperedOtExtensionMessageNamesTheSenderAndBurnsThePair() throws Exception {
        UUID keyId = readyKey();
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 12));
        List<DklsAnswer> one = roundOne(signId, r, "ALPHA", "BRAVO");
        List<DklsMessage> toAlpha = forServer(one, 11, true);
        DklsMessage honest = toAlpha.stream()
                .filter(m -> m.sender() == 12 && m.recipient() == 11)
                .findFirst()
                .orElseThrow();
        DklsMessage bad = tampered(honest, signId, r, 1, plain -> {
            DklsCodec codec = new DklsCodec(G);
            MulRequest m = codec.decodeMulRequest(plain, 12);
            OtExtensionMessage ote = m.ote();
            ote.tTilde()[0] ^= 1L; // the KOS15 check value: the check fails whatever the sender's Δ
            return codec.encode(m);
        });
        HttpResponse<String> a =
                post("ALPHA", signId, "round2", new DklsRoundRequest(r, replace(toAlpha, honest, bad)));
        assertRefused(422, "culprit server BRAVO (id 12)", a);
        assertTrue(a.body().contains("burned"), a.body());
        RefusalShape.blames(a.body(), 12, "BRAVO", "OT_EXTENSION_CONSISTENCY", true);
        assertRefused(409, "SETUP_NEEDED", post("ALPHA", UUID.randomUUID(), "round1", request(keyId, List.of(11, 12))));
    }

    @Test
    void aMessageOfAnotherSigningIsRefusedNamingItsSender() throws Exception {
        UUID keyId = readyKey();
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 13));
        List<DklsAnswer> one = roundOne(signId, r, "ALPHA", "CHARLIE");
        DklsMessage commitOfCharlie = from(
                forServer(one, 11, true).stream()
                        .filter(m -> m.recipient() == DklsMessage.BROADCAST)
                        .toList(),
                13);
        // a message of another signing (another signId) relayed into this one: refused, naming its sender
        UUID otherId = UUID.randomUUID();
        SignRound1Request other = request(keyId, List.of(11, 13));
        List<DklsAnswer> otherOne = roundOne(otherId, other, "ALPHA", "CHARLIE");
        List<DklsMessage> mixed = forServer(one, 11, true);
        DklsMessage foreign = from(
                forServer(otherOne, 11, true).stream()
                        .filter(m -> m.recipient() == DklsMessage.BROADCAST)
                        .toList(),
                13);
        assertRefused(
                422,
                "CHARLIE",
                post("ALPHA", signId, "round2", new DklsRoundRequest(r, replace(mixed, commitOfCharlie, foreign))));
        assertRefused(409, "no signing waits", post("ALPHA", signId, "round2", new DklsRoundRequest(r, mixed)));
    }

    @Test
    void replayedAndReorderedRoundsAreRefused() throws Exception {
        UUID keyId = readyKey();
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 12));
        List<DklsAnswer> one = roundOne(signId, r, "ALPHA", "BRAVO");
        assertRefused(409, "already used", post("ALPHA", signId, "round1", r));
        DklsRoundRequest toAlpha = new DklsRoundRequest(r, forServer(one, 11, true));
        assertRefused(409, "waits for round 2", post("ALPHA", signId, "round3", toAlpha));
        assertRefused(409, "no signing waits", post("ALPHA", signId, "round2", toAlpha));

        UUID second = UUID.randomUUID();
        SignRound1Request r2 = request(keyId, List.of(11, 12));
        List<DklsAnswer> again = roundOne(second, r2, "ALPHA", "BRAVO");
        DklsRoundRequest twoA = new DklsRoundRequest(r2, forServer(again, 11, true));
        ok(post("ALPHA", second, "round2", twoA));
        assertRefused(409, "waits for round 3", post("ALPHA", second, "round2", twoA));
        assertRefused(409, "no signing waits", post("ALPHA", second, "round3", new DklsRoundRequest(r2, List.of())));
        assertRefused(409, "already used", post("ALPHA", second, "round1", r2));
        assertEquals(200, post("ALPHA", second, "abort", Map.of()).statusCode());
    }

    @Test
    void aRoundTwoCiphertextRelayedAsRoundOneIsRefusedNamingItsSenderAndReturnsNothing() throws Exception {
        UUID keyId = readyKey();
        for (boolean relabelled : new boolean[] {false, true}) {
            UUID signId = UUID.randomUUID();
            SignRound1Request r = request(keyId, List.of(11, 12));
            List<DklsAnswer> one = roundOne(signId, r, "ALPHA", "BRAVO");
            // BRAVO answers ALPHA's multiplication before ALPHA's round 2: its round-2 message to ALPHA exists
            DklsAnswer bravo = ok(post("BRAVO", signId, "round2", new DklsRoundRequest(r, forServer(one, 12, true))));
            DklsMessage second = DklsRounds.from(bravo.messages(), 12, 11);
            List<DklsMessage> toAlpha = forServer(one, 11, true);
            DklsMessage first = DklsRounds.from(toAlpha, 12, 11);
            // as the coordinator relays it, BRAVO's signature is over round 2; signed again for round 1 by a
            // modified BRAVO, it passes that check and does not open as the first message of BRAVO's context
            DklsMessage swapped = relabelled ? rounds.relabelled(second, signId, r, 1) : second;
            HttpResponse<String> a =
                    post("ALPHA", signId, "round2", new DklsRoundRequest(r, replace(toAlpha, first, swapped)));
            assertSwapRefused(a, relabelled, 1, signId, new DklsRoundRequest(r, toAlpha));
        }
    }

    /**
     * ALPHA's refusal of a round whose message from BRAVO of {@code round} was swapped: it names BRAVO (for the
     * signature when the swap is relayed as it was signed, for the sealing when BRAVO signed it again), returns
     * nothing and ends the signing there, so the honest round finds nothing waiting.
     */
    private static void assertSwapRefused(
            HttpResponse<String> a, boolean relabelled, int round, UUID signId, DklsRoundRequest honest)
            throws Exception {
        assertRefused(422, "culprit server BRAVO (id 12)", a);
        assertTrue(
                a.body().contains(relabelled ? "does not open" : "round-" + round + " message is not signed"),
                a.body());
        assertFalse(a.body().contains("\"messages\""), "nothing returned: " + a.body());
        RefusalShape.blames(a.body(), 12, "BRAVO", null, false);
        assertRefused(409, "no signing waits", post("ALPHA", signId, "round" + (round + 1), honest));
        assertEquals(200, post("BRAVO", signId, "abort", Map.of()).statusCode());
    }

    @Test
    void aRoundOneCiphertextRelayedAgainAsRoundTwoIsRefusedNamingItsSenderAndReturnsNothing() throws Exception {
        UUID keyId = readyKey();
        for (boolean relabelled : new boolean[] {false, true}) {
            UUID signId = UUID.randomUUID();
            SignRound1Request r = request(keyId, List.of(11, 12));
            List<DklsAnswer> one = roundOne(signId, r, "ALPHA", "BRAVO");
            List<DklsAnswer> two = List.of(
                    ok(post("ALPHA", signId, "round2", new DklsRoundRequest(r, forServer(one, 11, true)))),
                    ok(post("BRAVO", signId, "round2", new DklsRoundRequest(r, forServer(one, 12, true)))));
            List<DklsMessage> toAlpha = forServer(two, 11, false);
            DklsMessage second = DklsRounds.from(toAlpha, 12, 11);
            DklsMessage first = DklsRounds.from(forServer(one, 11, false), 12, 11);
            // ALPHA opened this ciphertext in its round 2; its context is past it, and round 2 is bound besides
            DklsMessage replayed = relabelled ? rounds.relabelled(first, signId, r, 2) : first;
            HttpResponse<String> a =
                    post("ALPHA", signId, "round3", new DklsRoundRequest(r, replace(toAlpha, second, replayed)));
            assertSwapRefused(a, relabelled, 2, signId, new DklsRoundRequest(r, toAlpha));
        }
    }

    @Test
    void aSignerThatSendsItsRoundOneCiphertextAgainAsRoundTwoIsNamedAndTheClientReturnsNothing() throws Exception {
        UUID keyId = readyKey();
        // BRAVO's operator replaces its round-2 message to ALPHA with its round-1 one, signed by BRAVO for round 2
        rogue.dklsRound2 = (signId, r, m) -> m.recipient() != 11 ? m : rounds.firstAgain(m, signId, r);
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            assertSigningFails(
                    ws,
                    keyId,
                    "ALPHA reports that BRAVO's message failed its checks (ALPHA says: culprit server BRAVO (id 12): "
                            + "its signed message does not open");
            rogue.dklsRound2 = null;
            // nothing burned: the same pair signs at once
            SignResult good = ws.sign(
                            new SignRequest(keyId, DerivationPath.of(1), null, digest(), null, null, null, true))
                    .promise()
                    .join();
            assertEquals(List.of("ALPHA", "BRAVO"), good.signers());
        }
    }

    @Test
    void aChangedDigestAtALaterRoundIsRefusedAndEndsTheSigning() throws Exception {
        UUID keyId = readyKey();
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 12));
        List<DklsAnswer> one = roundOne(signId, r, "ALPHA", "BRAVO");
        SignRound1Request changed = new SignRound1Request(r.keyId(), r.path(), "", r.signers(), Hex.encode(digest()));
        assertRefused(
                409,
                "another request",
                post("ALPHA", signId, "round2", new DklsRoundRequest(changed, forServer(one, 11, true))));
        assertRefused(
                409,
                "no signing waits",
                post("ALPHA", signId, "round2", new DklsRoundRequest(r, forServer(one, 11, true))));
    }

    @Test
    void aDigestOfTheWrongLengthIsRefusedAtRoundOne() throws Exception {
        UUID keyId = cluster.keygen(CURVE).keyId();
        SignRound1Request r =
                new SignRound1Request(keyId.toString(), "m", "", List.of(11, 12), Hex.encode(new byte[33]));
        assertRefused(400, "digest of 32 bytes", post("ALPHA", UUID.randomUUID(), "round1", r));
    }

    @Test
    void aRoundOneWithoutThisRelayVersionIsRefusedBeforeAnythingIsUsed() throws Exception {
        UUID keyId = readyKey();
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(keyId, List.of(11, 12));
        // a coordinator from before relay versions sends the bare request
        assertRefused(
                400,
                "relay version 4; the client is older than this server, update it",
                rounds.postAsIs("ALPHA", signId, "round1", r));
        assertRefused(
                400,
                "relay: version 3 is not this server's (4); the client is older than this server, update it",
                rounds.postAsIs("ALPHA", signId, "round1", new DklsRound1Request(r, 3)));
        assertRefused(
                400,
                "relay: version 5 is not this server's (4); this server is older than the client, update it",
                rounds.postAsIs("ALPHA", signId, "round1", new DklsRound1Request(r, 5)));
        // nothing of the signing was kept or burned: the same signId signs round 1 with the same pairwise setup
        ok(post("ALPHA", signId, "round1", r));
        assertEquals(200, post("ALPHA", signId, "abort", Map.of()).statusCode());
    }

    @Test
    void anAbortThatOverlapsRoundOneLeavesNothingToSignWith() throws Exception {
        UUID keyId = readyKey();
        UUID timed = UUID.randomUUID();
        long start = System.nanoTime();
        ok(post("ALPHA", timed, "round1", request(keyId, List.of(11, 12))));
        long roundOne = System.nanoTime() - start;
        assertEquals(200, post("ALPHA", timed, "abort", Map.of()).statusCode());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int steps = 24;
            for (int i = 0; i < steps; i++) {
                UUID signId = UUID.randomUUID();
                SignRound1Request r = request(keyId, List.of(11, 12));
                // the abort goes out from the start of round 1 to after its end, so that some land while it runs
                Future<HttpResponse<String>> first = pool.submit(() -> post("ALPHA", signId, "round1", r));
                LockSupport.parkNanos(roundOne * 3 / 2 * i / steps);
                HttpResponse<String> abort = post("ALPHA", signId, "abort", Map.of());
                HttpResponse<String> one = first.get();
                if (abort.statusCode() == 404) {
                    ok(one); // the abort came before round 1 began: it ended nothing, and round 1 ran as asked
                    assertEquals(200, post("ALPHA", signId, "abort", Map.of()).statusCode());
                    continue;
                }
                assertEquals(200, abort.statusCode(), abort.body());
                if (one.statusCode() != 200) {
                    assertRefused(409, "aborted on this server while the round ran", one);
                    continue;
                }
                List<DklsAnswer> both = List.of(ok(one), ok(post("BRAVO", signId, "round1", r)));
                HttpResponse<String> two =
                        post("ALPHA", signId, "round2", new DklsRoundRequest(r, forServer(both, 11, true)));
                assertEquals(409, two.statusCode(), "round 2 after an answered abort (" + i + " of " + steps + ")");
                assertTrue(two.body().contains("no signing waits"), two.body());
                assertEquals(200, post("BRAVO", signId, "abort", Map.of()).statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSigningBetweenRelayVersionsTellsWhichSideToUpdateAndBurnsNothing() throws Exception {
        UUID keyId = readyKey();
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            for (RogueFront.OlderNode older : RogueFront.OlderNode.values()) {
                rogue.olderNode = older;
                assertSigningFails(
                        ws,
                        keyId,
                        4,
                        "server BRAVO runs an older Keyshard, which does not sign threshold ECDSA "
                                + "with relay version 4; update it");
            }
            rogue.olderNode = null;
            // BRAVO's round 1 arrives as a client of relay version 3 sends it; that client reads the refusal as this
            // one does (a 400 that names no older node is the server's refusal, exit 4)
            rogue.clientRelay = 3;
            assertSigningFails(
                    ws,
                    keyId,
                    4,
                    "server BRAVO: refused the request (400 MALFORMED): relay: version 3 is not this server's (4);"
                            + " the client is older than this server, update it");
            // each refusal came before either node used its pairwise setup: none is burned, the pair signs at once
            rogue.clientRelay = 0;
            SignResult good = ws.sign(
                            new SignRequest(keyId, DerivationPath.of(1), null, digest(), null, null, null, true))
                    .promise()
                    .join();
            assertEquals(List.of("ALPHA", "BRAVO"), good.signers());
        }
    }

    @Test
    void theClientReturnsNoSignatureWhenAServerChangesItsPartial() throws Exception {
        UUID keyId = readyKey();
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            rogue.dklsPartial = body -> {
                body[body.length - 1] ^= 1; // w_i's last byte: still a canonical scalar
                return body;
            };
            assertSigningFails(ws, keyId, "no single server");
            rogue.dklsPartial = null;
            SignResult good = ws.sign(
                            new SignRequest(keyId, DerivationPath.of(1), null, digest(), null, null, null, true))
                    .promise()
                    .join();
            assertEquals(List.of("ALPHA", "BRAVO"), good.signers());
        }
    }

    @Test
    void theClientNamesTheServerWhoseRoundTwoMessageIsNotSignedByItsIdentityKey() throws Exception {
        UUID keyId = readyKey();
        // ALPHA refuses BRAVO's message in round 3; the client checks the signatures it relayed and names BRAVO
        // itself, not as ALPHA's word about BRAVO
        rogue.dklsRound2 =
                (signId, r, m) -> new DklsMessage(m.sender(), m.recipient(), m.body(), flipped(m.signature()));
        assertBravoNamedForItsSignature(keyId, 2);
    }

    @Test
    void aChangedPartialUnderAForgedIdentitySignatureNamesItsServer() throws Exception {
        UUID keyId = readyKey();
        // no signer sees the round-3 broadcasts: the failed combination makes the client check their signatures
        rogue.dklsPartial = body -> {
            body[body.length - 1] ^= 1;
            return body;
        };
        rogue.dklsPartialSignature = EcdsaMaliciousSignerIT::flipped;
        assertBravoNamedForItsSignature(keyId, 3);
    }

    private static byte[] flipped(byte[] signature) {
        byte[] out = signature.clone();
        out[0] ^= 1;
        return out;
    }

    /** A signing by the product's client (ALPHA and BRAVO) fails with exit 5 naming BRAVO's message of {@code round}. */
    private static void assertBravoNamedForItsSignature(UUID keyId, int round) throws Exception {
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            assertSigningFails(
                    ws,
                    keyId,
                    "culprit server BRAVO: its round-" + round + " message is not signed by its identity key");
        }
    }

    /** A signing by the product's client that returns nothing, with exit 5 and a message that holds {@code why}. */
    private static void assertSigningFails(Workspace ws, UUID keyId, String why) {
        assertSigningFails(ws, keyId, 5, why);
    }

    /** A signing by the product's client that returns nothing, with {@code exit} and a message holding {@code why}. */
    private static void assertSigningFails(Workspace ws, UUID keyId, int exit, String why) {
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> ws.sign(new SignRequest(keyId, DerivationPath.of(1), null, digest(), null, null, null, true))
                        .promise()
                        .join());
        KeygenException failure = assertInstanceOf(KeygenException.class, e.getCause());
        assertEquals(exit, failure.exitCode(), failure.getMessage());
        assertTrue(failure.getMessage().contains(why), failure.getMessage());
    }

    @Test
    void theCommandLineReportsAFailedPairwiseCheckAsOneServersWordAndSignsAgainAfterAFreshSetup() throws Exception {
        UUID keyId = readyKey();
        rogue.dklsRound2 = (signId, r, m) -> m.recipient() != 11
                ? m
                : rounds.tampered(m, signId, r, 2, plain -> {
                    DklsCodec codec = new DklsCodec(G);
                    MulResponse mr = codec.decodeMulResponse(plain, 12);
                    mr.mul().checkU()[0] = mr.mul().checkU()[0].add(G.of(BigInteger.ONE));
                    return codec.encode(mr);
                });
        String[] sign = {"sign", "digest", "--key-id", keyId.toString(), "--path", "m/3", "--hex", Hex.encode(digest())
        };
        CliHarness.Result failed = cluster.cli(sign);
        assertEquals(5, failed.exitCode(), failed.err());
        assertTrue(
                failed.err()
                        .contains("ALPHA reports that BRAVO's message failed the multiplication check; one of the two "
                                + "servers is faulty"),
                failed.err());
        // the progress line quotes ALPHA's answer as ALPHA's; the error itself names no culprit
        String error = failed.err().substring(failed.err().indexOf("error: "));
        assertFalse(error.contains("culprit"), error);
        rogue.dklsRound2 = null;
        CliHarness.Result again = cluster.cli(sign);
        assertEquals(0, again.exitCode(), again.err());
    }
}
