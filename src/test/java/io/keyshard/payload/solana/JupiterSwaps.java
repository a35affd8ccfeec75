package io.keyshard.payload.solana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jupiter v6 swap instructions for the tests: the recorded mainnet route and the IDL, as the resources keep them.
 */
final class JupiterSwaps {
    static final String PROGRAM = "JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4";

    private JupiterSwaps() {}

    static JsonNode resource(String name) {
        try (InputStream in = JupiterSwaps.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded route (a WSOL to USELESS swap on mainnet): its accounts in order, and its data. */
    static JsonNode recordedRoute() {
        return resource("jupiter-route-recorded.json");
    }

    static List<String> accounts(JsonNode fixture) {
        List<String> out = new ArrayList<>();
        fixture.get("accounts").forEach(a -> out.add(a.get("pubkey").asText()));
        return out;
    }
}
