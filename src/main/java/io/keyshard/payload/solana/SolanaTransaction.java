package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A Solana transaction: one 64-byte Ed25519 signature slot per required signer (all zero while
 * unsigned), then the message. Slot i belongs to static account key i. A bare message is read as
 * a transaction whose slots are all empty.
 */
public record SolanaTransaction(List<byte[]> signatures, SolanaMessage message) {
    /** The largest transaction a Solana packet carries (1280-byte IPv6 MTU less headers). */
    public static final int PACKET_DATA_SIZE = 1232;
    /** Base58 takes at most 1.366 characters per byte, base64 1.334: no transaction's text is longer. */
    public static final int MAX_TEXT = PACKET_DATA_SIZE * 138 / 100 + 1;

    public SolanaTransaction {
        signatures = signatures.stream().map(byte[]::clone).toList();
        if (signatures.size() != message.numRequiredSignatures()) {
            throw new IllegalArgumentException("the transaction carries " + signatures.size()
                    + " signatures but its message requires " + message.numRequiredSignatures());
        }
        for (byte[] s : signatures) {
            if (s.length != 64) {
                throw new IllegalArgumentException("a Solana signature is 64 bytes");
            }
        }
    }

    /**
     * Reads a serialized transaction or a bare message (legacy or v0). The input must be exactly
     * one of them; anything over {@value #PACKET_DATA_SIZE} bytes once signed is refused.
     */
    public static SolanaTransaction parse(byte[] wire) {
        if (wire.length > PACKET_DATA_SIZE) {
            throw new IllegalArgumentException(
                    wire.length + " bytes is over the " + PACKET_DATA_SIZE + "-byte limit of a Solana transaction");
        }
        SolanaTransaction asTransaction = null;
        SolanaTransaction asMessage = null;
        String transactionError = null;
        String messageError = null;
        try {
            asTransaction = parseTransaction(wire);
        } catch (IllegalArgumentException e) {
            transactionError = e.getMessage();
        }
        try {
            asMessage = parseMessage(wire);
        } catch (IllegalArgumentException e) {
            messageError = e.getMessage();
        }
        if (asTransaction != null && asMessage != null) {
            throw new IllegalArgumentException(
                    "the bytes read both as a transaction and as a bare message; give the transaction");
        }
        if (asTransaction != null) {
            return asTransaction;
        }
        if (asMessage != null) {
            return asMessage;
        }
        throw new IllegalArgumentException(
                "not a Solana transaction (" + transactionError + ") nor a message (" + messageError + ")");
    }

    /** Reads base64 (as {@code getTransaction} and wallets give it) or base58, whichever the text is. */
    public static SolanaTransaction parseText(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the transaction text is empty");
        }
        if (t.length() > MAX_TEXT) {
            // refused before decoding: base58 decoding takes time quadratic in the length
            throw new IllegalArgumentException(
                    "the transaction text is " + t.length() + " characters; a Solana " + "transaction (at most "
                            + PACKET_DATA_SIZE + " bytes) is at most " + MAX_TEXT + " in base58 or base64");
        }
        byte[] base64 = null;
        byte[] base58 = null;
        try {
            base64 = Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            base64 = null;
        }
        try {
            base58 = Base58.decode(t);
        } catch (IllegalArgumentException e) {
            base58 = null;
        }
        if (base64 == null && base58 == null) {
            throw new IllegalArgumentException("the transaction text is neither base64 nor base58");
        }
        if (base64 == null || base58 == null) {
            return parse(base64 != null ? base64 : base58);
        }
        // Text in both alphabets: take the reading that is a transaction, refuse if both are.
        SolanaTransaction from64 = tryParse(base64);
        SolanaTransaction from58 = tryParse(base58);
        if (from64 != null && from58 != null) {
            throw new IllegalArgumentException("the text reads as a transaction in both base64 and base58");
        }
        if (from64 == null && from58 == null) {
            return parse(base58.length <= base64.length ? base58 : base64);
        }
        return from64 != null ? from64 : from58;
    }

    private static SolanaTransaction tryParse(byte[] wire) {
        try {
            return parse(wire);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SolanaTransaction parseTransaction(byte[] wire) {
        SolanaWireReader r = new SolanaWireReader(wire);
        int count = r.shortVec("signature count");
        List<byte[]> sigs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sigs.add(r.bytes(64, "signature " + i));
        }
        SolanaMessage message = SolanaMessage.read(r, wire);
        if (count != message.numRequiredSignatures()) {
            throw new IllegalArgumentException(
                    count + " signatures where the message requires " + message.numRequiredSignatures());
        }
        return new SolanaTransaction(sigs, message);
    }

    private static SolanaTransaction parseMessage(byte[] wire) {
        SolanaMessage message = SolanaMessage.read(new SolanaWireReader(wire), wire);
        List<byte[]> empty = new ArrayList<>();
        for (int i = 0; i < message.numRequiredSignatures(); i++) {
            empty.add(new byte[64]);
        }
        SolanaTransaction tx = new SolanaTransaction(empty, message);
        int size = tx.serialize().length;
        if (size > PACKET_DATA_SIZE) {
            throw new IllegalArgumentException("signed, the message makes a " + size + "-byte transaction, over the "
                    + PACKET_DATA_SIZE + "-byte limit");
        }
        return tx;
    }

    /** The wire bytes: compact-u16 signature count, the signatures, the message. */
    public byte[] serialize() {
        byte[] count = ShortVec.encode(signatures.size());
        byte[] msg = message.bytes();
        byte[] out = Arrays.copyOf(count, count.length + 64 * signatures.size() + msg.length);
        int pos = count.length;
        for (byte[] s : signatures) {
            System.arraycopy(s, 0, out, pos, 64);
            pos += 64;
        }
        System.arraycopy(msg, 0, out, pos, msg.length);
        return out;
    }

    /** The signature slot of this Ed25519 key; refused, naming the signers, when the key is not one. */
    public int signerSlot(byte[] publicKey) {
        List<byte[]> keys = message.staticKeys();
        for (int i = 0; i < message.numRequiredSignatures(); i++) {
            if (Arrays.equals(keys.get(i), publicKey)) {
                return i;
            }
        }
        String signers = keys.subList(0, message.numRequiredSignatures()).stream()
                .map(Base58::encode)
                .collect(Collectors.joining(", "));
        boolean named = keys.stream().anyMatch(k -> Arrays.equals(k, publicKey));
        throw new IllegalArgumentException("this key's address " + Base58.encode(publicKey)
                + (named ? " is in the transaction but not as a signer" : " is not in the transaction")
                + "; its required signers are " + signers);
    }

    /**
     * The transaction with this key's signature in its slot, after checking it verifies over the
     * message (RFC 8032 Ed25519, what the runtime checks). Other slots are kept as they are.
     */
    public SolanaTransaction withSignature(byte[] publicKey, byte[] signature) {
        if (signature == null || signature.length != 64) {
            throw new IllegalArgumentException("a Solana signature is 64 bytes");
        }
        int slot = signerSlot(publicKey);
        byte[] msg = message.bytes();
        if (!Ed25519.verify(signature, 0, publicKey, 0, msg, 0, msg.length)) {
            throw new IllegalArgumentException(
                    "the signature does not verify under " + Base58.encode(publicKey) + " over this message");
        }
        List<byte[]> sigs = new ArrayList<>(signatures);
        sigs.set(slot, signature.clone());
        return new SolanaTransaction(sigs, message);
    }

    /** Whether slot i holds a signature that verifies under its account key. */
    public boolean isSigned(int slot) {
        byte[] msg = message.bytes();
        return Ed25519.verify(signatures.get(slot), 0, message.staticKeys().get(slot), 0, msg, 0, msg.length);
    }

    /** What a user is shown before signing. */
    public SolanaReview review() {
        return SolanaReview.of(this);
    }
}
