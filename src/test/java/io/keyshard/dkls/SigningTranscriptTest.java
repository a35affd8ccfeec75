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
        "SECP256K1, 54172c714da080e8b301efe72042536b5b59fb66ad67baf458db94fa9febee38",
        "P256, ecb0a9ec44a07e770febb1d1648ece6a259e164ccf456e64142664945924ce0b",
        "P384, 570b783e93155964827178de5d469ba15fc6b961f0f66949d87b770d3f75a593",
        "P521, 871c1ff1328c68cf1295d8d619a0a9b12b18c8300a145829febbc76aa3039ba6",
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
