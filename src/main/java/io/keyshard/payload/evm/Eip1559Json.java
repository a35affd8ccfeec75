package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an EIP-1559 transaction from the JSON of {@code eth_sendTransaction}. Required: chainId,
 * nonce, maxPriorityFeePerGas, maxFeePerGas, gas. Optional: to (absent creates a contract),
 * value, data, accessList, from, type (must be 2). Anything else is refused, so a field the
 * signature would not cover (gasPrice, blobs, an authorization list) cannot slip through.
 */
final class Eip1559Json {
    private static final Set<String> REQUIRED =
            Set.of("chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas");
    private static final Set<String> OPTIONAL = Set.of("to", "value", "data", "accessList", "from", "type");
    private static final Map<String, String> HINTS = Map.of(
            "gasLimit", "use gas",
            "input", "use data",
            "gasPrice", "a type-2 transaction has maxFeePerGas and maxPriorityFeePerGas instead",
            "maxFeePerBlobGas", "blob transactions (type 3) are not supported",
            "authorizationList", "set-code transactions (type 4) are not supported");

    private Eip1559Json() {}

    static Eip1559Transaction parse(String json) {
        JsonNode root = Quantities.object(json, "the transaction", "as in eth_sendTransaction");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                String hint = HINTS.get(name);
                throw new IllegalArgumentException(
                        "unknown transaction field '" + name + "'" + (hint == null ? "" : ": " + hint));
            }
        }
        for (String name : List.of("chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas")) {
            if (!root.hasNonNull(name)) {
                throw new IllegalArgumentException("the transaction field " + name + " is missing");
            }
        }
        if (root.has("type")) {
            BigInteger type = Quantities.unsigned(root.get("type"), "type", 8);
            if (type.intValue() != Eip1559Transaction.TYPE) {
                throw new IllegalArgumentException("type must be 0x2 (EIP-1559), got " + type);
            }
        }
        BigInteger chainId = Quantities.unsigned(root.get("chainId"), "chainId", 256);
        BigInteger nonce = Quantities.unsigned(root.get("nonce"), "nonce", 256);
        BigInteger tip = Quantities.unsigned(root.get("maxPriorityFeePerGas"), "maxPriorityFeePerGas", 256);
        BigInteger maxFee = Quantities.unsigned(root.get("maxFeePerGas"), "maxFeePerGas", 256);
        BigInteger gas = Quantities.unsigned(root.get("gas"), "gas", 256);
        byte[] to = root.hasNonNull("to") ? Quantities.address(root.get("to"), "to") : null;
        BigInteger value =
                root.hasNonNull("value") ? Quantities.unsigned(root.get("value"), "value", 256) : BigInteger.ZERO;
        byte[] data = root.hasNonNull("data") ? Quantities.data(root.get("data"), "data") : new byte[0];
        List<Eip1559Transaction.AccessListEntry> accessList =
                root.hasNonNull("accessList") ? accessList(root.get("accessList")) : List.of();
        String from = null;
        if (root.hasNonNull("from")) {
            Quantities.address(root.get("from"), "from");
            from = root.get("from").textValue();
        }
        return new Eip1559Transaction(chainId, nonce, tip, maxFee, gas, to, value, data, accessList, from).checked();
    }

    private static List<Eip1559Transaction.AccessListEntry> accessList(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("accessList must be an array of {address, storageKeys}");
        }
        List<Eip1559Transaction.AccessListEntry> entries = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            String where = "accessList[" + i + "]";
            if (!e.isObject() || e.size() != 2 || !e.has("address") || !e.has("storageKeys")) {
                throw new IllegalArgumentException(
                        where + " must be exactly {\"address\": ..., \"storageKeys\": [...]}");
            }
            JsonNode keys = e.get("storageKeys");
            if (!keys.isArray()) {
                throw new IllegalArgumentException(where + ".storageKeys must be an array");
            }
            List<byte[]> storageKeys = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                byte[] key = Quantities.data(keys.get(k), where + ".storageKeys[" + k + "]");
                if (key.length != 32) {
                    throw new IllegalArgumentException(
                            where + ".storageKeys[" + k + "] must be 32 bytes, got " + key.length);
                }
                storageKeys.add(key);
            }
            entries.add(new Eip1559Transaction.AccessListEntry(
                    Quantities.address(e.get("address"), where + ".address"), storageKeys));
        }
        return entries;
    }
}
