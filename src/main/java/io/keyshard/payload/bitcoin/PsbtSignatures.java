package io.keyshard.payload.bitcoin;

import io.keyshard.frost.Bip340;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Adds signatures to a PSBT: PSBT_IN_PARTIAL_SIG (DER and hash type) for ECDSA inputs and
 * PSBT_IN_TAP_KEY_SIG for taproot ones. A signature is added only after it verifies under the
 * input's key and signature hash, so a PSBT never carries one the network would reject. Each call
 * returns a new PSBT and leaves the given one as it was.
 */
public final class PsbtSignatures {
    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(SECP256K1.getCurve(), SECP256K1.getG(), SECP256K1.getN(), SECP256K1.getH());

    private PsbtSignatures() {}

    /** Adds the ECDSA signature {@code der} (strict DER, low s) for an input found by {@link PsbtSigner}. */
    public static Psbt addEcdsa(Psbt psbt, SigningInput input, byte[] der) {
        if (input.isSchnorr()) {
            throw new IllegalArgumentException(
                    "input " + input.index() + " is a taproot input: it takes a BIP-340 signature");
        }
        requireSameRequest(psbt, input);
        if (!Der.isStrict(der)) {
            throw new IllegalArgumentException(
                    "the signature for input " + input.index() + " is not a strict DER signature");
        }
        BigInteger[] rs = Der.decode(der);
        if (rs[1].compareTo(SECP256K1.getN().shiftRight(1)) > 0) {
            throw new IllegalArgumentException("the signature for input " + input.index()
                    + " has a high s value, which " + "Bitcoin nodes do not relay; normalise it to n - s");
        }
        if (!verifyEcdsa(input.publicKey(), input.sighash(), rs[0], rs[1])) {
            throw new IllegalArgumentException("the signature for input " + input.index()
                    + " does not verify under the input's key and signature hash");
        }
        byte[] withType = Arrays.copyOf(der, der.length + 1);
        withType[der.length] = (byte) input.hashType();
        Psbt copy = Psbt.parse(psbt.serialize());
        copy.input(input.index()).addPartialSig(input.publicKey(), withType);
        return copy;
    }

    /** Adds the 64-byte BIP-340 signature for a taproot key-path input, with the hash type byte unless it is DEFAULT. */
    public static Psbt addSchnorr(Psbt psbt, SigningInput input, byte[] signature) {
        if (!input.isSchnorr()) {
            throw new IllegalArgumentException("input " + input.index() + " takes an ECDSA signature, not BIP-340");
        }
        requireSameRequest(psbt, input);
        if (signature.length != 64 || !Bip340.verify(input.publicKey(), input.sighash(), signature)) {
            throw new IllegalArgumentException("the signature for input " + input.index()
                    + " does not verify under the taproot output key and signature hash");
        }
        byte[] value = signature;
        if (input.hashType() != Sighash.DEFAULT) {
            value = Arrays.copyOf(signature, 65);
            value[64] = (byte) input.hashType();
        }
        Psbt copy = Psbt.parse(psbt.serialize());
        copy.input(input.index()).setTapKeySig(value);
        return copy;
    }

    private static void requireSameRequest(Psbt psbt, SigningInput input) {
        if (!Arrays.equals(PsbtSigner.recompute(psbt, input), input.sighash())) {
            throw new IllegalArgumentException("the signature was requested for another PSBT or input than input "
                    + input.index() + " of this one: its signature hash differs");
        }
    }

    /** ECDSA verification over secp256k1 of a 32-byte digest. */
    static boolean verifyEcdsa(byte[] publicKey, byte[] digest, BigInteger r, BigInteger s) {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(SECP256K1.getCurve().decodePoint(publicKey), DOMAIN));
        return verifier.verifySignature(digest, r, s);
    }
}
