package io.keyshard.dkls;

/**
 * The OT extension receiver's message (KOS15): the κ columns {@code u_i = t_i^0 ⊕ t_i^1 ⊕ x} of m bits
 * each, and the consistency check values x̃ and t̃ in GF(2^256).
 */
public record OtExtensionMessage(long[][] u, long[] xTilde, long[] tTilde) {}
