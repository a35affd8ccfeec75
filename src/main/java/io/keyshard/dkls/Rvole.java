package io.keyshard.dkls;

import io.keyshard.curve.Scalar;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Two-party random vector OLE, DKLs23 Functionality 3.5 (F^ℓ_RVOLE): the receiver (Bob) gets a
 * random b, the sender (Alice) inputs a_1..a_ℓ, and they end with additive shares c_k + d_k = b·a_k
 * mod q. Realised as DKLs19 Protocol 1 with DKLs23's changes: b is random (so Bob's choice bits
 * β are uniform and {@code b = Σ g_j·β_j} over a public gadget vector g of length ξ = |q| + 2·λ_s
 * derived from the session), one OT extension batch reused for every input (forced reuse), and the
 * check of DKLs23 Section 5.1 in two messages: Alice sends the hash of the check matrix r, Bob
 * recomputes it. The check's challenges χ̃, χ̂ are drawn by Fiat-Shamir after τ is fixed.
 * A failed check burns the pair's OT seeds (selective-abort defence).
 */
public final class Rvole {
    private static final String GADGET = "rvole-gadget";
    private static final String CHI = "rvole-chi";
    private static final String TRANSCRIPT = "rvole-transcript";
    private static final String CHECK = "rvole-check";

    /** Alice's message to Bob: τ (ξ rows of 2ℓ scalars), the check digest, U and γ (ℓ each). */
    public record SenderMessage(Scalar[][] tau, byte[] checkDigest, Scalar[] checkU, Scalar[] gamma) {}

    /** Alice's output shares c_k and her message. */
    public record SenderOutput(Scalar[] shares, SenderMessage message) {}

    private Rvole() {}

    /** The public gadget vector g of length ξ, from the session. */
    static Scalar[] gadget(Group g, byte[] sid) {
        Scalar[] out = new Scalar[g.batchSize()];
        for (int j = 0; j < out.length; j++) {
            out[j] = Oracle.scalar(g.field(), GADGET, sid, Oracle.u32(j));
        }
        return out;
    }

    /** Bob: draws his random input and choice bits, and makes the OT extension message. */
    public static final class Receiver {
        private final Group g;
        private final byte[] sid;
        private final int peer;
        private final OtSeeds seeds;
        private final int ell;
        private final long[] choices;
        private final Scalar b;
        private final Kos15.Receiver kos;

        public Receiver(Group g, byte[] sessionId, int peer, OtSeeds seeds, int ell, SecureRandom random) {
            this.g = g;
            this.sid = sessionId.clone();
            this.peer = peer;
            this.seeds = seeds;
            this.ell = ell;
            int xi = g.batchSize();
            int m = Kos15.rows(xi);
            this.choices = new long[Kos15.words(m)];
            for (int w = 0; w < choices.length; w++) {
                choices[w] = random.nextLong();
            }
            if ((m & 63) != 0) {
                choices[choices.length - 1] &= (1L << (m & 63)) - 1;
            }
            Scalar[] gadget = gadget(g, sid);
            Scalar acc = g.field().zero();
            for (int j = 0; j < xi; j++) {
                acc = acc.add(bit(j).multiply(gadget[j]));
            }
            this.b = acc;
            this.kos = Kos15.receive(sid, seeds, choices, m);
        }

        /** Bob's random input b. */
        public Scalar b() {
            return b;
        }

        public OtExtensionMessage message() {
            return kos.message();
        }

        /** Checks Alice's message and returns d_1..d_ℓ; a failed check burns the seeds and names Alice. */
        public Scalar[] finish(SenderMessage msg) {
            int xi = g.batchSize();
            checkShape(msg, xi);
            Scalar[][] z = CorrelatedOt.receive(g, sid, kos.tRows(), choices, xi, msg.tau());
            Scalar[][] chi = challenges(g, sid, kos.message(), msg.tau(), ell);
            ByteArrayOutputStream r = new ByteArrayOutputStream();
            for (int k = 0; k < ell; k++) {
                for (int j = 0; j < xi; j++) {
                    Scalar rb = chi[0][k].multiply(z[j][k]).add(chi[1][k].multiply(z[j][ell + k]));
                    r.writeBytes(bit(j).multiply(msg.checkU()[k]).subtract(rb).encode());
                }
            }
            if (!MessageDigest.isEqual(Oracle.hash32(CHECK, sid, r.toByteArray()), msg.checkDigest())) {
                seeds.burn();
                throw new ProtocolAbort(
                        peer, Check.MULTIPLICATION, "the multiplication check failed; the pair's OT setup is burned");
            }
            Scalar[] gadget = gadget(g, sid);
            Scalar[] d = new Scalar[ell];
            for (int k = 0; k < ell; k++) {
                Scalar acc = b.multiply(msg.gamma()[k]);
                for (int j = 0; j < xi; j++) {
                    acc = acc.add(gadget[j].multiply(z[j][k]));
                }
                d[k] = acc;
            }
            return d;
        }

        private Scalar bit(int j) {
            return g.field().reduce(new byte[] {(byte) ((choices[j >>> 6] >>> (j & 63)) & 1L)}, false);
        }

        private void checkShape(SenderMessage msg, int xi) {
            boolean ok = msg.tau() != null
                    && msg.tau().length == xi
                    && msg.checkDigest() != null
                    && msg.checkDigest().length == 32
                    && msg.checkU() != null
                    && msg.checkU().length == ell
                    && msg.gamma() != null
                    && msg.gamma().length == ell;
            for (int j = 0; ok && j < xi; j++) {
                ok = msg.tau()[j] != null && msg.tau()[j].length == 2 * ell;
            }
            if (!ok) {
                throw new ProtocolAbort(peer, Check.SHAPE, "multiplication message of the wrong size");
            }
        }
    }

    /** Alice: checks Bob's OT extension message and answers with inputs a_1..a_ℓ. */
    public static SenderOutput send(
            Group g,
            byte[] sessionId,
            int peer,
            OtSeeds seeds,
            Scalar[] inputs,
            OtExtensionMessage msg,
            SecureRandom random) {
        byte[] sid = sessionId.clone();
        int xi = g.batchSize();
        int ell = inputs.length;
        long[][] q = Kos15.send(sid, seeds, msg, Kos15.rows(xi), peer);
        Scalar[] alpha = new Scalar[2 * ell];
        for (int k = 0; k < alpha.length; k++) {
            alpha[k] = g.random(random);
        }
        CorrelatedOt.SenderOutput cot = CorrelatedOt.send(g, sid, q, seeds.delta(), xi, alpha);
        Scalar[][] z = cot.shares();
        Scalar[][] chi = challenges(g, sid, msg, cot.tau(), ell);
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        Scalar[] u = new Scalar[ell];
        Scalar[] gamma = new Scalar[ell];
        Scalar[] gadget = gadget(g, sid);
        Scalar[] c = new Scalar[ell];
        for (int k = 0; k < ell; k++) {
            Scalar acc = g.field().zero();
            for (int j = 0; j < xi; j++) {
                r.writeBytes(chi[0][k]
                        .multiply(z[j][k])
                        .add(chi[1][k].multiply(z[j][ell + k]))
                        .encode());
                acc = acc.add(gadget[j].multiply(z[j][k]));
            }
            c[k] = acc;
            u[k] = chi[0][k].multiply(alpha[k]).add(chi[1][k].multiply(alpha[ell + k]));
            gamma[k] = inputs[k].subtract(alpha[k]);
        }
        for (Scalar a : alpha) {
            a.destroy();
        }
        byte[] digest = Oracle.hash32(CHECK, sid, r.toByteArray());
        return new SenderOutput(c, new SenderMessage(cot.tau(), digest, u, gamma));
    }

    /** χ̃_k and χ̂_k from the session and the whole transcript (Bob's message and τ). */
    private static Scalar[][] challenges(Group g, byte[] sid, OtExtensionMessage msg, Scalar[][] tau, int ell) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (long[] col : msg.u()) {
            t.writeBytes(Gf256.toBytes(col));
        }
        t.writeBytes(Gf256.toBytes(msg.xTilde()));
        t.writeBytes(Gf256.toBytes(msg.tTilde()));
        for (Scalar[] row : tau) {
            for (Scalar s : row) {
                t.writeBytes(s.encode());
            }
        }
        byte[] digest = Oracle.hash32(TRANSCRIPT, sid, t.toByteArray());
        Scalar[][] chi = new Scalar[2][ell];
        for (int k = 0; k < ell; k++) {
            chi[0][k] = Oracle.scalar(g.field(), CHI, sid, digest, Oracle.u32(k), new byte[] {0});
            chi[1][k] = Oracle.scalar(g.field(), CHI, sid, digest, Oracle.u32(k), new byte[] {1});
        }
        return chi;
    }
}
