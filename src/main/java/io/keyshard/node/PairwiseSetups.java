package io.keyshard.node;

import io.keyshard.dkg.ShareContext;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.dkls.ZeroSharing;
import io.keyshard.json.StrictJson;
import io.keyshard.pairwise.PairSeeds;
import io.keyshard.wire.SetupStatus;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.security.auth.Destroyable;

/**
 * The ECDSA pairwise setups this node holds (DESIGN.md 13.4): for each key and each peer of its setup the
 * OT-extension seeds both ways and the zero-sharing seed, sealed like the share and bound to key, curve,
 * setup and peer, in the {@link SetupStore}. A pair is used only when every pair of the key's current
 * setup id is present, and never once burned: {@link #burn} wipes it and the store refuses it until a
 * fresh setup replaces the key's pairs. Refusals are 409 {@value #SETUP_NEEDED}, naming the peer: the
 * client answers them by running the setup again. Ownership, READY and the curve are the caller's checks.
 */
final class PairwiseSetups implements AutoCloseable {
    /** The error code of a signing that needs a (new) pairwise setup first. */
    static final String SETUP_NEEDED = "SETUP_NEEDED";

    private final NodeConfig config;
    private final ShareStore shares;
    private final ShareSealer sealer;
    private final SetupStore store;

    /**
     * One pair of a key's current setup as this node holds it: the setup id (the same at both ends of
     * every pair of one setup: a signer binds it into its messages, so seeds of two setups never meet),
     * the seeds with this server as OT-extension sender and as receiver, and the zero-sharing seed.
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
     * What a signer takes into {@code dkls.Signer} for one signing with {@code signers}: the seeds by peer
     * both ways and the zero sharing over the pairs' seeds. One-use: {@link #destroy()} after the signing.
     */
    record SignerMaterial(
            UUID setupId, Map<Integer, OtSeeds> asSender, Map<Integer, OtSeeds> asReceiver, ZeroSharing zero)
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
     * The material of the pair (this server, {@code peer}) of the key's current setup.
     *
     * @throws ApiException 409 {@value #SETUP_NEEDED} naming the peer when the key has no complete setup,
     *     the peer is not in it, or the pair was burned
     */
    PairMaterial load(UUID keyId, int peer) throws IOException, ApiException {
        return load(keyId, contextHash(keyId), peer);
    }

    /** {@link #load(UUID, int)} with the key's binding hash {@code context} already at hand. */
    private PairMaterial load(UUID keyId, byte[] context, int peer) throws IOException, ApiException {
        List<SetupStore.PairRow> rows = completeRows(keyId);
        SetupStore.PairRow row = rows.stream()
                .filter(r -> r.peer() == peer)
                .findFirst()
                .orElseThrow(() -> needed("the key's ECDSA setup on this server does not include server id " + peer));
        if (row.burned()) {
            throw needed("the ECDSA setup with server id " + peer + " was burned after a failed check; "
                    + "it signs with that server again only after a new setup");
        }
        byte[] plain;
        try {
            plain = sealer.openPair(keyId, row.curve(), context, row.setupId(), peer, row.sealed());
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
     * The material for a signing by {@code signers} (this server among them): every other signer's pair
     * of one setup, or 409 {@value #SETUP_NEEDED} naming the first peer without a usable pair. {@code key} is
     * the key's public result as the caller checked it: its binding hash is the pairs' sealing context, so
     * the share row is not read and parsed again for every peer.
     */
    SignerMaterial forSigners(UUID keyId, KeygenService.PublicResult key, Collection<Integer> signers)
            throws IOException, ApiException {
        byte[] context = ShareContext.bindingHash(key.result());
        Map<Integer, OtSeeds> asSender = new TreeMap<>();
        Map<Integer, OtSeeds> asReceiver = new TreeMap<>();
        Map<Integer, byte[]> zero = new TreeMap<>();
        UUID setupId = null;
        try {
            for (int peer : new TreeSet<>(signers)) {
                if (peer == config.id()) {
                    continue;
                }
                PairMaterial m = load(keyId, context, peer);
                setupId = m.setupId();
                asSender.put(peer, m.asSender());
                asReceiver.put(peer, m.asReceiver());
                zero.put(peer, m.zeroSeed());
            }
            ZeroSharing sharing = new ZeroSharing(config.id(), zero);
            zero.values().forEach(z -> Arrays.fill(z, (byte) 0));
            return new SignerMaterial(setupId, asSender, asReceiver, sharing);
        } catch (IOException | ApiException | RuntimeException e) {
            asSender.values().forEach(OtSeeds::burn);
            asReceiver.values().forEach(OtSeeds::burn);
            zero.values().forEach(z -> Arrays.fill(z, (byte) 0));
            throw e;
        }
    }

    /**
     * Wipes the pair (this server, {@code peer}) and marks it burned, on disk before this returns: the
     * key signs with that peer again only after a new setup. False when the key has no such pair.
     */
    boolean burn(UUID keyId, int peer) throws IOException {
        return store.burn(keyId, peer);
    }

    /** True when every pair of the key's current setup is stored and none is burned. */
    boolean isComplete(UUID keyId) throws IOException {
        return status(keyId).state() == SetupStatus.State.COMPLETE;
    }

    /** Where the key's setup stands on this server. */
    SetupStatus status(UUID keyId) throws IOException {
        List<SetupStore.PairRow> rows = store.rows(keyId);
        if (!complete(rows)) {
            return SetupStatus.none();
        }
        List<Integer> burned = rows.stream()
                .filter(SetupStore.PairRow::burned)
                .map(SetupStore.PairRow::peer)
                .toList();
        SetupStore.PairRow first = rows.get(0);
        return new SetupStatus(
                burned.isEmpty() ? SetupStatus.State.COMPLETE : SetupStatus.State.BURNED,
                first.setupId().toString(),
                first.servers(),
                burned);
    }

    /** Seals and stores the seeds of one finished setup for every peer, replacing the key's pairs in one transaction. */
    void store(UUID keyId, String curve, UUID setupId, List<Integer> servers, Map<Integer, PairSeeds> seeds)
            throws IOException {
        byte[] context = contextHash(keyId);
        Map<Integer, byte[]> sealed = new TreeMap<>();
        for (Map.Entry<Integer, PairSeeds> e : seeds.entrySet()) {
            byte[] plain = PairEncoding.encode(e.getValue());
            try {
                sealed.put(e.getKey(), sealer.sealPair(keyId, curve, context, setupId, e.getKey(), plain));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        store.replace(keyId, setupId, curve, servers, sealed);
    }

    /** Records a setup id as started; false when this server saw it before. */
    boolean claim(UUID setupId, UUID keyId) throws IOException {
        return store.claim(setupId, keyId);
    }

    /** The rows of the key's setup when all its pairs are there; 409 otherwise. */
    private List<SetupStore.PairRow> completeRows(UUID keyId) throws IOException, ApiException {
        List<SetupStore.PairRow> rows = store.rows(keyId);
        if (!complete(rows)) {
            throw needed("the key has no complete ECDSA setup on this server");
        }
        return rows;
    }

    /** One setup id and server list on every row, and a row for every other server of that list. */
    private boolean complete(List<SetupStore.PairRow> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        SetupStore.PairRow first = rows.get(0);
        Set<Integer> expected = new HashSet<>(first.servers());
        if (!expected.remove(config.id())) {
            return false;
        }
        Set<Integer> present = new HashSet<>();
        for (SetupStore.PairRow r : rows) {
            if (!r.setupId().equals(first.setupId()) || !r.servers().equals(first.servers())) {
                return false;
            }
            present.add(r.peer());
        }
        return present.equals(expected) && rows.size() == expected.size();
    }

    private byte[] contextHash(UUID keyId) throws IOException {
        Optional<ShareStore.Row> row = shares.find(keyId);
        if (row.isEmpty() || row.get().publicResult() == null) {
            throw new IOException("the key's public result is gone");
        }
        KeygenService.PublicResult result =
                StrictJson.mapper().readValue(row.get().publicResult(), KeygenService.PublicResult.class);
        return ShareContext.bindingHash(result.result());
    }

    private static ApiException needed(String message) {
        return new ApiException(409, SETUP_NEEDED, message);
    }

    @Override
    public void close() {
        store.close();
    }
}
