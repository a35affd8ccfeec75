package io.keyshard.node;

import io.keyshard.dkg.Participant;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.dkls.ZeroSharing;
import io.keyshard.json.StrictJson;
import io.keyshard.pairwise.PairSeeds;
import io.keyshard.wire.SetupStatus;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.security.auth.Destroyable;

/**
 * The ECDSA pairwise setups this node holds (DESIGN.md 13.4): for each curve and each peer server the
 * OT-extension seeds both ways and the zero-sharing seed, sealed like the share and bound to curve, the two
 * servers' identity keys and the setup id, in the {@link SetupStore}. A pair belongs to two servers, not to
 * a key: every key those two servers hold on that curve signs with it, and a key names its servers by
 * participant id, mapped here to the identity keys its record holds. A pair is never used once burned:
 * {@link #burn} wipes it, and it stays refused until a fresh setup replaces it. Refusals are 409
 * {@value #SETUP_NEEDED}, naming the peer: the client answers them by running the setup again. Ownership,
 * READY and the curve are the caller's checks.
 */
final class PairwiseSetups implements AutoCloseable {
    /** The error code of a signing that needs a (new) pairwise setup first. */
    static final String SETUP_NEEDED = "SETUP_NEEDED";

    private final NodeConfig config;
    private final ShareStore shares;
    private final ShareSealer sealer;
    private final SetupStore store;

    /**
     * One pair as this node holds it: the setup id (the same at both ends: a signer binds it into its
     * messages, so seeds of two setups never meet), the seeds with this server as OT-extension sender and
     * as receiver, and the zero-sharing seed.
     */
    record PairMaterial(UUID setupId, int peer, OtSeeds asSender, OtSeeds asReceiver, byte[] zeroSeed)
            implements Destroyable {
        @Override
        public void destroy() {
            PairSeeds.wipe(asSender, asReceiver, zeroSeed);
        }

        @Override
        public boolean isDestroyed() {
            return asSender.isBurned() && asReceiver.isBurned();
        }
    }

    /**
     * What a signer takes into {@code dkls.Signer} for one signing: each co-signer's pair setup id, the
     * seeds by co-signer both ways and the zero sharing over the pairs' seeds. One-use: {@link #destroy()}.
     */
    record SignerMaterial(
            Map<Integer, UUID> setupIds,
            Map<Integer, OtSeeds> asSender,
            Map<Integer, OtSeeds> asReceiver,
            ZeroSharing zero)
            implements Destroyable {
        @Override
        public void destroy() {
            asSender.values().forEach(OtSeeds::burn);
            asReceiver.values().forEach(OtSeeds::burn);
            zero.destroy();
        }

        @Override
        public boolean isDestroyed() {
            return asSender.values().stream().allMatch(OtSeeds::isBurned);
        }
    }

    /** A key's curve and servers by participant id, as its record holds them: what names its pairs. */
    record Servers(String curve, Map<Integer, Participant> byId) {
        static Servers of(KeygenService.PublicResult key) {
            Map<Integer, Participant> byId = new TreeMap<>();
            key.setup().participants().forEach(p -> byId.put(p.id(), p));
            return new Servers(key.setup().curve(), byId);
        }

        /** The Ed25519 identity key the key's record holds for server {@code id}. */
        byte[] identity(int id) throws IOException {
            Participant p = byId.get(id);
            if (p == null) {
                throw new IOException("the key's record has no server id " + id);
            }
            return p.signingKey();
        }
    }

    PairwiseSetups(NodeConfig config, ShareStore shares, ShareSealer sealer, SetupStore store) {
        this.config = config;
        this.shares = shares;
        this.sealer = sealer;
        this.store = store;
    }

    /** The setups of the node in {@code files}, sealed with {@code sealer}, for keys of {@code shares}. */
    static PairwiseSetups open(NodeFiles files, NodeConfig config, ShareStore shares, ShareSealer sealer)
            throws IOException {
        return new PairwiseSetups(config, shares, sealer, SetupStore.open(files));
    }

    /**
     * The material of the pair (this server, server {@code peer} of the key) on the key's curve.
     *
     * @throws ApiException 409 {@value #SETUP_NEEDED} naming the peer when the pair has no setup or was burned
     */
    PairMaterial load(UUID keyId, int peer) throws IOException, ApiException {
        return load(servers(keyId), peer);
    }

    private PairMaterial load(Servers key, int peer) throws IOException, ApiException {
        byte[] self = key.identity(config.id());
        byte[] other = key.identity(peer);
        SetupStore.PairRow row = store.row(key.curve(), self, other)
                .orElseThrow(() -> needed("this server has no ECDSA setup with server id " + peer));
        if (row.burned()) {
            throw needed("the ECDSA setup with server id " + peer + " was burned after a failed check; "
                    + "it signs with that server again only after a new setup");
        }
        byte[] plain;
        try {
            plain = sealer.openPair(key.curve(), self, other, row.setupId(), row.sealed());
        } catch (GeneralSecurityException e) {
            throw new IOException("the stored setup seeds do not open: " + e.getMessage(), e);
        }
        try {
            PairSeeds seeds = PairEncoding.decode(peer, plain);
            return new PairMaterial(row.setupId(), peer, seeds.asSender(), seeds.asReceiver(), seeds.zeroSeed());
        } catch (IllegalArgumentException e) {
            throw new IOException("the stored setup seeds are damaged", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * The material for a signing by {@code signers} (this server among them): the pair with every other
     * signer, or 409 {@value #SETUP_NEEDED} naming the first peer without a usable pair. {@code key} is the
     * key's public result as the caller checked it: it maps the signers' ids to their identity keys.
     */
    SignerMaterial forSigners(KeygenService.PublicResult key, Collection<Integer> signers)
            throws IOException, ApiException {
        Servers servers = Servers.of(key);
        Map<Integer, UUID> setupIds = new TreeMap<>();
        Map<Integer, OtSeeds> asSender = new TreeMap<>();
        Map<Integer, OtSeeds> asReceiver = new TreeMap<>();
        Map<Integer, byte[]> zero = new TreeMap<>();
        try {
            for (int peer : new TreeSet<>(signers)) {
                if (peer == config.id()) {
                    continue;
                }
                PairMaterial m = load(servers, peer);
                setupIds.put(peer, m.setupId());
                asSender.put(peer, m.asSender());
                asReceiver.put(peer, m.asReceiver());
                zero.put(peer, m.zeroSeed());
            }
            ZeroSharing sharing = new ZeroSharing(config.id(), zero);
            zero.values().forEach(z -> Arrays.fill(z, (byte) 0));
            return new SignerMaterial(setupIds, asSender, asReceiver, sharing);
        } catch (IOException | ApiException | RuntimeException e) {
            asSender.values().forEach(OtSeeds::burn);
            asReceiver.values().forEach(OtSeeds::burn);
            zero.values().forEach(z -> Arrays.fill(z, (byte) 0));
            throw e;
        }
    }

    /**
     * Wipes the pair (this server, server {@code peer} of the key) and marks it burned, on disk before this
     * returns: every key of the two servers on that curve signs with that peer again only after a new setup.
     * False when there is no such pair.
     */
    boolean burn(UUID keyId, int peer) throws IOException {
        Servers key = servers(keyId);
        return store.burn(key.curve(), key.identity(config.id()), key.identity(peer));
    }

    /** Where the pairs of the key's servers stand on this server. */
    SetupStatus status(UUID keyId) throws IOException {
        return status(servers(keyId));
    }

    /**
     * The pair setup id with each other server of the key, the burned ones, and a state: COMPLETE when every
     * pair is there unburned, BURNED when any is burned, NONE otherwise; {@code setupId} when all pairs are of
     * one setup.
     */
    SetupStatus status(Servers key) throws IOException {
        byte[] self = key.identity(config.id());
        Map<Integer, String> pairs = new TreeMap<>();
        List<Integer> burned = new ArrayList<>();
        for (int peer : key.byId().keySet()) {
            if (peer == config.id()) {
                continue;
            }
            Optional<SetupStore.PairRow> row = store.row(key.curve(), self, key.identity(peer));
            if (row.isPresent()) {
                pairs.put(peer, row.get().setupId().toString());
                if (row.get().burned()) {
                    burned.add(peer);
                }
            }
        }
        boolean all = pairs.size() == key.byId().size() - 1;
        SetupStatus.State state = !burned.isEmpty()
                ? SetupStatus.State.BURNED
                : all ? SetupStatus.State.COMPLETE : SetupStatus.State.NONE;
        String one = all && pairs.values().stream().distinct().count() == 1
                ? pairs.values().iterator().next()
                : null;
        return new SetupStatus(state, one, List.copyOf(key.byId().keySet()), burned, pairs);
    }

    /** Seals and stores the seeds of one finished setup for every peer, replacing those pairs in one transaction. */
    void store(Servers key, UUID setupId, Map<Integer, PairSeeds> seeds) throws IOException {
        byte[] self = key.identity(config.id());
        List<SetupStore.Sealed> sealed = new ArrayList<>();
        for (Map.Entry<Integer, PairSeeds> e : seeds.entrySet()) {
            byte[] peer = key.identity(e.getKey());
            byte[] plain = PairEncoding.encode(e.getValue());
            try {
                sealed.add(new SetupStore.Sealed(peer, sealer.sealPair(key.curve(), self, peer, setupId, plain)));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        store.replace(key.curve(), self, setupId, sealed);
    }

    /** Records a setup id as started; false when this server saw it before. */
    boolean claim(UUID setupId, UUID keyId) throws IOException {
        return store.claim(setupId, keyId);
    }

    /** How many setups this node has started: a step 1 that reached it counts one. */
    int started() throws IOException {
        return store.claimed();
    }

    /** The curve and servers of a key this node holds. */
    Servers servers(UUID keyId) throws IOException {
        Optional<ShareStore.Row> row = shares.find(keyId);
        if (row.isEmpty() || row.get().publicResult() == null) {
            throw new IOException("the key's public result is gone");
        }
        return Servers.of(StrictJson.mapper().readValue(row.get().publicResult(), KeygenService.PublicResult.class));
    }

    private static ApiException needed(String message) {
        return new ApiException(409, SETUP_NEEDED, message);
    }

    @Override
    public void close() {
        store.close();
    }
}
