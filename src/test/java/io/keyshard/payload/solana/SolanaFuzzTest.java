package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.address.Base58;
import io.keyshard.payload.Refusals;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Fuzzes the Solana payload reader: legacy and v0 transactions or bare messages, as wire bytes or
 * base64/base58 text. Oracles, for every input: accepted or refused with IllegalArgumentException
 * and a message (never another exception, never a hang); what is accepted re-serializes to the
 * input (a transaction) or keeps the input as its message bytes (a bare message); the review
 * builds, with every instruction in words (decoded, or named by program and size); a key that is not a required signer is refused; the seed key, where it is a signer,
 * signs into a transaction that parses again with the signature verifying in its slot.
 */
class SolanaFuzzTest {
    /** The signer of the seed messages (SolanaFuzzTestInputs). */
    static final Ed25519PrivateKeyParameters KEY = new Ed25519PrivateKeyParameters(new byte[32]);

    static final byte[] PUB = KEY.generatePublicKey().getEncoded();

    /** The input as the sign command reads it: text when every byte is printable ASCII, else wire bytes. */
    @FuzzTest(maxDuration = "30s")
    void transaction(byte[] data) {
        boolean text = data.length > 0 && isText(data);
        SolanaTransaction tx;
        try {
            tx = text
                    ? SolanaTransaction.parseText(new String(data, StandardCharsets.US_ASCII))
                    : SolanaTransaction.parse(data);
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        List<byte[]> wire = text ? decodings(new String(data, StandardCharsets.US_ASCII)) : List.of(data);
        byte[] serialized = tx.serialize();
        byte[] message = tx.message().bytes();
        assertTrue(
                wire.stream().anyMatch(w -> Arrays.equals(w, serialized) || Arrays.equals(w, message)),
                "the input is the transaction or its message");
        assertArrayEquals(serialized, SolanaTransaction.parse(serialized).serialize());
        SolanaReview review = tx.review();
        assertEquals(tx.message().staticKeys().size(), review.accounts().size());
        assertEquals(Base58.encode(tx.message().staticKeys().get(0)), review.feePayer());
        assertEquals(0, tx.signerSlot(tx.message().staticKeys().get(0)));
        List<InstructionText> instructions = InstructionText.of(tx.message());
        assertEquals(tx.message().instructions().size(), instructions.size());
        assertTrue(instructions.stream()
                .noneMatch(i -> i.program().isEmpty() || i.action().isEmpty()));
        // the fee payer signs every transaction: each instruction not decoded here that names it is warned about
        byte[] payer = tx.message().staticKeys().get(0);
        long warned = InstructionText.of(tx.message(), payer).stream()
                .filter(i -> i.warning() != null && i.warning().contains("not decoded here names this key"))
                .count();
        assertEquals(warned, InstructionText.undecodedNaming(tx.message(), payer));
        PriorityFee fee = PriorityFee.of(tx.message());
        // the runtime charges at most 1,400,000 units at the u64 price: a fee beyond that is a misreading
        assertTrue(fee == null
                || fee.lamports().compareTo(BigInteger.valueOf(1_400_000).shiftLeft(64)) < 0);
        byte[] stranger = new byte[32];
        Arrays.fill(stranger, (byte) 0x99);
        if (tx.message().staticKeys().stream().noneMatch(k -> Arrays.equals(k, stranger))) {
            Refusals.assertExplained(assertThrows(IllegalArgumentException.class, () -> tx.signerSlot(stranger)));
        }
        int slot;
        try {
            slot = tx.signerSlot(PUB);
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        SolanaTransaction signed =
                SolanaTransaction.parse(tx.withSignature(PUB, sign(message)).serialize());
        assertTrue(signed.isSigned(slot));
        assertArrayEquals(message, signed.message().bytes());
    }

    private static boolean isText(byte[] data) {
        for (byte b : data) {
            if (b < 0x09 || b > 0x7e || (b > 0x0d && b < 0x20)) {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> decodings(String text) {
        List<byte[]> out = new ArrayList<>();
        try {
            out.add(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException notBase64) {
            // the other alphabet
        }
        try {
            out.add(Base58.decode(text.strip()));
        } catch (IllegalArgumentException notBase58) {
            // the other alphabet
        }
        return out;
    }

    private static byte[] sign(byte[] message) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, KEY);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }
}
