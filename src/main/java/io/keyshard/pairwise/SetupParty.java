package io.keyshard.pairwise;

import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.dkls.Check;
import io.keyshard.dkls.Commitment;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.EndemicOt;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.OtExtensionMessage;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.dkls.ProtocolAbort;
import io.keyshard.dkls.ReverseBaseOts;
import io.keyshard.dkls.ZeroSharing;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One server's side of one pairwise setup, in three steps over the relay. Of each pair of servers one
 * ordered pair runs κ endemic base OTs ({@link #chooser}: the server holding Δ in them); the other ordered
 * pair's base OTs come from one OT extension over the first pair's seeds ({@link ReverseBaseOts}), which costs
 * hashing instead of κ more OTs of curve arithmetic. Step 1 sends each peer its base OT message (the
 * receiver's encryptions of a fresh Δ when this server is the chooser, else the sender's {@code z}) and a
 * commitment to its share of the pair's zero seed. Step 2 finishes the base OTs, opens the commitment and,
 * on the non-chooser's side, adds the extension that makes the reverse pair's base OTs; step 3 checks the
 * opening and that extension and gives the {@link PairSeeds}. Every step runs once, in order; a failed check
 * throws {@link ProtocolAbort} naming the peer and wipes what this party held. Every base OT, extension and
 * commitment is bound to its pair's {@link #pairSession}: curve, setup id and the two servers' identity keys.
 * The base OTs run on {@link Group#forBaseOts}: P-256 for the P-384 and P-521 keys.
 */
public final class SetupParty {
    private enum Stage {
        NEW,
        SENT,
        OPENED,
        DONE,
        FAILED
    }

    private final Group g;
    private final DklsCodec codec;
    private final CurveName curve;
    private final UUID setupId;
    private final Map<Integer, byte[]> identities;
    private final int self;
    private final List<Integer> peers;
    private final Map<Integer, EndemicOt.Sender> baseSenders = new TreeMap<>();
    private final Map<Integer, EndemicOt.Receiver> baseReceivers = new TreeMap<>();
    private final Map<Integer, boolean[]> deltas = new TreeMap<>();
    private final Map<Integer, Commitment.Opening> mine = new TreeMap<>();
    private final Map<Integer, byte[]> theirDigests = new TreeMap<>();
    private final Map<Integer, OtSeeds> asSender = new TreeMap<>();
    private final Map<Integer, OtSeeds> asReceiver = new TreeMap<>();
    private final SecureRandom random;
    private Stage stage = Stage.NEW;

    /**
     * @param identities the Ed25519 identity key of each server of the setup by identifier (at least two,
     *     {@code self} among them): a pair's sessions bind the two servers' keys, which name the pair
     */
    public SetupParty(CurveName curve, UUID setupId, int self, Map<Integer, byte[]> identities, SecureRandom random) {
        this.g = Group.forBaseOts(curve);
        this.codec = new DklsCodec(g);
        this.curve = curve;
        this.setupId = setupId;
        this.identities = new TreeMap<>(identities);
        this.self = self;
        this.peers = this.identities.keySet().stream().filter(id -> id != self).toList();
        if (peers.size() + 1 != this.identities.size() || peers.isEmpty()) {
            throw new IllegalArgumentException("a setup needs at least two distinct servers, this one among them");
        }
        this.random = random;
    }

    /**
     * The session of one pair's base OTs or zero seed: curve, setup id and both servers' identifiers and
     * identity keys in the order given (extension sender first for the OTs, lower identifier first for the
     * zero seed), hashed under {@code label}. No key is bound: the pair serves every key of the two servers.
     */
    public static byte[] pairSession(
            String label, CurveName curve, UUID setupId, int first, byte[] firstKey, int second, byte[] secondKey) {
        return Digests.sha256(Framing.frame(
                label,
                curve.apiName().getBytes(StandardCharsets.US_ASCII),
                setupId.toString().getBytes(StandardCharsets.US_ASCII),
                BigEndian.u32(first),
                firstKey,
                BigEndian.u32(second),
                secondKey));
    }

    public List<Integer> peers() {
        return peers;
    }

    /**
     * The server of the pair {@code a, b} that holds Δ in the pair's base OTs (their receiver, and the
     * extension sender of that ordered pair): the lower id when the ids' sum is odd, else the higher. Both
     * ends agree on it from the ids alone, and among three servers each is the chooser once and the base OT
     * sender once, so the step that costs most (the chooser's step 1, the sender's step 2) is spread evenly.
     */
    static int chooser(int a, int b) {
        return ((a + b) & 1) == 1 ? Math.min(a, b) : Math.max(a, b);
    }

    /** Step 1: the message for each peer. */
    public synchronized Map<Integer, byte[]> start() {
        advance(Stage.NEW, Stage.SENT);
        Map<Integer, byte[]> out = new TreeMap<>();
        for (int peer : peers) {
            byte[] baseOt;
            if (chooser(self, peer) == self) {
                boolean[] delta = new boolean[Group.KAPPA];
                for (int l = 0; l < delta.length; l++) {
                    delta[l] = random.nextBoolean();
                }
                EndemicOt.Receiver r = new EndemicOt.Receiver(g, otSession(self, peer), self, peer, delta, random);
                baseReceivers.put(peer, r);
                deltas.put(peer, delta);
                baseOt = codec.encode(r.message());
            } else {
                EndemicOt.Sender s = new EndemicOt.Sender(g, otSession(peer, self), self, peer, random);
                baseSenders.put(peer, s);
                baseOt = codec.encode(s.message());
            }
            Commitment.Opening opening = ZeroSharing.contribute(zeroSession(peer), self, random);
            mine.put(peer, opening);
            out.put(peer, Fields.join(baseOt, opening.digest()));
        }
        return out;
    }

    /**
     * Step 2: finishes the base OTs with every peer's step-1 message and answers each with the opening; the
     * base OT sender adds the extension that makes the reverse pair's base OTs, with itself as the chooser.
     */
    public synchronized Map<Integer, byte[]> answer(Map<Integer, byte[]> received) {
        advance(Stage.SENT, Stage.OPENED);
        requirePeers(received);
        try {
            Map<Integer, byte[]> out = new TreeMap<>();
            for (int peer : peers) {
                byte[][] f = Fields.split(received.get(peer), 2, peer);
                if (f[1].length != Commitment.LENGTH) {
                    throw new ProtocolAbort(peer, Check.SHAPE, "a zero-seed commitment is 32 bytes");
                }
                theirDigests.put(peer, f[1]);
                Commitment.Opening o = mine.get(peer);
                if (chooser(self, peer) == self) {
                    // (self, peer): this server chose with its Δ
                    byte[][] chosen = baseReceivers.get(peer).finish(codec.decodeBaseOtSender(f[0], peer));
                    asSender.put(peer, OtSeeds.forSender(deltas.get(peer), chosen));
                    wipe(chosen);
                    Arrays.fill(deltas.get(peer), false);
                    out.put(peer, Fields.join(o.salt(), o.message()));
                } else {
                    // (peer, self): this server was the base OT sender; (self, peer) is made from its seeds
                    byte[][][] pads = baseSenders.get(peer).finish(codec.decodeBaseOtReceiver(f[0], peer), Group.KAPPA);
                    OtSeeds forward = OtSeeds.forReceiver(pads);
                    for (byte[][] p : pads) {
                        wipe(p);
                    }
                    asReceiver.put(peer, forward);
                    ReverseBaseOts.Started reverse = ReverseBaseOts.start(reverseSession(self, peer), forward, random);
                    asSender.put(peer, reverse.reverseSender());
                    out.put(peer, Fields.join(o.salt(), o.message(), codec.encodeReverseBaseOts(reverse.message())));
                }
            }
            return out;
        } catch (RuntimeException e) {
            fail();
            throw e;
        }
    }

    /** Step 3: checks every peer's opening (and extension, from the base OT sender) and gives the seeds kept for each peer. */
    public synchronized Map<Integer, PairSeeds> finish(Map<Integer, byte[]> received) {
        advance(Stage.OPENED, Stage.DONE);
        requirePeers(received);
        try {
            Map<Integer, PairSeeds> out = new TreeMap<>();
            for (int peer : peers) {
                boolean chose = chooser(self, peer) == self;
                byte[][] f = Fields.split(received.get(peer), chose ? 3 : 2, peer);
                byte[] seed = ZeroSharing.agree(
                        zeroSession(peer), self, mine.get(peer), peer, theirDigests.get(peer), f[0], f[1]);
                if (chose) {
                    OtExtensionMessage ote = codec.decodeReverseBaseOts(f[2], peer);
                    asReceiver.put(
                            peer, ReverseBaseOts.finish(reverseSession(peer, self), asSender.get(peer), ote, peer));
                }
                out.put(peer, new PairSeeds(peer, asSender.get(peer), asReceiver.get(peer), seed));
            }
            mine.values().forEach(o -> Arrays.fill(o.message(), (byte) 0));
            return out;
        } catch (RuntimeException e) {
            fail();
            throw e;
        }
    }

    /** Wipes everything this party holds; later steps are refused. */
    public synchronized void abort() {
        fail();
    }

    private void requirePeers(Map<Integer, byte[]> received) {
        for (int peer : peers) {
            if (received.get(peer) == null) {
                fail();
                throw new ProtocolAbort(peer, Check.SHAPE, "no message from this peer");
            }
        }
        if (received.size() != peers.size()) {
            fail();
            throw new ProtocolAbort(ProtocolAbort.UNATTRIBUTED, Check.SHAPE, "messages from outside the setup");
        }
    }

    private void advance(Stage from, Stage to) {
        if (stage != from) {
            throw new IllegalStateException(
                    stage == Stage.FAILED ? "this setup failed" : "this step of the setup ran already or too early");
        }
        stage = to;
    }

    private void fail() {
        stage = Stage.FAILED;
        asSender.values().forEach(OtSeeds::burn);
        asReceiver.values().forEach(OtSeeds::burn);
        deltas.values().forEach(d -> Arrays.fill(d, false));
        mine.values().forEach(o -> Arrays.fill(o.message(), (byte) 0));
    }

    /** The base OTs of the ordered pair whose extension sender is {@code sender}. */
    private byte[] otSession(int sender, int receiver) {
        return orderedSession("keyshard/ecdsa-setup/v4/ot", sender, receiver);
    }

    /** The extension that makes the base OTs of the ordered pair whose extension sender is {@code sender}. */
    private byte[] reverseSession(int sender, int receiver) {
        return orderedSession("keyshard/ecdsa-setup/v4/reverse-ot", sender, receiver);
    }

    private byte[] orderedSession(String label, int sender, int receiver) {
        return pairSession(label, curve, setupId, sender, identities.get(sender), receiver, identities.get(receiver));
    }

    private byte[] zeroSession(int peer) {
        int low = Math.min(self, peer);
        int high = Math.max(self, peer);
        return pairSession(
                "keyshard/ecdsa-setup/v4/zero", curve, setupId, low, identities.get(low), high, identities.get(high));
    }

    private static void wipe(byte[][] pads) {
        for (byte[] p : pads) {
            Arrays.fill(p, (byte) 0);
        }
    }
}
