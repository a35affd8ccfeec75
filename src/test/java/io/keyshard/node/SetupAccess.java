package io.keyshard.node;

import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.PeerEnvelope;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Test-only: what a node holds of a key's ECDSA pairwise setup, read through the product's own load path
 * (sealed seeds opened and checked), from a stopped node's folder or a running in-process node; and a burn,
 * as a signer's failed check would make it.
 */
public final class SetupAccess {
    private SetupAccess() {}

    /** One pair as a node holds it. */
    public record Pair(UUID setupId, OtSeeds asSender, OtSeeds asReceiver, byte[] zeroSeed) {}

    /**
     * A stopped node's status for {@code keyId} and the pairs it holds with the key's other servers, by server id
     * (pairs it holds but refuses to load, burned ones, are in {@code refused} instead).
     */
    public record Held(SetupStatus status, Map<Integer, Pair> pairs, Map<Integer, String> refused) {}

    public static Held read(Path dataDir, UUID keyId) throws Exception {
        try (Opened o = new Opened(dataDir)) {
            return held(o.setups, keyId);
        }
    }

    /** How many setups a stopped node has started (a step 1 that reached it counts one). */
    public static int started(Path dataDir) throws Exception {
        try (Opened o = new Opened(dataDir)) {
            return o.setups.started();
        }
    }

    /** Burns the pair (this node, {@code peer}) of a stopped node, as a failed signing check would. */
    public static boolean burn(Path dataDir, UUID keyId, int peer) throws Exception {
        try (Opened o = new Opened(dataDir)) {
            return o.setups.burn(keyId, peer);
        }
    }

    /** The same for a running in-process node. */
    public static Held read(TestNode node, UUID keyId) throws Exception {
        return held(node.server.setups(), keyId);
    }

    /** How many setups a running in-process node has started. */
    public static int started(TestNode node) throws Exception {
        return node.server.setups().started();
    }

    public static boolean burn(TestNode node, UUID keyId, int peer) throws Exception {
        return node.server.setups().burn(keyId, peer);
    }

    /**
     * A step message from {@code from} to {@code to} sealed and signed as a node would, with any plaintext:
     * what a malicious server holding {@code sender}'s identity keys can send.
     */
    public static SetupMessage forge(
            IdentityKeys sender,
            Participant from,
            Participant to,
            String curve,
            UUID setupId,
            int step,
            byte[] plaintext) {
        PeerEnvelope.Sealed sealed = PeerEnvelope.seal(
                sender,
                to.encryptionKey(),
                SetupRelay.TAG,
                SetupRelay.context(curve, setupId, step, from, to),
                plaintext);
        return new SetupMessage(step, from.id(), to.id(), sealed.ciphertext(), sealed.signature());
    }

    /** The plaintext of a step message from {@code from} as its recipient {@code to} opens it (null when it does not). */
    public static byte[] open(
            IdentityKeys recipient, Participant from, Participant to, String curve, UUID setupId, SetupMessage m) {
        return PeerEnvelope.open(recipient, SetupRelay.context(curve, setupId, m.step(), from, to), m.ciphertext());
    }

    private static Held held(PairwiseSetups setups, UUID keyId) throws Exception {
        SetupStatus status = setups.status(keyId);
        Map<Integer, Pair> pairs = new TreeMap<>();
        Map<Integer, String> refused = new TreeMap<>();
        for (int peer : status.pairs().keySet()) {
            try {
                PairwiseSetups.PairMaterial m = setups.load(keyId, peer);
                pairs.put(peer, new Pair(m.setupId(), m.asSender(), m.asReceiver(), m.zeroSeed()));
            } catch (ApiException e) {
                refused.put(peer, e.code() + ": " + e.getMessage());
            }
        }
        return new Held(status, pairs, refused);
    }

    private static final class Opened implements AutoCloseable {
        final ShareSealer sealer;
        final ShareStore store;
        final PairwiseSetups setups;

        Opened(Path dataDir) throws Exception {
            NodeFiles files = new NodeFiles(dataDir);
            NodeConfig config = files.readConfig();
            sealer = ShareSealer.open(files, config.id());
            store = ShareStore.open(files);
            setups = PairwiseSetups.open(files, config, store, sealer);
        }

        @Override
        public void close() {
            setups.close();
            store.close();
            sealer.close();
        }
    }
}
