package io.keyshard.dkls;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Actively secure 1-out-of-2 OT extension of Keller, Orsini and Scholl ("Actively Secure OT
 * Extension with Optimal Overhead", CRYPTO 2015, ePrint 2015/546, corrected version), as
 * 0xCarbon/DKLs23 uses it in place of SoftSpokenOT: κ = 256 base OTs extended to m rows, of which
 * the last κ + λ_s are random padding that hides the receiver's choices in the check. The
 * consistency check challenge χ is drawn by Fiat-Shamir from the session and the digest of the
 * receiver's columns. The sender ends with rows q_j = t_j ⊕ x_j·Δ, the receiver with rows t_j.
 */
final class Kos15 {
    private static final String PRG = "ote-prg";
    private static final String CHI = "ote-chi";
    private static final String COLUMNS = "ote-columns";

    private Kos15() {}

    /** Rows the extension makes for {@code used} OTs: the padding of the check added. */
    static int rows(int used) {
        return used + Group.KAPPA + Group.STATISTICAL_SECURITY;
    }

    /** The receiver's state: its rows t_j, the message to send and the digest of its columns. */
    record Receiver(long[][] tRows, OtExtensionMessage message, byte[] columns) {}

    /** The sender's rows q_j and the digest of the receiver's columns. */
    record Sender(long[][] qRows, byte[] columns) {}

    /** m random choice bits, packed as {@link #receive} takes them (bits past m zero). */
    static long[] randomChoices(int m, SecureRandom random) {
        long[] choices = new long[words(m)];
        for (int w = 0; w < choices.length; w++) {
            choices[w] = random.nextLong();
        }
        if ((m & 63) != 0) {
            choices[choices.length - 1] &= (1L << (m & 63)) - 1;
        }
        return choices;
    }

    /** Receiver side for m choice bits (packed little-endian in 64-bit words). */
    static Receiver receive(byte[] sid, OtSeeds seeds, long[] choices, int m) {
        seeds.claim(sid);
        int words = words(m);
        Oracle.Keyed prg = Oracle.keyed(PRG, sid);
        long[][] u = new long[Group.KAPPA][];
        long[][] t0 = new long[Group.KAPPA][];
        try {
            for (int i = 0; i < Group.KAPPA; i++) {
                t0[i] = prg(prg, seeds.pad(i, 0), m);
                long[] t1 = prg(prg, seeds.pad(i, 1), m);
                u[i] = new long[words];
                for (int w = 0; w < words; w++) {
                    u[i][w] = t0[i][w] ^ t1[w] ^ choices[w];
                }
            }
        } finally {
            prg.wipe();
        }
        long[][] tRows = transpose(t0, m);
        byte[] columns = columnsDigest(sid, u);
        long[] chi = challenge(sid, columns, m);
        long[] xAcc = new long[2 * Gf256.WORDS];
        long[] tAcc = new long[2 * Gf256.WORDS + 1];
        long[] table = new long[Gf256.TABLE];
        for (int j = 0; j < m; j++) {
            Gf256.addIf(chi, Gf256.WORDS * j, choices[j >>> 6] >>> (j & 63), xAcc);
            Gf256.mulAccumulatePublic(tRows[j], chi, Gf256.WORDS * j, tAcc, table);
        }
        Arrays.fill(table, 0);
        return new Receiver(tRows, new OtExtensionMessage(u, Gf256.reduce(xAcc), Gf256.reduce(tAcc)), columns);
    }

    /**
     * Sender side: the rows q_j, after the consistency check. A failed check burns the seeds and
     * aborts naming the receiver.
     */
    static long[][] send(byte[] sid, OtSeeds seeds, OtExtensionMessage msg, int m, int receiver) {
        return extend(sid, seeds, msg, m, receiver).qRows();
    }

    /** {@link #send}, with the digest of the receiver's columns for the transcripts that follow. */
    static Sender extend(byte[] sid, OtSeeds seeds, OtExtensionMessage msg, int m, int receiver) {
        int words = words(m);
        long[][] u = msg.u();
        if (u == null
                || u.length != Group.KAPPA
                || msg.xTilde() == null
                || msg.xTilde().length != Gf256.WORDS
                || msg.tTilde() == null
                || msg.tTilde().length != Gf256.WORDS) {
            throw new ProtocolAbort(receiver, Check.SHAPE, "OT extension message of the wrong size");
        }
        seeds.claim(sid);
        long[] delta = seeds.delta();
        Oracle.Keyed prg = Oracle.keyed(PRG, sid);
        long[][] q = new long[Group.KAPPA][];
        try {
            for (int i = 0; i < Group.KAPPA; i++) {
                if (u[i] == null || u[i].length != words) {
                    throw new ProtocolAbort(receiver, Check.SHAPE, "OT extension column of the wrong size");
                }
                long mask = -((delta[i >>> 6] >>> (i & 63)) & 1L);
                q[i] = prg(prg, seeds.chosen(i), m);
                for (int w = 0; w < words; w++) {
                    q[i][w] ^= u[i][w] & mask;
                }
            }
        } finally {
            prg.wipe();
        }
        long[][] qRows = transpose(q, m);
        byte[] columns = columnsDigest(sid, u);
        long[] chi = challenge(sid, columns, m);
        long[] qAcc = new long[2 * Gf256.WORDS + 1];
        long[] table = new long[Gf256.TABLE];
        for (int j = 0; j < m; j++) {
            Gf256.mulAccumulatePublic(qRows[j], chi, Gf256.WORDS * j, qAcc, table);
        }
        Arrays.fill(table, 0);
        long[] expected = Gf256.multiply(msg.xTilde(), delta);
        long diff = 0;
        long[] got = Gf256.reduce(qAcc);
        for (int k = 0; k < Gf256.WORDS; k++) {
            diff |= got[k] ^ expected[k] ^ msg.tTilde()[k];
        }
        if (diff != 0) {
            seeds.burn();
            throw new ProtocolAbort(
                    receiver,
                    Check.OT_EXTENSION_CONSISTENCY,
                    "the OT extension consistency check failed; the pair's OT setup is burned");
        }
        return new Sender(qRows, columns);
    }

    static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    /** m pseudo-random bits from a base OT pad, by the session's keyed PRG oracle; bits past m are zero. */
    private static long[] prg(Oracle.Keyed prg, byte[] seed, int m) {
        int words = words(m);
        byte[] b = new byte[8 * words];
        prg.hash(seed, 0, seed.length, b, 0, b.length);
        long[] out = new long[words];
        Words.le(b, 0, out, 0, words);
        Arrays.fill(b, (byte) 0);
        if ((m & 63) != 0) {
            out[words - 1] &= (1L << (m & 63)) - 1;
        }
        return out;
    }

    /** The digest of the receiver's columns u: the challenge's seed, and what later transcripts bind. */
    private static byte[] columnsDigest(byte[] sid, long[][] u) {
        byte[] all = new byte[u.length * u[0].length * 8];
        int off = 0;
        for (long[] col : u) {
            Words.putLe(col, 0, col.length, all, off);
            off += 8 * col.length;
        }
        return Oracle.bulk(COLUMNS, 32, sid, all);
    }

    /** The challenges χ_j of the m rows, row j's at {@code [4j, 4j + 4)}. */
    private static long[] challenge(byte[] sid, byte[] columns, int m) {
        byte[] stream = Oracle.bulk(CHI, 32 * m, sid, columns);
        long[] chi = new long[Gf256.WORDS * m];
        Words.le(stream, 0, chi, 0, chi.length);
        return chi;
    }

    /** κ columns of m bits to m rows of κ bits, by 64 × 64 blocks. */
    private static long[][] transpose(long[][] cols, int m) {
        long[][] rows = new long[m][Gf256.WORDS];
        long[] block = new long[64];
        for (int ci = 0; ci < cols.length / 64; ci++) {
            for (int rj = 0; rj < words(m); rj++) {
                for (int k = 0; k < 64; k++) {
                    block[k] = cols[64 * ci + k][rj];
                }
                transpose64(block);
                int count = Math.min(64, m - 64 * rj);
                for (int k = 0; k < count; k++) {
                    rows[64 * rj + k][ci] = block[k];
                }
            }
        }
        Arrays.fill(block, 0);
        return rows;
    }

    /** Transposes a 64 × 64 bit matrix in place (bit j of word i to bit i of word j) by halving swaps. */
    static void transpose64(long[] a) {
        long mask = 0x00000000FFFFFFFFL;
        for (int j = 32; j != 0; j >>>= 1, mask ^= mask << j) {
            for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
                long t = ((a[k] >>> j) ^ a[k | j]) & mask;
                a[k | j] ^= t;
                a[k] ^= t << j;
            }
        }
    }
}
