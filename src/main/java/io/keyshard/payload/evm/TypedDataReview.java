package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * What a user checks before signing typed data: who asks (the domain's name, version, chain id, verifying
 * contract in the chain's form, salt; null when {@code EIP712Domain} does not declare them, since a value it does
 * not declare is not signed, whatever the domain's JSON holds) and the primary type.
 */
public record TypedDataReview(
        String primaryType, String name, String version, BigInteger chainId, String verifyingContract, String salt) {

    static TypedDataReview of(TypedData data) {
        // Hashing checks every value against its type: nothing is shown that could not be signed.
        Eip712.digest(data);
        JsonNode chainId = signed(data, "chainId");
        JsonNode contract = signed(data, "verifyingContract");
        return new TypedDataReview(
                data.primaryType(),
                text(data, "name"),
                text(data, "version"),
                chainId == null ? null : Quantities.unsigned(chainId, "domain.chainId", 256),
                contract == null ? null : contract(data, contract),
                text(data, "salt"));
    }

    /** The verifying contract in the chain's form when it is declared an address (a domain may make it text). */
    private static String contract(TypedData data, JsonNode value) {
        boolean address = data.types().get(TypedData.DOMAIN_TYPE).stream()
                .anyMatch(f -> f.name().equals("verifyingContract") && f.type().equals("address"));
        return address
                ? data.dialect().show(data.dialect().address(value, "domain.verifyingContract"))
                : value.asText();
    }

    /** The domain's value of {@code field} when the domain type declares it; else null, as it is not signed. */
    private static JsonNode signed(TypedData data, String field) {
        boolean declared = data.types().get(TypedData.DOMAIN_TYPE).stream()
                .anyMatch(f -> f.name().equals(field));
        JsonNode v = data.domain().get(field);
        return declared && v != null && !v.isNull() ? v : null;
    }

    private static String text(TypedData data, String field) {
        JsonNode v = signed(data, field);
        return v == null ? null : v.asText();
    }
}
