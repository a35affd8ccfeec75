package io.keyshard.payload.evm;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A call to Aave v3's Pool, at the addresses of Aave's address book (bgd-labs/aave-address-book) on the chains the
 * review names: supplying a token (and its older name, deposit), withdrawing it, borrowing, repaying (with the token
 * or with its aTokens) and turning a supplied token's use as collateral on or off. Read only when the call data is
 * exactly the function's canonical ABI encoding, a {@code uint16} referral code and a bool included, as the Pool
 * (Solidity 0.8) decodes it.
 *
 * @param asset the token supplied, withdrawn, borrowed or repaid
 * @param amount in the token's smallest units; {@link #ALL} withdraws the whole supply or repays the whole debt;
 *     null for a collateral switch
 * @param party who is credited (supply), paid (withdraw), owes the debt (borrow, repay); null where the sender is
 *     meant by the function itself (repay with aTokens, collateral switch)
 * @param rateMode 2 variable, 1 stable (borrow, repay); 0 elsewhere
 * @param collateral for the collateral switch: true to use the asset as collateral
 */
public record AaveCall(Kind kind, String asset, BigInteger amount, String party, int rateMode, boolean collateral) {
    /** {@code type(uint256).max}: the whole balance or debt. */
    public static final BigInteger ALL = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private static final BigInteger UINT16 = BigInteger.valueOf(0xffff);

    /** The Pool (lower case) by chain id. */
    private static final Map<Long, String> POOLS = Map.of(
            1L, "0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2",
            10L, "0x794a61358d6845594f94dc1db02a252b5b4814ad",
            56L, "0x6807dc923806fe8fd134338eabca509979a7e0cb",
            137L, "0x794a61358d6845594f94dc1db02a252b5b4814ad",
            8453L, "0xa238dd80c259a72e81d7e4664a9801593f98d1c5",
            42161L, "0x794a61358d6845594f94dc1db02a252b5b4814ad",
            43114L, "0x794a61358d6845594f94dc1db02a252b5b4814ad");

    /** The functions read, with their selectors and number of head words. */
    public enum Kind {
        SUPPLY("supply(address,uint256,address,uint16)", "617ba037", 4),
        DEPOSIT("deposit(address,uint256,address,uint16)", "e8eda9df", 4),
        WITHDRAW("withdraw(address,uint256,address)", "69328dec", 3),
        BORROW("borrow(address,uint256,uint256,uint16,address)", "a415bcad", 5),
        REPAY("repay(address,uint256,uint256,address)", "573ade81", 4),
        REPAY_WITH_ATOKENS("repayWithATokens(address,uint256,uint256)", "2dad97d4", 3),
        COLLATERAL("setUserUseReserveAsCollateral(address,bool)", "5a3b74b9", 2);

        private final String signature;
        private final byte[] selector;
        private final int words;

        Kind(String signature, String selector, int words) {
            this.signature = signature;
            this.selector = Hex.decode(selector, "selector");
            this.words = words;
        }

        public String signature() {
            return signature;
        }
    }

    /** What {@code data} sent to {@code to} on chain {@code chainId} does, when it is a call to Aave v3's Pool. */
    public static Optional<AaveCall> decode(BigInteger chainId, String to, byte[] data) {
        if (chainId == null || chainId.bitLength() > 63 || to == null) {
            return Optional.empty();
        }
        if (!to.toLowerCase(Locale.ROOT).equals(POOLS.get(chainId.longValueExact()))) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (Bytes.calls(data, kind.selector)) {
                AbiArguments a = data.length == 4 + 32 * kind.words ? AbiArguments.of(data, kind.words) : null;
                return a == null ? Optional.empty() : Optional.ofNullable(read(kind, a));
            }
        }
        return Optional.empty();
    }

    /** The call, or null when an address, a rate mode, a referral code or a bool is not what the Pool accepts. */
    private static AaveCall read(Kind kind, AbiArguments a) {
        String asset = a.address(0);
        if (asset == null) {
            return null;
        }
        return switch (kind) {
            case SUPPLY, DEPOSIT ->
                a.address(2) == null || !fits16(a.uint(3))
                        ? null
                        : new AaveCall(kind, asset, a.uint(1), a.address(2), 0, false);
            case WITHDRAW -> a.address(2) == null ? null : new AaveCall(kind, asset, a.uint(1), a.address(2), 0, false);
            case BORROW ->
                a.address(4) == null || !fits16(a.uint(3)) || rateMode(a.uint(2)) < 0
                        ? null
                        : new AaveCall(kind, asset, a.uint(1), a.address(4), rateMode(a.uint(2)), false);
            case REPAY ->
                a.address(3) == null || rateMode(a.uint(2)) < 0
                        ? null
                        : new AaveCall(kind, asset, a.uint(1), a.address(3), rateMode(a.uint(2)), false);
            case REPAY_WITH_ATOKENS ->
                rateMode(a.uint(2)) < 0 ? null : new AaveCall(kind, asset, a.uint(1), null, rateMode(a.uint(2)), false);
            case COLLATERAL -> a.bool(1) == null ? null : new AaveCall(kind, asset, null, null, 0, a.bool(1));
        };
    }

    /** 1 stable or 2 variable, the modes the Pool knows; -1 for any other value. */
    private static int rateMode(BigInteger mode) {
        return mode.equals(BigInteger.ONE) || mode.equals(BigInteger.TWO) ? mode.intValueExact() : -1;
    }

    private static boolean fits16(BigInteger v) {
        return v.compareTo(UINT16) <= 0;
    }
}
