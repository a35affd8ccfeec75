package io.keyshard.payload.solana;

import io.keyshard.payload.Decimals;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The swaps of Jupiter's v6 aggregator program read from the instruction layouts of its published IDL (the
 * program's source is not published): what is sold from which token account, what is bought and at least
 * (or, buying an exact amount, at most) how much by the quote and the slippage the instruction allows, where the
 * tokens bought go, through which venues and for what platform fee. Each instruction is an Anchor discriminator
 * and Borsh arguments that must read to the last byte; the forms that take their amount from a token ledger, and
 * anything else, stay undecoded.
 */
final class JupiterInstructions {
    static final String PROGRAM = "JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4";

    /** A slippage above this lets the swap give that much less than quoted: room that bots trading around it take. */
    private static final int HIGH_SLIPPAGE_BPS = 500;

    private static final int HIGH_FEE_BPS = 100;

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    /**
     * The swap instructions by IDL name, with the positions of their accounts (-1 where the form has none).
     *
     * @param shared the form starts with a u8 id of the program's shared accounts
     * @param userOut the key's own account for what is bought, used when {@code out} is the program (no account)
     */
    private enum Form {
        ROUTE("route", false, false, false, 1, 2, 3, 4, -1, 5, 6, 9),
        EXACT_OUT_ROUTE("exact_out_route", false, true, false, 1, 2, 3, 4, 5, 6, 7, 11),
        SHARED_ACCOUNTS_ROUTE("shared_accounts_route", false, false, true, 2, 3, -1, 6, 7, 8, 9, 13),
        SHARED_ACCOUNTS_EXACT_OUT_ROUTE("shared_accounts_exact_out_route", false, true, true, 2, 3, -1, 6, 7, 8, 9, 13),
        ROUTE_V2("route_v2", true, false, false, 0, 1, 2, 7, 3, 4, -1, 10),
        EXACT_OUT_ROUTE_V2("exact_out_route_v2", true, true, false, 0, 1, 2, 7, 3, 4, -1, 10),
        SHARED_ACCOUNTS_ROUTE_V2("shared_accounts_route_v2", true, false, true, 1, 2, -1, 5, 6, 7, -1, 12),
        SHARED_ACCOUNTS_EXACT_OUT_ROUTE_V2(
                "shared_accounts_exact_out_route_v2", true, true, true, 1, 2, -1, 5, 6, 7, -1, 12);

        final byte[] discriminator;
        final boolean v2;
        final boolean exactOut;
        final boolean shared;
        final int authority;
        final int source;
        final int userOut;
        final int out;
        final int sourceMint;
        final int outMint;
        final int feeAccount;
        final int accounts;

        Form(
                String name,
                boolean v2,
                boolean exactOut,
                boolean shared,
                int authority,
                int source,
                int userOut,
                int out,
                int sourceMint,
                int outMint,
                int feeAccount,
                int accounts) {
            this.discriminator = AnchorData.discriminator(name);
            this.v2 = v2;
            this.exactOut = exactOut;
            this.shared = shared;
            this.authority = authority;
            this.source = source;
            this.userOut = userOut;
            this.out = out;
            this.sourceMint = sourceMint;
            this.outMint = outMint;
            this.feeAccount = feeAccount;
            this.accounts = accounts;
        }
    }

    /** The arguments every swap form carries, whatever their order in its data. */
    private record Terms(
            BigInteger exact,
            BigInteger quoted,
            int slippageBps,
            int feeBps,
            int positiveSlippageBps,
            List<String> venues) {}

    private JupiterInstructions() {}

    static InstructionText describe(InstructionData d) {
        byte[] data = d.bytes(0, d.length());
        for (Form form : Form.values()) {
            if (AnchorData.startsWith(d, form.discriminator) && d.accountCount() >= form.accounts) {
                Terms terms = terms(d, data, form);
                return terms == null ? null : text(d, form, terms);
            }
        }
        return null;
    }

    /**
     * The arguments as the IDL orders them: v1 forms {@code [id] plan amount quoted slippage:u16 fee:u8}, v2 forms
     * {@code [id] amount quoted slippage:u16 fee:u16 positiveSlippage:u16 plan}; null unless they end the data.
     */
    private static Terms terms(InstructionData d, byte[] data, Form form) {
        int at = 8 + (form.shared ? 1 : 0);
        if (form.v2) {
            if (data.length < at + 22) {
                return null;
            }
            JupiterRoutePlan.Read plan = JupiterRoutePlan.read(data, at + 22, true);
            return plan == null || plan.end() != data.length
                    ? null
                    : new Terms(
                            d.u64(at), d.u64(at + 8), d.u16(at + 16), d.u16(at + 18), d.u16(at + 20), plan.venues());
        }
        JupiterRoutePlan.Read plan = JupiterRoutePlan.read(data, at, false);
        if (plan == null || plan.end() + 19 != data.length) {
            return null;
        }
        int end = plan.end();
        return new Terms(d.u64(end), d.u64(end + 8), d.u16(end + 16), d.u8(end + 18), 0, plan.venues());
    }

    /** The instruction in words, or null when it names no account for what is bought. */
    private static InstructionText text(InstructionData d, Form form, Terms t) {
        int outAccount = optional(d, form.out) ? form.out : form.userOut;
        if (outAccount < 0) {
            return null; // a shared-accounts form names no account for what is bought: the program refuses it
        }
        String sourceMint = KnownMint.ofAccount(d, form.sourceMint, form.source);
        String outMint = KnownMint.ofAccount(d, form.outMint, outAccount);
        String slippage = percent(t.slippageBps);
        BigInteger bps = BigInteger.valueOf(t.slippageBps);
        String from = " from the token account " + d.account(form.source);
        String trade = form.exactOut
                ? "at most " + KnownMint.amount(t.quoted.multiply(BPS.add(bps)).divide(BPS), sourceMint)
                        + ", the quote of "
                        + KnownMint.number(t.quoted, sourceMint) + " plus the " + slippage + " slippage it allows,"
                        + from + ", for exactly " + KnownMint.amount(t.exact, outMint)
                : KnownMint.amount(t.exact, sourceMint) + from + " for at least "
                        + KnownMint.amount(least(t.quoted, bps), outMint)
                        + ", the quote of " + KnownMint.number(t.quoted, outMint) + " less the " + slippage
                        + " slippage it allows";
        boolean own = ProgramAddress.isAssociated(d.address(outAccount), d.self(), outMint);
        StringBuilder action =
                new StringBuilder("swap " + trade + InstructionText.into(d, outAccount, own) + "; authority "
                        + d.account(form.authority) + "; through " + String.join(", ", new LinkedHashSet<>(t.venues)));
        if (t.feeBps > 0) {
            boolean feeAccount = form.feeAccount >= 0 && optional(d, form.feeAccount);
            action.append("; a platform fee of " + percent(t.feeBps)
                    + (feeAccount ? " to the token account " + d.account(form.feeAccount) : ""));
        }
        if (t.positiveSlippageBps > 0) {
            action.append("; the platform keeps " + percent(t.positiveSlippageBps) + " of anything above the quote");
        }
        return new InstructionText(null, action.toString(), warnings(d, form, t, outAccount, own, outMint));
    }

    private static String warnings(InstructionData d, Form form, Terms t, int outAccount, boolean own, String outMint) {
        List<String> warnings = new ArrayList<>();
        if (!own) {
            String elsewhere = InstructionText.notOwnWarning(d, "the tokens bought", outAccount, outMint);
            if (elsewhere != null) {
                warnings.add(elsewhere);
            }
        }
        if (t.slippageBps > HIGH_SLIPPAGE_BPS) {
            warnings.add("the swap allows " + percent(t.slippageBps) + " slippage: it may "
                    + (form.exactOut ? "cost that much more" : "give that much less") + " than quoted, and bots "
                    + "that trade around a swap take such room");
        }
        if (t.feeBps > HIGH_FEE_BPS) {
            warnings.add("a platform fee of " + percent(t.feeBps) + " is over 1%");
        }
        return warnings.isEmpty() ? null : String.join("; ", warnings);
    }

    /** Anchor's optional account: the program's own id in its place means none. */
    private static boolean optional(InstructionData d, int i) {
        return i >= 0 && !PROGRAM.equals(d.address(i));
    }

    /** The quote less the slippage, rounded down: the least a swap of an exact amount in may give. */
    private static BigInteger least(BigInteger quoted, BigInteger slippageBps) {
        return quoted.multiply(BPS.subtract(slippageBps).max(BigInteger.ZERO)).divide(BPS);
    }

    /** 50 basis points is "0.5%". */
    private static String percent(int bps) {
        return Decimals.scaled(BigInteger.valueOf(bps), 2) + "%";
    }
}
