package io.keyshard.payload.bitcoin;

import io.keyshard.derive.DerivationPath;

/**
 * One PSBT input this key signs: its derivation path from the key, script type, the 32-byte
 * signature hash, the hash type, and the public key a signature must verify under (the compressed
 * derived key for ECDSA; for P2TR the x-only output key Q, with the internal key and merkle root
 * the signers tweak by).
 */
public record SigningInput(
        int index,
        DerivationPath path,
        ScriptType type,
        byte[] sighash,
        int hashType,
        byte[] publicKey,
        byte[] internalKey,
        byte[] merkleRoot,
        long amount) {
    public SigningInput {
        sighash = sighash.clone();
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] sighash() {
        return sighash.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** True for a taproot key-path input (BIP-340 signature), false for ECDSA. */
    public boolean isSchnorr() {
        return type == ScriptType.P2TR;
    }
}
