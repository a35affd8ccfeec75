package io.keyshard.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.Participant;
import io.keyshard.dkls.ProtocolAbort;
import io.keyshard.ids.KeyIds;
import io.keyshard.json.StrictJson;
import io.keyshard.pairwise.PairSeeds;
import io.keyshard.pairwise.SetupParty;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.SetupAnswer;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import io.keyshard.wire.SetupStatus;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's side of ECDSA pairwise setups (docs/protocol.md, ECDSA pairwise setup): three steps per
 * setup id over {@code POST /v1/keys/{keyId}/ecdsa-setup/step1|step2|step3}, for a READY key of this
 * client on an ECDSA curve, with some of the key's servers (this one among them). The key names the
 * servers and their identity keys; what is set up is the pair of this server with each of them, on the
 * key's curve, which every key of those servers then uses. Steps 1 and 2 keep the {@link SetupParty} in
 * memory (it expires when idle); step 3 stores every pair at once through {@link PairwiseSetups}. Every
 * message from a peer is checked against the identity keys recorded for the key at key generation before
 * it is opened; a failure ends the setup and names the peer.
 */
final class EcdsaSetupService implements AutoCloseable {
    static final int MAX_LIVE = 64;
    static final int MAX_LIVE_PER_CLIENT = 16;

    private final NodeConfig config;
    private final NodeIdentity identity;
    private final ShareStore shares;
    private final PairwiseSetups setups;
    private final SecureRandom random;
    private final Duration ttl;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();

    /** A setup between its steps. Guarded by its own monitor. */
    private static final class Live {
        final String clientId;
        final UUID keyId;
        final PairwiseSetups.Servers servers;
        final SetupParty party;
        final SetupRelay relay;
        volatile long lastActivity = System.nanoTime();
        int stepsDone;
        boolean ended;

        Live(String clientId, UUID keyId, PairwiseSetups.Servers servers, SetupParty party, SetupRelay relay) {
            this.clientId = clientId;
            this.keyId = keyId;
            this.servers = servers;
            this.party = party;
            this.relay = relay;
        }
    }

    EcdsaSetupService(
            NodeConfig config,
            NodeIdentity identity,
            ShareStore shares,
            PairwiseSetups setups,
            SecureRandom random,
            Duration ttl) {
        this.config = config;
        this.identity = identity;
        this.shares = shares;
        this.setups = setups;
        this.random = random;
        this.ttl = ttl;
    }

    /** {@code GET /v1/keys/{keyId}/ecdsa-setup}. */
    SetupStatus status(String clientId, UUID keyId) throws IOException, ApiException {
        return setups.status(key(clientId, keyId));
    }

    Object handle(String clientId, UUID keyId, String action, byte[] body) throws IOException, ApiException {
        SetupRequest req = parse(body);
        if (req.version() != SetupRequest.VERSION) {
            // before the key, the setupId or a live setup is looked at: a refused version records and claims nothing
            throw ApiException.otherVersion("setup", req.version(), SetupRequest.VERSION);
        }
        if (req.setupId() == null || !KeyIds.isCanonical(req.setupId())) {
            throw ApiException.malformed("setupId: a version-4 UUID in canonical lowercase form");
        }
        if (req.servers() == null || req.messages() == null) {
            throw ApiException.malformed("a setup step needs servers and messages (empty for step 1)");
        }
        UUID setupId = UUID.fromString(req.setupId());
        PairwiseSetups.Servers key = key(clientId, keyId);
        List<Integer> all = List.copyOf(key.byId().keySet());
        if (req.servers().size() < 2
                || !all.containsAll(req.servers())
                || !req.servers().contains(config.id())
                || !req.servers()
                        .equals(req.servers().stream().distinct().sorted().toList())) {
            throw ApiException.protocol("a setup runs with two or more of the key's servers " + all
                    + ", this one among them, in ascending id order");
        }
        return switch (action) {
            case "step1" -> step1(clientId, keyId, setupId, key, req);
            case "step2" -> step(clientId, keyId, setupId, 1, req);
            case "step3" -> step(clientId, keyId, setupId, 2, req);
            default -> throw ApiException.notFound("no such endpoint");
        };
    }

    /**
     * The request, strictly parsed. A body this version cannot parse is refused for its version when it has
     * another one: a client of version 2 sends none, which reads as 0, and a newer client's body may hold fields
     * this version does not know; either is told which side to update rather than which field is wrong.
     */
    private static SetupRequest parse(byte[] body) throws ApiException {
        try {
            return ApiExchange.parse(body, SetupRequest.class);
        } catch (ApiException e) {
            JsonNode tree = ApiExchange.tree(body);
            JsonNode version = tree == null ? null : tree.get("version");
            if (tree != null && tree.has("setupId") && version == null) {
                throw ApiException.otherVersion("setup", 0, SetupRequest.VERSION);
            }
            if (version != null && version.isInt() && version.intValue() != SetupRequest.VERSION) {
                throw ApiException.otherVersion("setup", version.intValue(), SetupRequest.VERSION);
            }
            throw e;
        }
    }

    private SetupAnswer step1(String clientId, UUID keyId, UUID setupId, PairwiseSetups.Servers key, SetupRequest req)
            throws IOException, ApiException {
        if (!req.messages().isEmpty()) {
            throw ApiException.malformed("step 1 carries no messages");
        }
        if (live.containsKey(setupId) || !setups.claim(setupId, keyId)) {
            throw ApiException.conflict("this setupId was already used on this server; start again with a new one");
        }
        supersede(clientId, keyId);
        String busy = quotaProblem(clientId);
        if (busy != null) {
            throw new ApiException(503, "BUSY", busy);
        }
        Map<Integer, Participant> taking = new TreeMap<>();
        req.servers().forEach(id -> taking.put(id, key.byId().get(id)));
        Map<Integer, byte[]> identities = new TreeMap<>();
        taking.forEach((id, p) -> identities.put(id, p.signingKey()));
        SetupParty party = new SetupParty(CurveName.parse(key.curve()), setupId, config.id(), identities, random);
        SetupRelay relay = new SetupRelay(identity, config.id(), key.curve(), setupId, List.copyOf(taking.values()));
        Live s = new Live(clientId, keyId, new PairwiseSetups.Servers(key.curve(), taking), party, relay);
        synchronized (s) {
            live.put(setupId, s);
            try {
                List<SetupMessage> out = relay.seal(1, party.start());
                s.stepsDone = 1;
                s.lastActivity = System.nanoTime();
                return new SetupAnswer(setupId.toString(), config.id(), out);
            } catch (RuntimeException e) {
                end(setupId, s);
                throw e;
            }
        }
    }

    /** Step 2 or 3 of a live setup that finished {@code after}. */
    private Object step(String clientId, UUID keyId, UUID setupId, int after, SetupRequest req)
            throws IOException, ApiException {
        Live s = live.get(setupId);
        if (s == null || !s.clientId.equals(clientId) || !s.keyId.equals(keyId)) {
            throw ApiException.conflict("no setup waits under this setupId on this server (never started, "
                    + "finished, failed, expired, or lost in a restart); start again with a new setupId");
        }
        synchronized (s) {
            if (s.ended || s.stepsDone != after) {
                throw ApiException.conflict(
                        s.ended || s.stepsDone > after ? "this step was already answered" : "a step came too early");
            }
            s.lastActivity = System.nanoTime();
            try {
                Map<Integer, byte[]> received = s.relay.open(after, req.messages());
                if (after == 1) {
                    List<SetupMessage> out = s.relay.seal(2, s.party.answer(received));
                    s.stepsDone = 2;
                    s.lastActivity = System.nanoTime();
                    return new SetupAnswer(setupId.toString(), config.id(), out);
                }
                Map<Integer, PairSeeds> seeds = s.party.finish(received);
                try {
                    setups.store(s.servers, setupId, seeds);
                } finally {
                    seeds.values().forEach(PairSeeds::destroy);
                }
                end(setupId, s);
                return setups.status(key(clientId, keyId));
            } catch (ProtocolAbort e) {
                end(setupId, s);
                throw s.relay.blame(e);
            } catch (ApiException | IOException | RuntimeException e) {
                end(setupId, s);
                throw e;
            }
        }
    }

    /**
     * Ends this client's earlier setups of the key that are still between steps: a new run replaces them
     * (their client gave up, or was closed mid-run), so abandoned runs do not hold the quota until they expire.
     */
    private void supersede(String clientId, UUID keyId) {
        for (Map.Entry<UUID, Live> e : live.entrySet()) {
            Live s = e.getValue();
            if (s.clientId.equals(clientId) && s.keyId.equals(keyId)) {
                synchronized (s) {
                    if (!s.ended) {
                        end(e.getKey(), s);
                    }
                }
            }
        }
    }

    private void end(UUID setupId, Live s) {
        s.ended = true;
        s.party.abort();
        live.remove(setupId, s);
    }

    private PairwiseSetups.Servers key(String clientId, UUID keyId) throws IOException, ApiException {
        Optional<ShareStore.Row> found = shares.find(keyId);
        if (found.isEmpty() || !found.get().clientId().equals(clientId)) {
            throw ApiException.notFound("no such key on this server");
        }
        ShareStore.Row row = found.get();
        if (row.state() != KeyState.READY || row.publicResult() == null) {
            throw ApiException.conflict("the key is not READY on this server");
        }
        if (!ecdsa(row.curve())) {
            throw ApiException.conflict("a pairwise setup is for ECDSA keys (SECP256K1, P256, P384, P521) only");
        }
        KeygenService.PublicResult result =
                StrictJson.mapper().readValue(row.publicResult(), KeygenService.PublicResult.class);
        return PairwiseSetups.Servers.of(result);
    }

    /** True for the curves that sign with threshold ECDSA and so need a pairwise setup. */
    static boolean ecdsa(String curve) {
        return curve.equals(CurveName.SECP256K1.apiName())
                || curve.equals(CurveName.P256.apiName())
                || curve.equals(CurveName.P384.apiName())
                || curve.equals(CurveName.P521.apiName());
    }

    private String quotaProblem(String clientId) {
        if (live.values().stream().filter(s -> s.clientId.equals(clientId)).count() >= MAX_LIVE_PER_CLIENT) {
            return "this client has " + MAX_LIVE_PER_CLIENT + " setups in progress on this server; wait until they "
                    + "finish or expire";
        }
        return live.size() >= MAX_LIVE ? "too many setups in progress; try again later" : null;
    }

    /** Ends setups idle longer than the TTL (the sweeper). */
    void expire() {
        long now = System.nanoTime();
        for (Map.Entry<UUID, Live> e : live.entrySet()) {
            Live s = e.getValue();
            if (now - s.lastActivity > ttl.toNanos()) {
                synchronized (s) {
                    if (!s.ended && now - s.lastActivity > ttl.toNanos()) {
                        end(e.getKey(), s);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        live.values().forEach(s -> s.party.abort());
        live.clear();
    }
}
