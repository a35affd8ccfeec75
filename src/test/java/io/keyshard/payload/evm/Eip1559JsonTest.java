package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transaction JSON is read strictly: every refusal names the field. */
class Eip1559JsonTest {
    private static final String BASE = """
            {"chainId": "0x1", "nonce": "0x5", "maxPriorityFeePerGas": "1500000000", "maxFeePerGas": "0x6fc23ac00",
             "gas": "21000", "to": "0x000000000000000000000000000000000000dEaD", "value": "0xde0b6b3a7640000"}""";

    @Test
    void acceptsHexDecimalAndJsonIntegers() {
        Eip1559Transaction tx = Eip1559Transaction.parse(BASE);
        assertEquals(BigInteger.ONE, tx.chainId());
        assertEquals(BigInteger.valueOf(5), tx.nonce());
        assertEquals(BigInteger.valueOf(1_500_000_000L), tx.maxPriorityFeePerGas());
        assertEquals(BigInteger.valueOf(30_000_000_000L), tx.maxFeePerGas());
        assertEquals(new BigInteger("1000000000000000000"), tx.value());
        assertEquals(tx.signingHash().length, 32);
        Eip1559Transaction same =
                Eip1559Transaction.parse(BASE.replace("\"0x1\"", "1").replace("\"0x5\"", "\"5\""));
        assertEquals(Hex.encode(tx.signingHash()), Hex.encode(same.signingHash()));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"gas\": \"21000\"|\"gas\": \"21000\", \"gasLimit\": \"21000\"|unknown transaction field 'gasLimit': use gas",
                "\"gas\": \"21000\"|\"gas\": \"21000\", \"gasPrice\": \"1\"|unknown transaction field 'gasPrice'",
                "\"gas\": \"21000\", |''|the transaction field gas is missing",
                "\"chainId\": \"0x1\", |''|the transaction field chainId is missing",
                "\"nonce\": \"0x5\"|\"nonce\": \"-5\"|nonce must not be negative",
                "\"nonce\": \"0x5\"|\"nonce\": \"0x10000000000000000\"|nonce does not fit in 64 bits",
                "\"0xde0b6b3a7640000\"|\"0x10000000000000000000000000000000000000000000000000000000000000000\"|value is not a 0x hex quantity of 1 to 64 digits",
                "\"0xde0b6b3a7640000\"|\"115792089237316195423570985008687907853269984665640564039457584007913129639936\"|value does not fit in 256 bits",
                "\"0xde0b6b3a7640000\"|\"1e18\"|value is neither a 0x hex quantity nor a decimal integer",
                "\"0xde0b6b3a7640000\"|1.5|value must be an integer",
                "\"0xde0b6b3a7640000\"|\"0x\"|value is not a 0x hex quantity",
                "\"chainId\": \"0x1\"|\"chainId\": \"0x0\"|chainId must not be 0",
                "\"maxPriorityFeePerGas\": \"1500000000\"|\"maxPriorityFeePerGas\": \"40000000000\"|maxPriorityFeePerGas (40000000000) is higher than maxFeePerGas",
                "0x000000000000000000000000000000000000dEaD|0x000000000000000000000000000000000000DeaD|to has a wrong EIP-55 checksum",
                "0x000000000000000000000000000000000000dEaD|0xdead|to is not a 0x address of 40 hex digits",
                "\"gas\": \"21000\"|\"gas\": \"21000\", \"data\": \"0x123\"|data must be an even-length hex string",
                "\"gas\": \"21000\"|\"gas\": \"21000\", \"type\": \"0x3\"|type 3 (EIP-4844",
                "\"gas\": \"21000\"|\"gas\": \"21000\", \"accessList\": [{\"address\": \"0x000000000000000000000000000000000000dead\", \"storageKeys\": [\"0x01\"]}]|accessList[0].storageKeys[0] must be 32 bytes",
                "\"gas\": \"21000\"|\"gas\": \"21000\", \"gas\": \"22000\"|Duplicate field 'gas'",
            })
    void refuses(String from, String to, String expected) {
        String json = BASE.replace(from, to);
        assertTrue(!json.equals(BASE), "the case must change the payload");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Eip1559Transaction.parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theReviewShowsExactAmounts() {
        TransactionReview r = Eip1559Transaction.parse(
                        BASE.replace("\"value\"", "\"data\": \"0xa9059cbb00\", \"value\""))
                .review();
        assertEquals(BigInteger.ONE, r.chainId());
        assertEquals("0x000000000000000000000000000000000000dEaD", r.to());
        assertEquals("1", r.value());
        assertEquals("30", r.maxFeePerGasGwei());
        assertEquals("1.5", r.maxPriorityFeePerGasGwei());
        assertEquals(BigInteger.valueOf(21000), r.gas());
        assertEquals("1.00063", r.maxCost());
        assertEquals(5, r.dataSize());
        assertEquals("0xa9059cbb", r.selector());
    }

    @Test
    void etherAmountsAreExactDecimals() {
        assertEquals("0.000000000000000001", EvmUnits.ether(BigInteger.ONE));
        assertEquals("0", EvmUnits.ether(BigInteger.ZERO));
        assertEquals(
                "115792089237316195423570985008687907853269984665640564039457.584007913129639935",
                EvmUnits.ether(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)));
        assertEquals("0.000000001", EvmUnits.gwei(BigInteger.ONE));
        assertEquals("1000", EvmUnits.gwei(new BigInteger("1000000000000")));
    }
}
