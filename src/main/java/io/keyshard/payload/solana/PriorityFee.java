package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import java.math.BigInteger;

/**
 * What the compute-budget instructions make the fee payer pay on top of the base fee, in lamports: the unit price
 * times the unit limit. {@code upperBound} when the transaction sets a price but no limit, so that {@code lamports}
 * is the most the network can charge for it.
 */
public record PriorityFee(BigInteger lamports, boolean upperBound) {
    /** The runtime's ceiling on a transaction's compute units, whatever limit it asks for. */
    static final long MAX_COMPUTE_UNITS = 1_400_000;
    /** Without a unit limit, the units the runtime allows each instruction at most (other programs' default). */
    static final long DEFAULT_UNITS_PER_INSTRUCTION = 200_000;
    /** Without a unit limit, what a builtin program's instruction is allowed (SIMD-0170); compute-budget ones are. */
    static final long BUILTIN_UNITS_PER_INSTRUCTION = 3_000;

    /**
     * The priority fee of {@code m} (null when it sets no unit price): the price times the unit limit, capped at
     * 1,400,000 units, in lamports rounded up as the runtime charges it. Without a unit limit the runtime's default
     * applies, which depends on which programs are builtins; the fee is then bounded by 200,000 units for every
     * other instruction and 3,000 for each compute-budget one (an upper bound under the default before SIMD-0170
     * and after it).
     */
    public static PriorityFee of(SolanaMessage m) {
        BigInteger limit = null;
        BigInteger price = null;
        int budgetInstructions = 0;
        for (SolanaMessage.Instruction ix : m.instructions()) {
            if (!InstructionText.COMPUTE_BUDGET.equals(
                    Base58.encode(m.staticKeys().get(ix.programIndex())))) {
                continue;
            }
            budgetInstructions++;
            InstructionData d = new InstructionData(m, ix, null);
            BigInteger l = unitLimit(d);
            BigInteger p = unitPrice(d);
            limit = l == null ? limit : l;
            price = p == null ? price : p;
        }
        if (price == null) {
            return null;
        }
        boolean upperBound = limit == null;
        BigInteger units = upperBound
                ? BigInteger.valueOf(
                        DEFAULT_UNITS_PER_INSTRUCTION * (m.instructions().size() - budgetInstructions)
                                + BUILTIN_UNITS_PER_INSTRUCTION * budgetInstructions)
                : limit;
        units = units.min(BigInteger.valueOf(MAX_COMPUTE_UNITS));
        // micro-lamports to lamports, rounded up as the runtime charges it
        BigInteger[] qr = units.multiply(price).divideAndRemainder(BigInteger.valueOf(1_000_000));
        return new PriorityFee(qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE), upperBound);
    }

    /** SetComputeUnitLimit: tag 2, u32 units. */
    static BigInteger unitLimit(InstructionData d) {
        return d.is(5, 0) && d.u8(0) == 2 ? BigInteger.valueOf(d.u32(1)) : null;
    }

    /** SetComputeUnitPrice: tag 3, u64 micro-lamports a unit. */
    static BigInteger unitPrice(InstructionData d) {
        return d.is(9, 0) && d.u8(0) == 3 ? d.u64(1) : null;
    }
}
