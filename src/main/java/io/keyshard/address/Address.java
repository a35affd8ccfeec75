package io.keyshard.address;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An address and, where a chain has them, the intermediate keys people check it by
 * (for Taproot: {@code internalKey} and {@code outputKey}, x-only hex).
 */
public record Address(String value, Map<String, String> details) {
    public Address {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** An address with nothing else to show. */
    public static Address of(String value) {
        return new Address(value, Map.of());
    }
}
