package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * What a user checks before signing typed data: who asks (the domain's name, version, chain id,
 * verifying contract, salt; null when the domain does not declare them) and the primary type.
 */
public record TypedDataReview(
        String primaryType, String name, String version, BigInteger chainId, String verifyingContract, String salt) {

    static TypedDataReview of(TypedData data) {
        // Hashing checks every value against its type: nothing is shown that could not be signed.
        Eip712.digest(data);
        JsonNode d = data.domain();
        BigInteger chainId =
                d.hasNonNull("chainId") ? Quantities.unsigned(d.get("chainId"), "domain.chainId", 256) : null;
        return new TypedDataReview(
                data.primaryType(),
                text(d, "name"),
                text(d, "version"),
                chainId,
                text(d, "verifyingContract"),
                text(d, "salt"));
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
