package io.keyshard.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** EIP-55 cases (ethereum/ERCs ERCS/erc-55.md) and key -> address pairs (vectors/ethereum_eip55_addresses.json). */
class Eip55Test {
    private static final JsonNode V = TestVectors.load("ethereum_eip55_addresses.json");

    static List<JsonNode> cases() {
        return TestVectors.list(V.get("eip55").get("cases"));
    }

    static List<JsonNode> negatives() {
        return TestVectors.list(V.get("eip55").get("computed_negative_cases").get("cases"));
    }

    static List<JsonNode> keys() {
        return TestVectors.list(V.get("private_key_to_address"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void checksumOfTheLowerCaseFormIsTheSpecsAddress(JsonNode c) {
        assertEquals(
                c.get("address").asText(),
                AccountAddresses.eip55(c.get("lowercase").asText().substring(2)));
        assertTrue(AccountAddresses.isValidEvm(c.get("address").asText()));
    }

    @ParameterizedTest
    @MethodSource("negatives")
    void aFlippedCaseIsAnInvalidChecksum(JsonNode c) {
        assertFalse(
                AccountAddresses.isValidEvm(c.get("address").asText()),
                c.get("address").asText());
    }

    @ParameterizedTest
    @MethodSource("keys")
    void privateKeyGivesTheAddress(JsonNode k) {
        Point pub = CurveName.SECP256K1
                .curve()
                .multiplyBase(new BigInteger(k.get("private_key").asText(), 16));
        String address =
                Chain.EVM.address(CurveName.SECP256K1, pub, Network.MAINNET).value();
        assertEquals(k.get("address_eip55").asText(), address);
        assertEquals(k.get("address").asText().toLowerCase(Locale.ROOT), address.toLowerCase(Locale.ROOT));
    }
}
