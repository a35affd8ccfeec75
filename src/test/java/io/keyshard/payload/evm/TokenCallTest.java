package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Token calls are read from the call data exactly as the ABI lays them out, and anything else is left alone. */
class TokenCallTest {
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
    private static final String RECIPIENT = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";

    /** The selector as the ABI defines it: the first four bytes of keccak256 of the function's signature. */
    private static String selector(TokenCall.Function f) {
        byte[] h = Hashes.keccak256(f.signature().getBytes(StandardCharsets.US_ASCII));
        return Hex.encode(Arrays.copyOf(h, 4));
    }

    private static String address(String a) {
        return "0".repeat(24) + a.substring(2).toLowerCase(Locale.ROOT);
    }

    private static String uint(BigInteger v) {
        String h = v.toString(16);
        return "0".repeat(64 - h.length()) + h;
    }

    private static TokenCall decode(String hex) {
        return TokenCall.decode(Hex.decode(hex, "data")).orElse(null);
    }

    @Test
    void anErc20TransferShowsItsRecipientAndAmount() {
        // USDC transfer of 250 USDC (6 decimals), as a wallet encodes it; the selector is the ABI's.
        String data = "a9059cbb" + address(RECIPIENT) + uint(BigInteger.valueOf(250_000_000L));
        assertEquals("a9059cbb", selector(TokenCall.Function.TRANSFER));
        TokenCall call = decode(data);
        assertEquals(TokenCall.Function.TRANSFER, call.function());
        assertEquals(RECIPIENT, call.party(), "the recipient in its EIP-55 form");
        assertEquals(BigInteger.valueOf(250_000_000L), call.amount());
        assertNull(call.from());
        assertFalse(call.grantsSpending());
    }

    @Test
    void everyFunctionDecodesUnderTheSelectorItsSignatureHashesTo() {
        for (TokenCall.Function f : TokenCall.Function.values()) {
            String args = switch (f) {
                case TRANSFER_FROM, SAFE_TRANSFER_FROM -> address(USDC) + address(RECIPIENT) + uint(BigInteger.TEN);
                case SET_APPROVAL_FOR_ALL -> address(RECIPIENT) + uint(BigInteger.ONE);
                default -> address(RECIPIENT) + uint(BigInteger.TEN);
            };
            TokenCall call = decode(selector(f) + args);
            assertEquals(f, call == null ? null : call.function(), f.signature());
            assertEquals(RECIPIENT, call.party(), f.signature());
        }
        TokenCall from = decode(
                selector(TokenCall.Function.TRANSFER_FROM) + address(USDC) + address(RECIPIENT) + uint(BigInteger.TEN));
        assertEquals(USDC, from.from());
    }

    @Test
    void approvalsSayWhetherTheyLetSomeoneSpend() {
        String approve = selector(TokenCall.Function.APPROVE) + address(RECIPIENT);
        TokenCall unlimited = decode(approve + "f".repeat(64));
        assertEquals(TokenCall.UNLIMITED, unlimited.amount());
        assertTrue(unlimited.grantsSpending());
        assertFalse(decode(approve + uint(BigInteger.ZERO)).grantsSpending(), "approve(spender, 0) revokes");
        String all = selector(TokenCall.Function.SET_APPROVAL_FOR_ALL) + address(RECIPIENT);
        assertTrue(decode(all + uint(BigInteger.ONE)).grantsSpending());
        assertFalse(decode(all + uint(BigInteger.ZERO)).grantsSpending(), "setApprovalForAll(operator, false) revokes");
    }

    @Test
    void theApprovalSelectorsAreKnownWithoutTheirArguments() {
        for (TokenCall.Function f : TokenCall.Function.values()) {
            boolean approval = f == TokenCall.Function.APPROVE
                    || f == TokenCall.Function.INCREASE_ALLOWANCE
                    || f == TokenCall.Function.SET_APPROVAL_FOR_ALL;
            assertEquals(approval, TokenCall.isApproval("0x" + selector(f)), f.signature());
        }
        assertFalse(TokenCall.isApproval(null));
    }

    @Test
    void dataThatOnlyLooksLikeATokenCallIsNotDecoded() {
        String transfer = "a9059cbb" + address(RECIPIENT) + uint(BigInteger.ONE);
        assertTrue(TokenCall.decode(Hex.decode(transfer, "data")).isPresent());
        assertNull(decode(transfer + "00"), "a byte too many");
        assertNull(decode(transfer.substring(0, transfer.length() - 2)), "a byte too few");
        assertNull(decode(transfer + uint(BigInteger.ONE)), "an extra word");
        assertNull(
                decode("a9059cbb" + "01" + address(RECIPIENT).substring(2) + uint(BigInteger.ONE)),
                "an address word with bits above its 20 bytes");
        assertNull(
                decode(selector(TokenCall.Function.SET_APPROVAL_FOR_ALL) + address(RECIPIENT) + uint(BigInteger.TWO)),
                "a bool that is neither 0 nor 1");
        assertNull(decode("12345678" + address(RECIPIENT) + uint(BigInteger.ONE)), "another function");
        assertNull(decode("a9059c"), "less than a selector");
        assertNull(decode(""));
    }
}
