package io.keyshard.payload.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * Messages laid out by hand from the documented wire format (legacy and v0 with an address table
 * lookup), signed with a local Ed25519 key, and malformed variants that must be refused.
 */
class SolanaWireTest {
    private static final Ed25519PrivateKeyParameters KEY = new Ed25519PrivateKeyParameters(new SecureRandom());
    private static final byte[] PUB = KEY.generatePublicKey().getEncoded();

    private static byte[] sign(byte[] message) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, KEY);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    /** Fee payer (this key), a writable recipient, the system program; one transfer. */
    private static SolanaWire legacy() {
        return new SolanaWire()
                .u8(1, 0, 1)
                .len(3)
                .raw(PUB)
                .key(0x22)
                .key(0x00)
                .key(0x33)
                .len(1)
                .u8(2)
                .len(2)
                .u8(0, 1)
                .len(12)
                .u8(2, 0, 0, 0, 0x40, 0x42, 0x0f, 0, 0, 0, 0, 0);
    }

    /** v0: the same, plus one lookup table loading a writable and a read-only account used by the instruction. */
    private static SolanaWire v0() {
        return new SolanaWire()
                .u8(0x80, 1, 0, 1)
                .len(3)
                .raw(PUB)
                .key(0x22)
                .key(0x00)
                .key(33)
                .len(1)
                .u8(2)
                .len(4)
                .u8(0, 1, 3, 4)
                .len(1)
                .u8(9)
                .len(1)
                .key(44)
                .len(1)
                .u8(7)
                .len(1)
                .u8(5);
    }

    @Test
    void textLongerThanAnyTransactionIsRefusedBeforeDecoding() {
        String text = "1".repeat(200_000);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SolanaTransaction.parseText(text));
        assertTrue(e.getMessage().contains("200000 characters"), e.getMessage());
    }

    @Test
    void aLegacyMessageIsSignedInTheKeysSlot() {
        byte[] message = legacy().bytes();
        SolanaTransaction unsigned =
                SolanaTransaction.parseText(Base64.getEncoder().encodeToString(message));
        assertArrayEquals(message, unsigned.message().bytes());
        assertEquals(0, unsigned.signerSlot(PUB));
        SolanaTransaction signed = unsigned.withSignature(PUB, sign(message));
        byte[] wire = signed.serialize();
        assertEquals(1 + 64 + message.length, wire.length);
        SolanaTransaction reread = SolanaTransaction.parse(wire);
        assertTrue(reread.isSigned(0));
        SolanaReview r = reread.review();
        assertEquals(Base58.encode(PUB), r.feePayer());
        assertEquals(
                List.of(
                        new SolanaReview.Account(Base58.encode(PUB), true, true),
                        new SolanaReview.Account(Base58.encode(SolanaWire.filled(0x22)), false, true),
                        new SolanaReview.Account("11111111111111111111111111111111", false, false)),
                r.accounts());
        assertEquals(List.of("11111111111111111111111111111111"), r.programIds());
        assertEquals(Base58.encode(SolanaWire.filled(0x33)), r.recentBlockhash());
    }

    @Test
    void aV0MessageShowsItsLookupsAndIsSignedOverItsVersionedBytes() {
        byte[] message = v0().bytes();
        SolanaTransaction unsigned = SolanaTransaction.parseText(Base58.encode(message));
        SolanaReview r = unsigned.review();
        assertEquals("v0", r.version());
        // 32 bytes of 44 and of 33 are the table and blockhash of @solana/transactions' codec tests, which print them
        // so.
        assertEquals(
                List.of(new SolanaReview.Lookup(
                        "3yS1JFVT284y8z1LC9MRoWxZjzFrdoD5axKsZiyMsfC7", List.of(7), List.of(5))),
                r.lookups());
        assertEquals("3EKkiwNLWqoUbzFkPrmKbtUB4EweE6f4STzevYUmezeL", r.recentBlockhash());
        byte[] wire = unsigned.withSignature(PUB, sign(message)).serialize();
        assertEquals(0x80, wire[65] & 0xff);
        assertTrue(SolanaTransaction.parse(wire).isSigned(0));
    }

    @Test
    void theBase64AndBase58FormsOfATransactionReadTheSame() {
        byte[] wire = SolanaTransaction.parse(legacy().bytes())
                .withSignature(PUB, sign(legacy().bytes()))
                .serialize();
        assertArrayEquals(
                wire,
                SolanaTransaction.parseText(Base64.getEncoder().encodeToString(wire) + "\n")
                        .serialize());
        assertArrayEquals(wire, SolanaTransaction.parseText(Base58.encode(wire)).serialize());
    }

    private static void refused(byte[] wire, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolanaTransaction.parse(wire));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static byte[] edit(SolanaWire w, Function<byte[], byte[]> f) {
        return f.apply(w.bytes());
    }

    @Test
    void refusesMalformedMessages() {
        byte[] good = legacy().bytes();
        refused(Arrays.copyOf(good, good.length - 1), "truncated: instruction 0 data needs 12 bytes");
        refused(Arrays.copyOf(good, good.length + 1), "1 bytes after the end of the message");
        refused(Arrays.copyOf(good, 40), "truncated: account key 1");
        refused(new byte[0], "truncated");
        refused(
                edit(legacy(), b -> {
                    b[0] = 0;
                    return b;
                }),
                "requires no signature");
        refused(
                edit(legacy(), b -> {
                    b[1] = 1;
                    return b;
                }),
                "the fee payer must be writable");
        refused(
                edit(legacy(), b -> {
                    b[2] = 3;
                    return b;
                }),
                "more than the 3 account keys");
        refused(new SolanaWire().u8(0x81, 1, 0, 1).bytes(), "message version 1 is not supported");
        refused(
                new SolanaWire()
                        .u8(1, 0, 1)
                        .len(2)
                        .raw(PUB)
                        .raw(PUB)
                        .key(0x33)
                        .len(0)
                        .bytes(),
                "account key 1 repeats");
        refused(new SolanaWire().u8(1, 0, 1).u8(0x83, 0x00).bytes(), "not in its shortest form");
        refused(
                new SolanaWire()
                        .u8(1, 0, 1)
                        .len(3)
                        .raw(PUB)
                        .key(0x22)
                        .key(0x00)
                        .key(0x33)
                        .len(1)
                        .u8(0)
                        .len(0)
                        .len(0)
                        .bytes(),
                "names the fee payer as its program");
        refused(
                new SolanaWire()
                        .u8(1, 0, 1)
                        .len(3)
                        .raw(PUB)
                        .key(0x22)
                        .key(0x00)
                        .key(0x33)
                        .len(1)
                        .u8(3)
                        .len(0)
                        .len(0)
                        .bytes(),
                "program index 3 is not one of the 3 static account keys");
        refused(
                new SolanaWire()
                        .u8(1, 0, 1)
                        .len(3)
                        .raw(PUB)
                        .key(0x22)
                        .key(0x00)
                        .key(0x33)
                        .len(1)
                        .u8(2)
                        .len(1)
                        .u8(3)
                        .len(0)
                        .bytes(),
                "account index 3 is out of range");
        refused(
                new SolanaWire()
                        .u8(0x80, 1, 0, 1)
                        .len(3)
                        .raw(PUB)
                        .key(0x22)
                        .key(0x00)
                        .key(0x33)
                        .len(0)
                        .len(1)
                        .key(0x44)
                        .len(0)
                        .len(0)
                        .bytes(),
                "address table lookup 0 loads no account");
    }

    @Test
    void refusesTheCodecExampleOfSolanaTransactionsWhoseCountsDoNotAddUp() {
        // @solana/transactions serializes this v0 message "according to the spec" to test its codec:
        // 3 signers over 2 static keys and instructions indexing accounts that do not exist.
        byte[] codecExample = new SolanaWire()
                .u8(128, 3, 2, 1)
                .len(2)
                .key(11)
                .key(22)
                .key(33)
                .len(2)
                .u8(44)
                .len(0)
                .len(0)
                .u8(55)
                .len(2)
                .u8(77, 66)
                .len(3)
                .u8(7, 8, 9)
                .len(1)
                .key(44)
                .len(2)
                .u8(66, 55)
                .len(1)
                .u8(77)
                .bytes();
        refused(codecExample, "the header counts 3 signers and 1 read-only non-signers, more than the 2 account keys");
    }

    @Test
    void refusesATransactionWhoseSignatureCountDisagreesWithItsHeader() {
        byte[] message = legacy().bytes();
        byte[] twoSigs = new SolanaWire().len(2).raw(new byte[128]).raw(message).bytes();
        refused(twoSigs, "2 signatures where the message requires 1");
    }

    @Test
    void refusesInputOverThePacketLimit() {
        refused(new byte[1233], "1233 bytes is over the 1232-byte limit");
        // A message of 1200 bytes is under the limit itself but not once its signature is added.
        SolanaWire big = new SolanaWire()
                .u8(1, 0, 1)
                .len(3)
                .raw(PUB)
                .key(0x22)
                .key(0x00)
                .key(0x33)
                .len(1)
                .u8(2)
                .len(0)
                .len(1063);
        big.raw(new byte[1063]);
        byte[] message = big.bytes();
        assertEquals(1200, message.length);
        refused(message, "makes a 1265-byte transaction, over the 1232-byte limit");
    }

    @Test
    void refusesTextInNeitherEncodingAndSignaturesOfTheWrongSize() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SolanaTransaction.parseText("not a tx!"));
        assertTrue(e.getMessage().contains("neither base64 nor base58"), e.getMessage());
        SolanaTransaction tx = SolanaTransaction.parse(legacy().bytes());
        assertThrows(IllegalArgumentException.class, () -> tx.withSignature(PUB, new byte[63]));
    }
}
