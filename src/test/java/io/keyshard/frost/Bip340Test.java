package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.TestVectors;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** The BIP-340 verifier the tr suite checks its signatures with, on the BIP's own verification vectors. */
class Bip340Test {
    @Test
    void verifierAgreesWithEveryBip340Vector() {
        int checked = 0;
        for (JsonNode row :
                TestVectors.list(TestVectors.load("bip340_schnorr.json").get("verify"))) {
            boolean expected = row.get("verification_result").asBoolean();
            boolean actual = Bip340.verify(
                    Hex.decode(row.get("public_key").asText()),
                    Hex.decode(row.get("message").asText()),
                    Hex.decode(row.get("signature").asText()));
            assertEquals(
                    expected,
                    actual,
                    "vector " + row.get("index").asText() + " "
                            + row.get("comment").asText());
            checked++;
        }
        assertEquals(19, checked);
    }

    @Test
    void tapTweakRefusesAMerkleRootOfTheWrongLength() {
        Point p = CurveName.SECP256K1_SCHNORR.curve().multiplyBase(BigInteger.TWO);
        assertThrows(IllegalArgumentException.class, () -> Bip340.tapTweak(p, new byte[31]));
    }
}
