package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import io.keyshard.bytes.Utf8;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instruction of a Solana message in words, for the review: which program, what it does with
 * which accounts and amounts, and a warning when it hands control of something to someone else or when it
 * is not decoded here and names the signing key (its program may then move the key's coins). The
 * common instructions of the System, Token (and Token-2022), Associated Token Account, Stake, Compute
 * Budget and Memo programs, liquid staking with the Stake Pool program and Marinade, and the swaps of Jupiter, Orca's
 * Whirlpools, Raydium's pools, Meteora's DLMM and pump.fun's bonding curve and PumpSwap are decoded from their exact
 * layouts; anything else is named by program and size.
 *
 * @param warning what deserves a second look, or null
 */
public record InstructionText(String program, String action, String warning) {
    static final String SYSTEM = "11111111111111111111111111111111";
    static final String TOKEN = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    static final String TOKEN_2022 = "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb";
    static final String ASSOCIATED_TOKEN = "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL";
    static final String COMPUTE_BUDGET = "ComputeBudget111111111111111111111111111111";
    static final String MEMO = "MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr";
    static final String MEMO_V1 = "Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo";

    /** Why a token account's mint is unknown when the instruction names it but a v0 message's lookup table loads it. */
    static final String MINT_FROM_TABLE = "their mint is loaded from a lookup table";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(SYSTEM, "System Program"),
            Map.entry(TOKEN, "Token Program"),
            Map.entry(TOKEN_2022, "Token-2022 Program"),
            Map.entry(ASSOCIATED_TOKEN, "Associated Token Account Program"),
            Map.entry(StakeInstructions.STAKE, "Stake Program"),
            Map.entry(COMPUTE_BUDGET, "Compute Budget Program"),
            Map.entry(MEMO, "Memo Program"),
            Map.entry(MEMO_V1, "Memo Program (v1)"),
            Map.entry(JupiterInstructions.PROGRAM, "Jupiter Aggregator v6"),
            Map.entry(StakePoolInstructions.PROGRAM, "Stake Pool Program"),
            Map.entry(StakePoolInstructions.SANCTUM, "Stake Pool Program (Sanctum)"),
            Map.entry(StakePoolInstructions.SANCTUM_MULTI, "Stake Pool Program (Sanctum, multi-validator)"),
            Map.entry(MarinadeInstructions.PROGRAM, "Marinade Finance"),
            Map.entry(WhirlpoolInstructions.PROGRAM, "Orca Whirlpool"),
            Map.entry(RaydiumInstructions.AMM_V4, "Raydium AMM v4"),
            Map.entry(RaydiumInstructions.CPMM, "Raydium CPMM"),
            Map.entry(RaydiumInstructions.CLMM, "Raydium CLMM"),
            Map.entry(DlmmInstructions.PROGRAM, "Meteora DLMM"),
            Map.entry(PumpInstructions.BONDING_CURVE, "pump.fun"),
            Map.entry(PumpInstructions.AMM, "PumpSwap"));

    /** Every instruction of {@code m}, in order. */
    public static List<InstructionText> of(SolanaMessage m) {
        return of(m, null);
    }

    /** Every instruction of {@code m}, in order, naming the account of the key {@code self} "(this key)". */
    public static List<InstructionText> of(SolanaMessage m, byte[] self) {
        List<InstructionText> out = new ArrayList<>();
        for (SolanaMessage.Instruction ix : m.instructions()) {
            String program = Base58.encode(m.staticKeys().get(ix.programIndex()));
            InstructionData d = new InstructionData(m, ix, self);
            InstructionText known = decoded(program, d);
            String name = programName(program);
            out.add(
                    known == null
                            ? new InstructionText(
                                    name,
                                    d.length() + " bytes of data, not decoded here",
                                    d.namesSelf() ? blindWarning(name) : null)
                            : new InstructionText(name, known.action, known.warning));
        }
        return out;
    }

    /**
     * How many instructions not decoded here name the key {@code self}. The key signs the whole message, so such
     * an instruction's program may move its SOL and tokens (by calls into the System and Token programs) in ways
     * {@link #lamportsSentBy} cannot count.
     */
    public static int undecodedNaming(SolanaMessage m, byte[] self) {
        int n = 0;
        for (SolanaMessage.Instruction ix : m.instructions()) {
            InstructionData d = new InstructionData(m, ix, self);
            if (d.namesSelf() && decoded(Base58.encode(m.staticKeys().get(ix.programIndex())), d) == null) {
                n++;
            }
        }
        return n;
    }

    /** The instruction in words when its program and exact layout are among those decoded here, else null. */
    private static InstructionText decoded(String program, InstructionData d) {
        return switch (program) {
            case SYSTEM -> system(d);
            case TOKEN, TOKEN_2022 -> TokenInstructions.describe(d);
            case StakeInstructions.STAKE -> StakeInstructions.describe(d);
            case ASSOCIATED_TOKEN -> associatedToken(d);
            case COMPUTE_BUDGET -> computeBudget(d);
            case MEMO, MEMO_V1 -> memo(d);
            case JupiterInstructions.PROGRAM -> JupiterInstructions.describe(d);
            case StakePoolInstructions.PROGRAM, StakePoolInstructions.SANCTUM, StakePoolInstructions.SANCTUM_MULTI ->
                StakePoolInstructions.describe(d);
            case MarinadeInstructions.PROGRAM -> MarinadeInstructions.describe(d);
            case WhirlpoolInstructions.PROGRAM -> WhirlpoolInstructions.describe(d);
            case RaydiumInstructions.AMM_V4 -> RaydiumInstructions.ammV4(d);
            case RaydiumInstructions.CPMM -> RaydiumInstructions.cpmm(d);
            case RaydiumInstructions.CLMM -> RaydiumInstructions.clmm(d);
            case DlmmInstructions.PROGRAM -> DlmmInstructions.describe(d);
            case PumpInstructions.BONDING_CURVE -> PumpInstructions.bondingCurve(d);
            case PumpInstructions.AMM -> PumpInstructions.amm(d);
            default -> null;
        };
    }

    private static String blindWarning(String program) {
        return "an instruction of " + program + " that is not decoded here names this key, which signs it: that "
                + "program can move this key's SOL and tokens as it decides; sign only for a program and an app you "
                + "trust";
    }

    /** The program's name when it is one decoded here, else its address. */
    public static String programName(String id) {
        return NAMES.getOrDefault(id, id);
    }

    /** {@code 1500000000} lamports is {@code "1.5 SOL"}. */
    public static String sol(BigInteger lamports) {
        return InstructionData.sol(lamports);
    }

    static InstructionText said(String action) {
        return new InstructionText(null, action, null);
    }

    static InstructionText warned(String action, String warning) {
        return new InstructionText(null, action, warning);
    }

    /**
     * {@code action} and where its tokens go: the token account {@code account} of the instruction, marked as this
     * key's own when it is the key's associated account for {@code mint}, else warned about (whoever owns that
     * account gets the tokens).
     */
    static InstructionText intoTokenAccount(InstructionData d, String action, int account, String mint) {
        boolean own = ProgramAddress.isAssociated(d.address(account), d.self(), mint);
        return new InstructionText(
                null, action + into(d, account, own), own ? null : notOwnWarning(d, "the tokens", account, mint));
    }

    /** ", into the token account X", marked "(this key's own for that mint)" when {@code own}. */
    static String into(InstructionData d, int account, boolean own) {
        return ", into the token account " + d.account(account) + (own ? " (this key's own for that mint)" : "");
    }

    /**
     * The warning for {@code what} going to the token account {@code account}, which is not shown to be this key's
     * associated account for {@code mint} (null: a mint a lookup table loads); null when no key is named.
     */
    static String notOwnWarning(InstructionData d, String what, int account, String mint) {
        return notOwnWarning(d, what, account, mint, MINT_FROM_TABLE);
    }

    /** As {@link #notOwnWarning(InstructionData, String, int, String)}, saying {@code whyNoMint} of a null mint. */
    static String notOwnWarning(InstructionData d, String what, int account, String mint, String whyNoMint) {
        if (d.self() == null) {
            return null;
        }
        return what + " go to the token account " + d.account(account)
                + (mint == null
                        ? ", and " + whyNoMint + ", so whether that account is this key's own cannot be checked here"
                        : ", which is not this key's own account for the mint " + mint)
                + ": check that it is yours";
    }

    /** {@code action}, which pays SOL to the instruction's account {@code to}: warned about when that is not this key. */
    static InstructionText solTo(InstructionData d, String action, int to) {
        return d.self() != null && !d.isSelf(to)
                ? warned(
                        action,
                        "the SOL goes to " + d.account(to) + ", not to this key: sign only if you mean to pay it")
                : said(action);
    }

    /** The System Program's instructions are a u32 tag and fixed fields (solana-program system_instruction). */
    private static InstructionText system(InstructionData d) {
        if (d.length() < 4) {
            return null;
        }
        long tag = d.u32(0);
        if (isTransfer(d)) {
            return said("transfer " + InstructionData.sol(d.u64(4)) + " from " + d.account(0) + " to " + d.account(1));
        }
        if (isCreateAccount(d)) {
            return said("create account " + d.account(1) + " with " + InstructionData.sol(d.u64(4)) + " and "
                    + d.u64(12) + " bytes, owned by " + programName(Base58.encode(d.bytes(20, 52))) + ", paid by "
                    + d.account(0));
        }
        if (tag == 1 && d.is(36, 1)) {
            String owner = programName(Base58.encode(d.bytes(4, 36)));
            return warned(
                    "assign account " + d.account(0) + " to " + owner,
                    "account " + d.account(0) + " is handed to " + owner + ", which then controls it");
        }
        if (tag == 4 && d.is(4, 3)) {
            // a recent blockhash expires within about two minutes; a durable nonce only when it is advanced
            return warned(
                    "use the durable nonce in " + d.account(0) + " (authority " + d.account(2) + ")",
                    "this transaction uses a durable nonce, so it does not expire: once signed, whoever holds it "
                            + "can send it at any time until the nonce in " + d.account(0) + " is advanced");
        }
        return null;
    }

    /** System Transfer: tag 2, u64 lamports; accounts from, to. */
    private static boolean isTransfer(InstructionData d) {
        return d.is(12, 2) && d.u32(0) == 2;
    }

    /** System CreateAccount: tag 0, u64 lamports, u64 space, owner; accounts funder, new account. */
    private static boolean isCreateAccount(InstructionData d) {
        return d.is(52, 2) && d.u32(0) == 0;
    }

    /** Create (empty data or 0) and CreateIdempotent (1): accounts funder, new account, wallet, mint. */
    private static boolean isAssociatedCreate(InstructionData d) {
        return d.is(0, 4) || (d.is(1, 4) && d.u8(0) <= 1);
    }

    private static InstructionText associatedToken(InstructionData d) {
        return isAssociatedCreate(d)
                ? said("create the token account " + d.account(1) + " of " + d.account(2) + " for the mint "
                        + d.account(3) + ", paid by " + d.account(0))
                : null;
    }

    /** SetComputeUnitLimit (2, u32) and SetComputeUnitPrice (3, u64 micro-lamports per unit). */
    private static InstructionText computeBudget(InstructionData d) {
        BigInteger limit = PriorityFee.unitLimit(d);
        BigInteger price = PriorityFee.unitPrice(d);
        return limit != null
                ? said("set the compute unit limit to " + limit)
                : price != null ? said("set the priority fee to " + price + " micro-lamports per compute unit") : null;
    }

    private static InstructionText memo(InstructionData d) {
        return Utf8.decode(d.bytes(0, d.length()))
                .map(text -> said("memo \"" + text + "\""))
                .orElse(null);
    }

    /**
     * The lamports that leave the key {@code self} by the System Program's transfers and account creations
     * it pays for (the layouts {@link #system} decodes), by the SOL it stakes with a stake pool or Marinade and by
     * its pump.fun buys in SOL, at their bound ({@link #sentIsBound}); the network fee is not in it.
     */
    public static BigInteger lamportsSentBy(SolanaMessage m, byte[] self) {
        BigInteger sent = BigInteger.ZERO;
        for (SolanaMessage.Instruction ix : m.instructions()) {
            String program = Base58.encode(m.staticKeys().get(ix.programIndex()));
            InstructionData d = new InstructionData(m, ix, self);
            if (SYSTEM.equals(program) && (isTransfer(d) || isCreateAccount(d)) && d.isSelf(0)) {
                sent = sent.add(d.u64(4));
            } else if (StakePoolInstructions.isProgram(program)) {
                sent = sent.add(StakePoolInstructions.lamportsFrom(d));
            } else if (MarinadeInstructions.PROGRAM.equals(program)) {
                sent = sent.add(MarinadeInstructions.lamportsFrom(d));
            } else if (PumpInstructions.BONDING_CURVE.equals(program)) {
                sent = sent.add(PumpInstructions.lamportsFrom(d));
            }
        }
        return sent;
    }

    /**
     * True when {@link #lamportsSentBy} counts a purchase at its bound: a pump.fun buy in SOL by this key pays what
     * the bonding curve asks up to its bound.
     */
    public static boolean sentIsBound(SolanaMessage m, byte[] self) {
        for (SolanaMessage.Instruction ix : m.instructions()) {
            String program = Base58.encode(m.staticKeys().get(ix.programIndex()));
            if (PumpInstructions.BONDING_CURVE.equals(program)
                    && PumpInstructions.buysWithOwnSol(new InstructionData(m, ix, self))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The programs, by name, whose instructions in {@code m} may open an account whose rent the key {@code self}
     * pays, an amount no instruction states: the Associated Token Account Program's creations it funds (none when the
     * account exists already) and pump.fun's buys by it (the buyer's volume and fee accounts).
     */
    public static List<String> rentPayingPrograms(SolanaMessage m, byte[] self) {
        List<String> programs = new ArrayList<>();
        for (SolanaMessage.Instruction ix : m.instructions()) {
            String program = Base58.encode(m.staticKeys().get(ix.programIndex()));
            InstructionData d = new InstructionData(m, ix, self);
            boolean pays = ASSOCIATED_TOKEN.equals(program)
                    ? isAssociatedCreate(d) && d.isSelf(0)
                    : PumpInstructions.BONDING_CURVE.equals(program) && PumpInstructions.buysWithOwnSol(d);
            if (pays && !programs.contains(programName(program))) {
                programs.add(programName(program));
            }
        }
        return programs;
    }
}
