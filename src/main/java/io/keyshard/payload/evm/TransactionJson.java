package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a transaction from the JSON of {@code eth_sendTransaction}. Required: chainId, nonce, gas, and the fees
 * of its type: maxPriorityFeePerGas and maxFeePerGas (EIP-1559, type 2), or gasPrice (legacy, type 0, signed
 * with EIP-155's chain id; with an accessList, EIP-2930, type 1, as ethers and viem read it). Optional: to
 * (absent creates a contract), value, data, from, type, and accessList (types 1, 2 and 4); an authorizationList
 * makes it EIP-7702's set-code transaction (type 4, fees as type 2, to required). Anything else is refused, so a
 * field the signature would not cover (blobs) cannot slip through.
 */
final class TransactionJson {
    private static final List<String> EIP1559_REQUIRED =
            List.of("chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas");
    private static final List<String> SET_CODE_REQUIRED =
            List.of("chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas", "to", "authorizationList");
    private static final List<String> LEGACY_REQUIRED = List.of("chainId", "nonce", "gasPrice", "gas");
    private static final Set<String> OPTIONAL = Set.of("to", "value", "data", "from", "type");
    private static final Map<String, String> HINTS = Map.of(
            "gasLimit", "use gas",
            "input", "use data",
            "gasPrice", "a type-2 transaction has maxFeePerGas and maxPriorityFeePerGas instead",
            "maxFeePerBlobGas", "blob transactions (type 3) are not supported",
            "authorizationList", "an authorization list makes it an EIP-7702 transaction: type 0x4 or no type");

    private static final String ACCESS_LIST_HINT =
            "a legacy transaction (type 0) has no access list: leave it out, or leave out type for EIP-2930";

    private TransactionJson() {}

    /**
     * A transaction of any of the four types: EIP-2930 when the JSON says type 1, or gives a gasPrice with an
     * accessList; legacy when it says type 0 or gives a gasPrice alone; EIP-7702 when it says type 4 or gives an
     * authorizationList; else EIP-1559.
     */
    static EvmTransaction parse(String json) {
        JsonNode root = Quantities.object(json, "the transaction", "as in eth_sendTransaction");
        Integer type = type(root);
        boolean feeCaps = root.has("maxFeePerGas") || root.has("maxPriorityFeePerGas");
        if (type == null && root.has("gasPrice") && feeCaps) {
            throw new IllegalArgumentException("the transaction has both gasPrice (a legacy transaction) and "
                    + "maxFeePerGas or maxPriorityFeePerGas (EIP-1559): give one or the other");
        }
        boolean gasPrice = type == null && root.has("gasPrice");
        if (type != null && type == Eip2930Transaction.TYPE || gasPrice && root.hasNonNull("accessList")) {
            return eip2930(root);
        }
        if (type != null && type == LegacyTransaction.TYPE || gasPrice) {
            return legacy(root);
        }
        if (type != null && type == SetCodeTransaction.TYPE || type == null && root.has("authorizationList")) {
            return setCode(root);
        }
        return eip1559(root, type);
    }

    /** An EIP-1559 transaction; a gasPrice is refused with what to give instead. */
    static Eip1559Transaction eip1559(String json) {
        JsonNode root = Quantities.object(json, "the transaction", "as in eth_sendTransaction");
        return eip1559(root, type(root));
    }

    /** What the transaction types of EIP-2718 are, for a refusal that names one. */
    static String typeName(int type) {
        return switch (type) {
            case 0 -> "legacy";
            case 1 -> "EIP-2930, with an access list";
            case 2 -> "EIP-1559";
            case 3 -> "EIP-4844, with blobs";
            case 4 -> "EIP-7702, setting code";
            default -> "not a known type";
        };
    }

    private static Integer type(JsonNode root) {
        if (!root.has("type")) {
            return null;
        }
        int type = Quantities.unsigned(root.get("type"), "type", 8).intValue();
        if (type != LegacyTransaction.TYPE
                && type != Eip2930Transaction.TYPE
                && type != Eip1559Transaction.TYPE
                && type != SetCodeTransaction.TYPE) {
            throw new IllegalArgumentException("type " + type + " (" + typeName(type) + ") is not signed here: "
                    + "give type 0x2 (EIP-1559), 0x4 (EIP-7702), 0x1 (EIP-2930) or 0x0 (legacy)");
        }
        return type;
    }

    private static Eip1559Transaction eip1559(JsonNode root, Integer type) {
        if (type != null && type != Eip1559Transaction.TYPE) {
            throw new IllegalArgumentException("type must be 0x2 (EIP-1559), got " + type);
        }
        checkFields(root, EIP1559_REQUIRED, Set.of("accessList"), HINTS);
        return feeCapped(root);
    }

    /** EIP-7702: the fields of EIP-1559 with a recipient, and the signed authorizations it carries. */
    private static SetCodeTransaction setCode(JsonNode root) {
        checkFields(root, SET_CODE_REQUIRED, Set.of("accessList"), HINTS);
        return new SetCodeTransaction(feeCapped(root), SignedAuthorization.fromJson(root.get("authorizationList")))
                .checked();
    }

    private static Eip1559Transaction feeCapped(JsonNode root) {
        Common c = common(root);
        List<Eip1559Transaction.AccessListEntry> accessList =
                root.hasNonNull("accessList") ? accessList(root.get("accessList")) : List.of();
        return new Eip1559Transaction(
                        c.chainId,
                        c.nonce,
                        Quantities.unsigned(root.get("maxPriorityFeePerGas"), "maxPriorityFeePerGas", 256),
                        Quantities.unsigned(root.get("maxFeePerGas"), "maxFeePerGas", 256),
                        c.gas,
                        c.to,
                        c.value,
                        c.data,
                        accessList,
                        c.from)
                .checked();
    }

    private static LegacyTransaction legacy(JsonNode root) {
        checkFields(root, LEGACY_REQUIRED, Set.of(), gasPriceHints("a legacy transaction", true));
        Common c = common(root);
        return new LegacyTransaction(
                        c.chainId,
                        c.nonce,
                        Quantities.unsigned(root.get("gasPrice"), "gasPrice", 256),
                        c.gas,
                        c.to,
                        c.value,
                        c.data,
                        c.from)
                .checked();
    }

    private static Eip2930Transaction eip2930(JsonNode root) {
        checkFields(root, LEGACY_REQUIRED, Set.of("accessList"), gasPriceHints("an EIP-2930 transaction", false));
        Common c = common(root);
        List<Eip1559Transaction.AccessListEntry> accessList =
                root.hasNonNull("accessList") ? accessList(root.get("accessList")) : List.of();
        return new Eip2930Transaction(
                        c.chainId,
                        c.nonce,
                        Quantities.unsigned(root.get("gasPrice"), "gasPrice", 256),
                        c.gas,
                        c.to,
                        c.value,
                        c.data,
                        accessList,
                        c.from)
                .checked();
    }

    /** What to say of a field a transaction with a gas price does not take; {@code legacy} adds the access list. */
    private static Map<String, String> gasPriceHints(String kind, boolean legacy) {
        String noFeeCaps = kind + " (gasPrice) has no ";
        Map<String, String> hints = new HashMap<>(Map.of(
                "maxFeePerGas",
                noFeeCaps + "maxFeePerGas",
                "maxPriorityFeePerGas",
                noFeeCaps + "maxPriorityFeePerGas",
                "gasLimit",
                "use gas",
                "input",
                "use data"));
        if (legacy) {
            hints.put("accessList", ACCESS_LIST_HINT);
        }
        return hints;
    }

    /** Refuses a field neither required nor optional (with a hint where one helps) and a required one missing. */
    private static void checkFields(
            JsonNode root, List<String> required, Set<String> alsoOptional, Map<String, String> hints) {
        Quantities.firstUnknownField(
                        root, name -> required.contains(name) || OPTIONAL.contains(name) || alsoOptional.contains(name))
                .ifPresent(name -> {
                    String hint = hints.get(name);
                    throw new IllegalArgumentException(
                            "unknown transaction field '" + name + "'" + (hint == null ? "" : ": " + hint));
                });
        Quantities.firstMissingField(root, required).ifPresent(name -> {
            throw new IllegalArgumentException("the transaction field " + name + " is missing");
        });
    }

    /** The fields both types share. */
    private record Common(
            BigInteger chainId,
            BigInteger nonce,
            BigInteger gas,
            byte[] to,
            BigInteger value,
            byte[] data,
            String from) {}

    private static Common common(JsonNode root) {
        BigInteger chainId = Quantities.unsigned(root.get("chainId"), "chainId", 256);
        BigInteger nonce = Quantities.unsigned(root.get("nonce"), "nonce", 256);
        BigInteger gas = Quantities.unsigned(root.get("gas"), "gas", 256);
        byte[] to = root.hasNonNull("to") ? Quantities.address(root.get("to"), "to") : null;
        BigInteger value =
                root.hasNonNull("value") ? Quantities.unsigned(root.get("value"), "value", 256) : BigInteger.ZERO;
        byte[] data = root.hasNonNull("data") ? Quantities.data(root.get("data"), "data") : new byte[0];
        String from = null;
        if (root.hasNonNull("from")) {
            Quantities.address(root.get("from"), "from");
            from = root.get("from").textValue();
        }
        return new Common(chainId, nonce, gas, to, value, data, from);
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
