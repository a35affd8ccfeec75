package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.payload.bitcoin.Der;
import io.keyshard.payload.bitcoin.Psbt;
import io.keyshard.payload.bitcoin.PsbtFixtures;
import io.keyshard.payload.bitcoin.Scripts;
import io.keyshard.payload.bitcoin.Sighash;
import io.keyshard.payload.bitcoin.Transaction;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard sign psbt --finalize} for a SECP256k1 key's P2WPKH and P2PKH inputs on the shared local
 * cluster (threshold ECDSA): the final transaction's witness or scriptSig holds a low-s DER signature
 * that Bouncy Castle's ECDSA verifier accepts over the BIP-143 or legacy sighash under the derived key.
 */
class PsbtEcdsaSignIT {
    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");

    @TempDir
    static Path dir;

    static SignCli cli;
    static String keyId;
    static ExtendedPublicKey root;

    @BeforeAll
    static void setUp() throws Exception {
        cli = SignCli.create(dir);
        keyId = cli.keygen(CurveName.SECP256K1);
        root = cli.root(keyId);
    }

    private static Transaction sign(Psbt psbt, String name) throws Exception {
        Path in = dir.resolve(name);
        Files.writeString(in, psbt.toBase64());
        JsonNode o = SignCli.json(
                cli.run("sign", "psbt", "--key-id", keyId, "--file", in.toString(), "--finalize", "--json"));
        Transaction tx = Transaction.parseHex(o.get("signedTransaction").asText());
        assertEquals(tx.txidHex(), o.get("txHash").asText());
        return tx;
    }

    private static boolean verifies(byte[] pub, byte[] sighash, byte[] sigWithType) {
        byte[] der = Arrays.copyOf(sigWithType, sigWithType.length - 1);
        BigInteger[] rs = Der.decode(der);
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(SECP.getCurve().decodePoint(pub), new ECDomainParameters(SECP)));
        return rs[1].compareTo(SECP.getN().shiftRight(1)) <= 0 && v.verifySignature(sighash, rs[0], rs[1]);
    }

    private static byte[] pub(String path) {
        return PublicDerivation.derive(root, DerivationPath.parse(path))
                .key()
                .point()
                .encode();
    }

    @Test
    void p2wpkhInputGetsAWitnessOfSignatureAndKey() throws Exception {
        Psbt psbt = PsbtFixtures.p2wpkh(root, "m/84/0/0/0/4");
        Transaction tx = sign(psbt, "wpkh.psbt");
        List<byte[]> witness = tx.inputs().get(0).witness();
        assertEquals(2, witness.size());
        byte[] pub = pub("m/84/0/0/0/4");
        assertArrayEquals(pub, witness.get(1));
        assertEquals(Sighash.ALL, witness.get(0)[witness.get(0).length - 1]);
        byte[] sighash = Sighash.segwitV0(
                psbt.unsignedTransaction(),
                0,
                Sighash.p2wpkhScriptCode(Digests.hash160(pub)),
                PsbtFixtures.AMOUNT,
                Sighash.ALL);
        assertTrue(verifies(pub, sighash, witness.get(0)));
    }

    @Test
    void p2pkhInputGetsAScriptSigOfSignatureAndKey() throws Exception {
        Psbt psbt = PsbtFixtures.p2pkh(root, "m/44/0/0/0/4");
        Transaction tx = sign(psbt, "pkh.psbt");
        byte[] scriptSig = tx.inputs().get(0).scriptSig();
        byte[] pub = pub("m/44/0/0/0/4");
        int sigLength = scriptSig[0] & 0xff;
        byte[] sig = Arrays.copyOfRange(scriptSig, 1, 1 + sigLength);
        assertEquals(33, scriptSig[1 + sigLength]);
        assertArrayEquals(pub, Arrays.copyOfRange(scriptSig, 2 + sigLength, scriptSig.length));
        byte[] sighash =
                Sighash.legacy(psbt.unsignedTransaction(), 0, Scripts.p2pkh(Digests.hash160(pub)), Sighash.ALL);
        assertTrue(verifies(pub, sighash, sig));
        assertTrue(tx.inputs().get(0).witness().isEmpty());
    }
}
