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
import java.util.List;
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

    private static String uint(int v) {
        return uint(BigInteger.valueOf(v));
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
                case SAFE_TRANSFER_FROM_WITH_DATA ->
                    address(USDC) + address(RECIPIENT) + uint(BigInteger.TEN) + uint(128) + uint(0);
                case MULTI_TOKEN_TRANSFER ->
                    address(USDC) + address(RECIPIENT) + uint(BigInteger.TEN) + uint(1) + uint(160) + uint(0);
                case MULTI_TOKEN_BATCH_TRANSFER ->
                    address(USDC)
                            + address(RECIPIENT)
                            + uint(160)
                            + uint(224)
                            + uint(288)
                            + uint(1)
                            + uint(7)
                            + uint(1)
                            + uint(2)
                            + uint(0);
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

    // Calls as other wallets' encoders write them (Sequence's Go intents, Trust Wallet Core, Brave), with the
    // owner, recipient, ids, amounts and data those encoders were given.
    private static final String NFT_WITH_DATA =
            "b88d4fde000000000000000000000000d67fc48b298b09ed3d03403d930769c527186c4e"
                    + "00000000000000000000000017ffa2d95b58228e1ecb0c6ac25a6efd20ba08e4"
                    + "0000000000000000000000000000000000000000000000000000000000000007"
                    + "0000000000000000000000000000000000000000000000000000000000000080"
                    + "0000000000000000000000000000000000000000000000000000000000000003"
                    + "1122330000000000000000000000000000000000000000000000000000000000";
    private static final String MULTI_TOKEN = "f242432a000000000000000000000000718046867b5b1782379a14ea4fc0c9b724da94fc"
            + "0000000000000000000000005322b34c88ed0691971bf52a7047448f0f4efc84"
            + "0000000000000000000000000000000000000000000000000000000023c47ee5"
            + "0000000000000000000000000000000000000000000000001bc16d674ec80000"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "0102030400000000000000000000000000000000000000000000000000000000";
    private static final String MULTI_TOKEN_NO_DATA = "f242432a00000000000000000000000016e4476c8fddc552e3b1c4b8b56261d8"
            + "5977fe52000000000000000000000000e53960ca4712052615a6eb4c635b44514b"
            + "2b42b6000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000"
            + "0100000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000000";
    private static final String MULTI_TOKEN_BATCH =
            "2eb2c2d6000000000000000000000000d67fc48b298b09ed3d03403d930769c527186c4e"
                    + "00000000000000000000000091e8ac543c5fedf9f3ef8b9da1500db84305681f"
                    + "00000000000000000000000000000000000000000000000000000000000000a0"
                    + "0000000000000000000000000000000000000000000000000000000000000100"
                    + "0000000000000000000000000000000000000000000000000000000000000160"
                    + "0000000000000000000000000000000000000000000000000000000000000002"
                    + "0000000000000000000000000000000000000000000000000000000000000002"
                    + "00000000000000000000000000000000000000000000000000000000000001f4"
                    + "0000000000000000000000000000000000000000000000000000000000000002"
                    + "0000000000000000000000000000000000000000000000000000000000000005"
                    + "0000000000000000000000000000000000000000000000000000000000000001"
                    + "0000000000000000000000000000000000000000000000000000000000000003"
                    + "2233440000000000000000000000000000000000000000000000000000000000";

    private static TokenCall.Item item(long id, long count) {
        return new TokenCall.Item(BigInteger.valueOf(id), BigInteger.valueOf(count));
    }

    @Test
    void nftAndMultiTokenTransfersReadAsOtherWalletsEncodeThem() {
        TokenCall nft = decode(NFT_WITH_DATA);
        assertEquals(TokenCall.Function.SAFE_TRANSFER_FROM_WITH_DATA, nft.function());
        assertEquals("0xD67FC48b298B09Ed3D03403d930769C527186c4e", nft.from());
        assertEquals("0x17fFA2d95b58228e1ECb0C6Ac25A6EfD20BA08E4", nft.party());
        assertEquals(List.of(item(7, 1)), nft.items());
        assertEquals("112233", nft.data());

        TokenCall one = decode(MULTI_TOKEN);
        assertEquals(TokenCall.Function.MULTI_TOKEN_TRANSFER, one.function());
        assertTrue("0x718046867b5b1782379a14ea4fc0c9b724da94fc".equalsIgnoreCase(one.from()), one.from());
        assertTrue("0x5322b34c88ed0691971bf52a7047448f0f4efc84".equalsIgnoreCase(one.party()), one.party());
        assertEquals(List.of(item(0x23c47ee5L, 2_000_000_000_000_000_000L)), one.items());
        assertEquals("01020304", one.data());
        assertEquals("", decode(MULTI_TOKEN_NO_DATA).data(), "empty data is read as empty");
        assertEquals(List.of(item(0, 1)), decode(MULTI_TOKEN_NO_DATA).items());

        TokenCall batch = decode(MULTI_TOKEN_BATCH);
        assertEquals(TokenCall.Function.MULTI_TOKEN_BATCH_TRANSFER, batch.function());
        assertEquals("0x91E8aC543C5fEDf9F3Ef8b9dA1500dB84305681F", batch.party());
        assertEquals(List.of(item(2, 5), item(500, 1)), batch.items(), "each id with its amount, in order");
        assertEquals("223344", batch.data());
        for (TokenCall call : List.of(nft, one, batch)) {
            assertTrue(call.function().moves());
            assertFalse(call.grantsSpending());
            assertNull(call.amount(), "the amounts of an NFT or multi-token transfer are its items'");
        }
    }

    @Test
    void aTransferWithDynamicArgumentsLaidOutAnyOtherWayIsNotDecoded() {
        int at = 8 + 64 * 3; // the data offset's word in NFT_WITH_DATA
        assertNull(
                decode(NFT_WITH_DATA.substring(0, at) + uint(160) + NFT_WITH_DATA.substring(at + 64)),
                "an offset that skips a word");
        assertNull(
                decode(NFT_WITH_DATA.substring(0, at) + "f".repeat(64) + NFT_WITH_DATA.substring(at + 64)),
                "an offset no data can have");
        assertNull(decode(NFT_WITH_DATA.substring(0, NFT_WITH_DATA.length() - 2) + "01"), "padding that is not zero");
        assertNull(decode(NFT_WITH_DATA + uint(0)), "a word after the data");
        assertNull(decode(NFT_WITH_DATA.substring(0, NFT_WITH_DATA.length() - 64)), "data cut short");
        int length = at + 64;
        assertNull(
                decode(NFT_WITH_DATA.substring(0, length) + uint(33) + NFT_WITH_DATA.substring(length + 64)),
                "a length beyond the data");
        assertNull(
                decode(NFT_WITH_DATA.substring(0, length) + "8" + "0".repeat(61) + "03"
                        + NFT_WITH_DATA.substring(length + 64)),
                "a length word with bits above 31");

        int amounts = 8 + 64 * 8; // the length word of MULTI_TOKEN_BATCH's amounts
        assertNull(
                decode(MULTI_TOKEN_BATCH.substring(0, amounts) + uint(1) + MULTI_TOKEN_BATCH.substring(amounts + 64)),
                "ids and amounts of different lengths");
        String swapped =
                MULTI_TOKEN_BATCH.substring(0, 8 + 128) + uint(256) + uint(160) + MULTI_TOKEN_BATCH.substring(8 + 256);
        assertNull(decode(swapped), "tails out of the heads' order");
        String empty = "2eb2c2d6" + address(USDC) + address(RECIPIENT) + uint(160) + uint(192) + uint(224) + uint(0)
                + uint(0) + uint(0);
        assertEquals(List.of(), decode(empty).items(), "a batch of nothing is read as one");
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
