package io.keyshard.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.keyshard.bytes.Hex;
import io.keyshard.client.Workspace;
import io.keyshard.dkg.Forge;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeSecrets;
import io.keyshard.node.OlderRoundOne;
import io.keyshard.node.OtherSetupVersion;
import io.keyshard.node.TestNode;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.DklsTranscript;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignRound2Request;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.SignTranscript;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Test-only: a malicious node operator. It serves the real node's pinned certificate on its own
 * loopback port, passes every request on to the real node, and alters the node's round answers
 * with {@link Tamper}; an altered answer that kept the node's signature is signed again with the
 * node's own identity key, which a relay could not do. The product's client talks to it as to any server.
 */
final class RogueFront implements AutoCloseable {
    private static final Pattern ROUND = Pattern.compile("/v1/keygen/([^/]+)/(round1|round2|round3)");
    private final TestNode node;
    private final IdentityKeys keys;
    private final HttpsServer server;
    private final Map<String, SessionSetup> setups = new ConcurrentHashMap<>();
    /** The node's own untampered answers, to put back into the lists relayed to it (the operator keeps its node in step). */
    private final Map<String, Round1Message> ownRound1 = new ConcurrentHashMap<>();

    private final Map<String, Round2Message> ownRound2 = new ConcurrentHashMap<>();
    volatile Tamper tamper = Tamper.NONE;

    /** True while the operator answers every request with 503, as a server that is down for maintenance. */
    volatile boolean unavailable;

    /**
     * When set, the front answers signing round 1 as an older node did, before any of its state is touched: a
     * node from before relay versions ({@link OlderNode#BARE}) by its strict parse of the bare {@link
     * SignRound1Request}, which refuses an ECDSA round 1 of this version with 400 MALFORMED (bare requests are
     * passed on); a node of relay version 2 or 3 ({@link OlderNode#RELAY_2}, {@link OlderNode#RELAY_3}) by refusing another
     * version in its words.
     */
    volatile OlderNode olderNode;

    /** The older nodes the front can play, by the relay version {@link OlderRoundOne} reads round 1 at. */
    enum OlderNode {
        BARE(0),
        RELAY_2(2),
        RELAY_3(3);

        final int relay;

        OlderNode(int relay) {
            this.relay = relay;
        }
    }

    /**
     * When not 0, the relay version the front writes into each threshold-ECDSA round 1 it passes on to its
     * node, as a client of that version sends it.
     */
    volatile int clientRelay;

    /**
     * When not 0, the front answers every pairwise setup step as a node of that setup version does (2, from before
     * the field, or one newer than this version), before its node sees the step: {@link OtherSetupVersion}.
     */
    volatile int setupVersion;

    private static final Pattern SETUP_STEP = Pattern.compile("/v1/keys/[^/]+/ecdsa-setup/step[123]");

    /** How the operator alters its node's round-2 signature share (hex in, hex out); null leaves it. */
    volatile UnaryOperator<String> signShare;

    private static final Pattern SIGN_ROUND2 = Pattern.compile("/v1/sign/([^/]+)/round2");

    /** How the operator replaces its node's round-1 commitments (the answer in, the answer out); null leaves them. */
    volatile UnaryOperator<SignCommitment> signCommitment;

    private static final Pattern SIGN_ROUND1 = Pattern.compile("/v1/sign/([^/]+)/round1");

    /** How the operator alters its node's threshold-ECDSA round-3 broadcast (its body bytes); null leaves it. */
    volatile UnaryOperator<byte[]> dklsPartial;

    /** How the operator alters the identity signature of its node's round-3 broadcast; null leaves it. */
    volatile UnaryOperator<byte[]> dklsPartialSignature;

    private static final Pattern SIGN_ROUND3 = Pattern.compile("/v1/sign/([^/]+)/round3");

    /** How the operator replaces each of its node's threshold-ECDSA round-2 messages; null leaves them. */
    volatile DklsRewrite dklsRound2;

    /** A replacement for one message of a signing (its signId and request) the node sent. */
    interface DklsRewrite {
        DklsMessage apply(UUID signId, SignRound1Request request, DklsMessage m) throws Exception;
    }

    /** How the operator alters its node's answers; each gets the session setup it belongs to. */
    interface Tamper {
        Tamper NONE = new Tamper() {};

        default Round1Message round1(Round1Message m, SessionSetup setup) {
            return m;
        }

        default Round2Message round2(Round2Message m, SessionSetup setup) {
            return m;
        }

        default Round3Message round3(Round3Message r, SessionSetup setup) {
            return r;
        }
    }

    RogueFront(TestNode node) throws Exception {
        this.node = node;
        this.keys = NodeSecrets.identity(node.data);
        SSLContext tls = NodeSecrets.tls(node.data);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.3"});
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rogue-front");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::relay);
        server.start();
    }

    /** The node's identity keys, as its operator holds them. */
    IdentityKeys keys() {
        return keys;
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private void relay(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (unavailable) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            OlderNode playing = olderNode;
            boolean round1 =
                    SIGN_ROUND1.matcher(ex.getRequestURI().getRawPath()).matches();
            String older = playing != null && round1 ? OlderRoundOne.refusal(playing.relay, body) : null;
            int setupNode = setupVersion;
            if (older == null
                    && setupNode != 0
                    && SETUP_STEP.matcher(ex.getRequestURI().getRawPath()).matches()) {
                older = OtherSetupVersion.refusal(setupNode, body);
            }
            if (older != null) {
                byte[] out = older.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(400, out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String apiKey = auth == null ? null : auth.substring("Bearer ".length());
            String path = ex.getRequestURI().getRawPath();
            Matcher m = ROUND.matcher(path);
            String forwarded = ex.getRequestMethod().equals("GET")
                    ? null
                    : m.matches()
                            ? untampered(m.group(1), m.group(2), body)
                            : round1 && clientRelay != 0
                                    ? withRelay(body, clientRelay)
                                    : new String(body, StandardCharsets.UTF_8);
            // as long as the client waits for a round: a pairwise setup step can take longer than 20 s on a busy
            // machine
            HttpResponse<String> r = node.send(apiKey, path, forwarded, Workspace.DEFAULT_ROUND_TIMEOUT);
            String answer = r.body();
            if (m.matches() && r.statusCode() == 200) {
                answer = alter(m.group(1), m.group(2), body, answer);
            }
            Matcher first = SIGN_ROUND1.matcher(path);
            if (first.matches() && r.statusCode() == 200 && dklsRound2 != null) {
                // its round-2 messages are sealed under the contexts its round-1 messages set up
                DklsRounds.remember(
                        UUID.fromString(first.group(1)),
                        StrictJson.mapper()
                                .readValue(forwarded, DklsRound1Request.class)
                                .request(),
                        StrictJson.mapper().readValue(answer, DklsAnswer.class));
            }
            if (SIGN_ROUND1.matcher(path).matches() && r.statusCode() == 200 && signCommitment != null) {
                var json = StrictJson.mapper();
                answer = json.writeValueAsString(signCommitment.apply(json.readValue(answer, SignCommitment.class)));
            }
            Matcher sign = SIGN_ROUND2.matcher(path);
            if (sign.matches() && r.statusCode() == 200 && signShare != null) {
                answer = alterShare(UUID.fromString(sign.group(1)), body, answer);
            }
            if (sign.matches() && r.statusCode() == 200 && dklsRound2 != null) {
                answer = rewrite(UUID.fromString(sign.group(1)), body, answer);
            }
            Matcher partial = SIGN_ROUND3.matcher(path);
            if (partial.matches() && r.statusCode() == 200 && (dklsPartial != null || dklsPartialSignature != null)) {
                answer = alterPartial(UUID.fromString(partial.group(1)), body, answer);
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(r.statusCode(), out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (Exception e) {
            ex.sendResponseHeaders(502, -1);
        }
    }

    /** The node's share altered and signed again with its identity key, over the request it answered. */
    private String alterShare(UUID signId, byte[] request, String answer) throws IOException {
        var json = StrictJson.mapper();
        SignRound2Request req = json.readValue(request, SignRound2Request.class);
        SignShare s = json.readValue(answer, SignShare.class);
        String share = signShare.apply(s.share());
        byte[] message = Hex.decode(req.request().message(), "message");
        byte[] signature = keys.signSigningMessage(SignTranscript.share(
                SignTranscript.requestHash(signId, req.request(), message),
                SignTranscript.commitmentsHash(req.commitments()),
                s.sender(),
                Hex.decode(share, "share")));
        return json.writeValueAsString(new SignShare(s.sender(), share, Hex.encode(signature)));
    }

    /** The node's round-2 messages as the operator replaces them. */
    private String rewrite(UUID signId, byte[] request, String answer) throws Exception {
        var json = StrictJson.mapper();
        SignRound1Request req = json.readValue(request, DklsRoundRequest.class).request();
        DklsAnswer a = json.readValue(answer, DklsAnswer.class);
        List<DklsMessage> out = new ArrayList<>();
        for (DklsMessage m : a.messages()) {
            out.add(dklsRound2.apply(signId, req, m));
        }
        return json.writeValueAsString(new DklsAnswer(a.sender(), out));
    }

    /** The node's round-3 broadcast altered and signed again with its identity key, and that signature altered. */
    private String alterPartial(UUID signId, byte[] request, String answer) throws IOException {
        var json = StrictJson.mapper();
        SignRound1Request req = json.readValue(request, DklsRoundRequest.class).request();
        DklsAnswer a = json.readValue(answer, DklsAnswer.class);
        DklsMessage m = a.messages().get(0);
        byte[] body = m.body();
        byte[] signature = m.signature();
        if (dklsPartial != null) {
            body = dklsPartial.apply(body.clone());
            byte[] hash = SignTranscript.requestHash(signId, req, Hex.decode(req.message(), "digest"));
            signature = keys.signSigningMessage(DklsTranscript.signed(hash, 3, m.sender(), m.recipient(), body));
        }
        if (dklsPartialSignature != null) {
            signature = dklsPartialSignature.apply(signature.clone());
        }
        return json.writeValueAsString(
                new DklsAnswer(a.sender(), List.of(new DklsMessage(m.sender(), m.recipient(), body, signature))));
    }

    private String alter(String keyId, String round, byte[] request, String answer) throws IOException {
        var json = StrictJson.mapper();
        if (round.equals("round1")) {
            SessionSetup setup = json.readValue(request, SessionSetup.class);
            setups.put(keyId, setup);
            Round1Message m = json.readValue(answer, Round1Message.class);
            ownRound1.put(keyId, m);
            Round1Message t = tamper.round1(m, setup);
            return json.writeValueAsString(t == m || t.signature() != m.signature() ? t : Forge.sign(t, keys));
        }
        SessionSetup setup = setups.get(keyId);
        if (round.equals("round2")) {
            Round2Message m = json.readValue(answer, Round2Message.class);
            ownRound2.put(keyId, m);
            Round2Message t = tamper.round2(m, setup);
            return json.writeValueAsString(t == m || t.signature() != m.signature() ? t : Forge.sign(t, keys));
        }
        Round3Message m = json.readValue(answer, Round3Message.class);
        Round3Message t = tamper.round3(m, setup);
        return json.writeValueAsString(t == m || t.signature() != m.signature() ? t : Forge.sign(t, keys));
    }

    /** A round request with the node's own message swapped back to what the node really sent. */
    /** An ECDSA round 1 with its relay version replaced; any other body as it is. */
    private static String withRelay(byte[] body, int relay) throws IOException {
        var json = StrictJson.mapper();
        var tree = json.readTree(body);
        if (tree instanceof ObjectNode o && o.has("relay")) {
            o.put("relay", relay);
            return json.writeValueAsString(o);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private String untampered(String keyId, String round, byte[] request) throws IOException {
        var json = StrictJson.mapper();
        String text = new String(request, StandardCharsets.UTF_8);
        try {
            if (round.equals("round2") && ownRound1.containsKey(keyId)) {
                Round1Message own = ownRound1.get(keyId);
                var list = new ArrayList<>(
                        json.readValue(request, Round2Request.class).round1());
                list.replaceAll(x -> x != null && x.sender() == own.sender() ? own : x);
                return json.writeValueAsString(new Round2Request(list));
            }
            if (round.equals("round3") && ownRound2.containsKey(keyId)) {
                Round2Message own = ownRound2.get(keyId);
                var list = new ArrayList<>(
                        json.readValue(request, Round3Request.class).round2());
                list.replaceAll(x -> x != null && x.sender() == own.sender() ? own : x);
                return json.writeValueAsString(new Round3Request(list));
            }
        } catch (IOException malformed) {
            return text;
        }
        return text;
    }

    @Override
    public void close() {
        server.stop(0);
        keys.destroy();
    }
}
