package io.keyshard.payload.bitcoin;

import io.keyshard.crypto.Digests;
import java.util.ArrayList;
import java.util.List;

/** Writes PSBTs record by record for tests, version 0 or 2. */
final class PsbtBuilder {
    private final int version;
    private final List<Transaction.TxIn> txIns = new ArrayList<>();
    private final List<Transaction.TxOut> txOuts = new ArrayList<>();
    private final List<ByteWriter> inMaps = new ArrayList<>();
    private final List<ByteWriter> outMaps = new ArrayList<>();
    private long lockTime;

    PsbtBuilder(int version) {
        this.version = version;
    }

    /** A new input spending {@code txid:vout}; records for it follow with {@link #in}. */
    PsbtBuilder input(byte[] txid, long vout) {
        txIns.add(new Transaction.TxIn(txid, vout, new byte[0], 0xfffffffdL, List.of()));
        ByteWriter w = new ByteWriter();
        if (version == 2) {
            record(w, PsbtFields.IN_PREVIOUS_TXID, new byte[0], txid);
            record(
                    w,
                    PsbtFields.IN_OUTPUT_INDEX,
                    new byte[0],
                    new ByteWriter().u32(vout).toByteArray());
            record(
                    w,
                    PsbtFields.IN_SEQUENCE,
                    new byte[0],
                    new ByteWriter().u32(0xfffffffdL).toByteArray());
        }
        inMaps.add(w);
        return this;
    }

    /** Sets the last input's sequence (version 0: the unsigned transaction carries it). */
    PsbtBuilder sequence(long sequence) {
        requireVersion0();
        Transaction.TxIn last = txIns.remove(txIns.size() - 1);
        txIns.add(new Transaction.TxIn(last.prevTxid(), last.vout(), last.scriptSig(), sequence, last.witness()));
        return this;
    }

    /** Sets the transaction's lock time (version 0). */
    PsbtBuilder lockTime(long value) {
        requireVersion0();
        lockTime = value;
        return this;
    }

    private void requireVersion0() {
        if (version != 0) {
            throw new IllegalStateException("sequence and lock time are set on version 0 PSBTs only");
        }
    }

    PsbtBuilder in(int type, byte[] keyData, byte[] value) {
        record(inMaps.get(inMaps.size() - 1), type, keyData, value);
        return this;
    }

    PsbtBuilder output(long amount, byte[] script) {
        txOuts.add(new Transaction.TxOut(amount, script));
        ByteWriter w = new ByteWriter();
        if (version == 2) {
            record(
                    w,
                    PsbtFields.OUT_AMOUNT,
                    new byte[0],
                    new ByteWriter().i64(amount).toByteArray());
            record(w, PsbtFields.OUT_SCRIPT, new byte[0], script);
        }
        outMaps.add(w);
        return this;
    }

    PsbtBuilder out(int type, byte[] keyData, byte[] value) {
        record(outMaps.get(outMaps.size() - 1), type, keyData, value);
        return this;
    }

    /** A PSBT spending one P2WPKH output of {@code wallet} at {@code path}, paying {@code send} to {@code to}. */
    static Psbt spendP2wpkh(TestWallet wallet, String path, byte[] txid, long amount, long send, byte[] to) {
        byte[] pub = wallet.publicKey(path);
        return new PsbtBuilder(0)
                .input(txid, 0)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(amount, Scripts.p2wpkh(Digests.hash160(pub))).serialize())
                .in(PsbtFields.IN_BIP32_DERIVATION, pub, wallet.origin(path).serialize())
                .output(send, to)
                .build();
    }

    Psbt build() {
        ByteWriter w = new ByteWriter().bytes(new byte[] {0x70, 0x73, 0x62, 0x74, (byte) 0xff});
        if (version == 0) {
            record(
                    w,
                    PsbtFields.GLOBAL_UNSIGNED_TX,
                    new byte[0],
                    new Transaction(2, txIns, txOuts, lockTime).serialize());
        } else {
            record(
                    w,
                    PsbtFields.GLOBAL_TX_VERSION,
                    new byte[0],
                    new ByteWriter().u32(2).toByteArray());
            record(
                    w,
                    PsbtFields.GLOBAL_INPUT_COUNT,
                    new byte[0],
                    new ByteWriter().compactSize(txIns.size()).toByteArray());
            record(
                    w,
                    PsbtFields.GLOBAL_OUTPUT_COUNT,
                    new byte[0],
                    new ByteWriter().compactSize(txOuts.size()).toByteArray());
            record(
                    w,
                    PsbtFields.GLOBAL_VERSION,
                    new byte[0],
                    new ByteWriter().u32(2).toByteArray());
        }
        w.u8(0);
        inMaps.forEach(m -> w.bytes(m.toByteArray()).u8(0));
        outMaps.forEach(m -> w.bytes(m.toByteArray()).u8(0));
        return Psbt.parse(w.toByteArray());
    }

    private static void record(ByteWriter w, int type, byte[] keyData, byte[] value) {
        w.varBytes(PsbtMap.key(type, keyData)).varBytes(value);
    }
}
