package io.keyshard.payload.bitcoin;

import static io.keyshard.payload.bitcoin.PsbtFields.GLOBAL_FALLBACK_LOCKTIME;
import static io.keyshard.payload.bitcoin.PsbtFields.GLOBAL_INPUT_COUNT;
import static io.keyshard.payload.bitcoin.PsbtFields.GLOBAL_OUTPUT_COUNT;
import static io.keyshard.payload.bitcoin.PsbtFields.GLOBAL_TX_VERSION;
import static io.keyshard.payload.bitcoin.PsbtFields.GLOBAL_UNSIGNED_TX;
import static io.keyshard.payload.bitcoin.PsbtFields.GLOBAL_VERSION;

import io.keyshard.payload.bitcoin.PsbtFields.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A Partially Signed Bitcoin Transaction, version 0 (BIP-174) or 2 (BIP-370), with the taproot
 * fields of BIP-371. Parsing is strict (every known record checked, duplicate keys and trailing
 * bytes refused, sizes bounded before anything is allocated); serialising an unchanged PSBT gives
 * back the bytes it was parsed from.
 */
public final class Psbt {
    /** Far above any PSBT of a standard transaction, far below what would strain memory. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** A standard transaction (400 000 weight units) has fewer inputs and outputs than this. */
    public static final int MAX_INPUTS = 10_000;

    public static final int MAX_OUTPUTS = 10_000;

    private static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};

    private final int version;
    private final PsbtMap global;
    private final List<PsbtInput> inputs;
    private final List<PsbtOutput> outputs;

    private Psbt(int version, PsbtMap global, List<PsbtInput> inputs, List<PsbtOutput> outputs) {
        this.version = version;
        this.global = global;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** Parses base64 text (surrounding whitespace ignored), refusing oversized text before decoding it. */
    public static Psbt fromBase64(String text) {
        String s = text == null ? "" : text.strip();
        if ((long) s.length() * 3 / 4 > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "PSBT text is " + s.length() + " characters; at most " + (MAX_BYTES / 3 * 4) + " are accepted");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PSBT is not valid base64: " + e.getMessage());
        }
        return parse(raw);
    }

    /** Parses the binary form. */
    public static Psbt parse(byte[] data) {
        if (data.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "PSBT is " + data.length + " bytes; at most " + MAX_BYTES + " are accepted");
        }
        if (data.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(data, 5), MAGIC)) {
            throw new IllegalArgumentException("not a PSBT: it does not start with the magic bytes 'psbt' 0xff");
        }
        BitcoinWireReader r = new BitcoinWireReader(data, MAGIC.length, data.length, "PSBT");
        PsbtMap global = PsbtMap.read(r, "the global map");
        byte[] versionField = global.get(GLOBAL_VERSION);
        long v = versionField == null ? 0 : new BitcoinWireReader(versionField, "PSBT_GLOBAL_VERSION").u32();
        if (v != 0 && v != 2) {
            throw new IllegalArgumentException("PSBT version " + v + " is not supported (0 and 2 are)");
        }
        int version = (int) v;
        for (PsbtMap.Field f : global.fields()) {
            PsbtFields.check(Scope.GLOBAL, version, f, "the global map");
        }
        int nIn;
        int nOut;
        Transaction unsigned = null;
        if (version == 0) {
            byte[] tx = global.get(GLOBAL_UNSIGNED_TX);
            if (tx == null) {
                throw new IllegalArgumentException(
                        "a version 0 PSBT must have the unsigned transaction (PSBT_GLOBAL_UNSIGNED_TX)");
            }
            try {
                unsigned = Transaction.parse(tx, false);
            } catch (IllegalArgumentException e) {
                boolean segwitShape = tx.length > 6 && tx[4] == 0 && tx[5] == 1;
                throw new IllegalArgumentException(
                        "the unsigned transaction (PSBT_GLOBAL_UNSIGNED_TX) "
                                + (segwitShape
                                        ? "seems to be in the segwit serialization, which a PSBT never uses: "
                                        : "is malformed: ")
                                + e.getMessage(),
                        e);
            }
            for (Transaction.TxIn in : unsigned.inputs()) {
                if (in.scriptSig().length != 0) {
                    throw new IllegalArgumentException("the unsigned transaction has a filled scriptSig at input "
                            + unsigned.inputs().indexOf(in) + ": it must be empty");
                }
            }
            nIn = unsigned.inputs().size();
            nOut = unsigned.outputs().size();
        } else {
            nIn = count(global, GLOBAL_INPUT_COUNT, "PSBT_GLOBAL_INPUT_COUNT");
            nOut = count(global, GLOBAL_OUTPUT_COUNT, "PSBT_GLOBAL_OUTPUT_COUNT");
            if (global.get(GLOBAL_TX_VERSION) == null) {
                throw new IllegalArgumentException("a version 2 PSBT must have PSBT_GLOBAL_TX_VERSION");
            }
        }
        if (nIn > MAX_INPUTS || nOut > MAX_OUTPUTS) {
            throw new IllegalArgumentException("PSBT has " + nIn + " inputs and " + nOut + " outputs; at most "
                    + MAX_INPUTS + " and " + MAX_OUTPUTS + " are accepted");
        }
        if ((long) nIn + nOut > r.remaining()) {
            throw new IllegalArgumentException("PSBT announces " + nIn + " inputs and " + nOut + " outputs but only "
                    + r.remaining() + " bytes follow");
        }
        List<PsbtInput> inputs = new ArrayList<>(nIn);
        for (int i = 0; i < nIn; i++) {
            String where = "input " + i;
            PsbtInput in = new PsbtInput(readChecked(r, Scope.INPUT, version, where), version);
            in.checkComplete(where, unsigned == null ? null : unsigned.inputs().get(i));
            inputs.add(in);
        }
        List<PsbtOutput> outputs = new ArrayList<>(nOut);
        for (int i = 0; i < nOut; i++) {
            String where = "output " + i;
            PsbtOutput out = new PsbtOutput(readChecked(r, Scope.OUTPUT, version, where), version);
            out.checkComplete(where);
            outputs.add(out);
        }
        if (!r.atEnd()) {
            throw new IllegalArgumentException("PSBT has " + r.remaining() + " bytes after its last output map");
        }
        return new Psbt(version, global, inputs, outputs);
    }

    private static PsbtMap readChecked(BitcoinWireReader r, Scope scope, int version, String where) {
        PsbtMap map = PsbtMap.read(r, where);
        for (PsbtMap.Field f : map.fields()) {
            PsbtFields.check(scope, version, f, where);
        }
        return map;
    }

    private static int count(PsbtMap global, int type, String name) {
        byte[] v = global.get(type);
        if (v == null) {
            throw new IllegalArgumentException("a version 2 PSBT must have " + name);
        }
        long n = new BitcoinWireReader(v, name).compactSize();
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    public byte[] serialize() {
        ByteWriter w = new ByteWriter().bytes(MAGIC);
        global.write(w);
        inputs.forEach(in -> in.map().write(w));
        outputs.forEach(out -> out.map().write(w));
        return w.toByteArray();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(serialize());
    }

    /** 0 (BIP-174) or 2 (BIP-370). */
    public int version() {
        return version;
    }

    public PsbtMap global() {
        return global;
    }

    public List<PsbtInput> inputs() {
        return List.copyOf(inputs);
    }

    public List<PsbtOutput> outputs() {
        return List.copyOf(outputs);
    }

    public PsbtInput input(int i) {
        return inputs.get(i);
    }

    public PsbtOutput output(int i) {
        return outputs.get(i);
    }

    /**
     * The transaction being signed, without signatures: the global one of a version 0 PSBT, or the
     * one a version 2 PSBT describes (sequence 0xffffffff where none is given, lock time per BIP-370).
     */
    public Transaction unsignedTransaction() {
        if (version == 0) {
            return Transaction.parse(global.get(GLOBAL_UNSIGNED_TX), false);
        }
        int txVersion = (int) new BitcoinWireReader(global.get(GLOBAL_TX_VERSION), "tx version").u32();
        List<Transaction.TxIn> ins = new ArrayList<>();
        for (PsbtInput in : inputs) {
            ins.add(new Transaction.TxIn(in.previousTxid(), in.outputIndex(), new byte[0], in.sequence(), List.of()));
        }
        List<Transaction.TxOut> outs = new ArrayList<>();
        for (PsbtOutput out : outputs) {
            outs.add(new Transaction.TxOut(out.amount(), out.script()));
        }
        return new Transaction(txVersion, ins, outs, lockTime());
    }

    /** BIP-370 "Determining Lock Time"; for version 0 the unsigned transaction's. */
    public long lockTime() {
        if (version == 0) {
            return unsignedTransaction().lockTime();
        }
        boolean heightPossible = true;
        boolean timePossible = true;
        boolean any = false;
        long maxHeight = 0;
        long maxTime = 0;
        for (PsbtInput in : inputs) {
            Long h = in.requiredHeightLockTime();
            Long t = in.requiredTimeLockTime();
            if (h != null || t != null) {
                any = true;
                heightPossible &= h != null;
                timePossible &= t != null;
            }
            maxHeight = Math.max(maxHeight, h == null ? 0 : h);
            maxTime = Math.max(maxTime, t == null ? 0 : t);
        }
        if (!any) {
            byte[] fallback = global.get(GLOBAL_FALLBACK_LOCKTIME);
            return fallback == null ? 0 : new BitcoinWireReader(fallback, "fallback lock time").u32();
        }
        if (heightPossible) {
            return maxHeight;
        }
        if (timePossible) {
            return maxTime;
        }
        throw new IllegalArgumentException(
                "the inputs require both a height and a time lock time: no lock time satisfies them all");
    }
}
