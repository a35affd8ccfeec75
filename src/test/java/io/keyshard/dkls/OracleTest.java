package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.crypto.Blake3Vectors;
import io.keyshard.crypto.Blake3Vectors.Case;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The signing's bulk oracle: keyed BLAKE3 against the BLAKE3 team's published vectors, and its framing. */
class OracleTest {
    @Test
    void oneKeyedOracleReusedForManyInputsMatchesThePublishedVectorsAndRefusesUseOnceWiped() {
        Oracle.Keyed oracle = new Oracle.Keyed(Blake3Vectors.key());
        for (int round = 0; round < 2; round++) {
            for (Case c : Blake3Vectors.cases()) {
                byte[] in = c.input();
                byte[] expected = c.keyedHash();
                byte[] out = new byte[expected.length + 3];
                oracle.hash(in, 0, in.length, out, 3, expected.length);
                assertArrayEquals(expected, Arrays.copyOfRange(out, 3, out.length), "input_len " + in.length);
            }
        }
        // the inputs are secret seeds and OT rows: a wiped oracle keeps no copy of them, nor its key
        oracle.wipe();
        byte[] row = new byte[36];
        assertThrows(IllegalStateException.class, () -> oracle.hash(row, 0, row.length, new byte[32], 0, 32));
    }

    @Test
    void theBulkOracleSeparatesTagsAndPartSplitsAndEachKeyedOracleIsItsOwn() {
        byte[] ab = {1, 2};
        byte[] a = {1};
        byte[] b = {2};
        assertFalse(Arrays.equals(Oracle.bulk("x", 32, ab), Oracle.bulk("x", 32, a, b)));
        assertFalse(Arrays.equals(Oracle.bulk("x", 32, ab), Oracle.bulk("y", 32, ab)));
        assertFalse(Arrays.equals(Oracle.bulk("x", 32, ab), Oracle.hash("x", 32, ab)));
        byte[] row = new byte[36];
        byte[] one = new byte[192];
        byte[] other = new byte[192];
        Oracle.keyed("cot", a).hash(row, 0, row.length, one, 0, one.length);
        Oracle.keyed("cot", b).hash(row, 0, row.length, other, 0, other.length);
        assertFalse(Arrays.equals(one, other));
        Oracle.keyed("ote-prg", a).hash(row, 0, row.length, other, 0, other.length);
        assertFalse(Arrays.equals(one, other));
        Oracle.keyed("cot", a).hash(row, 0, row.length, other, 0, other.length);
        assertArrayEquals(one, other);
    }
}
