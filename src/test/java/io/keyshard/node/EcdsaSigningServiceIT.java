package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.bytes.Hex;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.TestServers;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.PairContexts;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.EcdsaSignature;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.dkls.Pairs;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import io.keyshard.dkls.SignRequest;
import io.keyshard.dkls.Signer;
import io.keyshard.dkls.ZeroSharing;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.DklsTranscript;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignTranscript;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodes' threshold-ECDSA signing service on the real stores of three servers that made a key together,
 * with pairwise setups dealt by the test (the OT extension does not depend on how its seeds were made): the
 * three rounds relayed as a coordinator would, the signature combined from the round-3 broadcasts verifies
 * under the derived key for every signer set, and a check that burns a pair makes that pair refused.
 */
class EcdsaSigningServiceIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD = "ecdsa-service-password".toCharArray();
    /** The widest curve: the largest messages and the longest batch (ξ = 681). */
    private static final CurveName CURVE = CurveName.P521;

    @TempDir
    static Path dir;

    static final Map<Integer, SigningService> services = new LinkedHashMap<>();
    static final Map<Integer, String> clients = new HashMap<>();
    static final Map<Integer, ShareStore> stores = new HashMap<>();
    static final Set<String> burned = new HashSet<>();
    static final List<AutoCloseable> open = new ArrayList<>();
    static UUID keyId;
    static Point root;
    static byte[] chainCode;

    @BeforeAll
    static void start() throws Exception {
        Path home = dir.resolve("home");
        Map<Integer, TestNode> nodes = new LinkedHashMap<>();
        int id = 11;
        for (String name : List.of("ALPHA", "BRAVO", "CHARLIE")) {
            nodes.put(id, new TestNode(dir.resolve(name), name, id, Duration.ofMinutes(10)));
            id++;
        }
        TestNode.pinEachOther(nodes.values());
        Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1)).close();
        try (Vault vault = Vault.open(home, PASSWORD)) {
            for (TestNode n : nodes.values()) {
                TestServers.register(home, vault, n, n.url());
            }
            try (Workspace ws = Workspace.open(home, vault)) {
                keyId = ws.call(
                                ComponentModule.GENERATE_KEY_SHARE,
                                new KeygenRequest(CURVE, 2, List.of("ALPHA", "BRAVO", "CHARLIE")))
                        .promise()
                        .join()
                        .keyId();
                var record = ws.key(keyId).orElseThrow();
                root = CURVE.curve().decodePublicKey(Hex.decode(record.rootPublicKey(), "root"));
                chainCode = Hex.decode(record.chainCode(), "chain code");
            }
        }
        Map<Integer, Map<Integer, byte[]>> asSender = new HashMap<>();
        Map<Integer, Map<Integer, byte[]>> asReceiver = new HashMap<>();
        Map<Integer, Map<Integer, byte[]>> zero = new HashMap<>();
        for (int i : nodes.keySet()) {
            asSender.put(i, new HashMap<>());
            asReceiver.put(i, new HashMap<>());
            zero.put(i, new HashMap<>());
        }
        for (int a : nodes.keySet()) {
            for (int b : nodes.keySet()) {
                if (a != b) {
                    OtSeeds[] pair = Pairs.dealt(RANDOM);
                    asSender.get(a).put(b, pair[0].encode());
                    asReceiver.get(b).put(a, pair[1].encode());
                    if (a < b) {
                        byte[] seed = new byte[ZeroSharing.SEED_LENGTH];
                        RANDOM.nextBytes(seed);
                        zero.get(a).put(b, seed);
                        zero.get(b).put(a, seed.clone());
                    }
                }
            }
        }
        UUID setupId = UUID.randomUUID();
        for (Map.Entry<Integer, TestNode> e : nodes.entrySet()) {
            TestNode n = e.getValue();
            clients.put(e.getKey(), n.clientId);
            n.close();
            int self = e.getKey();
            NodeFiles files = new NodeFiles(n.data);
            NodeConfig config = files.readConfig();
            NodeIdentity identity = NodeIdentity.load(files);
            ShareSealer sealer = ShareSealer.open(files, config.id());
            ShareStore store = ShareStore.open(files);
            stores.put(self, store);
            open.addAll(List.of(identity, sealer, store));
            DklsSetups setups = new DklsSetups() {
                @Override
                public Seeds forSigners(KeygenService.PublicResult result, List<Integer> signers) throws ApiException {
                    Map<Integer, UUID> ids = new HashMap<>();
                    Map<Integer, OtSeeds> s = new HashMap<>();
                    Map<Integer, OtSeeds> r = new HashMap<>();
                    for (int j : signers) {
                        if (j != self) {
                            if (burned.contains(self + ">" + j)) {
                                throw new ApiException(409, "SETUP_NEEDED", "burned with " + j);
                            }
                            ids.put(j, setupId);
                            s.put(j, OtSeeds.decode(asSender.get(self).get(j)));
                            r.put(j, OtSeeds.decode(asReceiver.get(self).get(j)));
                        }
                    }
                    return new Seeds(ids, s, r, new ZeroSharing(self, zero.get(self)));
                }

                @Override
                public void burn(UUID key, int peer) {
                    burned.add(self + ">" + peer);
                }
            };
            SigningService service = new SigningService(
                    config,
                    identity,
                    new SigningKeys(config, store, new ShareOpener(store, sealer, config, identity.keys())),
                    SigningAudit.open(files),
                    RANDOM,
                    new NonceTable(),
                    setups);
            open.add(service);
            services.put(self, service);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static DklsAnswer call(int server, UUID signId, String action, Object body) throws Exception {
        // an ECDSA round 1 as the coordinator sends it, beside its relay version
        Object sent = body instanceof SignRound1Request r ? new DklsRound1Request(r, DklsRound1Request.RELAY) : body;
        return (DklsAnswer) handle(server, signId, action, StrictJson.mapper().writeValueAsBytes(sent));
    }

    private static Object handle(int server, UUID signId, String action, byte[] body) throws Exception {
        return services.get(server).handle(clients.get(server), signId, action, body);
    }

    /** Round 1 of a signing by ALPHA and BRAVO at {@code path} over a random digest. */
    private record Started(SignRound1Request r, byte[] digest, List<DklsAnswer> one) {}

    private static Started roundOne(UUID signId, String path) throws Exception {
        byte[] digest = new byte[Group.of(CURVE).digestLength()];
        RANDOM.nextBytes(digest);
        SignRound1Request r = new SignRound1Request(keyId.toString(), path, "", List.of(11, 12), Hex.encode(digest));
        return new Started(r, digest, List.of(call(11, signId, "round1", r), call(12, signId, "round1", r)));
    }

    private static List<DklsMessage> forServer(List<DklsAnswer> answers, int id, boolean broadcasts) {
        List<DklsMessage> out = new ArrayList<>();
        for (DklsAnswer a : answers) {
            for (DklsMessage m : a.messages()) {
                if (m.recipient() == id || (broadcasts && m.recipient() == DklsMessage.BROADCAST)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The three rounds among {@code signers}, relayed as a coordinator would; the combined signature. */
    private static EcdsaSignature sign(List<Integer> signers, DerivationPath path, byte[] digest) throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = new SignRound1Request(keyId.toString(), path.toString(), "", signers, Hex.encode(digest));
        List<DklsAnswer> one = new ArrayList<>();
        for (int i : signers) {
            one.add(call(i, signId, "round1", r));
        }
        List<DklsAnswer> two = new ArrayList<>();
        for (int i : signers) {
            two.add(call(i, signId, "round2", new DklsRoundRequest(r, forServer(one, i, true))));
        }
        List<DklsAnswer> three = new ArrayList<>();
        for (int i : signers) {
            three.add(call(i, signId, "round3", new DklsRoundRequest(r, forServer(two, i, false))));
        }
        Group g = Group.of(CURVE);
        Point key = derived(path);
        SignRequest req = new SignRequest(
                SignTranscript.requestHash(signId, r, digest),
                signers.stream().sorted().toList(),
                digest,
                key);
        DklsCodec codec = new DklsCodec(g);
        Point bigR = null;
        List<Partial> partials = new ArrayList<>();
        int pl = g.curve().pointLength();
        for (DklsAnswer a : three) {
            byte[] body = a.messages().get(0).body();
            bigR = g.decodePoint(Arrays.copyOf(body, pl), a.sender());
            partials.add(codec.decodePartial(Arrays.copyOfRange(body, pl, body.length), a.sender()));
        }
        return Signer.combine(g, req, bigR, partials);
    }

    private static Point derived(DerivationPath path) {
        return PublicDerivation.derive(ExtendedPublicKey.root(CURVE, root.encode(), chainCode), path)
                .key()
                .point();
    }

    @Test
    void everySignerSetSignsUnderTheDerivedKey() throws Exception {
        Group g = Group.of(CURVE);
        for (List<Integer> signers : List.of(List.of(11, 12), List.of(11, 13), List.of(12, 13), List.of(11, 12, 13))) {
            DerivationPath path = DerivationPath.of(RANDOM.nextInt(1000), 7);
            byte[] digest = new byte[Group.of(CURVE).digestLength()];
            RANDOM.nextBytes(digest);
            EcdsaSignature sig = sign(signers, path, digest);
            assertTrue(sig.verify(g, derived(path), digest), "signers " + signers);
        }
        assertEquals(Set.of(), burned);
    }

    @Test
    void aBodyThatIsNotBase64IsAMalformedRequestAndTheSigningStillWaits() throws Exception {
        UUID signId = UUID.randomUUID();
        Started s = roundOne(signId, "m/4");
        DklsRoundRequest valid = new DklsRoundRequest(s.r(), forServer(s.one(), 11, true));
        ObjectNode tree = StrictJson.mapper().valueToTree(valid);
        ((ObjectNode) tree.get("messages").get(1)).put("body", "BRAVO's commitment, not base64!");
        byte[] bad = StrictJson.mapper().writeValueAsBytes(tree);
        ApiException e = assertThrows(ApiException.class, () -> handle(11, signId, "round2", bad));
        assertEquals(400, e.status());
        assertEquals("MALFORMED", e.answer().error());
        assertEquals("field 'messages[1].body' has the wrong type or format", e.getMessage());
        // refused before the signer was taken: the genuine round 2 still goes on
        assertEquals(
                List.of(12),
                call(11, signId, "round2", valid).messages().stream()
                        .map(DklsMessage::recipient)
                        .toList());
        for (int server : List.of(11, 12)) {
            handle(server, signId, "abort", "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aKeyThatIsNoLongerReadyBetweenRoundsEndsTheSigning() throws Exception {
        UUID signId = UUID.randomUUID();
        Started s = roundOne(signId, "m/5");
        DklsRoundRequest two = new DklsRoundRequest(s.r(), forServer(s.one(), 11, true));
        // every round checks the key again: one that left READY after round 1 ends the signing
        assertTrue(stores.get(11).transition(keyId, KeyState.READY, KeyState.PENDING));
        try {
            ApiException e = assertThrows(ApiException.class, () -> call(11, signId, "round2", two));
            assertEquals(409, e.status());
            assertEquals("the key is not READY on this server", e.getMessage());
        } finally {
            assertTrue(stores.get(11).transition(keyId, KeyState.PENDING, KeyState.READY));
        }
        // the refusal ended the signing on that server: the same round does not run afterwards
        ApiException again = assertThrows(ApiException.class, () -> call(11, signId, "round2", two));
        assertEquals(409, again.status());
        assertTrue(again.getMessage().startsWith("no signing waits for this round"), again.getMessage());
        handle(12, signId, "abort", "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTamperedMultiplicationIsNamedAndBurnsThePairOnTheNodeThatCaughtIt() throws Exception {
        UUID signId = UUID.randomUUID();
        Started s = roundOne(signId, "m/9");
        SignRound1Request r = s.r();
        byte[] digest = s.digest();
        List<DklsAnswer> one = s.one();
        List<DklsAnswer> two = List.of(
                call(11, signId, "round2", new DklsRoundRequest(r, forServer(one, 11, true))),
                call(12, signId, "round2", new DklsRoundRequest(r, forServer(one, 12, true))));
        DklsMessage honest = forServer(two, 11, false).get(0);
        IdentityKeys alpha = NodeSecrets.identity(dir.resolve("ALPHA"));
        IdentityKeys bravo = NodeSecrets.identity(dir.resolve("BRAVO"));
        byte[] hash = SignTranscript.requestHash(signId, r, digest);
        // BRAVO's messages to ALPHA share the context BRAVO's round-1 message set up: the answer takes its place
        byte[][] info = DklsTranscript.pairContext(hash, 12, 11);
        byte[] first = forServer(one, 11, false).get(0).body();
        byte[][] context = DklsTranscript.sealContext(hash, 2, 12, 11);
        byte[] plain = PairContexts.open(alpha, info, first, 1, context, honest.body());
        Group g = Group.of(CURVE);
        DklsCodec codec = new DklsCodec(g);
        MulResponse m = codec.decodeMulResponse(plain, 12);
        m.mul().checkU()[0] = m.mul().checkU()[0].add(g.of(BigInteger.ONE));
        byte[] sealed = PairContexts.seal(alpha, info, first, 1, context, codec.encode(m));
        byte[] signature = bravo.signSigningMessage(DklsTranscript.signed(hash, 2, 12, 11, sealed));
        DklsMessage bad = new DklsMessage(12, 11, sealed, signature);
        ApiException e = assertThrows(
                ApiException.class, () -> call(11, signId, "round3", new DklsRoundRequest(r, List.of(bad))));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("culprit server BRAVO (id 12)"), e.getMessage());
        assertTrue(e.getMessage().contains("MULTIPLICATION"), e.getMessage());
        assertEquals(Set.of("11>12"), burned);
        ApiException again = assertThrows(
                ApiException.class,
                () -> call(
                        11,
                        UUID.randomUUID(),
                        "round1",
                        new SignRound1Request(keyId.toString(), "m/9", "", List.of(11, 12), Hex.encode(digest))));
        assertEquals(409, again.status());
        burned.clear();
    }
}
