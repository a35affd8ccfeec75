package io.keyshard.node;

import io.keyshard.bytes.Hex;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.wire.KeyStatusAnswer;
import io.keyshard.wire.NodeEntry;
import io.keyshard.wire.PeerEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Test-only: a node's real request path ({@code NodeApi} with its real client registry, keygen
 * service, sealer and H2 share store in a folder) driven without sockets, so a fuzzer can send
 * thousands of requests a second. Also exposes the strict body parser and a snapshot of the store.
 */
public final class InProcessNode implements AutoCloseable {
    private final NodeApi api;
    private final ShareStore store;
    private final ShareSealer sealer;
    private final NodeIdentity identity;
    private final KeygenService keygen;
    private final PeerRoster peers;
    private final SigningService signing;
    private final PairwiseSetups setups;
    private final NonceTable nonces = new NonceTable();
    private final SigningAudit audit;
    public final NodeEntry entry;
    public final String clientId;

    /** An answer: HTTP status and body text. */
    public record Answer(int status, String body) {}

    /** A body refused by the strict parser: the status and code the node would answer. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        public final int status;
        public final String code;

        Refused(ApiException e) {
            super(e.getMessage(), null, false, false);
            this.status = e.status();
            this.code = e.code();
        }
    }

    public InProcessNode(Path data, String name, int id) throws IOException {
        SecureRandom random = new SecureRandom();
        NodeInitializer.Issued issued =
                NodeInitializer.init(data, new NodeConfig(name, id, 1, "127.0.0.1", "127.0.0.1"), random);
        this.entry = issued.entry();
        this.clientId = issued.clientId();
        NodeFiles files = new NodeFiles(data);
        NodeConfig config = files.readConfig();
        this.identity = NodeIdentity.load(files);
        this.sealer = ShareSealer.open(files, config.id());
        this.store = ShareStore.open(files);
        this.peers = new PeerRoster(files);
        this.keygen = new KeygenService(config, identity, store, sealer, Duration.ofMinutes(10), random, peers);
        this.setups = PairwiseSetups.open(files, config, store, sealer);
        this.audit = SigningAudit.open(files);
        this.signing = new SigningService(
                config,
                identity,
                new SigningKeys(config, store, new ShareOpener(store, sealer, config, identity.keys())),
                audit,
                random,
                nonces,
                DklsSetups.of(setups));
        this.api = new NodeApi(
                config,
                identity,
                new ClientRegistry(files),
                keygen,
                signing,
                new EcdsaSetupService(config, identity, store, setups, random, Duration.ofMinutes(10)));
    }

    /** Pins {@code p} as a peer of this node (what {@code node peers add} does with its entry). */
    public void pin(Participant p) throws IOException {
        peers.add(
                new PeerEntry(p.name(), p.id(), null, null, Hex.encode(p.signingKey()), Hex.encode(p.encryptionKey())));
    }

    /** This node as a participant of a session setup. */
    public Participant participant() {
        return new Participant(entry.name(), entry.id(), identity.signingPublicKey(), identity.encryptionPublicKey());
    }

    /** The node's identity keys: what a malicious operator of this node holds. */
    public IdentityKeys identityKeys() {
        return identity.keys();
    }

    /** One request through the node's handler; {@code authorization} is the raw header value or null. */
    public Answer handle(String method, URI uri, String authorization, byte[] body) throws IOException {
        FakeExchange ex = new FakeExchange(method, uri, authorization, body);
        api.handle(ex);
        return new Answer(ex.status, ex.out.toString(StandardCharsets.UTF_8));
    }

    /** The strict body parser of every endpoint. */
    public static <T> T parse(byte[] body, Class<T> type) throws Refused {
        try {
            return ApiExchange.parse(body, type);
        } catch (ApiException e) {
            throw new Refused(e);
        }
    }

    /** The body type of abort (commit takes a {@code CommitRequest}). */
    public static Class<?> emptyRequestType() {
        return KeygenService.EmptyRequest.class;
    }

    /** How many signings hold nonces waiting for round 2. */
    public int waitingSignings() {
        return nonces.size();
    }

    /** How the signing audit records {@code signId} (COMMITTED, SIGNED, REFUSED, ABORTED, EXPIRED), or null. */
    public String signingOutcome(UUID signId) throws IOException {
        return audit.find(signId).map(r -> r.outcome().name()).orElse(null);
    }

    /** How many keyIds the store knows (shares and tombstones). */
    public int storedKeys() throws IOException {
        return store.keyIds().size();
    }

    /** Every keyId the store knows with its state (and whether it holds a share), in a comparable form. */
    public Map<UUID, String> snapshot() throws IOException {
        Map<UUID, String> out = new TreeMap<>();
        for (UUID keyId : store.keyIds()) {
            out.put(
                    keyId,
                    store.find(keyId).orElseThrow().state()
                            + (store.sealedShare(keyId).isPresent() ? "+share" : ""));
        }
        return out;
    }

    /** What the node reports for a key to its owner: IN_PROGRESS with its round, a stored state, or 404. */
    public String status(String clientId, UUID keyId) throws IOException {
        try {
            KeyStatusAnswer s = keygen.status(clientId, keyId);
            return s.status() + (s.round() != null ? "@" + s.round() : "");
        } catch (ApiException e) {
            return Integer.toString(e.status());
        }
    }

    @Override
    public void close() {
        keygen.close();
        signing.close();
        setups.close();
        store.close();
        sealer.close();
        identity.close();
    }

    /** A request in memory; its answer's status and body are kept for the caller. */
    private static final class FakeExchange implements NodeExchange {
        private final String method;
        private final URI uri;
        private final String authorization;
        private final byte[] body;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int status = -1;

        FakeExchange(String method, URI uri, String authorization, byte[] body) {
            this.method = method;
            this.uri = uri;
            this.authorization = authorization;
            this.body = body;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String rawPath() {
            return uri.getRawPath();
        }

        @Override
        public String header(String name) {
            if (name.equalsIgnoreCase("Authorization")) {
                return authorization;
            }
            return name.equalsIgnoreCase("Content-Length") ? Integer.toString(body.length) : null;
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void answer(int status, Map<String, String> headers, byte[] answer) throws IOException {
            if (this.status != -1) {
                throw new IOException("answered twice");
            }
            this.status = status;
            out.write(answer);
        }
    }
}
