package io.keyshard.payload.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.Network;
import io.keyshard.payload.evm.EvmSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * TIP-191 as TronWeb's signMessageV2: the digest of a published signature (mrtnetwork/blockchain_utils,
 * test/signer/tron_test.dart: its RFC 6979 signature of "message") is the one signed here, and the account
 * recovered from that signature is the key's.
 */
class TronMessageTest {
    private static final BigInteger KEY =
            new BigInteger("43985273a3d94eb753fe6acfd7003e88254effce1eb53e2e97b8522558a98038", 16);
    private static final String PUBLISHED =
            "fde00bc33d78109bc61de314c1c0526a047e22a2aaae473ca84b32d8aa35ed3e03720e05d614"
                    + "087e3d8c6fae63879755b32aa08818a2d4de66fee1a617a971671b";

    @Test
    void theDigestIsTheOneThePublishedSignatureSigns() {
        byte[] message = "message".getBytes(StandardCharsets.US_ASCII);
        var secp = CustomNamedCurves.getByName("secp256k1");
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(KEY, new ECDomainParameters(secp)));
        BigInteger[] rs = signer.generateSignature(TronMessage.hash(message));
        // RFC 6979 is deterministic: the same key and digest give the published r, and its s once made low
        BigInteger lowS = rs[1].min(secp.getN().subtract(rs[1]));
        assertEquals(PUBLISHED.substring(0, 64), String.format("%064x", rs[0]));
        assertEquals(PUBLISHED.substring(64, 128), String.format("%064x", lowS));
        String account = AccountAddresses.tron(
                        CurveName.SECP256K1, CurveName.SECP256K1.curve().multiplyBase(KEY), Network.MAINNET)
                .value();
        assertEquals(account, TronMessage.signerOf(message, Hex.decode(PUBLISHED, "signature")));
        // the same signature over another message recovers another account, or none
        byte[] other = "messagf".getBytes(StandardCharsets.US_ASCII);
        String recovered;
        try {
            recovered = TronMessage.signerOf(other, Hex.decode(PUBLISHED, "signature"));
        } catch (IllegalArgumentException none) {
            recovered = null;
        }
        assertNotEquals(account, recovered);
        assertEquals(27, EvmSignature.decode(Hex.decode(PUBLISHED, "signature")).v());
    }
}
