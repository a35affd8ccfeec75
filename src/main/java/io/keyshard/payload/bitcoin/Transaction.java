package io.keyshard.payload.bitcoin;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Bitcoin transaction in its network serialisation, legacy or segwit (BIP-144); txid and wtxid,
 * weight and virtual size. Immutable; the {@code with...} methods give changed copies.
 */
public record Transaction(int version, List<TxIn> inputs, List<TxOut> outputs, long lockTime) {
    /** No transaction is larger than a block (4 million weight units, at most 4 MB serialised). */
    public static final int MAX_BYTES = 4_000_000;
    /** The smallest serialised input (outpoint, empty script, sequence) and output (amount, empty script). */
    static final int MIN_INPUT_BYTES = 41;

    static final int MIN_OUTPUT_BYTES = 9;

    /** An input: the outpoint it spends (txid in internal byte order), its scriptSig, sequence and witness. */
    public record TxIn(byte[] prevTxid, long vout, byte[] scriptSig, long sequence, List<byte[]> witness) {
        public TxIn {
            if (prevTxid.length != 32) {
                throw new IllegalArgumentException("a previous txid is 32 bytes, got " + prevTxid.length);
            }
            witness = List.copyOf(witness);
        }

        /** The outpoint as wallets show it: txid in display (reversed) order, colon, output index. */
        public String outpoint() {
            return Hex.encode(reversed(prevTxid)) + ":" + vout;
        }

        public TxIn withScriptSig(byte[] script, List<byte[]> newWitness) {
            return new TxIn(prevTxid, vout, script, sequence, newWitness);
        }
    }

    /** An output: amount in satoshis and the scriptPubKey it pays to. */
    public record TxOut(long amount, byte[] scriptPubKey) {
        byte[] serialize() {
            return new ByteWriter().i64(amount).varBytes(scriptPubKey).toByteArray();
        }

        static TxOut read(BitcoinWireReader r) {
            long amount = r.i64();
            return new TxOut(amount, r.varBytes("an output script"));
        }

        /** Parses the PSBT_IN_WITNESS_UTXO form: amount then length-prefixed script, nothing after. */
        public static TxOut parse(byte[] data) {
            BitcoinWireReader r = new BitcoinWireReader(data, "a transaction output");
            TxOut out = read(r);
            if (!r.atEnd()) {
                throw new IllegalArgumentException(
                        "a transaction output has " + r.remaining() + " bytes after its script");
            }
            return out;
        }
    }

    public Transaction {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Parses a transaction in either serialisation; trailing bytes are refused. */
    public static Transaction parse(byte[] data) {
        return parse(data, true);
    }

    /**
     * Parses a transaction; with {@code allowWitness} false only the legacy serialisation is taken
     * (the PSBT global unsigned transaction), where a 0x00 after the version is an empty input list.
     */
    public static Transaction parse(byte[] data, boolean allowWitness) {
        if (data.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "transaction is " + data.length + " bytes; no valid transaction exceeds " + MAX_BYTES);
        }
        BitcoinWireReader r = new BitcoinWireReader(data, "transaction");
        int version = (int) r.u32();
        boolean segwit = false;
        if (allowWitness && r.remaining() >= 2 && data[r.position()] == 0) {
            r.u8();
            int flag = r.u8();
            if (flag != 1) {
                throw new IllegalArgumentException("transaction: segwit flag byte is " + flag + ", must be 1");
            }
            segwit = true;
        }
        int nIn = r.count(MIN_INPUT_BYTES, "the input count");
        List<TxIn> ins = new ArrayList<>(nIn);
        for (int i = 0; i < nIn; i++) {
            byte[] txid = r.bytes(32);
            long vout = r.u32();
            byte[] script = r.varBytes("a scriptSig");
            ins.add(new TxIn(txid, vout, script, r.u32(), List.of()));
        }
        int nOut = r.count(MIN_OUTPUT_BYTES, "the output count");
        List<TxOut> outs = new ArrayList<>(nOut);
        for (int i = 0; i < nOut; i++) {
            outs.add(TxOut.read(r));
        }
        if (segwit) {
            boolean any = false;
            for (int i = 0; i < nIn; i++) {
                int items = r.count(1, "a witness item count");
                List<byte[]> stack = new ArrayList<>(items);
                for (int k = 0; k < items; k++) {
                    stack.add(r.varBytes("a witness item"));
                }
                any |= items > 0;
                TxIn in = ins.get(i);
                ins.set(i, in.withScriptSig(in.scriptSig(), stack));
            }
            if (!any) {
                throw new IllegalArgumentException("transaction has the segwit marker but no witness data");
            }
        }
        long lockTime = r.u32();
        if (!r.atEnd()) {
            throw new IllegalArgumentException("transaction has " + r.remaining() + " bytes after its lock time");
        }
        return new Transaction(version, ins, outs, lockTime);
    }

    public static Transaction parseHex(String hex) {
        return parse(Hex.decodeTyped(hex, "the transaction"));
    }

    public boolean hasWitness() {
        return inputs.stream().anyMatch(in -> !in.witness().isEmpty());
    }

    /** The network serialisation: with the segwit marker and witnesses when any input has one. */
    public byte[] serialize() {
        return serialize(hasWitness());
    }

    /** The serialisation without witnesses, which the txid hashes. */
    public byte[] serializeLegacy() {
        return serialize(false);
    }

    private byte[] serialize(boolean witness) {
        ByteWriter w = new ByteWriter().u32(version);
        if (witness) {
            w.u8(0).u8(1);
        }
        w.compactSize(inputs.size());
        for (TxIn in : inputs) {
            w.bytes(in.prevTxid()).u32(in.vout()).varBytes(in.scriptSig()).u32(in.sequence());
        }
        w.compactSize(outputs.size());
        for (TxOut out : outputs) {
            w.bytes(out.serialize());
        }
        if (witness) {
            for (TxIn in : inputs) {
                w.bytes(Witness.serialize(in.witness()));
            }
        }
        return w.u32(lockTime).toByteArray();
    }

    /** The txid in internal byte order (as outpoints reference it). */
    public byte[] txid() {
        return Hashes.doubleSha256(serializeLegacy());
    }

    /** The txid as explorers show it (byte-reversed hex). */
    public String txidHex() {
        return Hex.encode(reversed(txid()));
    }

    /** The wtxid as explorers show it; equal to the txid for a transaction without witnesses. */
    public String wtxidHex() {
        return Hex.encode(reversed(Hashes.doubleSha256(serialize())));
    }

    /** BIP-141 weight: three times the size without witnesses plus the full size. */
    public long weight() {
        return 3L * serializeLegacy().length + serialize().length;
    }

    /** Virtual size in vbytes: weight / 4 rounded up. */
    public long vsize() {
        return (weight() + 3) / 4;
    }

    /** A copy with input {@code index} replaced. */
    public Transaction withInput(int index, TxIn in) {
        List<TxIn> list = new ArrayList<>(inputs);
        list.set(index, in);
        return new Transaction(version, Collections.unmodifiableList(list), outputs, lockTime);
    }

    static byte[] reversed(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }
}
