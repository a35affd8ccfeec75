package io.keyshard.payload.evm;

import io.keyshard.payload.Decimals;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * ERC-20 tokens whose decimals the review knows, so that a transfer of {@code 250000000} USDC reads as
 * 250 USDC. A token is its contract address on its chain: the same symbol at another address is another
 * token, and is shown in smallest units like every token not listed here. Addresses as Circle, Tether,
 * MakerDAO, the WETH9 deployment and the chains' own documentation publish them.
 *
 * @param wrapsCoin true for the chain's wrapped native coin (WETH9's {@code deposit()} and {@code
 *     withdraw(uint256)}), which the review reads as wrapping and unwrapping ({@link WrappedCoin})
 */
public record KnownToken(long chainId, String address, String symbol, int decimals, boolean wrapsCoin) {
    /**
     * Stablecoins, wrapped coins and wrapped bitcoin on the chains the review names, with the addresses and decimals
     * of Uniswap's default token list; a token is listed only where both are certain, since a wrong number of
     * decimals would show an amount a thousand or a trillion times off.
     */
    private static final List<KnownToken> KNOWN = List.of(
            new KnownToken(1, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "USDC", 6, false),
            new KnownToken(1, "0xdAC17F958D2ee523a2206206994597C13D831ec7", "USDT", 6, false),
            new KnownToken(1, "0x6B175474E89094C44Da98b954EedeAC495271d0F", "DAI", 18, false),
            new KnownToken(1, "0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599", "WBTC", 8, false),
            new KnownToken(1, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "WETH", 18, true),
            // Lido's staked ETH and its wrapper, as Lido's deployed-contracts page lists them (LidoCall)
            new KnownToken(1, "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84", "stETH", 18, false),
            new KnownToken(1, "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0", "wstETH", 18, false),
            new KnownToken(10, "0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85", "USDC", 6, false),
            new KnownToken(10, "0x7F5c764cBc14f9669B88837ca1490cCa17c31607", "USDC.e", 6, false),
            new KnownToken(10, "0x01bFF41798a0BcF287b996046Ca68b395DbC1071", "USDT0", 6, false),
            // the OP Stack's predeployed WETH9, at the same address on OP Mainnet and Base
            new KnownToken(10, "0x4200000000000000000000000000000000000006", "WETH", 18, true),
            new KnownToken(56, "0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c", "WBNB", 18, true),
            new KnownToken(137, "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359", "USDC", 6, false),
            new KnownToken(137, "0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174", "USDC.e", 6, false),
            new KnownToken(137, "0xc2132D05D31c914a87C6611C10748AEb04B58e8F", "USDT", 6, false),
            new KnownToken(137, "0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063", "DAI", 18, false),
            new KnownToken(137, "0x1BFD67037B42Cf73acF2047067bd4F2C47D9BfD6", "WBTC", 8, false),
            new KnownToken(137, "0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619", "WETH", 18, false),
            new KnownToken(137, "0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270", "WMATIC", 18, true),
            new KnownToken(8453, "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", "USDC", 6, false),
            new KnownToken(8453, "0x50c5725949A6F0c72E6C4a641F24049A917DB0Cb", "DAI", 18, false),
            new KnownToken(8453, "0xcbB7C0000aB88B473b1f5aFd9ef808440eed33Bf", "cbBTC", 8, false),
            new KnownToken(8453, "0x4200000000000000000000000000000000000006", "WETH", 18, true),
            new KnownToken(42161, "0xaf88d065e77c8cC2239327C5EDb3A432268e5831", "USDC", 6, false),
            new KnownToken(42161, "0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8", "USDC.e", 6, false),
            new KnownToken(42161, "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9", "USDT0", 6, false),
            new KnownToken(42161, "0xcbB7C0000aB88B473b1f5aFd9ef808440eed33Bf", "cbBTC", 8, false),
            new KnownToken(42161, "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", "WETH", 18, true),
            new KnownToken(43114, "0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E", "USDC", 6, false),
            new KnownToken(43114, "0xB31f66AA3C1e785363F0875A1B74E27b85FD66c7", "WAVAX", 18, true));

    /** Every listed token. */
    static List<KnownToken> all() {
        return KNOWN;
    }

    /** The token at {@code address} on chain {@code chainId}, when it is one of the listed ones. */
    public static Optional<KnownToken> of(BigInteger chainId, String address) {
        if (chainId == null || address == null || chainId.bitLength() > 63) {
            return Optional.empty();
        }
        long id = chainId.longValue();
        return KNOWN.stream()
                .filter(t -> t.chainId == id && t.address.equalsIgnoreCase(address))
                .findFirst();
    }

    /** The chain's wrapped native coin (WETH on Ethereum), when it is listed. */
    public static Optional<KnownToken> wrappedCoin(BigInteger chainId) {
        return KNOWN.stream()
                .filter(t -> t.wrapsCoin && chainId != null && chainId.equals(BigInteger.valueOf(t.chainId)))
                .findFirst();
    }

    /** {@code 250000000} is "250 USDC". */
    public String amount(BigInteger smallestUnits) {
        return Decimals.scaled(smallestUnits, decimals) + " " + symbol;
    }
}
