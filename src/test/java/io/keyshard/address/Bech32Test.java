package io.keyshard.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BIP-173 and BIP-350 strings and segwit addresses (vectors/bech32_segwit_addresses.json). */
class Bech32Test {
    private static final JsonNode V = TestVectors.load("bech32_segwit_addresses.json");

    private static List<JsonNode> both(String field) {
        List<JsonNode> out =
                new ArrayList<>(TestVectors.list(V.get("bip173_bech32").get(field)));
        out.addAll(TestVectors.list(V.get("bip350_bech32m").get(field)));
        return out;
    }

    static List<JsonNode> validStrings() {
        List<JsonNode> out = new ArrayList<>();
        V.get("bip173_bech32").get("valid_strings").forEach(n -> out.add(tag(n, "BECH32")));
        V.get("bip350_bech32m").get("valid_strings").forEach(n -> out.add(tag(n, "BECH32M")));
        return out;
    }

    private static JsonNode tag(JsonNode n, String variant) {
        ((ObjectNode) n).put("variant", variant);
        return n;
    }

    static List<JsonNode> invalidStrings() {
        return both("invalid_strings");
    }

    static List<JsonNode> validAddresses() {
        List<JsonNode> out = new ArrayList<>();
        // BIP-173 listed v1+ addresses with the old checksum; BIP-350 makes those invalid.
        for (JsonNode n : both("valid_segwit_addresses")) {
            if (n.path("valid_under_bip350").asBoolean(true)) {
                out.add(n);
            }
        }
        return out;
    }

    static List<JsonNode> invalidAddresses() {
        List<JsonNode> out = new ArrayList<>(both("invalid_segwit_addresses"));
        for (JsonNode n : V.get("bip173_bech32").get("valid_segwit_addresses")) {
            if (!n.path("valid_under_bip350").asBoolean(true)) {
                out.add(n);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("validStrings")
    void validStringsDecodeAndReencode(JsonNode v) {
        String s = v.get("string").asText();
        Bech32.Decoded d = Bech32.decode(s);
        assertEquals(v.get("hrp").asText().toLowerCase(Locale.ROOT), d.hrp());
        assertEquals(v.get("variant").asText(), d.variant().name());
        assertEquals(s.toLowerCase(Locale.ROOT), Bech32.encode(d.hrp(), d.data(), d.variant()));
    }

    @ParameterizedTest
    @MethodSource("invalidStrings")
    void invalidStringsAreRefused(JsonNode v) {
        assertThrows(
                IllegalArgumentException.class,
                () -> Bech32.decode(v.get("string").asText()),
                v.get("reason").asText());
    }

    @ParameterizedTest
    @MethodSource("validAddresses")
    void validAddressesGiveTheirScriptPubKeyAndReencode(JsonNode v) {
        String address = v.get("address").asText();
        SegwitAddress.Program p = SegwitAddress.decode(v.get("hrp").asText(), address);
        assertEquals(v.get("scriptPubKey").asText(), Hex.toHexString(p.scriptPubKey()));
        assertEquals(
                address.toLowerCase(Locale.ROOT),
                SegwitAddress.encode(v.get("hrp").asText(), p.version(), p.program()));
        assertArrayEquals(Hex.decode(v.get("witness_program").asText()), p.program());
    }

    @ParameterizedTest
    @MethodSource("invalidAddresses")
    void invalidAddressesAreRefusedForBothNetworks(JsonNode v) {
        String address = v.get("address").asText();
        assertThrows(IllegalArgumentException.class, () -> SegwitAddress.decode("bc", address));
        assertThrows(IllegalArgumentException.class, () -> SegwitAddress.decode("tb", address));
    }
}
