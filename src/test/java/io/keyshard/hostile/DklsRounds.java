package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.client.SignRequest;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.PairContexts;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeSecrets;
import io.keyshard.node.TestNode;
import io.keyshard.vault.Vault;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.DklsTranscript;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignTranscript;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Test-only: threshold-ECDSA signing rounds on a {@link HostileCluster}'s nodes driven by hand, as a
 * coordinator relays them, and messages a cheating server would send (sealed and signed with its identity key).
 */
final class DklsRounds {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The first sealed message (round 1, carrying enc) of each ordered pair of each signing seen here, by request
     * hash, sender and recipient: the pair's later messages are sealed under the context it set up.
     */
    private static final Map<String, byte[]> FIRST = new ConcurrentHashMap<>();

    private final HostileCluster cluster;
    private final CurveName curve;

    DklsRounds(HostileCluster cluster, CurveName curve) {
        this.cluster = cluster;
        this.curve = curve;
    }

    /** A fresh key whose servers' pairwise setups are in place (the workspace runs them at its first signing). */
    UUID readyKey() {
        UUID keyId = cluster.keygen(curve).keyId();
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            ws.sign(new SignRequest(keyId, DerivationPath.ROOT, null, digest(), null, null, null, true))
                    .promise()
                    .join();
        }
        setUp(keyId);
        return keyId;
    }

    /** Sets up every pair of the key's servers that is missing or burned (another test's key may have burned one). */
    void setUp(UUID keyId) {
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            ws.ecdsaSetup(keyId).promise().join();
        }
    }

    static byte[] digest() {
        byte[] d = new byte[32];
        RANDOM.nextBytes(d);
        return d;
    }

    static SignRound1Request request(UUID keyId, List<Integer> signers) {
        return new SignRound1Request(keyId.toString(), "m/5", "", signers, Hex.encode(digest()));
    }

    HttpResponse<String> post(String server, UUID signId, String action, Object body) throws Exception {
        HttpResponse<String> a = postAsIs(server, signId, action, relayed(body));
        if (action.equals("round1") && body instanceof SignRound1Request r && a.statusCode() == 200) {
            remember(signId, r, StrictJson.mapper().readValue(a.body(), DklsAnswer.class));
        }
        return a;
    }

    /** Keeps the point-to-point messages of a round-1 answer: the first message of each of their pairs. */
    static void remember(UUID signId, SignRound1Request r, DklsAnswer round1) {
        byte[] hash = requestHash(signId, r);
        for (DklsMessage m : round1.messages()) {
            if (m.recipient() != DklsMessage.BROADCAST) {
                FIRST.put(pair(hash, m.sender(), m.recipient()), m.body());
            }
        }
    }

    private static String pair(byte[] hash, int from, int to) {
        return Hex.encode(hash) + "/" + from + "/" + to;
    }

    /** The first message of a pair; a round-2 message is sealed under the context it set up. */
    private static byte[] first(byte[] hash, int from, int to) {
        byte[] first = FIRST.get(pair(hash, from, to));
        if (first == null) {
            throw new IllegalStateException("no round-1 message from " + from + " to " + to + " was seen here");
        }
        return first;
    }

    /** {@link #post} without wrapping a bare round-1 request: the body as an older coordinator would send it. */
    HttpResponse<String> postAsIs(String server, UUID signId, String action, Object body) throws Exception {
        TestNode n = cluster.node(server);
        return n.send(
                n.entry.apiKey(),
                "/v1/sign/" + signId + "/" + action,
                StrictJson.mapper().writeValueAsString(body));
    }

    /** A bare round-1 request as the coordinator sends it for an ECDSA key, beside its relay version. */
    static Object relayed(Object body) {
        return body instanceof SignRound1Request r ? new DklsRound1Request(r, DklsRound1Request.RELAY) : body;
    }

    static DklsAnswer ok(HttpResponse<String> a) throws Exception {
        assertEquals(200, a.statusCode(), a.body());
        return StrictJson.mapper().readValue(a.body(), DklsAnswer.class);
    }

    static void assertRefused(int status, String words, HttpResponse<String> a) {
        assertEquals(status, a.statusCode(), a.body());
        assertTrue(a.body().contains(words), a.body());
    }

    /** Round 1 of a signing on each of {@code servers}, every answer 200. */
    List<DklsAnswer> roundOne(UUID signId, SignRound1Request r, String... servers) throws Exception {
        List<DklsAnswer> out = new ArrayList<>();
        for (String server : servers) {
            out.add(ok(post(server, signId, "round1", r)));
        }
        return out;
    }

    /** The messages of {@code answers} for server {@code id}: broadcasts (when asked) and those addressed to it. */
    static List<DklsMessage> forServer(List<DklsAnswer> answers, int id, boolean broadcasts) {
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

    static List<DklsMessage> replace(List<DklsMessage> list, DklsMessage from, DklsMessage to) {
        List<DklsMessage> out = new ArrayList<>(list);
        out.replaceAll(m -> m == from ? to : m);
        return out;
    }

    /** The message of {@code sender} to {@code recipient} in {@code list} (recipient 0: its broadcast). */
    static DklsMessage from(List<DklsMessage> list, int sender, int recipient) {
        return list.stream()
                .filter(m -> m.sender() == sender && m.recipient() == recipient)
                .findFirst()
                .orElseThrow();
    }

    static byte[] digestOf(SignRound1Request r) {
        return Hex.decode(r.message(), "digest");
    }

    static byte[] requestHash(UUID signId, SignRound1Request r) {
        return SignTranscript.requestHash(signId, r, digestOf(r));
    }

    IdentityKeys identity(int id) throws Exception {
        return NodeSecrets.identity(cluster.node(HostileCluster.NAMES.get(id - 11)).data);
    }

    /** The plaintext of a sealed message of {@code round}, opened with its recipient's identity key. */
    byte[] open(DklsMessage m, UUID signId, SignRound1Request r, int round) throws Exception {
        return opened(identity(m.recipient()), m, signId, r, round);
    }

    /** The same with the recipient's identity keys given; null when the message does not open. */
    static byte[] opened(IdentityKeys recipient, DklsMessage m, UUID signId, SignRound1Request r, int round) {
        byte[] hash = requestHash(signId, r);
        if (round == 1) {
            FIRST.put(pair(hash, m.sender(), m.recipient()), m.body());
        }
        return PairContexts.open(
                recipient,
                DklsTranscript.pairContext(hash, m.sender(), m.recipient()),
                first(hash, m.sender(), m.recipient()),
                round - 1,
                DklsTranscript.sealContext(hash, round, m.sender(), m.recipient()),
                m.body());
    }

    /**
     * A message from {@code from} to {@code to} (0: a broadcast, not sealed) in {@code round}, sealed to the
     * recipient and signed with the sender's identity key: what a modified server would send. A round-1 message
     * sets up a fresh context for its pair; a round-2 one is sealed under the context of the pair's round-1
     * message.
     */
    DklsMessage forge(UUID signId, SignRound1Request r, int round, int from, int to, byte[] plain) throws Exception {
        byte[] hash = requestHash(signId, r);
        byte[] body;
        if (to == DklsMessage.BROADCAST) {
            body = plain;
        } else if (round == 1) {
            body = IdentityKeys.sendingChannel(
                            identity(to).encryptionPublicKey(), DklsTranscript.pairContext(hash, from, to))
                    .seal(DklsTranscript.sealContext(hash, round, from, to), plain);
            FIRST.put(pair(hash, from, to), body);
        } else {
            body = sealedInPlace(identity(to), hash, round, from, to, plain);
        }
        return signed(identity(from), hash, round, from, to, body);
    }

    /** {@code plain} sealed as the pair's message of {@code round}, under the context its first message set up. */
    private static byte[] sealedInPlace(
            IdentityKeys recipient, byte[] hash, int round, int from, int to, byte[] plain) {
        return PairContexts.seal(
                recipient,
                DklsTranscript.pairContext(hash, from, to),
                first(hash, from, to),
                round - 1,
                DklsTranscript.sealContext(hash, round, from, to),
                plain);
    }

    private static DklsMessage signed(IdentityKeys sender, byte[] hash, int round, int from, int to, byte[] body) {
        byte[] signature = sender.signSigningMessage(DklsTranscript.signed(hash, round, from, to, body));
        return new DklsMessage(from, to, body, signature);
    }

    /** {@code m} with its body as it is, signed by its sender for {@code round}: a modified sender relabelling it. */
    DklsMessage relabelled(DklsMessage m, UUID signId, SignRound1Request r, int round) throws Exception {
        return signed(identity(m.sender()), requestHash(signId, r), round, m.sender(), m.recipient(), m.body());
    }

    /** In the place of {@code m}, the first message of its pair, signed by its sender for round 2. */
    DklsMessage firstAgain(DklsMessage m, UUID signId, SignRound1Request r) throws Exception {
        byte[] hash = requestHash(signId, r);
        return signed(identity(m.sender()), hash, 2, m.sender(), m.recipient(), first(hash, m.sender(), m.recipient()));
    }

    /** A sealed message with its plaintext changed by {@code change}, sealed and signed again by its sender. */
    DklsMessage tampered(DklsMessage m, UUID signId, SignRound1Request r, int round, UnaryOperator<byte[]> change)
            throws Exception {
        return tampered(identity(m.sender()), identity(m.recipient()), m, signId, r, round, change);
    }

    /**
     * The same for any nodes, given the sender's and the recipient's identity keys (from their data folders): the
     * changed message takes the place of the original in its pair's context (a round-1 one keeps its enc), so
     * the pair's other messages still open.
     */
    static DklsMessage tampered(
            IdentityKeys sender,
            IdentityKeys recipient,
            DklsMessage m,
            UUID signId,
            SignRound1Request r,
            int round,
            UnaryOperator<byte[]> change)
            throws Exception {
        byte[] plain = opened(recipient, m, signId, r, round);
        return inPlace(sender, recipient, signId, r, round, m.sender(), m.recipient(), change.apply(plain));
    }

    /**
     * A message from {@code from} to {@code to} (0: a broadcast, not sealed) of {@code round} with body
     * {@code plain}, sealed in the place of the pair's message of that round, signed by {@code sender}.
     */
    static DklsMessage inPlace(
            IdentityKeys sender,
            IdentityKeys recipient,
            UUID signId,
            SignRound1Request r,
            int round,
            int from,
            int to,
            byte[] plain) {
        byte[] hash = requestHash(signId, r);
        byte[] body = to == DklsMessage.BROADCAST ? plain : sealedInPlace(recipient, hash, round, from, to, plain);
        return signed(sender, hash, round, from, to, body);
    }
}
