package io.keyshard.payload.evm;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deployment of Uniswap's Universal Router the review reads calls to, from Uniswap's own deploy addresses: where it
 * is, and which of the commands {@link UniversalRouterCall} reads it runs. A command a deployment does not run reverts
 * there, so a call that uses one is left unread rather than shown as a step that would happen.
 *
 * @param chainId the chain it is deployed on
 * @param address its address (lower case)
 * @param balanceCheck true when it runs the ERC-20 balance check (0x0e): 1.2 and later; 1.0 reverts on it
 * @param v2Pools true when it swaps through Uniswap v2 pools: a 1.2 deployed without them reverts v2 swaps
 * @param v4 true for 2.0, whose command 0x10 is a Uniswap v4 swap (on 1.x it buys NFTs on Seaport)
 */
record UniversalRouterDeployment(long chainId, String address, boolean balanceCheck, boolean v2Pools, boolean v4) {
    /** The Ethereum 1.2 address, reused by the 1.2 with v2 pools on Base. */
    private static final String V1_2 = "0x3fc91a3afd70395cd496c647d5a6cc9d4b2b7fad";
    /** The address of the 1.2 without v2 pools on OP Mainnet, BNB Smart Chain, Base and Arbitrum One. */
    private static final String V1_2_NO_V2 = "0xec8b0f7ffe3ae75d7ffab09429e3675bb63503e4";

    /** Versions 1.0, 1.2 and 2.0 on Ethereum; 1.2 with and without v2 pools and 2.0 on five other chains. */
    private static final List<UniversalRouterDeployment> ALL = List.of(
            new UniversalRouterDeployment(1, "0xef1c6e67703c7bd7107eed8303fbe6ec2554bf6b", false, true, false),
            new UniversalRouterDeployment(1, V1_2, true, true, false),
            new UniversalRouterDeployment(1, "0x66a9893cc07d91d95644aedd05d03f95e1dba8af", true, true, true),
            new UniversalRouterDeployment(10, "0xcb1355ff08ab38bbce60111f1bb2b784be25d7e8", true, true, false),
            new UniversalRouterDeployment(10, V1_2_NO_V2, true, false, false),
            new UniversalRouterDeployment(10, "0x851116d9223fabed8e56c0e6b8ad0c31d98b3507", true, true, true),
            new UniversalRouterDeployment(56, "0x4dae2f939acf50408e13d58534ff8c2776d45265", true, true, false),
            new UniversalRouterDeployment(56, V1_2_NO_V2, true, false, false),
            new UniversalRouterDeployment(56, "0x1906c1d672b88cd1b9ac7593301ca990f94eae07", true, true, true),
            new UniversalRouterDeployment(137, "0xec7be89e9d109e7e3fec59c222cf297125fefda2", true, true, false),
            new UniversalRouterDeployment(137, "0x643770e279d5d0733f21d6dc03a8efbabf3255b4", true, false, false),
            new UniversalRouterDeployment(137, "0x1095692a6237d83c6a72f3f5efedb9a670c49223", true, true, true),
            new UniversalRouterDeployment(8453, V1_2, true, true, false),
            new UniversalRouterDeployment(8453, V1_2_NO_V2, true, false, false),
            new UniversalRouterDeployment(8453, "0x6ff5693b99212da76ad316178a184ab56d299b43", true, true, true),
            new UniversalRouterDeployment(42161, "0x5e325eda8064b456f4781070c0738d849c824258", true, true, false),
            new UniversalRouterDeployment(42161, V1_2_NO_V2, true, false, false),
            new UniversalRouterDeployment(42161, "0xa51afafe0263b40edaef0df8781ea9aa03e381a3", true, true, true));

    /** The deployment at {@code to} on chain {@code chainId}, if it is one read here. */
    static Optional<UniversalRouterDeployment> of(BigInteger chainId, String to) {
        if (chainId == null || to == null || chainId.bitLength() > 63) {
            return Optional.empty();
        }
        String address = to.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(d -> d.chainId == chainId.longValueExact() && d.address.equals(address))
                .findFirst();
    }

    /** True when this deployment runs {@code command}. */
    boolean runs(UniversalRouterCall.Command command) {
        return switch (command) {
            case BALANCE_CHECK_ERC20 -> balanceCheck;
            case V2_SWAP_EXACT_IN, V2_SWAP_EXACT_OUT -> v2Pools;
            case V4_SWAP -> v4;
            default -> true;
        };
    }
}
