package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A 1inch limit order (Limit Order Protocol v4, router v6) read from its typed data: the maker offers
 * {@code makingAmount} of {@code makerAsset} for {@code takingAmount} of {@code takerAsset}. Whoever holds the
 * signature can fill it against the maker's allowance to the router, with no further word from the maker, until it
 * expires or is cancelled on chain. Recognised by primary type {@code Order} with exactly OrderLib's members (its
 * type hash), the router's domain name and version, and the router as verifying contract.
 *
 * @param maker who gives the maker asset (EIP-55): must be the signer for the router to take the signature
 * @param receiver who receives the taker asset (EIP-55); {@link #ZERO} means the maker
 * @param makerTraits the packed traits of MakerTraitsLib: flags in the high bits, allowed sender, expiration,
 *     nonce or epoch and series in the low 200
 */
public record OneInchLimitOrder(
        String maker,
        String receiver,
        String makerAsset,
        String takerAsset,
        BigInteger makingAmount,
        BigInteger takingAmount,
        BigInteger makerTraits) {
    /** The 1inch Aggregation Router v6, which runs Limit Order Protocol v4, at one address on most chains. */
    public static final String ROUTER = "0x111111125421cA6dc452d289314280a0f8842A65";
    /** The domain name the router signs orders under. */
    public static final String DOMAIN_NAME = "1inch Aggregation Router";
    /** The receiver (and the allowed sender) that means "the maker" (or "anyone"). */
    public static final String ZERO = "0x0000000000000000000000000000000000000000";

    /** OrderLib's members, in the order its {@code _LIMIT_ORDER_TYPEHASH} is made of. */
    private static final List<String> ORDER = List.of(
            "salt:uint256",
            "maker:address",
            "receiver:address",
            "makerAsset:address",
            "takerAsset:address",
            "makingAmount:uint256",
            "takingAmount:uint256",
            "makerTraits:uint256");

    /** The router's domain type: the verifying contract an address, as the router hashes it. */
    private static final List<String> DOMAIN =
            List.of("name:string", "version:string", "chainId:uint256", "verifyingContract:address");

    // MakerTraitsLib's layout
    private static final int NO_PARTIAL_FILLS = 255;
    private static final int ALLOW_MULTIPLE_FILLS = 254;
    private static final int PRE_INTERACTION = 252;
    private static final int POST_INTERACTION = 251;
    private static final int HAS_EXTENSION = 249;
    private static final int USE_PERMIT2 = 248;
    private static final int UNWRAP_WETH = 247;
    private static final int EXPIRATION_OFFSET = 80;
    private static final BigInteger UINT40 = BigInteger.ONE.shiftLeft(40).subtract(BigInteger.ONE);
    private static final BigInteger UINT80 = BigInteger.ONE.shiftLeft(80).subtract(BigInteger.ONE);

    /** The order {@code data} signs, when it is a 1inch v4 limit order for the router. */
    public static Optional<OneInchLimitOrder> of(TypedData data) {
        if (!data.primaryType().equals("Order")
                || !data.declares("Order", ORDER)
                || !data.declares(TypedData.DOMAIN_TYPE, DOMAIN)
                || !DOMAIN_NAME.equals(data.domainText("name"))
                || !"6".equals(data.domainText("version"))) {
            return Optional.empty();
        }
        String contract = data.review().verifyingContract(); // the review hashes the whole data: only for an order
        if (contract == null || !contract.equals(ROUTER)) {
            return Optional.empty();
        }
        JsonNode m = data.message();
        return Optional.of(new OneInchLimitOrder(
                Quantities.eip55(m.get("maker"), "maker"),
                Quantities.eip55(m.get("receiver"), "receiver"),
                Quantities.eip55(m.get("makerAsset"), "makerAsset"),
                Quantities.eip55(m.get("takerAsset"), "takerAsset"),
                data.messageUint("makingAmount"),
                data.messageUint("takingAmount"),
                data.messageUint("makerTraits")));
    }

    /** Unix seconds after which the order cannot be filled; null when it never expires. */
    public BigInteger expiration() {
        BigInteger e = makerTraits.shiftRight(EXPIRATION_OFFSET).and(UINT40);
        return e.signum() == 0 ? null : e;
    }

    /** The last 10 bytes of the one address allowed to fill the order, in hex; null when anyone may. */
    public String allowedSenderSuffix() {
        BigInteger s = makerTraits.and(UINT80);
        return s.signum() == 0 ? null : String.format("%020x", s);
    }

    /** Whether the order may be filled in parts (at the same rate), rather than all at once. */
    public boolean partialFills() {
        return !makerTraits.testBit(NO_PARTIAL_FILLS);
    }

    /** Whether the order may be filled again after a part of it is. */
    public boolean multipleFills() {
        return makerTraits.testBit(ALLOW_MULTIPLE_FILLS);
    }

    /**
     * Whether the order carries an extension or calls contracts when filled: its price can then be computed by a
     * contract the extension names (a Dutch auction, a range), beyond the two amounts signed.
     */
    public boolean extended() {
        return makerTraits.testBit(HAS_EXTENSION)
                || makerTraits.testBit(PRE_INTERACTION)
                || makerTraits.testBit(POST_INTERACTION);
    }

    /** Whether the maker asset is taken through Permit2 rather than the router's own allowance. */
    public boolean permit2() {
        return makerTraits.testBit(USE_PERMIT2);
    }

    /** Whether WETH received is unwrapped to the chain's coin. */
    public boolean unwrapWeth() {
        return makerTraits.testBit(UNWRAP_WETH);
    }
}
