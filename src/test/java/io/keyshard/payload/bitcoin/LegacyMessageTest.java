package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Base58;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.EvmSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/** Bitcoin Core's signmessage format, against the signature Core's own functional test expects. */
class LegacyMessageTest {
    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");
    // test/functional/rpc_signmessagewithprivkey.py in Bitcoin Core
    private static final String WIF = "cUeKHd5orzT3mz8P9pxyREHfsWtVfgsfDjiZZBcjUBAaGk1BTj7N";
    private static final String ADDRESS = "mpLQjfK79b7CCV4VMJWEWAj5Mpx8Up5zxB";
    private static final byte[] MESSAGE = "This is just a test message".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED =
            "INbVnW4e6PeRmsv2Qgu8NuopvrVjkcxob+sX8OcZG0SALhWybUjzMLPdAsXI46YZGb0KQTRii+wWIQzRpG/U+S0=";

    private static byte[] keyHash() {
        return Arrays.copyOfRange(Base58.decodeCheck(ADDRESS), 1, 21);
    }

    @Test
    void coresSignatureChecksAndOneMadeHereWithTheSameNonceIsTheSame() {
        assertNull(LegacyMessage.check(keyHash(), MESSAGE, EXPECTED));

        BigInteger d = new BigInteger(1, Arrays.copyOfRange(Base58.decodeCheck(WIF), 1, 33));
        byte[] digest = LegacyMessage.digest(MESSAGE);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(
                true,
                new ECPrivateKeyParameters(
                        d, new ECDomainParameters(SECP.getCurve(), SECP.getG(), SECP.getN(), SECP.getH())));
        BigInteger[] rs = signer.generateSignature(digest);
        // the recovery id is the one of the two that gives back the key
        byte[] key = SECP.getG().multiply(d).getEncoded(true);
        EvmSignature sig = null;
        for (int id = 0; id < 2; id++) {
            EvmSignature candidate = new EvmSignature(rs[0], rs[1], id).normalized();
            if (Arrays.equals(EcRecover.recover(digest, candidate).encode(), key)) {
                sig = candidate;
            }
        }
        assertNotNull(sig);
        assertEquals(EXPECTED, LegacyMessage.encode(sig));
    }

    @Test
    void anotherMessageAnotherAddressOrABrokenSignatureIsRefusedWithTheReason() {
        assertNotNull(LegacyMessage.check(keyHash(), "another".getBytes(StandardCharsets.UTF_8), EXPECTED));
        byte[] otherHash = keyHash().clone();
        otherHash[0] ^= 1;
        assertTrue(LegacyMessage.check(otherHash, MESSAGE, EXPECTED).contains("another key"));
        assertTrue(LegacyMessage.check(keyHash(), MESSAGE, "AAAA").contains("65 bytes"));
        assertTrue(LegacyMessage.check(keyHash(), MESSAGE, "not base64!").contains("base64"));
        String outOfRange = "J" + EXPECTED.substring(1); // header 36, above 34
        assertTrue(LegacyMessage.check(keyHash(), MESSAGE, outOfRange).contains("27-34"));
    }
}
