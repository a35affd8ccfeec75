package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safe transactions as their owners sign them: the EIP-712 hashes of three published Safe transactions (an owner
 * added on Arbitrum, the same as a delegate call with a gas refund, a MultiSendCallOnly batch on Ethereum) equal
 * the Safe transaction hashes safe-tx-hashes-util prints for them, and each is read field by field; a batch reads
 * as its calls; what is not a Safe transaction is not read as one.
 */
class SafeTransactionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> vectors() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(Resources.text("safe-tx-hashes.json")).forEach(out::add);
        return out;
    }

    private static TypedData typed(JsonNode v) {
        return TypedData.parse(v.get("typedData").toString());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theSignedDigestIsTheSafeTransactionHash(JsonNode v) {
        TypedData data = typed(v);
        assertEquals(
                v.get("safeTxHash").asText().substring(2),
                Hex.encode(Eip712.digest(data)),
                v.get("name").asText());
        SafeTransaction s = SafeTransaction.of(data).orElseThrow();
        JsonNode m = v.get("typedData").get("message");
        assertTrue(s.safe()
                .equalsIgnoreCase(v.get("typedData")
                        .get("domain")
                        .get("verifyingContract")
                        .asText()));
        assertTrue(s.to().equalsIgnoreCase(m.get("to").asText()));
        assertEquals(new BigInteger(m.get("value").asText()), s.value());
        assertEquals(m.get("data").asText().substring(2), Hex.encode(s.data()));
        assertEquals(m.get("operation").asInt() == 1, s.delegateCall());
        assertEquals(new BigInteger(m.get("gasPrice").asText()), s.gasPrice());
        assertTrue(s.gasToken().equalsIgnoreCase(m.get("gasToken").asText()));
        assertTrue(s.refundReceiver().equalsIgnoreCase(m.get("refundReceiver").asText()));
        assertEquals(new BigInteger(m.get("nonce").asText()), s.nonce());
    }

    @Test
    void aMultiSendBatchReadsAsItsCalls() throws Exception {
        SafeTransaction s = SafeTransaction.of(typed(vectors().get(2))).orElseThrow();
        assertTrue(s.toMultiSendCallOnly());
        List<SafeTransaction.Call> calls = s.batch().orElseThrow();
        assertEquals(2, calls.size());
        assertFalse(calls.get(0).delegateCall());
        assertEquals(
                "0xcfbfac74c26f8647cbdb8c5caf80bb5b32e43134", calls.get(0).to().toLowerCase(Locale.ROOT));
        assertEquals("dd43a79f", Hex.encode(calls.get(0).data()).substring(0, 8));
        assertEquals(68, calls.get(0).data().length);
        assertEquals("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", calls.get(1).to());
        assertEquals(BigInteger.ZERO, calls.get(1).value());
        TokenCall transfer = TokenCall.decode(calls.get(1).data()).orElseThrow();
        assertEquals(TokenCall.Function.TRANSFER, transfer.function());
        assertEquals(BigInteger.valueOf(800_000_000L), transfer.amount(), "800 USDC");
    }

    @Test
    void aBatchIsReadOnlyWhenItIsWholeAndRunsThroughSafesOwnContract() throws Exception {
        ObjectNode td = (ObjectNode) vectors().get(2).get("typedData").deepCopy();
        ObjectNode m = (ObjectNode) td.get("message");
        String data = m.get("data").asText();
        // the same bytes through a contract that is not Safe's MultiSend: shown as the one call it is
        m.put("to", "0x1111111111111111111111111111111111111111");
        assertTrue(SafeTransaction.of(TypedData.parse(td.toString()))
                .orElseThrow()
                .batch()
                .isEmpty());
        // as a plain call to MultiSendCallOnly, no batch is run
        m.put("to", "0x9641d764fc13c8B624c04430C7356C1C7C8102e2");
        m.put("operation", 0);
        assertTrue(SafeTransaction.of(TypedData.parse(td.toString()))
                .orElseThrow()
                .batch()
                .isEmpty());
        // a packed call cut short
        m.put("operation", 1);
        m.put(
                "data",
                data.replace(
                        "0000000000000000000000000000000000000000000000000000000000000132",
                        "0000000000000000000000000000000000000000000000000000000000000131"));
        assertTrue(SafeTransaction.of(TypedData.parse(td.toString()))
                .orElseThrow()
                .batch()
                .isEmpty());
    }

    @Test
    void whatIsNotASafeTransactionIsNotReadAsOne() throws Exception {
        JsonNode v = vectors().get(0);
        ObjectNode td = (ObjectNode) v.get("typedData").deepCopy();
        ((ObjectNode) td.get("message")).put("operation", 2);
        assertTrue(SafeTransaction.of(TypedData.parse(td.toString())).isEmpty(), "the Safe knows no operation 2");
        String renamed = v.get("typedData").toString().replace("SafeTx", "SafeTransaction");
        assertTrue(SafeTransaction.of(TypedData.parse(renamed)).isEmpty());
        // Safe before 1.0.0 named baseGas dataGas: another type hash, not read as this one
        String older = v.get("typedData").toString().replace("baseGas", "dataGas");
        assertTrue(SafeTransaction.of(TypedData.parse(older)).isEmpty());
    }

    @Test
    void theSafesOwnSettingsCallsReadWithTheirArguments() throws Exception {
        SafeTransaction s = SafeTransaction.of(typed(vectors().get(0))).orElseThrow();
        SafeSettingsCall call = SafeSettingsCall.decode(s.data()).orElseThrow();
        assertEquals("addOwnerWithThreshold(address,uint256)", call.signature());
        assertEquals(List.of("owner 0x0c75Fa5a5F1C0997e3eEA425cFA13184ed0eC9e5", "threshold 3"), call.arguments());
        // selectors as Safe's published interface has them
        assertEquals("0d582f13", SafeSettingsCall.selector("addOwnerWithThreshold(address,uint256)"));
        assertEquals("f8dc5dd9", SafeSettingsCall.selector("removeOwner(address,address,uint256)"));
        assertEquals("e318b52b", SafeSettingsCall.selector("swapOwner(address,address,address)"));
        assertEquals("694e80c3", SafeSettingsCall.selector("changeThreshold(uint256)"));
        assertEquals("610b5925", SafeSettingsCall.selector("enableModule(address)"));
        assertEquals("e009cfde", SafeSettingsCall.selector("disableModule(address,address)"));
        assertEquals("e19a9dd9", SafeSettingsCall.selector("setGuard(address)"));
        assertEquals("f08a0323", SafeSettingsCall.selector("setFallbackHandler(address)"));
        assertEquals(8, SafeSettingsCall.signatures().count());
        // one byte more, or an address word with bits above its 20 bytes, is not read
        byte[] longer = Arrays.copyOf(s.data(), s.data().length + 1);
        assertTrue(SafeSettingsCall.decode(longer).isEmpty());
        byte[] dirty = s.data();
        dirty[4] = 1;
        assertTrue(SafeSettingsCall.decode(dirty).isEmpty());
    }

    @Test
    void anExecTransactionCallRunsTheSafeTransactionItsOwnersSigned() throws Exception {
        byte[] call =
                Hex.decode(Resources.text("safe-exec-transaction.hex").strip().substring(2), "call");
        String safe = "0x5EA1d9A6dDC3A0329378a327746D71A2019eC332";
        SafeTransaction run = SafeTransaction.execution(safe, call).orElseThrow();
        SafeTransaction signed = SafeTransaction.of(typed(vectors().get(2))).orElseThrow();
        assertEquals(safe, run.safe());
        assertEquals(signed.to(), run.to());
        assertEquals(signed.value(), run.value());
        assertEquals(Hex.encode(signed.data()), Hex.encode(run.data()));
        assertEquals(signed.delegateCall(), run.delegateCall());
        assertEquals(signed.safeTxGas(), run.safeTxGas());
        assertEquals(signed.baseGas(), run.baseGas());
        assertEquals(signed.gasPrice(), run.gasPrice());
        assertEquals(signed.gasToken(), run.gasToken());
        assertEquals(signed.refundReceiver(), run.refundReceiver());
        assertEquals(null, run.nonce(), "execTransaction runs at the Safe's current nonce");
        assertEquals(1, run.signatures());
        assertEquals(2, run.batch().orElseThrow().size());
        // cut short, or with bytes after the signatures, it is not read
        assertTrue(SafeTransaction.execution(safe, Arrays.copyOf(call, call.length - 1))
                .isEmpty());
        assertTrue(SafeTransaction.execution(safe, Arrays.copyOf(call, call.length + 32))
                .isEmpty());
        byte[] otherOperation = call.clone();
        otherOperation[4 + 32 * 3 + 31] = 2;
        assertTrue(SafeTransaction.execution(safe, otherOperation).isEmpty(), "the Safe knows no operation 2");
    }
}
