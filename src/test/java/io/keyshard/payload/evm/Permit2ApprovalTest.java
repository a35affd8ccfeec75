package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Permit2's approve is read only when sent to Permit2, and only as the ABI lays it out. */
class Permit2ApprovalTest {
    /** A wallet's approve of 10,000 wei of WETH to Uniswap's Universal Router, as a Railgun test records it. */
    private static final String WETH_TO_ROUTER = "87517c45"
            + "000000000000000000000000c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"
            + "0000000000000000000000003fc91a3afd70395cd496c647d5a6cc9d4b2b7fad"
            + "0000000000000000000000000000000000000000000000000000000000002710"
            + "0000000000000000000000000000000000000000000000000000000065a02b98";

    private static Optional<Permit2Approval> decode(String to, String hex) {
        return Permit2Approval.decode(to, Hex.decode(hex, "data"));
    }

    @Test
    void anApprovalSentToPermit2ReadsAsTokenSpenderAmountAndEnd() {
        String selector = Hex.encode(
                Arrays.copyOf(Hashes.keccak256(Permit2Approval.SIGNATURE.getBytes(StandardCharsets.US_ASCII)), 4));
        assertEquals("87517c45", selector);
        assertTrue(Permit2Approval.isSelector("0x" + selector));
        Permit2Approval a = decode(Permit2Approval.ADDRESS, WETH_TO_ROUTER).orElseThrow();
        assertTrue("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2".equalsIgnoreCase(a.token()), a.token());
        assertTrue("0x3fc91a3afd70395cd496c647d5a6cc9d4b2b7fad".equalsIgnoreCase(a.spender()), a.spender());
        assertEquals(BigInteger.valueOf(10_000), a.amount());
        assertEquals(BigInteger.valueOf(1_704_995_736L), a.expiration());
    }

    @Test
    void anythingElseIsNotReadAsAPermit2Approval() {
        assertTrue(
                decode("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", WETH_TO_ROUTER)
                        .isEmpty(),
                "another contract");
        assertTrue(decode(Permit2Approval.ADDRESS, WETH_TO_ROUTER + "00").isEmpty(), "a byte too many");
        assertTrue(
                decode(Permit2Approval.ADDRESS, WETH_TO_ROUTER.substring(0, 8 + 64 * 3))
                        .isEmpty(),
                "a word short");
        String amount = "0".repeat(23) + "1" + "0".repeat(40); // 2^160: one bit beyond uint160
        assertTrue(
                decode(
                                Permit2Approval.ADDRESS,
                                WETH_TO_ROUTER.substring(0, 8 + 128) + amount + WETH_TO_ROUTER.substring(8 + 192))
                        .isEmpty(),
                "an amount beyond uint160");
        String expiration = "0".repeat(51) + "1" + "0".repeat(12); // 2^48
        assertTrue(
                decode(Permit2Approval.ADDRESS, WETH_TO_ROUTER.substring(0, 8 + 192) + expiration)
                        .isEmpty(),
                "an expiration beyond uint48");
        assertTrue(
                decode(Permit2Approval.ADDRESS, "095ea7b3" + WETH_TO_ROUTER.substring(8))
                        .isEmpty(),
                "approve");
    }
}
