package io.keyshard.payload.bitcoin;

import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.frost.Bip340;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * BIP-322 generic signed messages, the "simple" form, for the single-key segwit addresses: a
 * signature proves control of an address by spending, in a virtual transaction no node would take,
 * an output locked to it. {@code to_spend} commits to the message hash and pays the address;
 * {@code to_sign} spends it; the simple signature is {@code to_sign}'s witness, base64. P2WPKH signs
 * the BIP-143 hash with SIGHASH_ALL, P2TR the BIP-341 key-path hash with SIGHASH_DEFAULT. As the
 * final BIP (1.0.0) requires, a signature made here carries the variant's prefix {@code smp}; one without
 * a prefix, as tools made before it write, is read as simple too, as the BIP allows a verifier.
 */
public final class Bip322 {
    /** The tag of BIP-322's message hash. */
    private static final String TAG = "BIP0322-signed-message";
    /** The prefix of a simple signature (BIP-322 1.0.0, "Signature prefix"). */
    public static final String SIMPLE = "smp";
    /** n/2 of secp256k1: a larger s is refused, as by the standard verification flags. */
    private static final BigInteger HALF_ORDER =
            CurveName.SECP256K1.curve().order().shiftRight(1);

    private Bip322() {}

    /** {@code message_hash}: the BIP-340 tagged hash of the message bytes under "BIP0322-signed-message". */
    public static byte[] messageHash(byte[] message) {
        return Digests.taggedHash(TAG, message);
    }

    /**
     * {@code to_spend}: version 0, one input spending 000…000:0xFFFFFFFF with scriptSig OP_0 PUSH32[message_hash]
     * and sequence 0, one output of 0 sat to the message challenge (the address's scriptPubKey), lock time 0.
     */
    public static Transaction toSpend(byte[] challenge, byte[] message) {
        byte[] scriptSig = new byte[34];
        scriptSig[1] = 0x20;
        System.arraycopy(messageHash(message), 0, scriptSig, 2, 32);
        Transaction.TxIn in = new Transaction.TxIn(new byte[32], 0xFFFFFFFFL, scriptSig, 0, List.of());
        return new Transaction(0, List.of(in), List.of(new Transaction.TxOut(0, challenge)), 0);
    }

    /** {@code to_sign}: version 0, one input spending {@code to_spend}:0 with sequence 0, one OP_RETURN output of 0 sat. */
    public static Transaction toSign(Transaction toSpend, List<byte[]> witness) {
        Transaction.TxIn in = new Transaction.TxIn(toSpend.txid(), 0, new byte[0], 0, witness);
        return new Transaction(0, List.of(in), List.of(new Transaction.TxOut(0, new byte[] {0x6a})), 0);
    }

    /**
     * The hash a key signs for a simple signature of {@code message} by the address whose scriptPubKey
     * is {@code challenge}: P2WPKH, BIP-143 with SIGHASH_ALL; P2TR, BIP-341 key path with SIGHASH_DEFAULT.
     */
    public static byte[] sighash(byte[] challenge, byte[] message) {
        Transaction toSpend = toSpend(challenge, message);
        Transaction toSign = toSign(toSpend, List.of());
        return switch (Scripts.type(challenge)) {
            case P2WPKH ->
                Sighash.segwitV0(toSign, 0, Sighash.p2wpkhScriptCode(Scripts.payload(challenge)), 0, Sighash.ALL);
            case P2TR -> Sighash.taprootKeyPath(toSign, 0, toSpend.outputs(), Sighash.DEFAULT, null);
            default ->
                throw new IllegalArgumentException(
                        "a BIP-322 simple signature is made here for a P2WPKH or P2TR address only");
        };
    }

    /** The simple signature of a P2WPKH address: smp, then base64 of the witness [DER(r, s) ‖ SIGHASH_ALL, key]. */
    public static String p2wpkhSignature(byte[] compressedKey, BigInteger r, BigInteger s) {
        byte[] der = Der.encode(r, s);
        byte[] withType = Arrays.copyOf(der, der.length + 1);
        withType[der.length] = Sighash.ALL;
        return encode(List.of(withType, compressedKey));
    }

    /** The simple signature of a P2TR address: smp, then base64 of the witness [64-byte BIP-340 signature]. */
    public static String p2trSignature(byte[] signature) {
        if (signature.length != 64) {
            throw new IllegalArgumentException("a BIP-340 signature is 64 bytes, got " + signature.length);
        }
        return encode(List.of(signature));
    }

    private static String encode(List<byte[]> witness) {
        return SIMPLE + Base64.getEncoder().encodeToString(Witness.serialize(witness));
    }

    /**
     * Checks a simple signature of {@code message} by the address of {@code challenge} as a verifier
     * does: the witness spends {@code to_spend} (P2WPKH: the key hashes to the program and signs with
     * SIGHASH_ALL; P2TR: a BIP-340 signature under the output key with SIGHASH_DEFAULT or ALL).
     *
     * @return null when it is valid, else what is wrong with it
     */
    public static String check(byte[] challenge, byte[] message, String signature) {
        if (signature.startsWith("ful") || signature.startsWith("pof")) {
            return "a full or proof-of-funds signature is not checked here: a simple one (smp) is";
        }
        String body = signature.startsWith(SIMPLE) ? signature.substring(SIMPLE.length()) : signature;
        List<byte[]> witness;
        try {
            witness = Witness.parse(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            return "the signature is not the base64 of a witness: " + e.getMessage();
        }
        Transaction toSpend = toSpend(challenge, message);
        Transaction toSign = toSign(toSpend, witness);
        ScriptType type = Scripts.type(challenge);
        if (type == ScriptType.P2WPKH) {
            return checkP2wpkh(Scripts.payload(challenge), toSign, witness);
        }
        if (type == ScriptType.P2TR) {
            return checkP2tr(Scripts.payload(challenge), toSpend, toSign, witness);
        }
        return "only P2WPKH and P2TR simple signatures are checked here";
    }

    private static String checkP2wpkh(byte[] program, Transaction toSign, List<byte[]> witness) {
        if (witness.size() != 2) {
            return "a P2WPKH witness holds a signature and a key, not " + witness.size() + " items";
        }
        byte[] sig = witness.get(0);
        byte[] key = witness.get(1);
        if (key.length != 33 || !Arrays.equals(Digests.hash160(key), program)) {
            return "the witness key is not the key of this address";
        }
        if (sig.length < 9 || (sig[sig.length - 1] & 0xff) != Sighash.ALL) {
            return "the signature is not a DER signature with SIGHASH_ALL";
        }
        byte[] der = Arrays.copyOf(sig, sig.length - 1);
        if (!Der.isStrict(der)) {
            return "the signature is not strict DER";
        }
        BigInteger[] rs = Der.decode(der);
        if (rs[1].compareTo(HALF_ORDER) > 0) {
            return "the signature's s is high: standard verification takes low s only (BIP-146)";
        }
        byte[] hash = Sighash.segwitV0(toSign, 0, Sighash.p2wpkhScriptCode(program), 0, Sighash.ALL);
        return PsbtSignatures.verifyEcdsa(key, hash, rs[0], rs[1]) ? null : "the ECDSA signature does not verify";
    }

    private static String checkP2tr(byte[] outputKey, Transaction toSpend, Transaction toSign, List<byte[]> witness) {
        if (witness.size() != 1) {
            return "a P2TR key-path witness holds one signature, not " + witness.size() + " items";
        }
        byte[] sig = witness.get(0);
        int hashType;
        if (sig.length == 64) {
            hashType = Sighash.DEFAULT;
        } else if (sig.length == 65 && sig[64] == Sighash.ALL) {
            hashType = Sighash.ALL;
        } else {
            return "the signature is not a 64-byte BIP-340 signature (or 65 with SIGHASH_ALL)";
        }
        byte[] hash = Sighash.taprootKeyPath(toSign, 0, toSpend.outputs(), hashType, null);
        return Bip340.verify(outputKey, hash, Arrays.copyOf(sig, 64))
                ? null
                : "the BIP-340 signature does not verify under the output key";
    }
}
