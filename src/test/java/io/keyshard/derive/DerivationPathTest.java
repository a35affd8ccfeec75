package io.keyshard.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivationPathTest {

    @Test
    void parsesLevelsAndPrintsTheCanonicalForm() {
        DerivationPath p = DerivationPath.parse("m/44/60/0/0/5");
        assertEquals(List.of(44, 60, 0, 0, 5), p.indices());
        assertEquals("m/44/60/0/0/5", p.toString());
        assertEquals(5, p.depth());
        assertEquals(DerivationPath.ROOT, DerivationPath.parse("m"));
        assertEquals(DerivationPath.ROOT, DerivationPath.parse(" M "));
        assertEquals(List.of(2147483647), DerivationPath.parse("m/2147483647").indices());
        assertEquals(DerivationPath.of(44, 60), DerivationPath.parse("m/44/60"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                 | empty",
                "'   '              | empty",
                "44/60/0            | must start with 'm'",
                "/44/60             | must start with 'm'",
                "n/0                | must start with 'm'",
                "m44                | expected '/' after 'm'",
                "m/                 | level 1 is empty",
                "m//1               | level 1 is empty",
                "m/44/              | level 2 is empty",
                "m/44/x             | level 2 'x' is not a number",
                "m/4 4              | is not a number",
                "m/0x10             | is not a number",
                "m/1.5              | is not a number",
                "m/+5               | has a sign",
                "m/-1               | has a sign",
                "m/44'/60           | hardened steps (44') cannot be derived by MPC keys, which can only derive without the private key",
                "m/44'/60           | : write 44",
                "m/44/60h           | hardened steps (60h) cannot be derived by MPC keys",
                "m/44/60h           | : write 60",
                "m/44/60H/0         | hardened",
                "m/2147483648       | 2^31 or more",
                "m/99999999999999999999999 | 2^31 or more",
                "m/007              | leading zero",
                "m/٣                | is not a number",
            })
    void malformedPathsAreRefusedWithAPreciseMessage(String path, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse(path));
        assertTrue(e.getMessage().contains(fragment.strip()), e.getMessage());
    }

    @Test
    void hardenedMessageHasNoStrayQuotes() {
        String m = assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("m/44'/60"))
                .getMessage();
        assertFalse(m.contains("'''"), m);
        assertFalse(m.contains("without '"), m);
    }

    @Test
    void nullIsEmpty() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse(null))
                .getMessage()
                .contains("empty"));
    }

    @Test
    void depthIsCappedAtBip32sOneByte() {
        String ok = "m" + "/0".repeat(255);
        assertEquals(255, DerivationPath.parse(ok).depth());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse(ok + "/0"));
        assertTrue(e.getMessage().contains("256 levels; at most 255"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DerivationPath.of(new int[256]));
    }

    @Test
    void hardenedIndexGivenAsNumberIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DerivationPath.of(44, 0x80000000));
        assertTrue(e.getMessage().contains("level 2") && e.getMessage().contains("hardened"), e.getMessage());
    }
}
