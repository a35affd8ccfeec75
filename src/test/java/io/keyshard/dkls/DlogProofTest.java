package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DlogProofTest {
    private static final byte[] SID = "sid".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void anHonestProofVerifiesAndATamperedOneNamesTheProver(CurveName name) {
        Group g = Group.of(name);
        TestRandom random = new TestRandom("dlog " + name);
        Scalar x = g.randomNonZero(random);
        Point big = g.base(x);
        DlogProof proof = DlogProof.prove(g, SID, 4, x, random);
        proof.verify(g, SID, 4, big);

        DlogProof bad = new DlogProof(proof.commitment(), proof.response().add(g.of(BigInteger.ONE)));
        assertAbort(() -> bad.verify(g, SID, 4, big), 4);
        assertAbort(() -> proof.verify(g, "other".getBytes(StandardCharsets.US_ASCII), 4, big), 4);
        assertAbort(() -> proof.verify(g, SID, 5, big), 5);
        assertAbort(() -> proof.verify(g, SID, 4, big.add(g.curve().generator())), 4);
    }

    private static void assertAbort(Runnable r, int culprit) {
        ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
        assertEquals(culprit, e.culprit());
        assertEquals(Check.DLOG_PROOF, e.check());
    }
}
