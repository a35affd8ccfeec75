package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A typed-data permit is read as the approval it is: spender, token, amount and how long it holds. */
class TypedPermitTest {
    static final String OWNER = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";

    static String resource(String name) throws IOException {
        try (InputStream in = TypedPermitTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("OWNER", OWNER);
        }
    }

    private static TypedPermit permit(String json) {
        TypedData data = TypedData.parse(json);
        data.review();
        return TypedPermit.of(data).orElseThrow(() -> new AssertionError("not read as a permit"));
    }

    @Test
    void anEip2612PermitIsOfTheDomainsTokenAndAnAmountOfAllOnesIsUnlimited() throws IOException {
        TypedPermit p = permit(resource("permit-eip2612.json"));
        assertEquals("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", p.token());
        assertEquals("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", p.spender());
        assertTrue(p.unlimited());
        assertEquals(BigInteger.valueOf(1_798_761_600L), p.validUntil());
    }

    @Test
    void permit2PermitsNameTheTokenInTheMessageAndUnlimitedIsTheLargestOfItsType() throws IOException {
        TypedPermit single = permit(resource("permit2-single.json"));
        assertEquals("0xdAC17F958D2ee523a2206206994597C13D831ec7", single.token());
        assertEquals("0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD", single.spender());
        assertEquals(BigInteger.valueOf(250_000_000L), single.amount());
        assertEquals(false, single.unlimited());
        assertEquals(BigInteger.valueOf(1_798_761_600L), single.validUntil(), "the allowance's expiration");
        TypedPermit max = permit(resource("permit2-single.json")
                .replace("\"250000000\"", "\"" + BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE) + "\""));
        assertTrue(max.unlimited(), "uint160's largest value is Permit2's unlimited allowance");

        TypedPermit transfer = permit(resource("permit2-transfer-from.json"));
        assertEquals("0x6B175474E89094C44Da98b954EedeAC495271d0F", transfer.token());
        assertEquals(new BigInteger("1000000000000000000"), transfer.amount());
        assertEquals(new BigInteger("99999999999999999999"), transfer.validUntil());
    }

    @Test
    void aStructThatOnlyBorrowsTheNameIsNotReadAsAPermit() throws IOException {
        String json = resource("permit-eip2612.json")
                .replace("{\"name\": \"value\", \"type\": \"uint256\"}", "{\"name\": \"value\", \"type\": \"string\"}")
                .replace(
                        "\"115792089237316195423570985008687907853269984665640564039457584007913129639935\"",
                        "\"all of it\"");
        TypedData data = TypedData.parse(json);
        data.review();
        assertEquals(Optional.empty(), TypedPermit.of(data));
        TypedData mail = TypedData.parse(resource("mail.json"));
        assertEquals(Optional.empty(), TypedPermit.of(mail));
    }
}
