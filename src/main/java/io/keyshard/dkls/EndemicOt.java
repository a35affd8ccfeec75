package io.keyshard.dkls;

import io.keyshard.curve.FixedBaseMultiplier;
import io.keyshard.curve.Point;
import io.keyshard.curve.PointBatch;
import io.keyshard.curve.PointSelect;
import io.keyshard.curve.Scalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A batch of random 1-out-of-2 base OTs: the endemic OT of Zhou et al. ("Endemic Oblivious Transfer
 * via Random Oracles, Revisited", ePrint 2022/1525, Section 3), instantiated over the signing curve
 * as DKLs23 suggests (page 30) and as 0xCarbon/DKLs23 does, with h hashed to the curve. The sender
 * sends {@code z = s·G} with a {@link DlogProof}; the receiver, for each choice bit b, sends
 * {@code (u, v) = (r·h, r·G + b·h)} with an {@link EncryptionProof}. The sender's pads are
 * {@code H(s·v)} and {@code H(s·(v - h))}; the receiver's is {@code H(r·z)}. One round each way,
 * in either order.
 */
public final class EndemicOt {
    /** Length of each output pad (an OT-extension seed). */
    public static final int PAD_LENGTH = 32;

    private static final String PAD = "base-ot-pad";

    /** The sender's message: z and its proof. */
    public record SenderMessage(Point z, DlogProof proof) {}

    /** One receiver encryption of a choice bit. */
    public record Encryption(Point u, Point v, EncryptionProof proof) {}

    /** The receiver's message: the seed h is hashed from, and one encryption per OT. */
    public record ReceiverMessage(byte[] seed, List<Encryption> encryptions) {
        public ReceiverMessage {
            encryptions = List.copyOf(encryptions);
        }
    }

    private EndemicOt() {}

    /** The party that ends with both pads of every OT. */
    public static final class Sender {
        private final Group g;
        private final byte[] sid;
        private final int self;
        private final int peer;
        private final Scalar s;
        private final SenderMessage message;
        private final SecureRandom random;

        public Sender(Group g, byte[] sessionId, int self, int peer, SecureRandom random) {
            this.g = g;
            this.random = random;
            this.sid = sessionId.clone();
            this.self = self;
            this.peer = peer;
            this.s = g.randomNonZero(random);
            Point z = g.base(s);
            this.message = new SenderMessage(z, DlogProof.prove(g, sid, self, s, random));
        }

        public SenderMessage message() {
            return message;
        }

        /**
         * Checks every encryption proof (in one batch) and returns {@code pads[l] = {m0, m1}}; aborts naming
         * the receiver. {@code s·(v - h)} is {@code s·v - s·h} with {@code s·h} computed once: one secret
         * multiplication per OT, all of them with one recoding of s and one inversion.
         */
        public byte[][][] finish(ReceiverMessage m, int count) {
            if (m.seed() == null
                    || m.seed().length != PAD_LENGTH
                    || m.encryptions().size() != count) {
                throw new ProtocolAbort(peer, Check.SHAPE, "expected " + count + " base OT encryptions");
            }
            Point h = HashToCurve.hash(g, sid, Oracle.u32(peer), m.seed());
            byte[][] sids = new byte[count][];
            List<Point> us = new ArrayList<>(count);
            List<Point> vs = new ArrayList<>(count);
            List<EncryptionProof> proofs = new ArrayList<>(count);
            for (int l = 0; l < count; l++) {
                Encryption e = m.encryptions().get(l);
                if (e.v().equals(h)) {
                    // v - h would be the identity: only a receiver that knows log(h) gets here
                    throw new ProtocolAbort(peer, Check.ENCRYPTION_PROOF, "base OT " + l + " has v = h");
                }
                sids[l] = instance(sid, l);
                us.add(e.u());
                vs.add(e.v());
                proofs.add(e.proof());
            }
            EncryptionProof.verifyAll(g, sids, peer, h, us, vs, proofs, random);
            // s·v for every v and s·h, in one batch; then s·v - s·h for every v, made affine together
            List<Point> bases = new ArrayList<>(vs);
            bases.add(h);
            Point[] products = g.timesSecretAll(s, bases);
            Point[] sv = Arrays.copyOf(products, count);
            Point[] minusSh = new Point[count];
            Arrays.fill(minusSh, products[count].negate());
            Point[] svMinusSh = PointBatch.sums(sv, minusSh);
            byte[][][] pads = new byte[count][2][];
            for (int l = 0; l < count; l++) {
                pads[l][0] = pad(sids[l], sv[l]);
                pads[l][1] = pad(sids[l], svMinusSh[l]);
            }
            s.destroy();
            return pads;
        }
    }

    /** The party that ends with the pad of its choice bit in every OT. */
    public static final class Receiver {
        private final Group g;
        private final byte[] sid;
        private final int peer;
        private final Scalar[] r;
        private final ReceiverMessage message;

        public Receiver(Group g, byte[] sessionId, int self, int peer, boolean[] choices, SecureRandom random) {
            this.g = g;
            this.sid = sessionId.clone();
            this.peer = peer;
            byte[] seed = new byte[PAD_LENGTH];
            random.nextBytes(seed);
            Point h = HashToCurve.hash(g, sid, Oracle.u32(self), seed);
            FixedBaseMultiplier hTimes = g.multiplier(h);
            int count = choices.length;
            // the draws in the order of one OT after the other: r, then the proof's nonces
            this.r = new Scalar[count];
            EncryptionProof.Nonces[] nonces = new EncryptionProof.Nonces[count];
            byte[][] sids = new byte[count][];
            for (int l = 0; l < count; l++) {
                r[l] = g.randomNonZero(random);
                nonces[l] = EncryptionProof.Nonces.draw(g, random);
                sids[l] = instance(sid, l);
            }
            Point[] u = hTimes.timesAll(r);
            Point[] rg = g.baseAll(r);
            Point[] hs = new Point[count];
            Arrays.fill(hs, h);
            Point[] rgh = PointBatch.sums(rg, hs);
            int[] bits = new int[count];
            Point[] v = new Point[count];
            for (int l = 0; l < count; l++) {
                // the one place a bit is a boolean; from here on it is 0 or 1 in masks
                bits[l] = choices[l] ? 1 : 0;
                // r·G + h is made for every bit, so no arithmetic follows it; the pick is a masked one
                v[l] = PointSelect.select(bits[l], rg[l], rgh[l]);
            }
            EncryptionProof[] proofs = EncryptionProof.proveAll(g, sids, hTimes, h, u, v, r, bits, nonces);
            Arrays.fill(bits, 0);
            List<Encryption> out = new ArrayList<>(count);
            for (int l = 0; l < count; l++) {
                out.add(new Encryption(u[l], v[l], proofs[l]));
            }
            this.message = new ReceiverMessage(seed, out);
        }

        public ReceiverMessage message() {
            return message;
        }

        /** Checks the sender's proof and returns the chosen pad of every OT; aborts naming the sender. */
        public byte[][] finish(SenderMessage m) {
            m.proof().verify(g, sid, peer, m.z());
            byte[][] pads = new byte[r.length][];
            Point[] rz = g.multiplier(m.z()).timesAll(r);
            for (int l = 0; l < r.length; l++) {
                pads[l] = pad(instance(sid, l), rz[l]);
                r[l].destroy();
            }
            return pads;
        }
    }

    static byte[] instance(byte[] sid, int l) {
        return Oracle.hash32("base-ot-instance", sid, Oracle.u32(l));
    }

    private static byte[] pad(byte[] sidL, Point p) {
        return Oracle.hash(PAD, PAD_LENGTH, sidL, p.encode());
    }
}
