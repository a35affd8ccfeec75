package io.keyshard.payload.evm;

import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A swap through 1inch's Aggregation Router v6 ({@link #ROUTER}, the address 1inch deploys it at on every chain the
 * review lists; zkSync Era's differs and is not read), read as the router's source reads it and by the function
 * signatures of 1inch's published ABI (1inch/1inch-sdk-go {@code constants/abi/aggregationRouterV6.abi.json}).
 * {@code swap} names both tokens, the amount, the least returned and who receives it; its route is run by an
 * executor contract the call names, and the router then pays out what came back, refusing less than the least.
 * The {@code unoswap} family swaps through one to three pools named in the call: it names the token paid but not the
 * one bought, which is the last pool's other token (known only on chain), or the chain's coin when the last pool's
 * wrapped coin is unwrapped. Bytes after the arguments, shorter than a word, are allowed and shown: the router does not
 * read them, and 1inch's API appends a 4-byte tag to every call it builds.
 *
 * @param srcToken the token paid, {@link #COIN} for the chain's coin (the transaction's value)
 * @param dstToken the token bought: {@link #COIN} for the chain's coin, null when the call does not name it
 * @param amount the amount paid; null for the {@code ethUnoswap} forms, which pay the transaction's value
 * @param receiver who is paid what is bought; null for the sender
 * @param executor the contract that runs the route ({@code swap} only)
 * @param partialFill the route may spend less than the amount: the rest is paid back and the least returned shrinks
 *     in proportion ({@code swap} only)
 * @param extraCoin the router takes more of the chain's coin than the amount and hands it to the executor
 * @param permit2 the token is taken through Permit2's allowance instead of an approval of the router
 * @param tag the bytes after the arguments (hex), which the router does not read and 1inch's API appends to the
 *     calls it builds; null when there are none
 */
public record OneInchCall(
        Kind kind,
        String srcToken,
        String dstToken,
        BigInteger amount,
        BigInteger minReturn,
        String receiver,
        String executor,
        boolean partialFill,
        boolean extraCoin,
        boolean permit2,
        List<Pool> pools,
        String tag) {

    /** The router, lower case. */
    public static final String ROUTER = "0x111111125421ca6dc452d289314280a0f8842a65";

    /** The chain's coin, as 1inch names it; the zero address means it too. */
    public static final String COIN = "0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE";

    /** The chains 1inch deploys the router at {@link #ROUTER} on (1inch/1inch-sdk-go, constants). */
    private static final Set<Long> CHAINS =
            Set.of(1L, 10L, 56L, 100L, 137L, 250L, 8217L, 8453L, 42161L, 43114L, 1313161554L);

    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    /** GenericRouter's flag bits: a partial fill, coin beyond the amount for the executor, Permit2. */
    private static final int PARTIAL_FILL_BIT = 0;

    private static final int REQUIRES_EXTRA_ETH_BIT = 1;
    private static final int USE_PERMIT2_BIT = 2;
    /** ProtocolLib: the protocol in the top 3 bits of a pool word, then the unwrap and Permit2 flags. */
    private static final int PROTOCOL_OFFSET = 253;

    private static final int UNWRAP_BIT = 252;
    private static final int POOL_PERMIT2_BIT = 250;

    /** The functions read: their signature in the ABI, selector, head words, the pools and whether they name a receiver. */
    public enum Kind {
        SWAP("swap(address,(address,address,address,address,uint256,uint256,uint256),bytes)", "07ed2379", 9, 0, false),
        UNOSWAP("unoswap(uint256,uint256,uint256,uint256)", "83800a8e", 4, 1, false),
        UNOSWAP2("unoswap2(uint256,uint256,uint256,uint256,uint256)", "8770ba91", 5, 2, false),
        UNOSWAP3("unoswap3(uint256,uint256,uint256,uint256,uint256,uint256)", "19367472", 6, 3, false),
        UNOSWAP_TO("unoswapTo(uint256,uint256,uint256,uint256,uint256)", "e2c95c82", 5, 1, true),
        UNOSWAP_TO2("unoswapTo2(uint256,uint256,uint256,uint256,uint256,uint256)", "ea76dddf", 6, 2, true),
        UNOSWAP_TO3("unoswapTo3(uint256,uint256,uint256,uint256,uint256,uint256,uint256)", "f7a70056", 7, 3, true),
        ETH_UNOSWAP("ethUnoswap(uint256,uint256)", "a76dfc3b", 2, 1, false),
        ETH_UNOSWAP2("ethUnoswap2(uint256,uint256,uint256)", "89af926a", 3, 2, false),
        ETH_UNOSWAP3("ethUnoswap3(uint256,uint256,uint256,uint256)", "188ac35d", 4, 3, false),
        ETH_UNOSWAP_TO("ethUnoswapTo(uint256,uint256,uint256)", "175accdc", 3, 1, true),
        ETH_UNOSWAP_TO2("ethUnoswapTo2(uint256,uint256,uint256,uint256)", "0f449d71", 4, 2, true),
        ETH_UNOSWAP_TO3("ethUnoswapTo3(uint256,uint256,uint256,uint256,uint256)", "493189f0", 5, 3, true);

        private final String signature;
        private final byte[] selector;
        private final int words;
        private final int pools;
        private final boolean to;

        Kind(String signature, String selector, int words, int pools, boolean to) {
            this.signature = signature;
            this.selector = Hex.decode(selector, "selector");
            this.words = words;
            this.pools = pools;
            this.to = to;
        }

        public String signature() {
            return signature;
        }

        /** True for the forms that pay with the transaction's value. */
        public boolean paysCoin() {
            return name().startsWith("ETH_");
        }
    }

    /** The kinds of pool a {@code unoswap} pool word names (ProtocolLib.Protocol). */
    public enum Protocol {
        UNISWAP_V2("a Uniswap v2-style pool"),
        UNISWAP_V3("a Uniswap v3-style pool"),
        CURVE("a Curve pool");

        private final String words;

        Protocol(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A pool of a {@code unoswap}: its address and kind. */
    public record Pool(String address, Protocol protocol) {}

    /** What {@code data} sent to {@code to} on chain {@code chainId} does, when it is a swap of the 1inch router. */
    public static Optional<OneInchCall> decode(BigInteger chainId, String to, byte[] data) {
        if (chainId == null || chainId.bitLength() > 63 || to == null) {
            return Optional.empty();
        }
        if (!CHAINS.contains(chainId.longValueExact())
                || !to.toLowerCase(Locale.ROOT).equals(ROUTER)) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (Bytes.calls(data, kind.selector)) {
                AbiArguments a = AbiArguments.of(data, kind.words);
                return a == null
                        ? Optional.empty()
                        : Optional.ofNullable(kind == Kind.SWAP ? swap(a) : unoswap(kind, a));
            }
        }
        return Optional.empty();
    }

    /** GenericRouter.swap: executor, the SwapDescription's seven words inline, the route's bytes. */
    private static OneInchCall swap(AbiArguments a) {
        String executor = a.address(0);
        String src = a.address(1);
        String dst = a.address(2);
        String srcReceiver = a.address(3);
        String dstReceiver = a.address(4);
        BigInteger flags = a.uint(7);
        byte[] route = a.bytes(8);
        if (executor == null
                || src == null
                || dst == null
                || srcReceiver == null
                || dstReceiver == null
                || route == null) {
            return null;
        }
        byte[] rest = a.rest();
        if (rest.length >= 32) {
            // a whole word more could be an argument of another function: not read as this one
            return null;
        }
        return new OneInchCall(
                Kind.SWAP,
                coinOr(src),
                coinOr(dst),
                a.uint(5),
                a.uint(6),
                dstReceiver.equals(ZERO) ? null : dstReceiver,
                executor,
                flags.testBit(PARTIAL_FILL_BIT),
                flags.testBit(REQUIRES_EXTRA_ETH_BIT),
                flags.testBit(USE_PERMIT2_BIT),
                List.of(),
                tag(rest));
    }

    /** The unoswap forms: [to], [token, amount] (not in the coin forms), minReturn, then one to three pool words. */
    private static OneInchCall unoswap(Kind kind, AbiArguments a) {
        byte[] rest = a.rest();
        if (rest.length >= 32) {
            // a whole word more could be an argument of another function: not read as this one
            return null;
        }
        int at = 0;
        String receiver = null;
        if (kind.to) {
            receiver = a.address(at++);
            if (receiver == null) {
                return null;
            }
        }
        String token = COIN;
        BigInteger amount = null;
        if (!kind.paysCoin()) {
            token = a.address(at++);
            amount = a.uint(at++);
            if (token == null) {
                return null;
            }
        }
        BigInteger minReturn = a.uint(at++);
        List<Pool> pools = new ArrayList<>();
        BigInteger last = null;
        BigInteger first = a.uint(at);
        for (int i = 0; i < kind.pools; i++) {
            last = a.uint(at++);
            int protocol = last.shiftRight(PROTOCOL_OFFSET).intValueExact();
            if (protocol >= Protocol.values().length) {
                // the router's Protocol(...) conversion reverts on any other value
                return null;
            }
            pools.add(new Pool(lowAddress(last), Protocol.values()[protocol]));
        }
        return new OneInchCall(
                kind,
                kind.paysCoin() ? COIN : coinOr(token),
                last.testBit(UNWRAP_BIT) ? COIN : null,
                amount,
                minReturn,
                receiver,
                null,
                false,
                false,
                !kind.paysCoin() && first.testBit(POOL_PERMIT2_BIT),
                List.copyOf(pools),
                tag(rest));
    }

    /** Bytes after the arguments as hex, or null when there are none. */
    private static String tag(byte[] rest) {
        return rest.length == 0 ? null : Hex.encode(rest);
    }

    /** The low 160 bits of a pool word as an address (EIP-55): the pool, with the flags above it dropped. */
    private static String lowAddress(BigInteger word) {
        byte[] word32 = Bytes.word(word.and(BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE)));
        return AccountAddresses.eip55(Hex.encode(Arrays.copyOfRange(word32, 12, 32)));
    }

    /** 1inch's UniERC20 takes the zero address and 0xEeee...EEeE both for the chain's coin. */
    private static String coinOr(String token) {
        return token.equals(ZERO) || token.equalsIgnoreCase(COIN) ? COIN : token;
    }
}
