package io.keyshard.payload.solana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jupiter v6 swap instructions for the tests: the recorded mainnet route, laid into a message of its own, and
 * instructions encoded field by field from the IDL's argument lists.
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

    /** Borsh, little-endian, written field by field. */
    static final class Borsh {
        private final SolanaWire w = new SolanaWire();

        Borsh raw(byte[] b) {
            w.raw(b);
            return this;
        }

        Borsh u8(int v) {
            w.u8(v);
            return this;
        }

        Borsh u16(int v) {
            w.u8(v & 0xff, (v >>> 8) & 0xff);
            return this;
        }

        Borsh u32(long v) {
            w.u8((int) v & 0xff, (int) (v >>> 8) & 0xff, (int) (v >>> 16) & 0xff, (int) (v >>> 24) & 0xff);
            return this;
        }

        Borsh u64(long v) {
            return u32(v & 0xffffffffL).u32(v >>> 32);
        }

        byte[] bytes() {
            return w.bytes();
        }
    }
}
