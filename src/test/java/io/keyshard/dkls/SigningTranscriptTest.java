package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.curve.CurveName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers for the signing's wire format: a 2-of-3 signing under fixed randomness, every message
 * encoded by {@link DklsCodec}, hashed in (round, sender, recipient) order. A digest that moves means
 * a byte on the wire moved: nodes of two versions would no longer sign together.
 */
class SigningTranscriptTest {

    @ParameterizedTest
    @CsvSource({
        "SECP256K1, 52735b36db40f8e56b0c9cd8d374ef03adedd1e96f8d0a2cd55f12bd875eb19d",
        "P256, 7dc6640840128ccd5d47f09d80685d93c1e95c142a1e181dc968a6be538593bd",
        "P384, 6e1dfc14885b987c2a16f998f5f6c359964050f0d5d0c55e853b6788b456faca",
        "P521, d1b517405a8d87187498f45784ff87cc04dea150188a3b8e4e97fcee32abfd75",
    })
    void everyMessageOfAFixedSigningIsAsPinned(CurveName name, String pinned) throws Exception {
        Group g = Group.of(name);
        Committee c = new Committee(g, 2, 3, false, "transcript " + name);
        c.wire = new DklsCodec(g);
        byte[] digest = SigningTest.hash(name, "pinned".getBytes(StandardCharsets.UTF_8));
        c.sign(List.of(1, 3), digest, "transcript");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, byte[]> e : c.sent.entrySet()) {
            sha.update(e.getKey().getBytes(StandardCharsets.US_ASCII));
            sha.update(e.getValue());
        }
        assertEquals(8, c.sent.size());
        assertEquals(pinned, HexFormat.of().formatHex(sha.digest()));
    }
}
