package io.keyshard.dkls;

import io.keyshard.curve.Scalar;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte encodings of the DKLs23 messages, with strict decoding: exact lengths, canonical scalars
 * below q, points on the curve and never the identity, no trailing bytes, OT extension columns with
 * no bit past the batch, and the {@code from} field equal to the sender the transport
 * authenticated. Every refusal is a {@link ProtocolAbort} naming that sender.
 */
public final class DklsCodec {
    /** For a decoder: read the recipient id as written instead of checking it. */
    private static final int ANY_RECIPIENT = -1;

    private static final int DIGEST = 32;
    /** The multiplication width of Protocol 3.6: inputs (r_i, sk_i). */
    private static final int ELL = 2;

    private final Group g;

    public DklsCodec(Group g) {
        this.g = g;
    }

    public byte[] encode(EndemicOt.SenderMessage m) {
        return new Wire.Writer()
                .point(m.z())
                .point(m.proof().commitment())
                .scalar(m.proof().response())
                .toByteArray();
    }

    public EndemicOt.SenderMessage decodeBaseOtSender(byte[] b, int sender) {
        Wire.Reader r = new Wire.Reader(g, b, sender);
        EndemicOt.SenderMessage m = new EndemicOt.SenderMessage(r.point(), new DlogProof(r.point(), r.scalar()));
        r.end();
        return m;
    }

    public byte[] encode(EndemicOt.ReceiverMessage m) {
        Wire.Writer w = new Wire.Writer().bytes(m.seed()).u32(m.encryptions().size());
        for (EndemicOt.Encryption e : m.encryptions()) {
            EncryptionProof p = e.proof();
            w.uncompressedPoint(e.u())
                    .uncompressedPoint(e.v())
                    .uncompressedPoint(p.a0())
                    .uncompressedPoint(p.b0())
                    .uncompressedPoint(p.a1())
                    .uncompressedPoint(p.b1())
                    .scalar(p.c0())
                    .scalar(p.z0())
                    .scalar(p.z1());
        }
        return w.toByteArray();
    }

    public EndemicOt.ReceiverMessage decodeBaseOtReceiver(byte[] b, int sender) {
        Wire.Reader r = new Wire.Reader(g, b, sender);
        byte[] seed = r.bytes(EndemicOt.PAD_LENGTH);
        r.expect(Group.KAPPA, "the number of base OTs");
        List<EndemicOt.Encryption> items = new ArrayList<>();
        for (int l = 0; l < Group.KAPPA; l++) {
            items.add(new EndemicOt.Encryption(
                    r.uncompressedPoint(),
                    r.uncompressedPoint(),
                    new EncryptionProof(
                            r.uncompressedPoint(),
                            r.uncompressedPoint(),
                            r.uncompressedPoint(),
                            r.uncompressedPoint(),
                            r.scalar(),
                            r.scalar(),
                            r.scalar())));
        }
        r.end();
        return new EndemicOt.ReceiverMessage(seed, items);
    }

    public byte[] encode(Commit m) {
        return new Wire.Writer()
                .u32(m.from())
                .bytes(m.request())
                .bytes(m.commitment())
                .toByteArray();
    }

    public Commit decodeCommit(byte[] b, int sender) {
        Wire.Reader r = new Wire.Reader(g, b, sender);
        r.expect(sender, "the sender");
        Commit m = new Commit(sender, r.bytes(DIGEST), r.bytes(Commitment.LENGTH));
        r.end();
        return m;
    }

    public byte[] encode(MulRequest m) {
        int words = Kos15.words(Kos15.rows(g.batchSize()));
        Wire.Writer w = new Wire.Writer(4 + 4 + 8 * (Group.KAPPA * words + 2 * Gf256.WORDS))
                .u32(m.from())
                .u32(m.to());
        writeOte(w, m.ote());
        return w.toByteArray();
    }

    /** The OT extension that makes the reverse ordered pair's base OTs in a pairwise setup ({@link ReverseBaseOts}). */
    public byte[] encodeReverseBaseOts(OtExtensionMessage m) {
        Wire.Writer w = new Wire.Writer(8 * (Group.KAPPA * Kos15.words(ReverseBaseOts.ROWS) + 2 * Gf256.WORDS));
        writeOte(w, m);
        return w.toByteArray();
    }

    public OtExtensionMessage decodeReverseBaseOts(byte[] b, int sender) {
        Wire.Reader r = new Wire.Reader(g, b, sender);
        OtExtensionMessage m = readOte(r, ReverseBaseOts.ROWS);
        r.end();
        return m;
    }

    /** Reads the recipient id; {@code expected} other than {@link #ANY_RECIPIENT} must match it. */
    private static int recipient(Wire.Reader r, int expected) {
        if (expected == ANY_RECIPIENT) {
            return r.u32();
        }
        r.expect(expected, "the recipient");
        return expected;
    }

    /** A multiplication request as written, whoever it is addressed to (the signer checks that later). */
    public MulRequest decodeMulRequest(byte[] b, int sender) {
        return decodeMulRequest(b, sender, ANY_RECIPIENT);
    }

    /**
     * A multiplication request that {@code sender} sealed and signed to {@code recipient}: an id in it that
     * differs is the sender's own doing (the relay has checked the seal and the signature), so the refusal names
     * it, where the signer's own check of an unauthenticated list could not.
     */
    public MulRequest decodeMulRequest(byte[] b, int sender, int recipient) {
        Wire.Reader r = new Wire.Reader(g, b, sender);
        r.expect(sender, "the sender");
        MulRequest m = new MulRequest(sender, recipient(r, recipient), readOte(r));
        r.end();
        return m;
    }

    public byte[] encode(MulResponse m) {
        Rvole.SenderMessage mul = m.mul();
        int scalars = 2 * ELL + 1;
        int points = 4;
        Wire.Writer w = new Wire.Writer(4
                        + 4
                        + DIGEST
                        + mul.tau().length
                        + DIGEST
                        + Commitment.LENGTH
                        + scalars * g.curve().scalarLength()
                        + points * g.curve().pointLength())
                .u32(m.from())
                .u32(m.to())
                .bytes(m.commitsSeen())
                .bytes(mul.tau())
                .bytes(mul.checkDigest());
        for (int k = 0; k < ELL; k++) {
            w.scalar(mul.checkU()[k]).scalar(mul.gamma()[k]);
        }
        return w.point(m.nonce())
                .bytes(m.salt())
                .point(m.keyShare())
                .point(m.gammaU())
                .point(m.gammaV())
                .scalar(m.psi())
                .toByteArray();
    }

    /** A multiplication answer as written, whoever it is addressed to (the signer checks that later). */
    public MulResponse decodeMulResponse(byte[] b, int sender) {
        return decodeMulResponse(b, sender, ANY_RECIPIENT);
    }

    /** A multiplication answer that {@code sender} sealed and signed to {@code recipient} (as for a request). */
    public MulResponse decodeMulResponse(byte[] b, int sender, int recipient) {
        Wire.Reader r = new Wire.Reader(g, b, sender);
        r.expect(sender, "the sender");
        int to = recipient(r, recipient);
        byte[] seen = r.bytes(DIGEST);
        byte[] tau = r.scalars(g.batchSize() * 2 * ELL);
        byte[] digest = r.bytes(DIGEST);
        Scalar[] u = new Scalar[ELL];
        Scalar[] gamma = new Scalar[ELL];
        for (int k = 0; k < ELL; k++) {
            u[k] = r.scalar();
            gamma[k] = r.scalar();
        }
        MulResponse m = new MulResponse(
                sender,
                to,
                seen,
                new Rvole.SenderMessage(tau, digest, u, gamma),
                r.point(),
                r.bytes(Commitment.LENGTH),
                r.point(),
                r.point(),
                r.point(),
                r.scalar());
        r.end();
        return m;
    }

    public byte[] encode(Partial m) {
        return new Wire.Writer()
                .u32(m.from())
                .bytes(m.view())
                .scalar(m.u())
                .scalar(m.w())
                .toByteArray();
    }

    public Partial decodePartial(byte[] b, int sender) {
        Wire.Reader r = new Wire.Reader(g, b, sender);
        r.expect(sender, "the sender");
        Partial m = new Partial(sender, r.bytes(DIGEST), r.scalar(), r.scalar());
        r.end();
        return m;
    }

    private void writeOte(Wire.Writer w, OtExtensionMessage m) {
        for (long[] col : m.u()) {
            w.longs(col);
        }
        w.longs(m.xTilde()).longs(m.tTilde());
    }

    private OtExtensionMessage readOte(Wire.Reader r) {
        return readOte(r, Kos15.rows(g.batchSize()));
    }

    private static OtExtensionMessage readOte(Wire.Reader r, int m) {
        int words = Kos15.words(m);
        long[][] u = new long[Group.KAPPA][];
        for (int i = 0; i < u.length; i++) {
            u[i] = r.longs(words);
            if ((m & 63) != 0 && (u[i][words - 1] >>> (m & 63)) != 0) {
                throw new ProtocolAbort(r.sender(), Check.ENCODING, "OT extension column with bits past the batch");
            }
        }
        return new OtExtensionMessage(u, r.longs(Gf256.WORDS), r.longs(Gf256.WORDS));
    }
}
