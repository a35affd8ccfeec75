package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    private static TypedPermit.Grant only(TypedPermit p) {
        assertEquals(1, p.grants().size(), p.toString());
        return p.grants().get(0);
    }

    @Test
    void anEip2612PermitIsOfTheDomainsTokenAndAnAmountOfAllOnesIsUnlimited() throws IOException {
        TypedPermit p = permit(resource("permit-eip2612.json"));
        TypedPermit.Grant g = only(p);
        assertEquals("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", g.token());
        assertEquals("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", p.spender());
        assertTrue(g.unlimited());
        assertEquals(BigInteger.valueOf(1_798_761_600L), g.validUntil());
    }

    @Test
    void daisOlderPermitIsAllOrNothingAndAnExpiryOfZeroNeverEnds() throws IOException {
        TypedPermit p = permit(resource("permit-dai.json"));
        TypedPermit.Grant g = only(p);
        assertEquals("0x6B175474E89094C44Da98b954EedeAC495271d0F", g.token());
        assertEquals("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", p.spender());
        assertTrue(g.unlimited(), "allowed: true is an unlimited allowance");
        assertNull(g.validUntil(), "expiry 0 never ends");
        TypedPermit.Grant revoked = only(permit(resource("permit-dai.json")
                .replace("\"allowed\": true", "\"allowed\": false")
                .replace("\"expiry\": 0", "\"expiry\": 1798761600")));
        assertFalse(revoked.unlimited());
        assertEquals(BigInteger.ZERO, revoked.amount(), "allowed: false sets the allowance to nothing");
        assertEquals(BigInteger.valueOf(1_798_761_600L), revoked.validUntil());
    }

    @Test
    void permit2PermitsNameTheTokenInTheMessageAndUnlimitedIsTheLargestOfItsType() throws IOException {
        TypedPermit single = permit(resource("permit2-single.json"));
        TypedPermit.Grant g = only(single);
        assertEquals("0xdAC17F958D2ee523a2206206994597C13D831ec7", g.token());
        assertEquals("0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD", single.spender());
        assertEquals(BigInteger.valueOf(250_000_000L), g.amount());
        assertFalse(g.unlimited());
        assertEquals(BigInteger.valueOf(1_798_761_600L), g.validUntil(), "the allowance's expiration");
        TypedPermit max = permit(resource("permit2-single.json")
                .replace("\"250000000\"", "\"" + BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE) + "\""));
        assertTrue(only(max).unlimited(), "uint160's largest value is Permit2's unlimited allowance");

        TypedPermit.Grant transfer = only(permit(resource("permit2-transfer-from.json")));
        assertEquals("0x6B175474E89094C44Da98b954EedeAC495271d0F", transfer.token());
        assertEquals(new BigInteger("1000000000000000000"), transfer.amount());
        assertEquals(new BigInteger("99999999999999999999"), transfer.validUntil());
    }

    @Test
    void aBatchPermitNamesEveryTokenWithItsOwnAmountAndEnd() throws IOException {
        TypedPermit batch = permit(resource("permit2-batch.json"));
        assertEquals("0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD", batch.spender());
        assertEquals(
                List.of(
                        new TypedPermit.Grant(
                                "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
                                BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE),
                                true,
                                BigInteger.valueOf(1_798_761_600L)),
                        new TypedPermit.Grant(
                                "0xdAC17F958D2ee523a2206206994597C13D831ec7",
                                BigInteger.valueOf(250_000_000L),
                                false,
                                BigInteger.valueOf(1_767_225_600L))),
                batch.grants(),
                "each allowance holds until its own expiration, not the signature's deadline");

        TypedPermit witness = permit(resource("permit2-batch-witness-transfer.json"));
        assertTrue("0x6000da47483062A0D734Ba3dc7576Ce6A0B645C4".equalsIgnoreCase(witness.spender()));
        assertEquals(3, witness.grants().size());
        assertEquals(
                "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                witness.grants().get(1).token());
        assertEquals(BigInteger.valueOf(7), witness.grants().get(2).amount());
        assertTrue(
                witness.grants().stream().allMatch(x -> x.validUntil().equals(BigInteger.valueOf(1_798_761_600L))),
                "a transfer permit holds until the signature's deadline");
        TypedPermit empty = permit(resource("permit2-batch.json")
                .replaceAll("(?s)\"details\": \\[.*?\\],\\s*\"spender\"", "\"details\": [], \"spender\""));
        assertEquals(List.of(), empty.grants());
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
