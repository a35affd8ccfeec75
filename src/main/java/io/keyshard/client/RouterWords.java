package io.keyshard.client;

import io.keyshard.payload.evm.EvmChain;
import io.keyshard.payload.evm.KnownToken;
import io.keyshard.payload.evm.UniversalRouterCall;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * How a Universal Router review names things on one chain for one key: tokens by symbol when known, amounts in whole
 * tokens or the chain's coin, the router's recipient constants as the sender or the router, percentages.
 */
final class RouterWords {
    private static final BigInteger ONE_PERCENT_BIPS = BigInteger.valueOf(100);

    private final BigInteger chainId;
    private final String address;

    RouterWords(BigInteger chainId, String address) {
        this.chainId = chainId;
        this.address = address;
    }

    /** A recipient as the router maps it: the sender (this key), the router itself, or an address. */
    String who(String recipient) {
        if (recipient.equals(UniversalRouterCall.MSG_SENDER)) {
            return "the sender " + address + " (this key)";
        }
        if (recipient.equals(UniversalRouterCall.ADDRESS_THIS)) {
            return "the router, for a later step";
        }
        return EvmMessageRows.marked(recipient, address);
    }

    /** True when a recipient is someone other than the sender, the router or this key. */
    boolean outside(String recipient) {
        return !recipient.equals(UniversalRouterCall.MSG_SENDER)
                && !recipient.equals(UniversalRouterCall.ADDRESS_THIS)
                && !recipient.equals(address);
    }

    /**
     * The warning for a portion of {@code bips} paid to {@code to}: a fee over 1% to anyone but the sender, the router
     * or this key; else empty.
     */
    Optional<String> largeFee(String step, BigInteger bips, String token, String to) {
        if (!outside(to) || bips.compareTo(ONE_PERCENT_BIPS) <= 0) {
            return Optional.empty();
        }
        return Optional.of(step + " pays " + percent(bips, 2) + " of the " + name(token) + " to " + to
                + ": a fee over 1% is unusual");
    }

    /** The warning for a step that sends what it {@code does} ("buys", "moves") to {@code to}, someone else. */
    static String elsewhere(String step, String does, String to) {
        return step + " sends what it " + does + " to " + to + ", not to this key: sign only if you mean to pay that "
                + "address";
    }

    /** True for the amount that means everything the router holds. */
    static boolean all(BigInteger amount) {
        return UniversalRouterCall.CONTRACT_BALANCE.equals(amount);
    }

    /** A fraction as a percentage: {@code units} of a 10^(2+{@code places}) whole, so 25 bips (places 2) is "0.25%". */
    static String percent(BigInteger units, int places) {
        return new BigDecimal(units).movePointLeft(places).stripTrailingZeros().toPlainString() + "%";
    }

    String coin() {
        return EvmChain.of(chainId).map(EvmChain::coin).orElse("coin");
    }

    String coinAmount(BigInteger wei) {
        return EvmMessageRows.coinAmount(chainId, wei);
    }

    String wrapped() {
        return name(KnownToken.wrappedCoin(chainId).map(KnownToken::address).orElse(null));
    }

    /** A token by its symbol when known, else by its address; the coin by its symbol. */
    String name(String token) {
        if (token == null) {
            return "the wrapped " + coin();
        }
        if (token.equals(UniversalRouterCall.COIN)) {
            return coin();
        }
        return KnownToken.of(chainId, token).map(KnownToken::symbol).orElse("the token " + token);
    }

    /** A payment's or swap's amount: of the coin, or of a token in whole tokens when known. */
    String amount(String token, BigInteger units) {
        return token.equals(UniversalRouterCall.COIN)
                ? coinAmount(units)
                : EvmMessageRows.tokenAmount(chainId, token, units);
    }
}
