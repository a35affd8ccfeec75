package io.keyshard.payload.bitcoin;

import io.keyshard.address.Hashes;
import io.keyshard.crypto.Digests;
import java.util.List;

/**
 * The digests a Bitcoin signature commits to: the legacy algorithm (with its SIGHASH_SINGLE quirk),
 * BIP-143 for segwit v0 and BIP-341 for taproot key-path spends.
 */
public final class Sighash {
    public static final int DEFAULT = 0x00;
    public static final int ALL = 0x01;
    public static final int NONE = 0x02;
    public static final int SINGLE = 0x03;
    public static final int ANYONECANPAY = 0x80;

    private static final int OP_CODESEPARATOR = 0xab;

    private Sighash() {}

    /** The name wallets show for a hash type, e.g. {@code ALL} or {@code SINGLE|ANYONECANPAY}. */
    public static String name(int hashType) {
        if (hashType == DEFAULT) {
            return "DEFAULT";
        }
        String base = switch (hashType & 0x1f) {
            case NONE -> "NONE";
            case SINGLE -> "SINGLE";
            default -> "ALL";
        };
        return (hashType & ANYONECANPAY) != 0 ? base + "|ANYONECANPAY" : base;
    }

    /**
     * The legacy (pre-segwit) signature hash of input {@code index} with {@code scriptCode}; for
     * SIGHASH_SINGLE without a matching output it is the number 1, as consensus has always accepted.
     */
    public static byte[] legacy(Transaction tx, int index, byte[] scriptCode, int hashType) {
        checkIndex(tx, index);
        int base = hashType & 0x1f;
        boolean anyoneCanPay = (hashType & ANYONECANPAY) != 0;
        if (base == SINGLE && index >= tx.outputs().size()) {
            byte[] one = new byte[32];
            one[0] = 1;
            return one;
        }
        byte[] code = withoutCodeSeparators(scriptCode);
        ByteWriter w = new ByteWriter().u32(tx.version());
        w.compactSize(anyoneCanPay ? 1 : tx.inputs().size());
        for (int i = 0; i < tx.inputs().size(); i++) {
            if (anyoneCanPay && i != index) {
                continue;
            }
            Transaction.TxIn in = tx.inputs().get(i);
            w.bytes(in.prevTxid()).u32(in.vout()).varBytes(i == index ? code : new byte[0]);
            boolean zeroSequence = i != index && (base == NONE || base == SINGLE);
            w.u32(zeroSequence ? 0 : in.sequence());
        }
        if (base == NONE) {
            w.compactSize(0);
        } else if (base == SINGLE) {
            w.compactSize(index + 1);
            for (int i = 0; i < index; i++) {
                w.i64(-1).compactSize(0);
            }
            w.bytes(tx.outputs().get(index).serialize());
        } else {
            w.compactSize(tx.outputs().size());
            tx.outputs().forEach(o -> w.bytes(o.serialize()));
        }
        w.u32(tx.lockTime()).u32(hashType & 0xffffffffL);
        return Hashes.doubleSha256(w.toByteArray());
    }

    /** BIP-143: the segwit v0 signature hash of input {@code index} spending {@code amount} with {@code scriptCode}. */
    public static byte[] segwitV0(Transaction tx, int index, byte[] scriptCode, long amount, int hashType) {
        checkIndex(tx, index);
        int base = hashType & 0x1f;
        boolean anyoneCanPay = (hashType & ANYONECANPAY) != 0;
        byte[] zero = new byte[32];
        byte[] hashPrevouts = anyoneCanPay ? zero : Hashes.doubleSha256(prevouts(tx));
        byte[] hashSequence =
                anyoneCanPay || base == SINGLE || base == NONE ? zero : Hashes.doubleSha256(sequences(tx));
        byte[] hashOutputs;
        if (base != SINGLE && base != NONE) {
            hashOutputs = Hashes.doubleSha256(outputs(tx));
        } else if (base == SINGLE && index < tx.outputs().size()) {
            hashOutputs = Hashes.doubleSha256(tx.outputs().get(index).serialize());
        } else {
            hashOutputs = zero;
        }
        Transaction.TxIn in = tx.inputs().get(index);
        ByteWriter w = new ByteWriter()
                .u32(tx.version())
                .bytes(hashPrevouts)
                .bytes(hashSequence)
                .bytes(in.prevTxid())
                .u32(in.vout())
                .varBytes(scriptCode)
                .i64(amount)
                .u32(in.sequence())
                .bytes(hashOutputs)
                .u32(tx.lockTime())
                .u32(hashType & 0xffffffffL);
        return Hashes.doubleSha256(w.toByteArray());
    }

    /** The BIP-143 scriptCode of a P2WPKH input: the P2PKH script of its key hash. */
    public static byte[] p2wpkhScriptCode(byte[] keyHash) {
        return Scripts.p2pkh(keyHash);
    }

    /** BIP-341 key-path signature hash: hash_TapSighash(0x00 ‖ SigMsg). */
    public static byte[] taprootKeyPath(
            Transaction tx, int index, List<Transaction.TxOut> spent, int hashType, byte[] annex) {
        return Digests.taggedHash("TapSighash", taprootSigMsg(tx, index, spent, hashType, annex, true));
    }

    /** BIP-341 SigMsg(hash_type, 0) for a key-path spend, optionally with the epoch byte 0x00 in front. */
    public static byte[] taprootSigMsg(
            Transaction tx, int index, List<Transaction.TxOut> spent, int hashType, byte[] annex, boolean withEpoch) {
        checkIndex(tx, index);
        if (!((hashType >= 0 && hashType <= 0x03) || (hashType >= 0x81 && hashType <= 0x83))) {
            throw new IllegalArgumentException(
                    "taproot hash type 0x" + Integer.toHexString(hashType) + " is not one of 0x00-0x03, 0x81-0x83");
        }
        if (spent.size() != tx.inputs().size()) {
            throw new IllegalArgumentException("a taproot signature hash needs the output spent by every input: "
                    + spent.size() + " given for " + tx.inputs().size() + " inputs");
        }
        if (annex != null && (annex.length == 0 || (annex[0] & 0xff) != 0x50)) {
            throw new IllegalArgumentException("a taproot annex starts with the byte 0x50");
        }
        int outType = hashType == DEFAULT ? ALL : hashType & 0x03;
        boolean anyoneCanPay = (hashType & ANYONECANPAY) != 0;
        if (outType == SINGLE && index >= tx.outputs().size()) {
            throw new IllegalArgumentException("SIGHASH_SINGLE for input " + index + " but the transaction has only "
                    + tx.outputs().size() + " outputs");
        }
        ByteWriter w = new ByteWriter();
        if (withEpoch) {
            w.u8(0);
        }
        w.u8(hashType).u32(tx.version()).u32(tx.lockTime());
        if (!anyoneCanPay) {
            ByteWriter amounts = new ByteWriter();
            ByteWriter scripts = new ByteWriter();
            for (Transaction.TxOut o : spent) {
                amounts.i64(o.amount());
                scripts.varBytes(o.scriptPubKey());
            }
            w.bytes(Digests.sha256(prevouts(tx)))
                    .bytes(Digests.sha256(amounts.toByteArray()))
                    .bytes(Digests.sha256(scripts.toByteArray()))
                    .bytes(Digests.sha256(sequences(tx)));
        }
        if (outType != NONE && outType != SINGLE) {
            w.bytes(Digests.sha256(outputs(tx)));
        }
        w.u8(annex == null ? 0 : 1);
        if (anyoneCanPay) {
            Transaction.TxIn in = tx.inputs().get(index);
            Transaction.TxOut o = spent.get(index);
            w.bytes(in.prevTxid())
                    .u32(in.vout())
                    .i64(o.amount())
                    .varBytes(o.scriptPubKey())
                    .u32(in.sequence());
        } else {
            w.u32(index);
        }
        if (annex != null) {
            w.bytes(Digests.sha256(new ByteWriter().varBytes(annex).toByteArray()));
        }
        if (outType == SINGLE) {
            w.bytes(Digests.sha256(tx.outputs().get(index).serialize()));
        }
        return w.toByteArray();
    }

    private static byte[] prevouts(Transaction tx) {
        ByteWriter w = new ByteWriter();
        tx.inputs().forEach(in -> w.bytes(in.prevTxid()).u32(in.vout()));
        return w.toByteArray();
    }

    private static byte[] sequences(Transaction tx) {
        ByteWriter w = new ByteWriter();
        tx.inputs().forEach(in -> w.u32(in.sequence()));
        return w.toByteArray();
    }

    private static byte[] outputs(Transaction tx) {
        ByteWriter w = new ByteWriter();
        tx.outputs().forEach(o -> w.bytes(o.serialize()));
        return w.toByteArray();
    }

    private static void checkIndex(Transaction tx, int index) {
        if (index < 0 || index >= tx.inputs().size()) {
            throw new IllegalArgumentException("input " + index + " does not exist: the transaction has "
                    + tx.inputs().size() + " inputs");
        }
    }

    /** The script with every OP_CODESEPARATOR removed, stepping over push data (legacy scriptCode rule). */
    static byte[] withoutCodeSeparators(byte[] script) {
        ByteWriter w = new ByteWriter();
        int i = 0;
        while (i < script.length) {
            int op = script[i] & 0xff;
            int next = Scripts.nextOp(script, i);
            if (op != OP_CODESEPARATOR) {
                for (int k = i; k < next; k++) {
                    w.u8(script[k]);
                }
            }
            i = next;
        }
        return w.toByteArray();
    }
}
