package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.crypto.Digests;
import java.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every record type of BIP-174, BIP-370 and BIP-371 is checked against its definition: a
 * well-formed record is taken, a malformed key or value is refused with a message naming the
 * record and what is wrong; unknown and proprietary records are kept byte for byte; a key that
 * appears twice in a map is refused.
 */
class PsbtFieldsTest {
    /** The generator point: a valid compressed key, and its x-only form. */
    private static final String KEY = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    private static final String XONLY = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    /** 2G, another valid key. */
    private static final String KEY_2G = "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5";

    private static final byte[] TXID = Digests.sha256(new byte[] {7});
    private static final byte[] SCRIPT = Hex.decode("0014" + "11".repeat(20));

    /** A version 2 PSBT with one input and one output, carrying the record in the input or output map. */
    private static Psbt v2With(String scope, int type, String key, String value) {
        PsbtBuilder b = new PsbtBuilder(2).input(TXID, 0);
        if (scope.equals("in")) {
            b.in(type, Hex.decode(key), Hex.decode(value));
        }
        b.output(1_000, SCRIPT);
        if (scope.equals("out")) {
            b.out(type, Hex.decode(key), Hex.decode(value));
        }
        return b.build();
    }

    /** {@code psbt} with one more record at the front of its global map. */
    private static byte[] withGlobal(Psbt psbt, String record) {
        byte[] raw = psbt.serialize();
        byte[] extra = Hex.decode(record);
        byte[] out = Arrays.copyOf(raw, raw.length + extra.length);
        System.arraycopy(extra, 0, out, 5, extra.length);
        System.arraycopy(raw, 5, out, 5 + extra.length, raw.length - 5);
        return out;
    }

    private static String hash(String algorithm, byte[] preimage) {
        byte[] h = switch (algorithm) {
            case "sha256" -> Digests.sha256(preimage);
            case "hash160" -> Digests.hash160(preimage);
            default -> Digests.sha256(Digests.sha256(preimage));
        };
        return Hex.toHexString(h);
    }

    @ParameterizedTest(name = "{0} 0x{1}")
    @CsvSource({
        "in, 01, '', 0000000000000000" + "160014" + "1111111111111111111111111111111111111111",
        "in, 02, " + KEY + ", 300602010102010101",
        "in, 03, '', 01000000",
        "in, 04, '', 51",
        "in, 05, '', 51",
        "in, 06, " + KEY + ", 0102030400000000",
        "in, 07, '', 00",
        "in, 08, '', 0100",
        "in, 11, '', 0065cd1d",
        "in, 12, '', 10270000",
        "in, 13, '', " + XONLY + XONLY,
        "in, 14, " + XONLY + XONLY + ", " + XONLY + XONLY + "01",
        "in, 15, c0" + XONLY + ", 51c0",
        "in, 16, " + XONLY + ", 0001020304",
        "in, 17, '', " + XONLY,
        "in, 18, '', " + XONLY,
        "in, 99, 0102, 0304",
        "out, 00, '', 51",
        "out, 01, '', 51",
        "out, 02, " + KEY + ", 01020304",
        "out, 05, '', " + XONLY,
        "out, 06, '', 00c00151",
        "out, 07, " + XONLY + ", 01" + XONLY + "01020304",
        "out, 99, '', ''",
    })
    void aWellFormedRecordIsTakenAndWrittenBackAsItCame(String scope, String type, String key, String value) {
        Psbt psbt = v2With(scope, Integer.parseInt(type, 16), key, value);
        assertArrayEquals(psbt.serialize(), Psbt.parse(psbt.serialize()).serialize());
        PsbtSection section = scope.equals("in") ? psbt.input(0) : psbt.output(0);
        long t = Long.parseLong(type, 16);
        assertTrue(
                section.fields().stream()
                        .anyMatch(
                                f -> f.type() == t && Hex.toHexString(f.value()).equals(value)),
                "the record is kept");
    }

    @ParameterizedTest(name = "{0} 0x{1}: {4}")
    @CsvSource({
        "in, 00, 01, 00, no key data",
        "in, 00, '', 0200, transaction",
        "in, 01, '', 00, ends early",
        "in, 02, " + XONLY + ", 300602010102010101, a public key is 33",
        "in, 02, 02ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 300602010102010101, ''",
        "in, 02, " + KEY + ", 300702010102010101, strict DER",
        "in, 03, '', 010000, must be 4 bytes",
        "in, 04, 01, 51, no key data",
        "in, 05, 01, 51, no key data",
        "in, 06, " + KEY + ", 0102030400, key origin",
        "in, 07, 01, 00, no key data",
        "in, 08, '', 0201aa, ends early",
        "in, 0a, 1111111111111111111111111111111111111111, 616263, does not hash to the key",
        "in, 0b, 11, 616263, must be 32 bytes",
        "in, 11, '', ff64cd1d, at least 500000000",
        "in, 12, '', 00000000, from 1 to",
        "in, 12, '', 0065cd1d, from 1 to",
        "in, 13, '', " + XONLY + ", 64 or 65",
        "in, 13, '', " + XONLY + XONLY + "00, hash type 0x00",
        "in, 14, " + XONLY + ", " + XONLY + XONLY + ", must be 64 bytes",
        "in, 15, c0" + XONLY + "00, 51c0, 33 + 32m",
        "in, 15, c0" + XONLY + ", '', leaf version",
        "in, 16, " + KEY + ", 0001020304, x-only public key is 32",
        "in, 16, " + XONLY + ", 0101020304, leaf hashes",
        "in, 17, '', " + KEY + ", x-only public key is 32",
        "in, 18, '', 00, must be 32 bytes",
        "out, 00, 01, 51, no key data",
        "out, 01, 01, 51, no key data",
        "out, 02, " + XONLY + ", 01020304, a public key is 33",
        "out, 05, '', 00, x-only public key is 32",
        "out, 06, '', '', at least one leaf",
        "out, 06, '', 81c00151, depth at most 128",
        "out, 06, '', 00c10151, version even",
        "out, 06, '', 00c00251, leaf script",
        "out, 07, " + XONLY + ", 02" + XONLY + "01020304, leaf hashes",
    })
    void aMalformedRecordIsRefusedSayingWhichAndWhy(
            String scope, String type, String key, String value, String expected) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> v2With(scope, Integer.parseInt(type, 16), key, value));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(scope.equals("in") ? "input 0" : "output 0"), e.getMessage());
    }

    @Test
    void version2InputAndOutputFieldsOfTheWrongLengthAreRefused() {
        String txid = Hex.toHexString(TXID);
        String valid = Hex.toHexString(
                new PsbtBuilder(2).input(TXID, 0).output(1_000, SCRIPT).build().serialize());
        String[][] cuts = {
            {"010e20" + txid, "010e1f" + txid.substring(2), "must be 32 bytes"},
            {"010f0400000000", "010f03000000", "must be 4 bytes"},
            {"011004fdffffff", "011003fdffff", "must be 4 bytes"},
            {"010308e803000000000000", "010307e8030000000000", "must be 8 bytes"},
        };
        for (String[] c : cuts) {
            assertTrue(valid.contains(c[0]), c[0]);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> Psbt.parse(Hex.decode(valid.replace(c[0], c[1]))));
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
        }
    }

    @Test
    void hashPreimagesAreTakenWhenTheyHashToTheirKey() {
        byte[] preimage = {1, 2, 3};
        for (String[] t : new String[][] {{"0b", "sha256"}, {"0c", "hash160"}, {"0d", "hash256"}}) {
            Psbt psbt = v2With("in", Integer.parseInt(t[0], 16), hash(t[1], preimage), "010203");
            assertEquals(
                    1,
                    psbt.input(0).fields().stream()
                            .filter(f -> f.type() == Integer.parseInt(t[0], 16))
                            .count());
        }
    }

    @Test
    void globalRecordsAreCheckedAndUnknownOnesKept() {
        Psbt base = v2With("in", 0x99, "", "");
        String xpubKey = "0488b21e" + "01" + "00000000" + "00000000" + "11".repeat(32) + KEY;
        Psbt withXpub = Psbt.parse(withGlobal(base, "4f01" + xpubKey + "08" + "0102030400000000"));
        assertEquals(1, withXpub.global().all(PsbtFields.GLOBAL_XPUB).size());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Psbt.parse(withGlobal(base, "4f01" + xpubKey + "04" + "01020304")));
        assertTrue(e.getMessage().contains("depth 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Psbt.parse(withGlobal(base, "010602" + "0100")));
        assertTrue(e.getMessage().contains("must be 1 bytes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Psbt.parse(withGlobal(base, "010005" + "0000000000")));
        assertTrue(e.getMessage().contains("not allowed in a version 2"), e.getMessage());

        String unknown = "03f0aabb" + "02cafe";
        String proprietary = "05fc02" + "6b73" + "01" + "01ff";
        byte[] raw = withGlobal(base, unknown + proprietary);
        assertArrayEquals(raw, Psbt.parse(raw).serialize());
        e = assertThrows(IllegalArgumentException.class, () -> Psbt.parse(withGlobal(base, "03fc05aa" + "00")));
        assertTrue(e.getMessage().contains("proprietary"), e.getMessage());
    }

    @Test
    void aKeyTwiceInAMapIsRefusedButOneTypeWithOtherKeyDataIsNot() {
        Psbt two = new PsbtBuilder(2)
                .input(TXID, 0)
                .in(PsbtFields.IN_PARTIAL_SIG, Hex.decode(KEY), Hex.decode("300602010102010101"))
                .in(PsbtFields.IN_PARTIAL_SIG, Hex.decode(KEY_2G), Hex.decode("300602010102010101"))
                .output(1_000, SCRIPT)
                .build();
        assertEquals(2, two.input(0).partialSigs().size());
        for (String scope : new String[] {"global", "in", "out"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                if (scope.equals("global")) {
                    Psbt.parse(withGlobal(two, "03f0aabb0100" + "03f0aabb0101"));
                } else if (scope.equals("in")) {
                    new PsbtBuilder(2)
                            .input(TXID, 0)
                            .in(0xf0, new byte[] {1}, new byte[] {1})
                            .in(0xf0, new byte[] {1}, new byte[] {2})
                            .output(1_000, SCRIPT)
                            .build();
                } else {
                    new PsbtBuilder(2)
                            .input(TXID, 0)
                            .output(1_000, SCRIPT)
                            .out(PsbtFields.OUT_REDEEM_SCRIPT, new byte[0], new byte[] {0x51})
                            .out(PsbtFields.OUT_REDEEM_SCRIPT, new byte[0], new byte[] {0x52})
                            .build();
                }
            });
            assertTrue(e.getMessage().contains("twice"), scope + ": " + e.getMessage());
        }
    }

    @Test
    void aTypeOfSeveralBytesIsKeptAndANonMinimalOneRefused() {
        Psbt base = v2With("in", 0x99, "", "");
        byte[] wide = withGlobal(base, "03fd0001" + "01aa");
        assertArrayEquals(wide, Psbt.parse(wide).serialize());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Psbt.parse(withGlobal(base, "03fd0100" + "01aa")));
        assertTrue(e.getMessage().contains("shortest"), e.getMessage());
    }
}
