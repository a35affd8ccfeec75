package io.keyshard.payload.evm;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * An EVM chain a person is likely to sign for, by its EIP-155 chain id: the name and native coin the
 * review shows, so "chain id 137" reads as Polygon and its value in POL, not in ETH. A chain id not
 * listed here is shown as a number with a word to check it.
 *
 * @param testNetwork true for a test network, whose coins have no value
 * @param l1DataFee true for a rollup that charges the sender an L1 data fee on top of gas (the OP Stack's and
 *     Scroll's), which no field of the transaction caps
 */
public record EvmChain(long id, String name, String coin, boolean testNetwork, boolean l1DataFee) {
    /**
     * The chains of chainlist.org most used for value, and their usual test networks. Arbitrum, zkSync Era and
     * Linea charge their L1 costs through gas, so the gas limit caps them; the OP Stack and Scroll add them.
     */
    private static final List<EvmChain> KNOWN = List.of(
            new EvmChain(1, "Ethereum", "ETH", false, false),
            new EvmChain(10, "OP Mainnet", "ETH", false, true),
            new EvmChain(56, "BNB Smart Chain", "BNB", false, false),
            new EvmChain(100, "Gnosis", "XDAI", false, false),
            new EvmChain(137, "Polygon", "POL", false, false),
            new EvmChain(324, "zkSync Era", "ETH", false, false),
            new EvmChain(8453, "Base", "ETH", false, true),
            new EvmChain(42161, "Arbitrum One", "ETH", false, false),
            new EvmChain(43114, "Avalanche C-Chain", "AVAX", false, false),
            new EvmChain(59144, "Linea", "ETH", false, false),
            new EvmChain(534352, "Scroll", "ETH", false, true),
            new EvmChain(17000, "Holesky", "ETH", true, false),
            new EvmChain(80002, "Polygon Amoy", "POL", true, false),
            new EvmChain(84532, "Base Sepolia", "ETH", true, true),
            new EvmChain(421614, "Arbitrum Sepolia", "ETH", true, false),
            new EvmChain(560048, "Hoodi", "ETH", true, false),
            new EvmChain(11155111, "Sepolia", "ETH", true, false),
            new EvmChain(11155420, "OP Sepolia", "ETH", true, true));

    /** The chain with this id, when it is one of the known ones. */
    public static Optional<EvmChain> of(BigInteger chainId) {
        if (chainId == null || chainId.bitLength() > 63) {
            return Optional.empty();
        }
        long id = chainId.longValue();
        return KNOWN.stream().filter(c -> c.id == id).findFirst();
    }

    /** "1 (Ethereum)", "11155111 (Sepolia, a test network)", or the bare id with what to check. */
    public static String describe(BigInteger chainId) {
        return of(chainId)
                .map(c -> chainId + " (" + c.name + (c.testNetwork ? ", a test network)" : ")"))
                .orElse(chainId + " (not a chain Keyshard knows: check it is the chain you mean)");
    }

    /** A decimal amount of the chain's native coin named after it: "1.5 ETH", "2 POL", "2 (native coin)". */
    public static String amount(BigInteger chainId, String decimal) {
        return decimal + of(chainId).map(c -> " " + c.coin).orElse(" (the chain's native coin)");
    }
}
