package io.keyshard.payload.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import io.keyshard.payload.evm.Eip712;
import io.keyshard.payload.evm.TypedData;
import io.keyshard.payload.evm.TypedMessageLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TIP-712 against what Tron's own tools compute (src/test/resources/tron/tip712.json): GasFree's SDK digest of a
 * transfer permit written with Base58 addresses, TronWeb's hashes of a payload with trcToken values and its
 * domain and primary type left for TronWeb to find, and the signature TronWeb's documentation prints, which
 * recovers the account its examples sign with.
 */
class Tip712Test {
    private static final JsonNode VECTORS = load();

    private static String typed(String name) {
        return VECTORS.get(name).get("typedData").toString();
    }

    private static String expected(String name, String field) {
        return VECTORS.get(name).get(field).asText();
    }

    @Test
    void gasFreesPermitHashesToTheDigestItsSdkComputes() {
        TypedData data = Tip712.parse(typed("gasFreePermit"));
        assertEquals(expected("gasFreePermit", "digest"), Hex.encode(Tip712.digest(data, new ArrayList<>())));
        GasFreePermit p = GasFreePermit.of(data).orElseThrow();
        assertEquals("TNtzqaE9p23tzpN1SHavUCCuzSwrzbHEHE", p.controller());
        assertEquals("TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", p.token());
        assertEquals("TKtWbdzEq5ss9vTS9kwRhBp5mXmBfBns3E", p.user());
        assertEquals("TQ6qStrS2ZJ96gieZJC8AurTxwqJETmjfp", p.receiver());
        assertEquals(BigInteger.valueOf(1_000_000), p.value());
        assertEquals(BigInteger.valueOf(1_731_066_521), p.deadline());
        // Nile's USDT is not mainnet's: its amounts stay in units
        assertTrue(p.amount(p.value()).startsWith("1000000 in the token's smallest units"), p.amount(p.value()));
        assertEquals(
                Optional.of("Nile, a Tron test network"),
                Tip712.network(data.review().chainId()));
    }

    @Test
    void trcTokenValuesAndTronWebsOwnDomainAndPrimaryTypeHashAsTronWebHashesThem() {
        TypedData data = Tip712.parse(typed("trcToken"));
        assertEquals("Mail", data.primaryType());
        assertEquals(expected("trcToken", "domainSeparator"), Hex.encode(Eip712.domainSeparator(data)));
        JsonNode m = data.message();
        assertEquals(
                expected("trcToken", "fromPerson"),
                Hex.encode(Eip712.hashStruct(data, "FromPerson", m.get("from"), "from")));
        assertEquals(
                expected("trcToken", "toPerson"), Hex.encode(Eip712.hashStruct(data, "ToPerson", m.get("to"), "to")));
        assertEquals(expected("trcToken", "mail"), Hex.encode(Eip712.hashStruct(data, "Mail", m, "message")));
        assertEquals(expected("trcToken", "digest"), Hex.encode(Tip712.digest(data, new ArrayList<>())));
        // the full chain id TronWeb's test gives ends in Nile's 4 bytes
        assertEquals(
                Optional.of("Nile, a Tron test network"),
                Tip712.network(data.review().chainId()));
    }

    @Test
    void everyFormOfATronAddressHashesAsItsTwentyBytesAndReadsAsItsBase58() throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(typed("trcToken"));
        String wallet = root.at("/value/from/wallet").asText();
        byte[] twenty = Hex.decode(wallet.substring(2).toLowerCase(Locale.ROOT), "wallet");
        String base58 = AccountAddresses.tron(twenty);
        for (String form : List.of(
                base58, "41" + wallet.substring(2), "41" + wallet.substring(2).toUpperCase(Locale.ROOT))) {
            ((ObjectNode) root.get("value").get("from")).put("wallet", form);
            TypedData data = Tip712.parse(root.toString());
            assertEquals(expected("trcToken", "digest"), Hex.encode(Tip712.digest(data, new ArrayList<>())), form);
            List<TypedMessageLines.Line> lines = TypedMessageLines.of(data, 100).lines();
            assertTrue(lines.contains(new TypedMessageLines.Line("message.from.wallet", base58)), lines.toString());
            assertTrue(
                    lines.contains(new TypedMessageLines.Line("message.from.trcTokenId", "1002000")), lines.toString());
        }
        assertEquals(
                "TUe6BwpA7sVTDKaJQoia7FWZpC9sK8WM2t",
                Tip712.parse(typed("tronMail")).review().verifyingContract());
    }

    @Test
    void theSignatureTronWebsDocumentationPrintsRecoversTheAccountItsExamplesSignWith() {
        TypedData data = Tip712.parse(typed("tronMail"));
        byte[] digest = Tip712.digest(data, new ArrayList<>());
        // any other digest would recover an unrelated account: this is the one TronWeb's examples send from
        assertEquals(
                "TUznHJfHe6gdYY7gvWmf6bNZHuPHDZtowf",
                Tip712.signerOf(digest, Hex.decode(expected("tronMail", "signature"), "signature")));
        assertEquals(Optional.of("Tron mainnet"), Tip712.network(data.review().chainId()));
    }

    @Test
    void whatTronWebWouldNotSignIsRefusedSayingWhatToGive() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode mail = (ObjectNode) json.readTree(typed("tronMail"));

        ObjectNode badChecksum = mail.deepCopy();
        ((ObjectNode) badChecksum.at("/value/to")).put("wallet", "TT5rFsXYCrnzdE2q1WdR9F2SuVY59A4hoN");
        assertRefused(badChecksum, "message.to.wallet (address) is not a Tron address");

        ObjectNode both = mail.deepCopy();
        both.set("message", mail.get("value"));
        assertRefused(both, "both message and value");

        ObjectNode extraDomain = mail.deepCopy();
        ((ObjectNode) extraDomain.get("domain")).put("owner", "me");
        assertRefused(extraDomain, "domain.owner is not a member TronWeb's domain has");

        ObjectNode twoRoots = mail.deepCopy();
        ((ObjectNode) twoRoots.get("types"))
                .putArray("Receipt")
                .addObject()
                .put("name", "id")
                .put("type", "uint256");
        assertRefused(twoRoots, "give primaryType");

        ObjectNode negativeToken = (ObjectNode) json.readTree(typed("trcToken"));
        ((ObjectNode) negativeToken.get("value")).put("trcTokenId", "-1");
        assertRefused(negativeToken, "message.trcTokenId (trcToken) must not be negative");

        // Ethereum's typed data has no trcToken: its strict reading is unchanged
        ObjectNode v4 = (ObjectNode) json.readTree(typed("gasFreePermit"));
        ((ObjectNode) v4.at("/types/PermitTransfer/4")).put("type", "trcToken");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TypedData.parse(v4.toString()));
        assertTrue(e.getMessage().contains("neither a Solidity atomic type nor declared"), e.getMessage());
    }

    private static void assertRefused(ObjectNode root, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            TypedData data = Tip712.parse(root.toString());
            Tip712.digest(data, new ArrayList<>());
        });
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static JsonNode load() {
        try (InputStream in = Tip712Test.class.getResourceAsStream("/tron/tip712.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
