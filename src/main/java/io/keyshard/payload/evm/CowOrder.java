package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CoW Protocol order (CoW Swap's swaps and limit orders) read from its typed data: what it sells, what it buys and
 * at least or exactly how much, who receives what it buys and until when it can be settled. Whoever holds the
 * signature can have the order settled with no further word from the owner, so a receiver other than the key, or a
 * price of nothing, hands over the tokens sold. Recognised by primary type {@code Order} with exactly the members of
 * GPv2's order (its type hash) and a domain whose verifying contract is CoW's settlement contract, never by the
 * domain's name alone.
 *
 * @param sellToken the token sold (EIP-55)
 * @param buyToken the token bought (EIP-55); {@link #NATIVE_COIN} for the chain's coin
 * @param receiver who receives what is bought (EIP-55); {@link #OWNER} for the order's owner, the signer
 * @param sellAmount a sell order's exact amount sold, a buy order's most, in the sell token's smallest units
 * @param buyAmount a sell order's least amount bought, a buy order's exact amount, in the buy token's smallest units
 * @param validTo unix seconds until which the order can be settled
 * @param feeAmount a fee in the sell token on top of the amount sold
 * @param sell true for a sell order (the amount sold is exact), false for a buy order (the amount bought is)
 * @param partiallyFillable true when the order may be settled in parts
 * @param sellTokenBalance where the tokens sold come from: {@code erc20}, or Balancer's vault ({@code external},
 *     {@code internal})
 * @param buyTokenBalance where the tokens bought go: {@code erc20}, or Balancer's vault ({@code internal})
 */
public record CowOrder(
        String sellToken,
        String buyToken,
        String receiver,
        BigInteger sellAmount,
        BigInteger buyAmount,
        BigInteger validTo,
        BigInteger feeAmount,
        boolean sell,
        boolean partiallyFillable,
        String sellTokenBalance,
        String buyTokenBalance) {
    /** GPv2Settlement, at the same address on every chain CoW runs on. */
    public static final String SETTLEMENT = "0x9008D19f58AAbD9eD0D60971565AA8510560ab41";
    /** The receiver that means the order's owner. */
    public static final String OWNER = "0x0000000000000000000000000000000000000000";
    /** The buy token that means the chain's native coin. */
    public static final String NATIVE_COIN = "0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE";

    /** GPv2Order's members, in the order its {@code TYPE_HASH} is made of. */
    private static final List<String> ORDER = List.of(
            "sellToken:address",
            "buyToken:address",
            "receiver:address",
            "sellAmount:uint256",
            "buyAmount:uint256",
            "validTo:uint32",
            "appData:bytes32",
            "feeAmount:uint256",
            "kind:string",
            "partiallyFillable:bool",
            "sellTokenBalance:string",
            "buyTokenBalance:string");

    /** The markers the settlement contract accepts; an order with any other is never settled. */
    private static final Set<String> SELL_BALANCES = Set.of("erc20", "external", "internal");

    private static final Set<String> BUY_BALANCES = Set.of("erc20", "internal");

    /** The order {@code data} signs, when it is a CoW order for the settlement contract with values it accepts. */
    public static Optional<CowOrder> of(TypedData data) {
        if (!data.primaryType().equals("Order") || !data.declares("Order", ORDER)) {
            return Optional.empty();
        }
        String contract = data.review().verifyingContract(); // the review hashes the whole data: only for an order
        if (contract == null || !data.signsContractAddress() || !contract.equalsIgnoreCase(SETTLEMENT)) {
            return Optional.empty();
        }
        JsonNode m = data.message();
        String kind = m.path("kind").asText();
        String sellBalance = m.path("sellTokenBalance").asText();
        String buyBalance = m.path("buyTokenBalance").asText();
        if (!(kind.equals("sell") || kind.equals("buy"))
                || !SELL_BALANCES.contains(sellBalance)
                || !BUY_BALANCES.contains(buyBalance)) {
            return Optional.empty();
        }
        return Optional.of(new CowOrder(
                Quantities.eip55(m.get("sellToken"), "sellToken"),
                Quantities.eip55(m.get("buyToken"), "buyToken"),
                Quantities.eip55(m.get("receiver"), "receiver"),
                Quantities.unsigned(m.get("sellAmount"), "sellAmount", 256),
                Quantities.unsigned(m.get("buyAmount"), "buyAmount", 256),
                Quantities.unsigned(m.get("validTo"), "validTo", 32),
                Quantities.unsigned(m.get("feeAmount"), "feeAmount", 256),
                kind.equals("sell"),
                m.path("partiallyFillable").booleanValue(),
                sellBalance,
                buyBalance));
    }
}
