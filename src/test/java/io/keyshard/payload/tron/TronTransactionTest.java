package io.keyshard.payload.tron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tron transactions published with their ids and signatures read as the node reads them: the id is SHA-256 of
 * raw_data, every field lands where java-tron's protos put it, and a signature recovers the account that made it.
 */
class TronTransactionTest {
    private static String address(String hex) {
        return TronAddress.of(Hex.decode(hex, "address"), "address");
    }

    private static String line(TronAction a, String label) {
        return a.lines().stream()
                .filter(l -> l.label().equals(label))
                .map(TronAction.Line::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + label + " in " + a.lines()));
    }

    @Test
    void aTrxTransferReadsAsTheNodeWroteIt() {
        JsonNode v = TronVectors.get("trxTransfer");
        TronTransaction tx = TronTransaction.parseText(TronVectors.json("trxTransfer"));
        assertEquals(v.get("txID").asText(), Hex.encode(tx.txId()));
        TronAction a = tx.action(null);
        assertEquals("TransferContract", a.contract());
        assertEquals(v.get("owner").asText(), a.owner());
        assertEquals(v.get("to").asText(), line(a, "To"));
        assertEquals("10 TRX", line(a, "Amount"));
        assertEquals(v.get("amount").asLong(), a.sunSent());
        assertEquals(v.get("expiration").asLong(), tx.expirationMillis());
        assertEquals(v.get("timestamp").asLong(), tx.timestampMillis());
        assertEquals(0, tx.permissionId());
        assertEquals("193b / aaecd88e4e0e7528", tx.referenceBlock());
    }

    @Test
    void theRawDataAloneInHexIsTheSameTransaction() {
        JsonNode v = TronVectors.get("walletCoreTransfer");
        TronTransaction tx =
                TronTransaction.parseText("0x" + v.get("raw_data_hex").asText());
        assertEquals(v.get("txID").asText(), Hex.encode(tx.txId()));
        TronAction a = tx.action(null);
        assertEquals(address(v.get("ownerHex").asText()), a.owner());
        assertEquals(address(v.get("toHex").asText()), line(a, "To"));
        assertEquals("0.1 TRX", line(a, "Amount"));
    }

    @Test
    void aSignedTrc20TransferRecoversItsOwnerFromItsSignature() {
        JsonNode v = TronVectors.get("usdtTransferSigned");
        TronTransaction tx = TronTransaction.parseText(TronVectors.json("usdtTransferSigned"));
        String owner = address(v.get("ownerHex").asText());
        TronAction a = tx.action(owner);
        assertEquals("TriggerSmartContract", a.contract());
        assertEquals(owner, a.owner());
        assertEquals(address(v.get("contractHex").asText()), line(a, "Contract"));
        assertEquals("transfer(address,uint256)", line(a, "Function"));
        assertEquals(address(v.get("toHex").asText()), line(a, "To"));
        assertTrue(line(a, "Amount").startsWith("1 in the token's smallest units"), line(a, "Amount"));
        assertEquals(v.get("feeLimit").asLong(), tx.feeLimitSun());
        // the node's own signature, v 0: the account it recovers is the owner
        assertEquals(owner, tx.signerOf(tx.signatures().get(0)));
        // as triggerSmartContract answers it: the transaction inside { result, transaction }
        TronTransaction wrapped = TronTransaction.parseText(
                "{\"result\":{\"result\":true},\"transaction\":" + TronVectors.json("usdtTransferSigned") + "}");
        assertArrayEquals(tx.txId(), wrapped.txId());
    }

    @Test
    void aKnownTokenReadsInWholeTokens() {
        JsonNode v = TronVectors.get("usdtTransferSigned");
        String usdt = Hex.encode(TronAddress.bytesOf("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"));
        String raw = v.get("raw_data_hex").asText().replace(v.get("contractHex").asText(), usdt);
        TronAction a = TronTransaction.parseText(raw).action(null);
        assertEquals("Send USDT", a.title());
        assertEquals("0.000001 USDT", line(a, "Amount"));
        assertEquals("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t (USDT, TRC-20)", line(a, "Contract"));
    }

    @Test
    void aMultiSignatureTransferNamesItsPermissionAndBothSigners() {
        JsonNode v = TronVectors.get("multiSignatureTransfer");
        TronTransaction tx = TronTransaction.parseText(TronVectors.json("multiSignatureTransfer"));
        assertEquals(v.get("permissionId").asInt(), tx.permissionId());
        TronAction a = tx.action(null);
        assertEquals(v.get("owner").asText(), a.owner());
        assertEquals(v.get("to").asText(), line(a, "To"));
        List<byte[]> sigs = tx.signatures();
        assertEquals(2, sigs.size());
        String first = tx.signerOf(sigs.get(0));
        String second = tx.signerOf(sigs.get(1));
        assertTrue(first.startsWith("T") && second.startsWith("T"));
        assertNotEquals(first, second, "two keys of the permission signed");
    }

    @Test
    void aPermissionChangeListsEveryKeyAndWarnsWhenThisKeyLosesControl() {
        JsonNode v = TronVectors.get("permissionUpdate");
        TronTransaction tx = TronTransaction.parseText(TronVectors.json("permissionUpdate"));
        String owner = v.get("owner").asText();
        String other = v.get("otherKey").asText();
        TronAction mine = tx.action(owner);
        assertEquals("AccountPermissionUpdateContract", mine.contract());
        assertEquals("\"owner\", threshold 1: " + owner + " (this key) weight 1", line(mine, "Owner permission"));
        assertEquals(
                "\"active0\", threshold 2: " + owner + " (this key) weight 1, " + other + " weight 1",
                line(mine, "Active permission"));
        assertTrue(mine.warnings().stream().anyMatch(w -> w.contains("replaces every permission")));
        assertTrue(mine.warnings().stream().noneMatch(w -> w.contains("no longer controls")));
        // the same change signed by a key it does not name hands the account away
        TronAction stranger = tx.action(other);
        assertTrue(
                stranger.warnings().get(0).contains("this key no longer controls " + owner),
                stranger.warnings().get(0));
    }

    @Test
    void theSignedEncodingIsTheTransactionMessageWithEverySignature() {
        JsonNode v = TronVectors.get("multiSignatureTransfer");
        TronTransaction tx = TronTransaction.parseText(TronVectors.json("multiSignatureTransfer"));
        byte[] mine = new byte[65];
        mine[0] = 1;
        byte[] signed = tx.signedEncoding(mine);
        ProtoMessage m = ProtoMessage.parse(signed, "a signed transaction", 1, 2);
        assertArrayEquals(Hex.decode(v.get("raw_data_hex").asText(), "raw"), m.bytes(1, "raw_data"));
        List<byte[]> sigs = m.repeated(2, "signature");
        assertEquals(3, sigs.size());
        assertArrayEquals(tx.signatures().get(0), sigs.get(0));
        assertArrayEquals(mine, sigs.get(2));
        // a signature it already carries is not added twice
        assertEquals(
                2,
                ProtoMessage.parse(tx.signedEncoding(sigs.get(1)), "again", 1, 2)
                        .repeated(2, "signature")
                        .size());
    }

    @Test
    void aTxIdThatIsNotTheHashOfTheRawDataIsRefused() {
        JsonNode v = TronVectors.get("trxTransfer");
        String json = TronVectors.json("trxTransfer")
                .replace(v.get("txID").asText(), Hex.encode(Digests.sha256(new byte[] {1})));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TronTransaction.parseText(json));
        assertTrue(e.getMessage().contains("txID is not the SHA-256"), e.getMessage());
    }

    @Test
    void whatANodeWouldReadDifferentlyOrThatCannotBeShownIsRefused() {
        String raw = TronVectors.get("trxTransfer").get("raw_data_hex").asText();
        assertRefused(raw + "7001", "gives timestamp twice");
        assertRefused(raw + "4801", "has field 9");
        assertRefused(raw.replace("0a02193b", "0a82003b"), "shortest form");
        assertRefused(raw.replace("2208aaec", "22ff01aaec"), "runs past the end");
        assertRefused(raw.substring(0, raw.length() - 2), "ends inside a number");
        // a second contract after the first
        String contract = raw.substring(raw.indexOf("5a68"), raw.indexOf("70b4d5"));
        assertRefused(raw + contract, "holds 2 contracts");
        // the contract's type number changed to CreateSmartContract (30)
        assertRefused(raw.replace("5a680801", "5a68081e"), "CreateSmartContract (type 30)");
        // type says TriggerSmartContract, the parameter is a TransferContract
        assertRefused(raw.replace("5a680801", "5a68081f"), "is not a TriggerSmartContract");
        assertRefused("", "is empty");
        // a length whose varint is a negative 64-bit number
        assertRefused(raw.replace("2208aaec", "22ffffffffffffffffff01aaec"), "runs past the end");
        assertRefused("{\"txID\":\"00\"}", "no raw_data_hex");
    }

    private static void assertRefused(String text, String words) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TronTransaction.parseText(text));
        assertTrue(e.getMessage().contains(words), () -> "expected '" + words + "' in: " + e.getMessage());
    }
}
