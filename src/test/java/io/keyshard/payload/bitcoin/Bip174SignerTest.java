package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Base58;
import io.keyshard.address.TestVectors;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * The BIP-174 signer examples: RFC 6979 signatures over the legacy signature hash of a P2SH
 * multisig input and the BIP-143 one of a P2SH-P2WSH input reproduce the PSBTs the BIP gives,
 * signature for signature.
 */
class Bip174SignerTest {
    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");

    @Test
    void bothSignersOfTheBipReproduceTheirPsbts() {
        List<JsonNode> steps =
                TestVectors.list(TestVectors.load("bitcoin/psbt_bip174.json").get("workflow"));
        Psbt updated = Psbt.parse(Hex.decode(steps.get(2).get("hex").asText()));
        Map<String, String> first = sign(
                updated,
                "cP53pDbR5WtAD8dYAW9hhTjuvvTVaEiQBdrz9XPrgLBeRFiyCbQr",
                "cR6SXDoyfQrcp4piaiHE97Rsgta9mNhGTen9XeonVgwsh4iSgw6d");
        Map<String, String> second = sign(
                updated,
                "cT7J9YpCwY3AVRFSjN6ukeEeWY6mhpbJPxRaDaP5QTdygQRxP9Au",
                "cNBc3SWUip9PPm1GjRoLEJT6T41iNzCYtD7qro84FMnM5zEqeJsE");
        assertEquals(2, first.size());
        assertEquals(2, second.size());
        assertEquals(partialSigs(Psbt.parse(Hex.decode(steps.get(3).get("hex").asText()))), first);
        assertEquals(partialSigs(Psbt.parse(Hex.decode(steps.get(4).get("hex").asText()))), second);
    }

    private static Map<String, String> sign(Psbt psbt, String... wifs) {
        Transaction tx = psbt.unsignedTransaction();
        Map<String, String> sigs = new TreeMap<>();
        for (String wif : wifs) {
            byte[] raw = Base58.decodeCheck(wif);
            BigInteger d = new BigInteger(1, Arrays.copyOfRange(raw, 1, 33));
            String pub = Hex.toHexString(SECP.getG().multiply(d).getEncoded(true));
            for (int i = 0; i < psbt.inputs().size(); i++) {
                PsbtInput in = psbt.input(i);
                boolean listed = in.bip32Derivations().stream()
                        .anyMatch(x -> Hex.toHexString(x.publicKey()).equals(pub));
                if (!listed) {
                    continue;
                }
                SignerChecks.check(psbt, i);
                byte[] sighash = in.witnessScript() != null
                        ? Sighash.segwitV0(
                                tx, i, in.witnessScript(), in.witnessUtxo().amount(), in.sighashType())
                        : Sighash.legacy(tx, i, in.redeemScript(), in.sighashType());
                sigs.put(i + ":" + pub, Hex.toHexString(der(d, sighash)) + "01");
            }
        }
        return sigs;
    }

    private static byte[] der(BigInteger d, byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(
                true, new ECPrivateKeyParameters(d, new ECDomainParameters(SECP.getCurve(), SECP.getG(), SECP.getN())));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger s =
                rs[1].compareTo(SECP.getN().shiftRight(1)) > 0 ? SECP.getN().subtract(rs[1]) : rs[1];
        return Der.encode(rs[0], s);
    }

    private static Map<String, String> partialSigs(Psbt psbt) {
        Map<String, String> sigs = new TreeMap<>();
        for (int i = 0; i < psbt.inputs().size(); i++) {
            for (PsbtInput.PartialSig ps : psbt.input(i).partialSigs()) {
                sigs.put(i + ":" + Hex.toHexString(ps.publicKey()), Hex.toHexString(ps.signature()));
            }
        }
        return sigs;
    }
}
