package io.keyshard.address;

import io.keyshard.crypto.Digests;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA3Digest;

/** The hashes addresses are made of beyond SHA-256 and HASH160 (those are in {@link Digests}). */
public final class Hashes {
    private Hashes() {}

    /** SHA-256 of SHA-256: Base58Check's checksum. */
    public static byte[] doubleSha256(byte[] data) {
        return Digests.sha256(Digests.sha256(data));
    }

    /** The original Keccak-256 Ethereum uses (not the padded FIPS 202 SHA3-256). */
    public static byte[] keccak256(byte[] data) {
        return Digests.digest(new KeccakDigest(256), data);
    }

    public static byte[] sha3_256(byte[]... parts) {
        return Digests.digest(new SHA3Digest(256), parts);
    }

    public static byte[] blake2b256(byte[]... parts) {
        return Digests.digest(new Blake2bDigest(256), parts);
    }
}
