package io.keyshard.dkg;

/** Every message is signed over {@code (sessionId, round, sender, payload hash)} with the sender's Ed25519 key. */
final class Signatures {
    static final int LENGTH = 64;

    private Signatures() {
    }

    static byte[] sign(IdentityKeys keys, byte[] sessionId, int round, int sender, byte[] payloadHash) {
        return keys.sign(signedBytes(sessionId, round, sender, payloadHash));
    }

    static boolean verify(Participant signer, byte[] sessionId, int round, byte[] payloadHash, byte[] signature) {
        return signature != null && signature.length == LENGTH
                && IdentityKeys.verify(signer.signingKey(), signedBytes(sessionId, round, signer.id(), payloadHash), signature);
    }

    private static byte[] signedBytes(byte[] sessionId, int round, int sender, byte[] payloadHash) {
        return ProtocolHash.frame("signature", sessionId, ProtocolHash.u32(round), ProtocolHash.u32(sender), payloadHash);
    }
}
