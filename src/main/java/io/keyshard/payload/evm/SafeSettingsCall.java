package io.keyshard.payload.evm;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A call a Safe makes to itself to change who controls it (Safe's OwnerManager, ModuleManager, GuardManager and
 * FallbackManager), read with its arguments: the owners, threshold, module, guard or handler it sets.
 *
 * @param signature the function, e.g. {@code addOwnerWithThreshold(address,uint256)}
 * @param arguments each argument as "name value", in order
 */
public record SafeSettingsCall(String signature, List<String> arguments) {
    /** The functions, each with its arguments' names as Safe's source names them. */
    private static final Map<String, List<String>> FUNCTIONS = Map.of(
            "addOwnerWithThreshold(address,uint256)", List.of("owner", "threshold"),
            "removeOwner(address,address,uint256)", List.of("previous owner", "owner", "threshold"),
            "swapOwner(address,address,address)", List.of("previous owner", "old owner", "new owner"),
            "changeThreshold(uint256)", List.of("threshold"),
            "enableModule(address)", List.of("module"),
            "disableModule(address,address)", List.of("previous module", "module"),
            "setGuard(address)", List.of("guard"),
            "setFallbackHandler(address)", List.of("handler"));

    private static final Map<String, String> BY_SELECTOR =
            FUNCTIONS.keySet().stream().collect(Collectors.toMap(SafeSettingsCall::selector, Function.identity()));

    public SafeSettingsCall {
        arguments = List.copyOf(arguments);
    }

    /** The call {@code data} makes, when it is one of these functions with exactly its arguments. */
    public static Optional<SafeSettingsCall> decode(byte[] data) {
        String signature = data.length >= 4 ? BY_SELECTOR.get(Hex.encode(Arrays.copyOf(data, 4))) : null;
        if (signature == null) {
            return Optional.empty();
        }
        List<String> names = FUNCTIONS.get(signature);
        AbiArguments args = AbiArguments.of(data, names.size());
        if (args == null || data.length != 4 + 32 * names.size()) {
            return Optional.empty();
        }
        String[] types = signature
                .substring(signature.indexOf('(') + 1, signature.length() - 1)
                .split(",");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String value =
                    types[i].equals("address") ? args.address(i) : args.uint(i).toString();
            if (value == null) {
                return Optional.empty();
            }
            out.add(names.get(i) + " " + value);
        }
        return Optional.of(new SafeSettingsCall(signature, out));
    }

    static String selector(String signature) {
        return Hex.encode(Arrays.copyOf(Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4));
    }

    /** All the functions read, for tests that check them against Safe's ABI. */
    static Stream<String> signatures() {
        return FUNCTIONS.keySet().stream();
    }
}
