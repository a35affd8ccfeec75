package io.keyshard.dkls;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Two-party random vector OLE, DKLs23 Functionality 3.5 (F^ℓ_RVOLE): the receiver (Bob) gets a
 * random b, the sender (Alice) inputs a_1..a_ℓ, and they end with additive shares c_k + d_k = b·a_k
 * mod q. Realised as DKLs19 Protocol 1 with DKLs23's changes: b is random (so Bob's choice bits
 * β are uniform and {@code b = Σ g_j·β_j} over a public gadget vector g of length ξ = |q| + 2·λ_s),
 * one OT extension batch reused for every input (forced reuse), and the check of DKLs23 Section 5.1
 * in two messages: Alice sends the hash of the check matrix r, Bob recomputes it. The check's
 * challenges χ̃, χ̂ are drawn by Fiat-Shamir after τ is fixed. A failed check burns the pair's OT
 * seeds (selective-abort defence). The long vectors are {@link ModQ} Montgomery forms.
 */
public final class Rvole {
    private static final String GADGET = "rvole-gadget";
    private static final String CHI = "rvole-chi";
    private static final String TRANSCRIPT = "rvole-transcript";
    private static final String CHECK = "rvole-check";
    private static final Map<CurveName, long[]> GADGETS = new EnumMap<>(CurveName.class);

    /**
     * Alice's message to Bob: τ (ξ rows of 2ℓ scalars, row j's entry k the (2ℓ·j + k)-th canonical encoding,
     * as sent), the check digest, U and γ (ℓ each). τ stays bytes from Alice's correlated OT to Bob's: the
     * thousands of entries of an answer are never scalar objects.
     */
    public record SenderMessage(byte[] tau, byte[] checkDigest, Scalar[] checkU, Scalar[] gamma) {}

    /** Alice's output shares c_k and her message. */
    public record SenderOutput(Scalar[] shares, SenderMessage message) {}

    private Rvole() {}

    /**
     * The public gadget vector g of length ξ (Montgomery forms), one per curve: a random-oracle output
     * of the curve's name, as public and as independent of any party's choices as the paper's uniform
     * public vector; made once, since 416 to 681 hashes per signature were a tenth of its time.
     */
    static synchronized long[] gadget(Group g) {
        return GADGETS.computeIfAbsent(g.curve().name(), name -> {
            ModQ f = ModQ.of(g);
            long[] out = f.vector(g.batchSize());
            long[] t = f.scratch();
            byte[] curve = name.apiName().getBytes(StandardCharsets.UTF_8);
            for (int j = 0; j < g.batchSize(); j++) {
                f.load(Oracle.scalar(g.field(), GADGET, curve, Oracle.u32(j)), out, j * f.n, t);
            }
            return out;
        });
    }

    /** Bob: draws his random input and choice bits, and makes the OT extension message. */
    public static final class Receiver {
        private final Group g;
        private final ModQ f;
        private final byte[] sid;
        private final int peer;
        private final OtSeeds seeds;
        private final int ell;
        private final long[] choices;
        private final long[] bMont;
        private final Scalar b;
        private final Kos15.Receiver kos;

        public Receiver(Group g, byte[] sessionId, int peer, OtSeeds seeds, int ell, SecureRandom random) {
            this.g = g;
            this.f = ModQ.of(g);
            this.sid = sessionId.clone();
            this.peer = peer;
            this.seeds = seeds;
            this.ell = ell;
            int xi = g.batchSize();
            int m = Kos15.rows(xi);
            this.choices = Kos15.randomChoices(m, random);
            long[] gadget = gadget(g);
            this.bMont = f.vector(1);
            for (int j = 0; j < xi; j++) {
                f.addMasked(bMont, 0, gadget, j * f.n, mask(j), bMont, 0);
            }
            this.b = f.scalar(bMont, 0, f.scratch());
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
            int n = f.n;
            int w = 2 * ell;
            long[] t = f.scratch();
            long[] tau = f.vector(xi * w);
            byte[] tauBytes = msg.tau();
            int len = g.field().byteLength();
            boolean canonical = true;
            for (int e = 0; e < xi * w; e++) {
                canonical &= f.loadPublic(tauBytes, e * len, tau, e * n, t);
            }
            // The codec refuses these already; a message made in memory is held to the same rule.
            if (!canonical) {
                throw new ProtocolAbort(peer, Check.ENCODING, "a correlation entry is not below the group order");
            }
            long[] z = CorrelatedOt.receive(f, sid, kos.tRows(), choices, xi, tau, w);
            long[] chi = challenges(g, f, sid, kos.columns(), kos.message(), tauBytes, ell);
            long[] u = f.vector(ell);
            for (int k = 0; k < ell; k++) {
                f.load(msg.checkU()[k], u, k * n, t);
            }
            byte[] r = new byte[ell * xi * 8 * n];
            long[] entry = f.vector(1);
            long[] prod = f.vector(1);
            for (int k = 0; k < ell; k++) {
                for (int j = 0; j < xi; j++) {
                    int at = j * w * n;
                    f.mul(chi, k * n, z, at + k * n, entry, 0, t);
                    f.mul(chi, (ell + k) * n, z, at + (ell + k) * n, prod, 0, t);
                    f.add(entry, 0, prod, 0, entry, 0);
                    // β_j·U_k - entry, as β_j·U_k + (-entry)
                    f.negate(entry, 0, entry, 0);
                    f.addMasked(entry, 0, u, k * n, mask(j), entry, 0);
                    f.write(entry, 0, r, (k * xi + j) * 8 * n);
                }
            }
            if (!MessageDigest.isEqual(Oracle.bulk(CHECK, 32, sid, r), msg.checkDigest())) {
                seeds.burn();
                throw new ProtocolAbort(
                        peer, Check.MULTIPLICATION, "the multiplication check failed; the pair's OT setup is burned");
            }
            long[] gadget = gadget(g);
            Scalar[] d = new Scalar[ell];
            long[] acc = f.vector(1);
            for (int k = 0; k < ell; k++) {
                f.load(msg.gamma()[k], prod, 0, t);
                f.mul(bMont, 0, prod, 0, acc, 0, t);
                for (int j = 0; j < xi; j++) {
                    f.mul(gadget, j * n, z, (j * w + k) * n, prod, 0, t);
                    f.add(acc, 0, prod, 0, acc, 0);
                }
                d[k] = f.scalar(acc, 0, t);
            }
            Arrays.fill(z, 0);
            Arrays.fill(r, (byte) 0);
            Arrays.fill(entry, 0);
            Arrays.fill(prod, 0);
            Arrays.fill(acc, 0);
            Arrays.fill(bMont, 0);
            return d;
        }

        /** -1 when Bob's choice bit j is set, else 0. */
        private long mask(int j) {
            return -((choices[j >>> 6] >>> (j & 63)) & 1L);
        }

        private void checkShape(SenderMessage msg, int xi) {
            int len = g.field().byteLength();
            boolean ok = msg.tau() != null
                    && msg.tau().length == xi * 2 * ell * len
                    && msg.checkDigest() != null
                    && msg.checkDigest().length == 32
                    && msg.checkU() != null
                    && msg.checkU().length == ell
                    && msg.gamma() != null
                    && msg.gamma().length == ell;
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
        ModQ f = ModQ.of(g);
        int n = f.n;
        int xi = g.batchSize();
        int ell = inputs.length;
        int w = 2 * ell;
        long[] t = f.scratch();
        Kos15.Sender ote = Kos15.extend(sid, seeds, msg, Kos15.rows(xi), peer);
        long[][] q = ote.qRows();
        long[] alpha = f.vector(w);
        byte[] draw = new byte[f.wideBytes()];
        for (int k = 0; k < w; k++) {
            random.nextBytes(draw);
            f.reduceWide(draw, 0, alpha, k * n, t);
        }
        Arrays.fill(draw, (byte) 0);
        CorrelatedOt.SenderOutput cot = CorrelatedOt.send(f, sid, q, seeds.delta(), xi, alpha, w);
        long[] z = cot.shares();
        int len = g.field().byteLength();
        byte[] tau = new byte[xi * w * len];
        for (int e = 0; e < xi * w; e++) {
            f.canonical(cot.tau(), e * n, tau, e * len, t);
        }
        long[] chi = challenges(g, f, sid, ote.columns(), msg, tau, ell);
        byte[] r = new byte[ell * xi * 8 * n];
        long[] gadget = gadget(g);
        long[] entry = f.vector(1);
        long[] prod = f.vector(1);
        long[] acc = f.vector(1);
        Scalar[] c = new Scalar[ell];
        Scalar[] u = new Scalar[ell];
        Scalar[] gamma = new Scalar[ell];
        for (int k = 0; k < ell; k++) {
            Arrays.fill(acc, 0);
            for (int j = 0; j < xi; j++) {
                int at = j * w * n;
                f.mul(chi, k * n, z, at + k * n, entry, 0, t);
                f.mul(chi, (ell + k) * n, z, at + (ell + k) * n, prod, 0, t);
                f.add(entry, 0, prod, 0, entry, 0);
                f.write(entry, 0, r, (k * xi + j) * 8 * n);
                f.mul(gadget, j * n, z, at + k * n, prod, 0, t);
                f.add(acc, 0, prod, 0, acc, 0);
            }
            c[k] = f.scalar(acc, 0, t);
            f.mul(chi, k * n, alpha, k * n, entry, 0, t);
            f.mul(chi, (ell + k) * n, alpha, (ell + k) * n, prod, 0, t);
            f.add(entry, 0, prod, 0, entry, 0);
            u[k] = f.scalar(entry, 0, t);
            f.load(inputs[k], prod, 0, t);
            f.sub(prod, 0, alpha, k * n, prod, 0);
            gamma[k] = f.scalar(prod, 0, t);
        }
        byte[] digest = Oracle.bulk(CHECK, 32, sid, r);
        for (long[] v : new long[][] {alpha, z, cot.tau(), entry, prod, acc}) {
            Arrays.fill(v, 0);
        }
        Arrays.fill(r, (byte) 0);
        return new SenderOutput(c, new SenderMessage(tau, digest, u, gamma));
    }

    /**
     * χ̃_k and χ̂_k (Montgomery forms, χ̃ first) from the session and the whole transcript: Bob's
     * message (its columns by their digest) and τ as sent.
     */
    private static long[] challenges(
            Group g, ModQ f, byte[] sid, byte[] columns, OtExtensionMessage msg, byte[] tau, int ell) {
        byte[] t = new byte[columns.length + 8 * 2 * Gf256.WORDS + tau.length];
        System.arraycopy(columns, 0, t, 0, columns.length);
        int off = put(msg.xTilde(), t, columns.length);
        off = put(msg.tTilde(), t, off);
        System.arraycopy(tau, 0, t, off, tau.length);
        byte[] digest = Oracle.bulk(TRANSCRIPT, 32, sid, t);
        long[] chi = f.vector(2 * ell);
        long[] scratch = f.scratch();
        for (int k = 0; k < ell; k++) {
            f.load(Oracle.scalar(g.field(), CHI, sid, digest, Oracle.u32(k), new byte[] {0}), chi, k * f.n, scratch);
            f.load(
                    Oracle.scalar(g.field(), CHI, sid, digest, Oracle.u32(k), new byte[] {1}),
                    chi,
                    (ell + k) * f.n,
                    scratch);
        }
        return chi;
    }

    private static int put(long[] words, byte[] out, int off) {
        Words.putLe(words, 0, words.length, out, off);
        return off + 8 * words.length;
    }
}
