package io.keyshard.payload.solana;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The route plan of a Jupiter v6 swap read as Borsh, exactly as the program's published IDL declares it
 * ({@code Vec<RoutePlanStep>} or {@code Vec<RoutePlanStepV2>}, each step a {@code Swap} naming the venue), to
 * know where the plan ends and which venues it goes through. The v1 swap instructions put their amounts after
 * the plan, so an amount is only where the program reads it when every byte before it is read the same way: a
 * venue not in this table, a bool other than 0 or 1, an enum value out of range or a length past the data leaves
 * the plan unread.
 */
final class JupiterRoutePlan {
    /**
     * {@code Swap}'s variants in the IDL's order (the Borsh tag is the index): the venue's name, then the
     * variant's fields as types. Types: Borsh primitives, {@code ?T} an {@code Option}, {@code [T]} a
     * {@code Vec}, {@code TxN} an array, and the named types of {@link #STRUCTS} and {@link #ENUMS}.
     */
    private static final String[] SWAP = {
        "Saber",
        "SaberAddDecimalsDeposit",
        "SaberAddDecimalsWithdraw",
        "TokenSwap",
        "Sencha",
        "Step",
        "Cropper",
        "Raydium",
        "Crema bool",
        "Lifinity",
        "Mercurial",
        "Cykura",
        "Serum Side",
        "MarinadeDeposit",
        "MarinadeUnstake",
        "Aldrin Side",
        "AldrinV2 Side",
        "Whirlpool bool",
        "Invariant bool",
        "Meteora",
        "GooseFX",
        "DeltaFi bool",
        "Balansol",
        "MarcoPolo bool",
        "Dradex Side",
        "LifinityV2",
        "RaydiumClmm",
        "Openbook Side",
        "Phoenix Side",
        "Symmetry u64 u64",
        "TokenSwapV2",
        "HeliumTreasuryManagementRedeemV0",
        "StakeDexStakeWrappedSol",
        "StakeDexSwapViaStake u32",
        "GooseFXV2",
        "Perps",
        "PerpsAddLiquidity",
        "PerpsRemoveLiquidity",
        "MeteoraDlmm",
        "OpenBookV2 Side",
        "RaydiumClmmV2",
        "StakeDexPrefundWithdrawStakeAndDepositStake u32",
        "Clone u8 bool bool",
        "SanctumS u8 u8 u32 u32",
        "SanctumSAddLiquidity u8 u32",
        "SanctumSRemoveLiquidity u8 u32",
        "RaydiumCP",
        "WhirlpoolSwapV2 bool ?RemainingAccountsInfo",
        "OneIntro",
        "PumpWrappedBuy",
        "PumpWrappedSell",
        "PerpsV2",
        "PerpsV2AddLiquidity",
        "PerpsV2RemoveLiquidity",
        "MoonshotWrappedBuy",
        "MoonshotWrappedSell",
        "StabbleStableSwap",
        "StabbleWeightedSwap",
        "Obric bool",
        "FoxBuyFromEstimatedCost",
        "FoxClaimPartial bool",
        "SolFi bool",
        "SolayerDelegateNoInit",
        "SolayerUndelegateNoInit",
        "TokenMill Side",
        "DaosFunBuy",
        "DaosFunSell",
        "ZeroFi",
        "StakeDexWithdrawWrappedSol",
        "VirtualsBuy",
        "VirtualsSell",
        "Perena u8 u8",
        "PumpSwapBuy",
        "PumpSwapSell",
        "Gamma",
        "MeteoraDlmmSwapV2 RemainingAccountsInfo",
        "Woofi",
        "MeteoraDammV2",
        "MeteoraDynamicBondingCurveSwap",
        "StabbleStableSwapV2",
        "StabbleWeightedSwapV2",
        "RaydiumLaunchlabBuy u64",
        "RaydiumLaunchlabSell u64",
        "BoopdotfunWrappedBuy",
        "BoopdotfunWrappedSell",
        "Plasma Side",
        "GoonFi bool u8",
        "HumidiFi u64 bool",
        "MeteoraDynamicBondingCurveSwapWithRemainingAccounts",
        "TesseraV Side",
        "PumpWrappedBuyV2",
        "PumpWrappedSellV2",
        "PumpSwapBuyV2",
        "PumpSwapSellV2",
        "Heaven bool",
        "SolFiV2 bool",
        "Aquifer",
        "PumpWrappedBuyV3",
        "PumpWrappedSellV3",
        "PumpSwapBuyV3",
        "PumpSwapSellV3",
        "JupiterLendDeposit",
        "JupiterLendRedeem",
        "DefiTuna bool ?RemainingAccountsInfo",
        "AlphaQ bool",
        "RaydiumV2",
        "SarosDlmm bool",
        "Futarchy Side",
        "MeteoraDammV2WithRemainingAccounts",
        "Obsidian",
        "WhaleStreet Side",
        "DynamicV1 [CandidateSwap] ?u8",
        "PumpWrappedBuyV4",
        "PumpWrappedSellV4",
        "CarrotIssue",
        "CarrotRedeem",
        "Manifest Side",
        "BisonFi bool",
        "HumidiFiV2 u64 bool",
        "PerenaStar bool",
        "JupiterRfqV2 Side bytes",
        "GoonFiV2 bool",
        "Scorch u128",
        "VaultLiquidUnstake u64x5 u64",
        "XOrca",
        "Quantum Side",
        "WhaleStreetV2 Side u64 u64",
        "Riptide bool",
        "RunnerRodeo",
        "TaurusFi bool",
        "Omnipair",
        "MSwap",
        "Hylo HyloSwapType",
        "VoltrDeposit",
        "VoltrWithdraw",
        "SanctumSV2 u8 u8 u32 u32",
        "LemmingsFi bool",
        "ScaleVmmBuy",
        "ScaleVmmSell",
        "ScaleAmmBuy",
        "ScaleAmmSell",
        "BisonFiV2 bool",
        "Trends",
        "HumaDeposit",
        "HumaInstantWithdraw",
        "Kipseli bool",
        "DynamicV2 [CandidateSwapWithBps] u8 u8"
    };

    /** The IDL's structs the variants use: their fields as types, in order. */
    private static final Map<String, String> STRUCTS = Map.of(
            "RemainingAccountsInfo", "[RemainingAccountsSlice]",
            "RemainingAccountsSlice", "u8 u8",
            "CandidateSwapWithBps", "CandidateSwap u32");

    /** The IDL's enums the variants use: each variant's fields as types (empty for a unit variant). */
    private static final Map<String, String[]> ENUMS = Map.of(
            "Side",
            new String[] {"", ""},
            "HyloSwapType",
            new String[] {"", "", "", "", "", "", "", ""},
            "CandidateSwap",
            new String[] {"u64 bool", "Side", "u64 bool", "", "", "bool", "", "bool", "bool"});

    private final byte[] data;
    private int at;

    private JupiterRoutePlan(byte[] data, int at) {
        this.data = data;
        this.at = at;
    }

    /**
     * The plan starting at {@code at}: its end and its venues, or null when it is not read here.
     *
     * @param v2 true for {@code RoutePlanStepV2} (a u16 share in basis points), false for {@code RoutePlanStep}
     *     (a u8 percent)
     */
    static Read read(byte[] data, int at, boolean v2) {
        JupiterRoutePlan r = new JupiterRoutePlan(data, at);
        try {
            long steps = r.u32();
            List<String> venues = new ArrayList<>();
            for (long i = 0; i < steps; i++) {
                venues.add(r.swap());
                r.skip(v2 ? 4 : 3); // the share, then the input and output indexes (u8 each)
            }
            return new Read(r.at, List.copyOf(venues));
        } catch (Unread e) {
            return null;
        }
    }

    /** Where the plan ends in the data, and the venue of each step in order. */
    record Read(int end, List<String> venues) {}

    private String swap() {
        int tag = u8();
        if (tag >= SWAP.length) {
            throw new Unread();
        }
        String[] nameAndFields = SWAP[tag].split(" ", 2);
        if (nameAndFields.length == 2) {
            fields(nameAndFields[1]);
        }
        return nameAndFields[0];
    }

    private void fields(String types) {
        for (String type : types.split(" ")) {
            value(type);
        }
    }

    private void value(String type) {
        if (type.startsWith("?")) {
            if (flag()) {
                value(type.substring(1));
            }
        } else if (type.startsWith("[")) {
            long n = u32();
            for (long i = 0; i < n; i++) {
                // every element takes at least a byte of what is left, so a hostile length ends here
                value(type.substring(1, type.length() - 1));
            }
        } else if (type.matches("[a-z0-9]+x[0-9]+")) {
            String[] elementAndCount = type.split("x");
            for (int i = Integer.parseInt(elementAndCount[1]); i > 0; i--) {
                value(elementAndCount[0]);
            }
        } else if (STRUCTS.containsKey(type)) {
            fields(STRUCTS.get(type));
        } else if (ENUMS.containsKey(type)) {
            String[] variants = ENUMS.get(type);
            int tag = u8();
            if (tag >= variants.length) {
                throw new Unread();
            }
            if (!variants[tag].isEmpty()) {
                fields(variants[tag]);
            }
        } else {
            primitive(type);
        }
    }

    private void primitive(String type) {
        switch (type) {
            case "bool" -> flag();
            case "u8" -> skip(1);
            case "u16" -> skip(2);
            case "u32" -> skip(4);
            case "u64" -> skip(8);
            case "u128" -> skip(16);
            case "bytes" -> skip(u32());
            default -> throw new IllegalStateException("a type the table names but does not define: " + type);
        }
    }

    /** A Borsh bool or Option tag: 0 or 1, anything else is refused by the program's Borsh too. */
    private boolean flag() {
        int b = u8();
        if (b > 1) {
            throw new Unread();
        }
        return b == 1;
    }

    private int u8() {
        skip(1);
        return data[at - 1] & 0xff;
    }

    private long u32() {
        skip(4);
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            v = (v << 8) | (data[at - i] & 0xff);
        }
        return v;
    }

    private void skip(long n) {
        if (n > data.length - at) {
            throw new Unread();
        }
        at += (int) n;
    }

    /** The plan does not read as the IDL declares it. */
    private static final class Unread extends RuntimeException {
        Unread() {
            super(null, null, false, false);
        }
    }
}
