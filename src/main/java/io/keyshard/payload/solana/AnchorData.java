package io.keyshard.payload.solana;

import io.keyshard.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Instructions of Anchor programs: an 8-byte discriminator naming the instruction, then its Borsh arguments. */
final class AnchorData {
    private AnchorData() {}

    /** Anchor's discriminator of the instruction {@code name}: the first 8 bytes of SHA-256("global:" + name). */
    static byte[] discriminator(String name) {
        return Arrays.copyOf(Digests.sha256(("global:" + name).getBytes(StandardCharsets.UTF_8)), 8);
    }

    /** True when {@code d} starts with {@code discriminator}, is at least {@code minAccounts}-wide and exactly this long. */
    static boolean is(InstructionData d, byte[] discriminator, int length, int minAccounts) {
        return d.is(length, minAccounts) && startsWith(d, discriminator);
    }

    /** True when the data starts with {@code discriminator}. */
    static boolean startsWith(InstructionData d, byte[] discriminator) {
        return d.length() >= 8 && Arrays.equals(d.bytes(0, 8), discriminator);
    }
}
