package io.keyshard.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.address.TestVectors;
import io.keyshard.curve.CurveName;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SLIP-10 non-hardened steps (satoshilabs/slips slip-0010.md, vectors/slip10.json), with the nist256p1 retry. */
class Slip10Test {

    static List<JsonNode> pairs() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode tv : TestVectors.load("slip10.json").get("test_vectors")) {
            for (JsonNode p : tv.path("ckdpub_pairs")) {
                ((ObjectNode) p).put("curve", tv.get("curve").asText());
                ((ObjectNode) p).put("title", tv.get("title").asText());
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void theVectorsIncludeBothCurvesAndTheRetryCase() {
        List<JsonNode> all = pairs();
        assertTrue(all.stream().anyMatch(p -> p.get("curve").asText().equals("secp256k1")));
        assertTrue(all.stream().anyMatch(p -> p.get("curve").asText().equals("nist256p1")));
        assertTrue(all.stream()
                .anyMatch(p -> p.get("ckdpub_retries_needed_computed").asInt() > 0));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void nonHardenedStepGivesTheChildKeyAndChainCode(JsonNode p) {
        CurveName curve = p.get("curve").asText().equals("secp256k1") ? CurveName.SECP256K1 : CurveName.P256;
        ExtendedPublicKey parent = ExtendedPublicKey.root(
                curve,
                Hex.decode(p.get("parent_public").asText()),
                Hex.decode(p.get("parent_chain_code").asText()));
        DerivedKey d =
                PublicDerivation.derive(parent, DerivationPath.of(p.get("index").asInt()));
        assertEquals(
                p.get("child_public").asText(),
                Hex.toHexString(d.key().publicKey()),
                p.get("title").asText());
        assertEquals(p.get("child_chain_code").asText(), Hex.toHexString(d.key().chainCode()));
        assertEquals(
                p.get("child_fingerprint_field").asText(),
                String.format("%08x", d.key().parentFingerprint()));
        int retries = p.get("ckdpub_retries_needed_computed").asInt();
        assertEquals(retries > 0, d.description().contains("retr"), d.description());
    }
}
