package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Legacy transactions with EIP-155's chain id: the example of EIP-155 itself (signing data, signing hash and the
 * signed transaction, reproduced byte for byte with an RFC 6979 signature), the EIP-155 transaction tests of the
 * Ethereum test suite as ethereumjs keeps them (signed bytes, signing hash and sender), random keys and chains, and the
 * refusals of what is not one.
 */
class LegacyTransactionTest {
    private static final String EIP155_SIGNING_DATA =
            "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080";
    private static final String EIP155_SIGNED = "f86c098504a817c800825208943535353535353535353535353535353535353535"
            + "880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761a"
            + "ecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static final String EIP155_JSON = """
            {"chainId": "0x1", "nonce": "0x9", "gasPrice": "20000000000", "gas": "21000",
             "to": "0x3535353535353535353535353535353535353535", "value": "1000000000000000000"}""";

    static List<JsonNode> ethereumTests() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(Resources.text("eip155-vitalik-tests.json")).forEach(out::add);
        return out;
    }

    @Test
    void reproducesTheExampleOfEip155ByteForByte() {
        EvmTransaction tx = EvmTransaction.parse(EIP155_JSON);
        LegacyTransaction legacy = assertInstanceOf(LegacyTransaction.class, tx);
        assertEquals(EIP155_SIGNING_DATA, Hex.encode(tx.unsignedEncoding()));
        assertEquals("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.encode(tx.signingHash()));
        LocalKey key = new LocalKey("4646464646464646464646464646464646464646464646464646464646464646");
        EvmSignature sig = key.sign(tx.signingHash());
        assertEquals(
                new BigInteger("18515461264373351373200002665853028612451056578545711640558177340181847433846"),
                sig.r());
        assertEquals(
                new BigInteger("46948507304638947509940763649030358759909902576025900602547168820602576006531"),
                sig.s());
        assertEquals(BigInteger.valueOf(37), legacy.v(sig.recoveryId()), "the EIP's v");
        assertEquals(EIP155_SIGNED, Hex.encode(tx.signedEncoding(sig)));
        assertEquals(key.address(), tx.senderOf(tx.signedEncoding(sig)));
        // the signing data handed over as a tool serialises it reads as the same transaction
        EvmTransaction unsigned = EvmTransaction.decodeUnsigned(Hex.decode(EIP155_SIGNING_DATA, "vector"));
        assertArrayEquals(tx.signingHash(), unsigned.signingHash());
    }

    @ParameterizedTest
    @MethodSource("ethereumTests")
    void readsTheEthereumTestsSignedTransactionsAsANodeDoes(JsonNode v) {
        byte[] raw = Hex.decode(v.get("rlp").asText().substring(2), "vector");
        SignedLegacy signed = SignedLegacy.decode(raw);
        JsonNode t = v.get("transaction");
        LegacyTransaction tx = signed.transaction();
        assertEquals(BigInteger.ONE, tx.chainId());
        assertEquals(quantity(t, "nonce"), tx.nonce());
        assertEquals(quantity(t, "gasPrice"), tx.gasPrice());
        assertEquals(quantity(t, "gasLimit"), tx.gas());
        assertEquals(quantity(t, "value"), tx.value());
        assertEquals(t.get("to").asText().substring(2), Hex.encode(tx.to()));
        assertEquals(quantity(t, "r"), signed.signature().r());
        assertEquals(quantity(t, "s"), signed.signature().s());
        assertEquals(0, signed.signature().recoveryId(), "v 0x25 is chain 1 with y parity 0");
        assertTrue(EcRecover.sameAddress("0x" + v.get("sender").asText(), signed.sender()), signed.sender());
        // the suite's "hash" of these transactions is EIP-155's signing hash
        assertEquals(v.get("hash").asText(), Hex.encode(tx.signingHash()));
        assertEquals(Hex.encode(raw), Hex.encode(tx.signedEncoding(signed.signature())), "re-encodes to its bytes");
    }

    @Test
    void randomKeysAndChainsRecoverTheirSenderFromTheSignedBytes() {
        Random random = new Random(155);
        for (int round = 0; round < 40; round++) {
            LocalKey key =
                    new LocalKey(new BigInteger(250, random).add(BigInteger.ONE).toString(16));
            BigInteger chainId = round % 4 == 0
                    ? BigInteger.valueOf(1_313_161_554L) // Aurora: v no longer fits in 32 bits
                    : new BigInteger(1 + random.nextInt(64), random).add(BigInteger.ONE);
            byte[] data = new byte[random.nextInt(80)];
            random.nextBytes(data);
            byte[] to = new byte[20];
            random.nextBytes(to);
            LegacyTransaction tx = new LegacyTransaction(
                            chainId,
                            new BigInteger(random.nextInt(64), random),
                            new BigInteger(random.nextInt(256), random),
                            new BigInteger(random.nextInt(64), random),
                            round % 5 == 0 ? null : to,
                            new BigInteger(random.nextInt(256), random),
                            data,
                            null)
                    .checked();
            byte[] raw = tx.signedEncoding(key.sign(tx.signingHash()));
            SignedLegacy back = SignedLegacy.decode(raw);
            String where = "round " + round + ", chain " + chainId;
            assertEquals(key.address(), back.sender(), where);
            assertEquals(chainId, back.transaction().chainId(), where);
            assertArrayEquals(tx.unsignedEncoding(), back.transaction().unsignedEncoding(), where);
            assertArrayEquals(
                    tx.unsignedEncoding(),
                    LegacyTransaction.decodeUnsigned(tx.unsignedEncoding()).unsignedEncoding(),
                    where);
        }
    }

    @Test
    void theReviewShowsTheGasPriceAndTheMostItCanCost() {
        TransactionReview r = EvmTransaction.parse(EIP155_JSON).review();
        assertEquals(0, r.type());
        assertEquals("20", r.gasPriceGwei());
        assertNull(r.maxFeePerGasGwei());
        assertNull(r.maxPriorityFeePerGasGwei());
        assertEquals("1.00042", r.maxCost(), "21,000 gas at 20 gwei and the 1 ETH sent");
        assertEquals("1", r.value());
        TransactionReview typed = EvmTransaction.parse(EIP155_JSON.replace(
                        "\"gasPrice\": \"20000000000\"", "\"maxFeePerGas\": \"3\", \"maxPriorityFeePerGas\": \"1\""))
                .review();
        assertEquals(2, typed.type());
        assertNull(typed.gasPriceGwei());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"gasPrice\": \"20000000000\"|\"gasPrice\": \"1\", \"maxFeePerGas\": \"2\"|both gasPrice",
                "\"gasPrice\": \"20000000000\"|\"gasPrice\": \"1\", \"type\": \"0x0\", \"accessList\": []|has no access list",
                "\"gasPrice\": \"20000000000\"|\"gasPrice\": \"1\", \"type\": \"0x3\"|type 3 (EIP-4844",
                "\"gasPrice\": \"20000000000\"|\"gasPrice\": \"1\", \"type\": \"0x2\"|unknown transaction field 'gasPrice'",
                "\"gasPrice\": \"20000000000\"|\"type\": \"0x0\"|field gasPrice is missing",
                "\"chainId\": \"0x1\"|\"chainId\": \"0x0\"|chainId must not be 0",
                "\"chainId\": \"0x1\", |''|field chainId is missing",
                "\"gas\": \"21000\"|\"gas\": \"0x10000000000000000\"|gas does not fit in 64 bits",
            })
    void refusesWhatIsNotALegacyTransactionWithItsReason(String field, String replacement, String reason) {
        String json = EIP155_JSON.replace(field, replacement);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvmTransaction.parse(json));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void refusesUnsignedBytesWithoutAChainIdSignedOrNotCanonical() {
        EvmTransaction tx = EvmTransaction.parse(EIP155_JSON);
        byte[] unsigned = tx.unsignedEncoding();
        // before EIP-155: the six fields alone, whose signature any chain accepts
        List<Rlp.Item> items = ((Rlp.Seq) Rlp.decode(unsigned)).items();
        List<byte[]> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(encode(items.get(i)));
        }
        assertRefused("no chain id", Rlp.encodeList(six));
        assertRefused("already signed", Hex.decode(EIP155_SIGNED, "vector"));
        // the nonce 9 written with a leading zero byte
        byte[] padded = Hex.decode(EIP155_SIGNING_DATA.replace("ec09", "ee820009"), "vector");
        assertRefused("canonical", padded);
        assertRefused("EIP-2930 transaction is an RLP list of 8 fields", new byte[] {0x01, (byte) 0xc0});
        assertRefused("type 3 (EIP-4844", new byte[] {0x03, (byte) 0xc0});
        // a signed transaction with v 27 carries no chain id
        byte[] preEip155 = Hex.decode(EIP155_SIGNED.replace("8025a0", "801ba0"), "vector");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignedLegacy.decode(preEip155));
        assertTrue(e.getMessage().contains("must carry a chain id"), e.getMessage());
    }

    private static void assertRefused(String reason, byte[] raw) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EvmTransaction.decodeUnsigned(raw));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static byte[] encode(Rlp.Item item) {
        return Rlp.encodeString(((Rlp.Str) item).bytes());
    }

    private static BigInteger quantity(JsonNode t, String field) {
        String hex = t.get(field).asText().substring(2);
        return hex.isEmpty() ? BigInteger.ZERO : new BigInteger(hex, 16);
    }
}
