package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EIP-1559 encoding and signing: ethereumjs-monorepo's packages/tx/test/json/eip1559.json (ten
 * signed transactions, chain 7822, reproduced byte for byte with RFC 6979 signatures), go-ethereum's
 * TestEIP1559TransactionEncode (as kept in Erigon's core/types/transaction_test.go: a fixed
 * signature, data and yParity 1), MyEtherWallet's mew-wallet-android-kit Eip1559TransactionTest (two
 * signed transactions on chain 123, one with an access list, with their transaction hashes), and
 * round trips that recover the sender from the signed bytes.
 */
class Eip1559TransactionTest {
    static List<JsonNode> ethereumjsVectors() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(Resources.text("ethereumjs-eip1559.json")).forEach(out::add);
        return out;
    }

    private static String json(JsonNode v) {
        return """
                {"chainId": "7822", "nonce": %d, "maxPriorityFeePerGas": %d, "maxFeePerGas": %d,
                 "gas": %d, "to": "%s", "value": %d}""".formatted(
                        v.get("nonce").asLong(),
                        v.get("maxInclusionFeePerGas").asLong(),
                        v.get("maxFeePerGas").asLong(),
                        v.get("gasLimit").asLong(),
                        v.get("to").asText(),
                        v.get("value").asLong());
    }

    @ParameterizedTest
    @MethodSource("ethereumjsVectors")
    void signsTheEthereumjsVectorsByteForByte(JsonNode v) {
        // The file stores each typed transaction wrapped in an RLP string, as ethereumjs serialised it then.
        byte[] expected = ((Rlp.Str) Rlp.decode(
                        Hex.decode(v.get("signedTransactionRLP").asText().substring(2), "vector")))
                .bytes();
        LocalKey key = new LocalKey(v.get("privateKey").asText());
        Eip1559Transaction tx = Eip1559Transaction.parse(json(v));
        byte[] signed = tx.signedEncoding(key.sign(tx.signingHash()));
        assertEquals(Hex.encode(expected), Hex.encode(signed));

        SignedEip1559 decoded = SignedEip1559.decode(expected);
        assertEquals(key.address(), decoded.sender());
        assertArrayEquals(expected, decoded.transaction().signedEncoding(decoded.signature()));

        // the same transaction handed over unsigned, as viem and ethers serialise it, signs to the same bytes
        Eip1559Transaction unsigned = Eip1559Transaction.decodeUnsigned(tx.unsignedEncoding());
        assertArrayEquals(tx.signingHash(), unsigned.signingHash());
        assertArrayEquals(expected, unsigned.signedEncoding(key.sign(unsigned.signingHash())));
    }

    @Test
    void readsTheUnsignedTransactionViemSerialises() {
        // viem's serializeTransaction.test.ts, "eip1559 / default": chain 1, nonce 785, 2 gwei fees, 1 ether
        String serialized = "02ef0182031184773594008477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a7"
                + "64000080c0";
        Eip1559Transaction tx = Eip1559Transaction.decodeUnsigned(Hex.decode(serialized, "vector"));
        assertEquals(BigInteger.ONE, tx.chainId());
        assertEquals(BigInteger.valueOf(785), tx.nonce());
        assertEquals(BigInteger.valueOf(2_000_000_000L), tx.maxPriorityFeePerGas());
        assertEquals(BigInteger.valueOf(2_000_000_000L), tx.maxFeePerGas());
        assertEquals(BigInteger.ZERO, tx.gas());
        assertEquals("70997970c51812dc3a010c7d01b50e0d17dc79c8", Hex.encode(tx.to()));
        assertEquals(new BigInteger("1000000000000000000"), tx.value());
        assertEquals(0, tx.data().length);
        assertEquals(List.of(), tx.accessList());
        assertEquals(serialized, Hex.encode(tx.unsignedEncoding()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        // a signed transaction (12 fields): go-ethereum's TestEIP1559TransactionEncode
        "02f864010301018261a894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a825544c001a0c9519f4f2b30335884581971573fadf60c6204f59a911df35ee8a540456b2660a032f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacfedfa12ec3862d37521, already signed",
        // an EIP-2930 (type 1) and a legacy transaction
        "01ef0182031184773594008477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080c0, first byte must be 0x02",
        "ec8203118477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080018080, first byte must be 0x02",
        // the nonce 785 written with a leading zero byte: not canonical RLP
        "02f0018300031184773594008477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080c0, nonce",
        // eight fields (no access list), and the viem transaction for chain 0
        "02ee0182031184773594008477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080, 9 fields",
        "02ef8082031184773594008477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080c0, chainId must not be 0",
        // a tip above the fee cap
        "02ef0182031184773594018477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080c0, is higher than maxFeePerGas",
        // bytes after the list
        "02ef0182031184773594008477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080c000, after the end",
    })
    void anUnsignedTransactionIsTakenOnlyAsTheOneCanonicalEncoding(String hex, String expected) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Eip1559Transaction.decodeUnsigned(Hex.decode(hex, "input")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "nonce {0}")
    @CsvSource({
        "0x0, '', 02f86a7b8007078252089461fac28c810253ea3a42ebbb1a5cf8687765e4ee88016345785d8a000080c001a01f75fb4ae321bb55c0e7569d940ce133e775fb4494500ac6de9aeb16f45f20d1a05bf9b98c50422e3ada79a6920b1007bc36a1c36d178dbc1b44dfbd97fc56cf13, be76a9ae424fe7a42da7db0f42db0ced82929710d9c19cfdaa7e18c634e6ae54",
        "0x01, '{\"address\": \"0x61fac28c810253ea3a42ebbb1a5cf8687765e4ee\", \"storageKeys\": [\"0x0000000000000000000000000000000000000000000000000000000000000000\"]}', 02f8a37b0107078262d49461fac28c810253ea3a42ebbb1a5cf8687765e4ee88016345785d8a000080f838f79461fac28c810253ea3a42ebbb1a5cf8687765e4eee1a0000000000000000000000000000000000000000000000000000000000000000001a0f76cef537ee6b5a2143e4ed62debc41c19e996365ceb8b7a9ec7d7db8f83c001a01fbe06e8a4e052015af13b985047925b9f97bf145c7e7adb96f051af7c2551f0, c30b28761a4344c27f7ef7f5e3572c941111d32602a3c75e924f02fd6942bc04",
    })
    void signsMyEtherWalletsTransactionsAndHashesThem(
            String nonce, String accessEntry, String expected, String txHash) {
        LocalKey key = new LocalKey("e3046226c9d5f6b7fda49b00123fe96ab2fac359315f27169b5c984059b3540f");
        Eip1559Transaction tx = Eip1559Transaction.parse(
                """
                {"chainId": "0x7b", "nonce": "%s", "maxPriorityFeePerGas": "0x07", "maxFeePerGas": "0x07",
                 "gas": "%s", "to": "%s", "value": "0x16345785D8A0000", "accessList": [%s]}""".formatted(nonce, accessEntry.isEmpty() ? "0x5208" : "0x62d4", key.address(), accessEntry));
        byte[] raw = tx.signedEncoding(key.sign(tx.signingHash()));
        assertEquals(expected, Hex.encode(raw));
        assertEquals(txHash, Hex.encode(Eip1559Transaction.txHash(raw)));
        assertEquals(key.address(), SignedEip1559.decode(raw).sender());
    }

    @Test
    void encodesAGivenSignatureAsGoEthereumDoes() {
        Eip1559Transaction tx = Eip1559Transaction.parse("""
                {"chainId": "0x1", "nonce": "0x3", "maxPriorityFeePerGas": "0x1", "maxFeePerGas": "0x1",
                 "gas": "25000", "to": "0xb94f5374fce5edbc8e2a8697c15331677e6ebf0b", "value": "10", "data": "0x5544"}""");
        EvmSignature sig = new EvmSignature(
                new BigInteger("c9519f4f2b30335884581971573fadf60c6204f59a911df35ee8a540456b2660", 16),
                new BigInteger("32f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacfedfa12ec3862d37521", 16),
                1);
        assertEquals(
                "02f864010301018261a894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a825544c001a0c9519f4f2b3033588458"
                        + "1971573fadf60c6204f59a911df35ee8a540456b2660a032f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacfedfa12ec3862d37521",
                Hex.encode(tx.signedEncoding(sig)));
    }

    @Test
    void aSignedTransactionWithAnAccessListAndDataRecoversToItsSigner() {
        LocalKey key = new LocalKey("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
        Eip1559Transaction tx = Eip1559Transaction.parse("""
                {"chainId": "0x1", "nonce": "0x0", "maxPriorityFeePerGas": "0x3b9aca00", "maxFeePerGas": "30000000000",
                 "gas": "0xea60", "to": "0x6B175474E89094C44Da98b954EedeAC495271d0F", "value": "0x0",
                 "data": "0xa9059cbb000000000000000000000000000000000000000000000000000000000000dead0000000000000000000000000000000000000000000000000de0b6b3a7640000",
                 "accessList": [{"address": "0x6b175474e89094c44da98b954eedeac495271d0f",
                   "storageKeys": ["0x0000000000000000000000000000000000000000000000000000000000000001"]}],
                 "from": "%s", "type": "0x2"}""".formatted(key.address()));
        tx.checkFrom(key.address());
        byte[] raw = tx.signedEncoding(key.sign(tx.signingHash()));
        assertEquals(2, raw[0]);
        SignedEip1559 decoded = SignedEip1559.decode(raw);
        assertEquals(key.address(), decoded.sender());
        assertArrayEquals(tx.signingHash(), decoded.transaction().signingHash());
        assertArrayEquals(Eip1559Transaction.txHash(raw), decoded.txHash());
        assertEquals(1, decoded.transaction().accessList().size());
    }

    @Test
    void aTamperedSignedTransactionRecoversToSomeoneElse() {
        LocalKey key = new LocalKey("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
        Eip1559Transaction tx = Eip1559Transaction.parse("""
                {"chainId": 1, "nonce": 7, "maxPriorityFeePerGas": 1, "maxFeePerGas": 2, "gas": 21000,
                 "to": "0x000000000000000000000000000000000000dEaD", "value": "1000000000000000000"}""");
        byte[] raw = tx.signedEncoding(key.sign(tx.signingHash()));
        byte[] tampered = raw.clone();
        // The value is the last byte before the empty data (0x80) and access list (0xc0); bump it.
        int valueEnd = Hex.encode(raw).indexOf("80c0") / 2 - 1;
        tampered[valueEnd]++;
        String sender = SignedEip1559.decode(tampered).sender();
        assertTrue(!EcRecover.sameAddress(key.address(), sender), sender);
    }

    @Test
    void aPayloadFromAnotherAccountIsRefused() {
        Eip1559Transaction tx = Eip1559Transaction.parse("""
                {"chainId": 1, "nonce": 0, "maxPriorityFeePerGas": 1, "maxFeePerGas": 1, "gas": 21000,
                 "from": "0x000000000000000000000000000000000000dead"}""");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> tx.checkFrom("0x6B175474E89094C44Da98b954EedeAC495271d0F"));
        assertTrue(e.getMessage().contains("is not this key's address"), e.getMessage());
        tx.checkFrom("0x000000000000000000000000000000000000dEaD");
    }

    @Test
    void aHighSIsRefusedUntilNormalised() {
        BigInteger n = CurveName.SECP256K1.curve().order();
        EvmSignature high = new EvmSignature(BigInteger.TWO, n.subtract(BigInteger.ONE), 0);
        Eip1559Transaction tx = Eip1559Transaction.parse("""
                {"chainId": 1, "nonce": 0, "maxPriorityFeePerGas": 1, "maxFeePerGas": 1, "gas": 21000}""");
        assertThrows(IllegalArgumentException.class, () -> tx.signedEncoding(high));
        EvmSignature low = high.normalized();
        assertEquals(BigInteger.ONE, low.s());
        assertEquals(1, low.recoveryId());
        tx.signedEncoding(low);
    }

    @Test
    void aContractCreationHasNoRecipient() {
        Eip1559Transaction tx = Eip1559Transaction.parse("""
                {"chainId": 1, "nonce": 0, "maxPriorityFeePerGas": 1, "maxFeePerGas": 1, "gas": 100000, "data": "0x6000"}""");
        assertNull(tx.to());
        assertEquals(TransactionReview.CONTRACT_CREATION, tx.review().to());
        assertNull(tx.review().selector());
    }
}
