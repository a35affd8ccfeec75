package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.cli.CliHarness;
import io.keyshard.client.EcdsaSetupProbe;
import io.keyshard.client.EcdsaSetupResult;
import io.keyshard.client.KeygenException;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.Participant;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.EncryptionProof;
import io.keyshard.dkls.EndemicOt;
import io.keyshard.dkls.Group;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeSecrets;
import io.keyshard.node.SetupAccess;
import io.keyshard.node.TestNode;
import io.keyshard.pairwise.SeedCheck;
import io.keyshard.vault.Vault;
import io.keyshard.wire.SetupAnswer;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import io.keyshard.wire.SetupStatus;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECDSA pairwise setup against real nodes (ALPHA 11, BRAVO 12, CHARLIE 13) over loopback HTTPS: the
 * client's run leaves consistent seeds at both ends of every pair; a coordinator that changes, replays,
 * redirects or mixes in another key's messages, and a server that sends a well-signed but malformed one,
 * are refused by the recipient naming the server; a burned pair is refused until a new setup; a step of another
 * setup version is refused before anything is claimed, and the client names the server and the side to update.
 */
class EcdsaSetupIT {
    private static final List<Integer> IDS = List.of(11, 12, 13);
    static HostileCluster cluster;
    static UUID keyId;
    static UUID otherKeyId;
    static RogueFront rogue;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        cluster = new HostileCluster(dir);
        keyId = cluster.keygen(CurveName.SECP256K1).keyId();
        otherKeyId = cluster.keygen(CurveName.SECP256K1).keyId();
        rogue = cluster.rogueFront("BRAVO");
    }

    @AfterAll
    static void stop() {
        rogue.close();
        cluster.close();
    }

    @AfterEach
    void sameVersionAgain() {
        rogue.setupVersion = 0;
    }

    @Test
    void theClientsSetupLeavesMatchingSeedsAtBothEndsOfEveryPairAndIsNotRepeated() throws Exception {
        EcdsaSetupResult first = fresh();
        Map<Integer, SetupAccess.Held> held = held();
        for (int i : IDS) {
            assertEquals(SetupStatus.State.COMPLETE, held.get(i).status().state());
            assertEquals(first.setupId().toString(), held.get(i).status().setupId());
            for (int j : IDS) {
                if (i != j) {
                    SetupAccess.Pair atI = held.get(i).pairs().get(j);
                    SetupAccess.Pair atJ = held.get(j).pairs().get(i);
                    assertTrue(
                            SeedCheck.correlated(CurveName.SECP256K1, i, atI.asSender(), j, atJ.asReceiver()),
                            i + " -> " + j + ": the multiplication over the stored seeds is correct");
                    assertArrayEquals(atI.zeroSeed(), atJ.zeroSeed(), i + " and " + j + " share one zero seed");
                }
            }
        }
        assertFalse(setUp().ran(), "every server holds the same complete setup: nothing to run");
    }

    @Test
    void aChangedMessageIsRefusedNamingItsSender() throws Exception {
        UUID setupId = UUID.randomUUID();
        Map<Integer, SetupAnswer> one = step1(keyId, setupId);
        List<SetupMessage> toAlpha = addressedTo(11, one);
        SetupMessage fromBravo = toAlpha.get(0);
        byte[] ct = fromBravo.ciphertext().clone();
        ct[ct.length / 2] ^= 1;
        toAlpha.set(0, new SetupMessage(1, 12, 11, ct, fromBravo.signature()));
        HttpResponse<String> changed = step(keyId, "ALPHA", "step2", setupId, toAlpha);
        assertRefused(changed, 422, "culprit server BRAVO (id 12)");
        RefusalShape.blames(changed.body(), 12, "BRAVO", null, false);
        assertRefused(
                step(keyId, "ALPHA", "step2", setupId, addressedTo(11, one)), 409, "no setup waits under this setupId");
    }

    @Test
    void aMessageReplayedFromAnotherSetupOrKeyIsRefusedNamingItsSender() throws Exception {
        UUID oldSetup = UUID.randomUUID();
        SetupMessage old = addressedTo(11, step1(keyId, oldSetup)).get(0);
        UUID otherSetup = UUID.randomUUID();
        SetupMessage otherKey = addressedTo(11, step1(otherKeyId, otherSetup)).get(0);
        for (SetupMessage replayed : List.of(old, otherKey)) {
            UUID setupId = UUID.randomUUID();
            List<SetupMessage> toAlpha = addressedTo(11, step1(keyId, setupId));
            toAlpha.set(0, replayed);
            assertRefused(step(keyId, "ALPHA", "step2", setupId, toAlpha), 422, "culprit server BRAVO (id 12)");
        }
        assertRefused(
                step(keyId, "ALPHA", "step1", oldSetup, List.of()), 409, "setupId was already used on this server");
    }

    @Test
    void aMessageForAnotherRecipientIsRefused() throws Exception {
        UUID setupId = UUID.randomUUID();
        Map<Integer, SetupAnswer> one = step1(keyId, setupId);
        List<SetupMessage> toAlpha = addressedTo(11, one);
        toAlpha.set(0, bravoToCharlie(one));
        HttpResponse<String> misdirected = step(keyId, "ALPHA", "step2", setupId, toAlpha);
        assertRefused(misdirected, 422, "culprit: the coordinator");
        assertFalse(misdirected.body().contains("\"culprit\""), "no server is blamed: " + misdirected.body());

        UUID again = UUID.randomUUID();
        Map<Integer, SetupAnswer> two = step1(keyId, again);
        SetupMessage redirected = bravoToCharlie(two);
        List<SetupMessage> next = addressedTo(11, two);
        next.set(0, new SetupMessage(1, 12, 11, redirected.ciphertext(), redirected.signature()));
        assertRefused(step(keyId, "ALPHA", "step2", again, next), 422, "culprit server BRAVO (id 12)");
    }

    private static SetupMessage bravoToCharlie(Map<Integer, SetupAnswer> answers) {
        return answers.get(12).messages().stream()
                .filter(m -> m.recipient() == 13)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aWellSignedMalformedMessageFromAServerIsRefusedNamingIt() throws Exception {
        UUID setupId = UUID.randomUUID();
        List<SetupMessage> toAlpha = addressedTo(11, step1(keyId, setupId));
        TestNode alpha = cluster.node("ALPHA");
        toAlpha.set(
                0,
                SetupAccess.forge(
                        NodeSecrets.identity(cluster.node("BRAVO").data),
                        cluster.node("BRAVO").participant(),
                        alpha.participant(),
                        CurveName.SECP256K1.apiName(),
                        setupId,
                        1,
                        new byte[] {0, 0, 0, 1, 7}));
        assertRefused(step(keyId, "ALPHA", "step2", setupId, toAlpha), 422, "culprit server BRAVO (id 12)");
    }

    @Test
    void aBurnedPairIsRefusedUntilANewSetupReplacesIt() throws Exception {
        UUID before = fresh().setupId();
        assertTrue(SetupAccess.burn(cluster.node("ALPHA"), keyId, 12));
        SetupAccess.Held alpha = SetupAccess.read(cluster.node("ALPHA"), keyId);
        assertEquals(SetupStatus.State.BURNED, alpha.status().state());
        assertEquals(List.of(12), alpha.status().burned());
        assertTrue(
                alpha.refused().get(12).startsWith("SETUP_NEEDED"),
                alpha.refused().toString());
        assertTrue(
                alpha.refused().get(12).contains("server id 12"),
                alpha.refused().toString());
        assertTrue(alpha.pairs().containsKey(13), "the other pair stays usable");

        EcdsaSetupResult again = setUp();
        assertTrue(again.ran(), "a burned pair makes the client run a new setup");
        assertNotEquals(before, again.setupId());
        Map<Integer, SetupAccess.Held> held = held();
        assertTrue(SeedCheck.correlated(
                CurveName.SECP256K1,
                11,
                held.get(11).pairs().get(12).asSender(),
                12,
                held.get(12).pairs().get(11).asReceiver()));
    }

    @Test
    void onlyTheOwnerOfAReadyEcdsaKeyCanRunASetup() throws Exception {
        UUID ed = cluster.keygen(CurveName.ED25519).keyId();
        assertRefused(step(ed, "ALPHA", "step1", UUID.randomUUID(), List.of()), 409, "ECDSA keys");
        TestNode alpha = cluster.node("ALPHA");
        HttpResponse<String> unknown =
                alpha.send(alpha.entry.apiKey(), "/v1/keys/" + UUID.randomUUID() + "/ecdsa-setup", null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        HttpResponse<String> noAuth = alpha.send(null, "/v1/keys/" + keyId + "/ecdsa-setup", null);
        assertEquals(401, noAuth.statusCode(), noAuth.body());
        assertRefused(
                post(
                        keyId,
                        "ALPHA",
                        "step1",
                        new SetupRequest(
                                UUID.randomUUID().toString(), List.of(12, 13), List.of(), SetupRequest.VERSION)),
                422,
                "this one among them");
    }

    @Test
    void aStepOfAnotherSetupVersionIsRefusedBeforeAnythingIsClaimedOrStored() throws Exception {
        TestNode alpha = cluster.node("ALPHA");
        SetupStatus before = held().get(11).status();
        int started = SetupAccess.started(alpha);
        UUID setupId = UUID.randomUUID();
        assertRefused(
                post(keyId, "ALPHA", "step1", new SetupRequest(setupId.toString(), IDS, List.of(), 2)),
                400,
                "setup: version 2 is not this server's (4); the client is older than this server, update it");
        assertRefused(
                post(keyId, "ALPHA", "step1", new SetupRequest(setupId.toString(), IDS, List.of(), 5)),
                400,
                "setup: version 5 is not this server's (4); this server is older than the client, update it");
        // a client of version 2 sends no version: it reads as 0
        assertRefused(
                postAsIs(Map.of("setupId", setupId.toString(), "servers", IDS, "messages", List.of())),
                400,
                "setup: version 0 is not this server's (4); the client is older than this server, update it");
        // a newer client's body may hold a field this version does not know: its version is what it is told of
        assertRefused(
                postAsIs(Map.of(
                        "setupId", setupId.toString(), "servers", IDS, "messages", List.of(), "version", 5, "more", 1)),
                400,
                "setup: version 5 is not this server's (4); this server is older than the client, update it");
        assertEquals(started, SetupAccess.started(alpha), "no setup was started");
        assertEquals(before, held().get(11).status(), "nothing was stored");

        // the setupId was not claimed: a setup under it runs, and a step of another version leaves it going
        Map<Integer, SetupAnswer> one = step1(keyId, setupId);
        assertRefused(
                post(keyId, "ALPHA", "step2", new SetupRequest(setupId.toString(), IDS, addressedTo(11, one), 5)),
                400,
                "this server is older than the client, update it");
        Map<Integer, SetupAnswer> two = step2(setupId, one);
        for (String name : HostileCluster.NAMES) {
            int id = cluster.node(name).entry.id();
            HttpResponse<String> r = step(keyId, name, "step3", setupId, addressedTo(id, two));
            assertEquals(200, r.statusCode(), r.body());
        }
        for (SetupAccess.Held h : held().values()) {
            assertEquals(SetupStatus.State.COMPLETE, h.status().state());
            assertEquals(setupId.toString(), h.status().setupId());
        }
    }

    @Test
    void aSetupWithAServerOfAnotherVersionNamesItSaysWhichSideToUpdateAndStoresNothing() throws Exception {
        setUp();
        assertTrue(SetupAccess.burn(cluster.node("ALPHA"), keyId, 12));
        Map<Integer, SetupStatus> before = statuses();
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            rogue.setupVersion = 2;
            assertSetupFails(
                    ws,
                    "ECDSA setup failed: server BRAVO runs an older Keyshard, which does not set up threshold ECDSA "
                            + "with setup version 4; update it");
            rogue.setupVersion = 5;
            assertSetupFails(
                    ws,
                    "ECDSA setup failed: server BRAVO runs a newer Keyshard, which sets up threshold ECDSA with setup "
                            + "version 5 only, and this one with 4; update Keyshard on this computer");
        }
        assertEquals(before, statuses(), "no server stored anything");

        // a signing with ALPHA and BRAVO needs a setup of their pair, which BRAVO refuses as a version-2 node
        rogue.setupVersion = 2;
        CliHarness.Result failed = cluster.cli(
                "sign",
                "digest",
                "--key-id",
                keyId.toString(),
                "--path",
                "m/1",
                "--servers",
                "ALPHA,BRAVO",
                "--hex",
                "11".repeat(32));
        assertEquals(4, failed.exitCode(), failed.err());
        assertTrue(
                failed.err()
                        .contains("server BRAVO runs an older Keyshard, which does not set up threshold ECDSA"
                                + " with setup version 4; update it"),
                failed.err());
        assertEquals(before, statuses(), "no server stored anything");

        rogue.setupVersion = 0;
        assertTrue(setUp().ran(), "with BRAVO of this version the pair is set up again");
    }

    /** A step-1 body as it is, to ALPHA. */
    private static HttpResponse<String> postAsIs(Map<String, Object> body) throws Exception {
        TestNode alpha = cluster.node("ALPHA");
        return alpha.send(
                alpha.entry.apiKey(),
                "/v1/keys/" + keyId + "/ecdsa-setup/step1",
                StrictJson.mapper().writeValueAsString(body));
    }

    private static void assertSetupFails(Workspace ws, String message) {
        CompletionException e = assertThrows(
                CompletionException.class, () -> ws.ecdsaSetup(keyId).promise().join());
        KeygenException failure = assertInstanceOf(KeygenException.class, e.getCause());
        assertEquals(ExitCoded.SERVER, failure.exitCode(), failure.getMessage());
        assertEquals("BRAVO", failure.server());
        assertEquals(message, failure.getMessage());
    }

    /** Every server's setup status for the key, by server id. */
    private static Map<Integer, SetupStatus> statuses() throws Exception {
        Map<Integer, SetupStatus> out = new TreeMap<>();
        held().forEach((id, h) -> out.put(id, h.status()));
        return out;
    }

    /** Step 2 on every server with the step-1 messages addressed to it; answers by server id. */
    private static Map<Integer, SetupAnswer> step2(UUID setupId, Map<Integer, SetupAnswer> one) throws Exception {
        Map<Integer, SetupAnswer> out = new TreeMap<>();
        for (String name : HostileCluster.NAMES) {
            int id = cluster.node(name).entry.id();
            HttpResponse<String> r = step(keyId, name, "step2", setupId, addressedTo(id, one));
            assertEquals(200, r.statusCode(), r.body());
            out.put(id, StrictJson.mapper().readValue(r.body(), SetupAnswer.class));
        }
        return out;
    }

    /** A server's step message to ALPHA with its plaintext changed, sealed and signed again as that server modified would. */
    private static SetupMessage rewrites(String sender, UUID setupId, SetupMessage m, UnaryOperator<byte[]> change)
            throws Exception {
        Participant from = cluster.node(sender).participant();
        Participant alpha = cluster.node("ALPHA").participant();
        String curve = CurveName.SECP256K1.apiName();
        byte[] plain =
                SetupAccess.open(NodeSecrets.identity(cluster.node("ALPHA").data), from, alpha, curve, setupId, m);
        return SetupAccess.forge(
                NodeSecrets.identity(cluster.node(sender).data),
                from,
                alpha,
                curve,
                setupId,
                m.step(),
                change.apply(plain));
    }

    @Test
    void aBaseOtMessageWithABadProofIsRefusedNamingItsSender() throws Exception {
        UUID setupId = UUID.randomUUID();
        // of ALPHA's pairs, CHARLIE chooses in the base OTs with ALPHA (ids 11 and 13), so it sends the encryptions
        List<SetupMessage> toAlpha = addressedTo(11, step1(keyId, setupId));
        DklsCodec codec = new DklsCodec(Group.of(CurveName.SECP256K1));
        toAlpha.set(1, rewrites("CHARLIE", setupId, toAlpha.get(1), plain -> {
            byte[][] f = fields(plain);
            EndemicOt.ReceiverMessage m = codec.decodeBaseOtReceiver(f[0], 13);
            List<EndemicOt.Encryption> e = new ArrayList<>(m.encryptions());
            EncryptionProof p = e.get(7).proof();
            e.set(
                    7,
                    new EndemicOt.Encryption(
                            e.get(7).u(),
                            e.get(7).v(),
                            new EncryptionProof(p.a0(), p.b0(), p.a1(), p.b1(), p.c0(), p.z0(), p.z1().add(p.c0()))));
            f[0] = codec.encode(new EndemicOt.ReceiverMessage(m.seed(), e));
            return join(f);
        }));
        HttpResponse<String> r = step(keyId, "ALPHA", "step2", setupId, toAlpha);
        assertRefused(r, 422, "culprit server CHARLIE (id 13)");
        assertTrue(r.body().contains("ENCRYPTION_PROOF"), r.body());
        RefusalShape.blames(r.body(), 13, "CHARLIE", "ENCRYPTION_PROOF", false);
    }

    @Test
    void aChangedOrWrongOpeningAtStepThreeIsRefusedAndAHalfDoneSetupIsRedone() throws Exception {
        UUID before = fresh().setupId();
        UUID setupId = UUID.randomUUID();
        Map<Integer, SetupAnswer> two = step2(setupId, step1(keyId, setupId));
        List<SetupMessage> toAlpha = addressedTo(11, two);
        SetupMessage honest = toAlpha.get(0);
        byte[] ct = honest.ciphertext().clone();
        ct[ct.length - 1] ^= 1;
        toAlpha.set(0, new SetupMessage(2, 12, 11, ct, honest.signature()));
        assertRefused(step(keyId, "ALPHA", "step3", setupId, toAlpha), 422, "culprit server BRAVO (id 12)");

        UUID again = UUID.randomUUID();
        Map<Integer, SetupAnswer> twoAgain = step2(again, step1(keyId, again));
        List<SetupMessage> next = addressedTo(11, twoAgain);
        next.set(0, rewrites("BRAVO", again, next.get(0), plain -> {
            plain[10] ^= 1; // the zero-seed opening's salt: it no longer matches BRAVO's commitment
            return plain;
        }));
        HttpResponse<String> r = step(keyId, "ALPHA", "step3", again, next);
        assertRefused(r, 422, "culprit server BRAVO (id 12)");
        assertTrue(r.body().contains("COMMITMENT"), r.body());
        RefusalShape.blames(r.body(), 12, "BRAVO", "COMMITMENT", false);
        // BRAVO and CHARLIE finish the setup ALPHA refused: ALPHA keeps its previous one, whole
        for (String name : List.of("BRAVO", "CHARLIE")) {
            int id = cluster.node(name).entry.id();
            assertEquals(
                    200,
                    step(keyId, name, "step3", again, addressedTo(id, twoAgain)).statusCode());
        }
        Map<Integer, SetupAccess.Held> held = held();
        assertEquals(before.toString(), held.get(11).status().setupId());
        assertEquals(again.toString(), held.get(12).status().setupId());
        EcdsaSetupResult redone = setUp();
        assertTrue(redone.ran(), "servers holding different setups make the client run a new one");
        for (SetupAccess.Held h : held().values()) {
            assertEquals(redone.setupId().toString(), h.status().setupId());
        }
    }

    @Test
    void aChangedReversePairExtensionIsRefusedNamingItsSenderAndAlphaKeepsItsSetup() throws Exception {
        UUID before = fresh().setupId();
        UUID setupId = UUID.randomUUID();
        // ALPHA chooses in the base OTs with BRAVO (ids 11 and 12): BRAVO's step-2 message carries the extension
        // that makes the base OTs of the pair (BRAVO, ALPHA)
        List<SetupMessage> toAlpha = addressedTo(11, step2(setupId, step1(keyId, setupId)));
        toAlpha.set(0, rewrites("BRAVO", setupId, toAlpha.get(0), plain -> {
            byte[][] f = fields(plain);
            assertEquals(3, f.length, "opening salt, opening and the extension");
            f[2][f[2].length - 5] ^= 1; // the consistency check's last value
            return join(f);
        }));
        HttpResponse<String> r = step(keyId, "ALPHA", "step3", setupId, toAlpha);
        assertRefused(r, 422, "culprit server BRAVO (id 12)");
        RefusalShape.blames(r.body(), 12, "BRAVO", "OT_EXTENSION_CONSISTENCY", false);
        assertEquals(before.toString(), held().get(11).status().setupId());
    }

    private static byte[][] fields(byte[] in) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(in);
        while (b.hasRemaining()) {
            byte[] f = new byte[b.getInt()];
            b.get(f);
            out.add(f);
        }
        return out.toArray(byte[][]::new);
    }

    private static byte[] join(byte[][] fields) {
        ByteBuffer b = ByteBuffer.allocate(
                Arrays.stream(fields).mapToInt(f -> 4 + f.length).sum());
        for (byte[] f : fields) {
            b.putInt(f.length).put(f);
        }
        return b.array();
    }

    /** A new setup of every pair of the key's servers, whatever they hold (the pairs are shared with other tests' keys). */
    private static EcdsaSetupResult fresh() {
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            return EcdsaSetupProbe.fresh(ws, keyId);
        }
    }

    private static EcdsaSetupResult setUp() {
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            return ws.ecdsaSetup(keyId).promise().join();
        }
    }

    private static Map<Integer, SetupAccess.Held> held() throws Exception {
        Map<Integer, SetupAccess.Held> out = new TreeMap<>();
        for (String name : HostileCluster.NAMES) {
            TestNode n = cluster.node(name);
            out.put(n.entry.id(), SetupAccess.read(n, keyId));
        }
        return out;
    }

    /** Step 1 on every server; answers by server id. */
    private static Map<Integer, SetupAnswer> step1(UUID key, UUID setupId) throws Exception {
        Map<Integer, SetupAnswer> out = new TreeMap<>();
        for (String name : HostileCluster.NAMES) {
            HttpResponse<String> r = step(key, name, "step1", setupId, List.of());
            assertEquals(200, r.statusCode(), r.body());
            out.put(cluster.node(name).entry.id(), StrictJson.mapper().readValue(r.body(), SetupAnswer.class));
        }
        return out;
    }

    /** The messages addressed to {@code id}, in sender order. */
    private static List<SetupMessage> addressedTo(int id, Map<Integer, SetupAnswer> answers) {
        List<SetupMessage> out = new ArrayList<>();
        answers.values()
                .forEach(a ->
                        a.messages().stream().filter(m -> m.recipient() == id).forEach(out::add));
        return out;
    }

    private static HttpResponse<String> step(
            UUID key, String name, String step, UUID setupId, List<SetupMessage> messages) throws Exception {
        return post(key, name, step, new SetupRequest(setupId.toString(), IDS, messages, SetupRequest.VERSION));
    }

    private static HttpResponse<String> post(UUID key, String name, String step, SetupRequest body) throws Exception {
        TestNode n = cluster.node(name);
        return n.send(
                n.entry.apiKey(),
                "/v1/keys/" + key + "/ecdsa-setup/" + step,
                StrictJson.mapper().writeValueAsString(body));
    }

    private static void assertRefused(HttpResponse<String> r, int status, String text) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(text), r.body());
    }
}
