package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Signer recovery from (r, s, v): the specification's signed Mail, and the refusals that keep it honest. */
class EcRecoverTest {
    private static final byte[] MAIL_DIGEST =
            Hex.decode("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", "d");
    private static final BigInteger R =
            new BigInteger("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", 16);
    private static final BigInteger S =
            new BigInteger("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", 16);

    @Test
    void recoversTheSignerFromRsv() {
        assertEquals(
                "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826",
                EcRecover.recoverAddress(MAIL_DIGEST, EvmSignature.fromRsv(R, S, 28)));
        assertEquals(EvmSignature.fromRsv(R, S, 28), EvmSignature.fromRsv(R, S, 1));
    }

    @Test
    void theOtherParityRecoversAnotherKey() {
        String other = EcRecover.recoverAddress(MAIL_DIGEST, EvmSignature.fromRsv(R, S, 27));
        assertTrue(!EcRecover.sameAddress(other, "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), other);
    }

    @Test
    void encodesAsRsvWithV27Or28() {
        EvmSignature sig = EvmSignature.fromRsv(R, S, 28);
        byte[] wire = sig.encode();
        assertEquals(Hex.encode(Bytes.word(R)) + Hex.encode(Bytes.word(S)) + "1c", Hex.encode(wire));
        assertEquals(sig, EvmSignature.decode(wire));
    }

    @Test
    void refusesValuesNoSignatureHas() {
        BigInteger n = CurveName.SECP256K1.curve().order();
        assertThrows(IllegalArgumentException.class, () -> EvmSignature.fromRsv(R, S, 29));
        assertThrows(IllegalArgumentException.class, () -> EvmSignature.fromRsv(R, S, 37));
        assertThrows(IllegalArgumentException.class, () -> EvmSignature.fromRsv(BigInteger.ZERO, S, 27));
        assertThrows(IllegalArgumentException.class, () -> EvmSignature.fromRsv(R, n, 27));
        assertThrows(IllegalArgumentException.class, () -> EvmSignature.decode(new byte[64]));
        assertThrows(
                IllegalArgumentException.class, () -> EcRecover.recover(new byte[31], EvmSignature.fromRsv(R, S, 27)));
        // x = 5 is not the x-coordinate of any secp256k1 point.
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> EcRecover.recover(MAIL_DIGEST, EvmSignature.fromRsv(BigInteger.valueOf(5), S, 27)));
        assertTrue(e.getMessage().contains("not the x-coordinate"), e.getMessage());
    }
}
