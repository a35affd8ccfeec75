package io.keyshard.dkg;

/** Every message is signed over {@code (sessionId, round, sender, payload hash)} with the sender's Ed25519 key. */
final class Signatures {
    static final int LENGTH = 64;

    private Signatures() {}

    /** {@code unsigned} carrying its sender's signature; {@code payloadHash} is {@code unsigned.payloadHash()}, computed once. */
    @SuppressWarnings("unchecked")
    static <T extends SignedMessage> T sign(IdentityKeys keys, T unsigned, byte[] payloadHash) {
        return (T) unsigned.withSignature(
                keys.sign(signedBytes(unsigned.sessionId(), unsigned.round(), unsigned.sender(), payloadHash)));
    }

    /** {@code unsigned} carrying its sender's signature. */
    static <T extends SignedMessage> T sign(IdentityKeys keys, T unsigned) {
        return sign(keys, unsigned, unsigned.payloadHash());
    }

    /** True when {@code m} is signed by {@code signer} over {@code payloadHash} (its payload hash, computed once). */
    static boolean verify(Participant signer, SignedMessage m, byte[] payloadHash) {
        byte[] signature = m.signature();
        return signature != null
                && signature.length == LENGTH
                && IdentityKeys.verify(
                        signer.signingKey(),
                        signedBytes(m.sessionId(), m.round(), signer.id(), payloadHash),
                        signature);
    }

    private static byte[] signedBytes(byte[] sessionId, int round, int sender, byte[] payloadHash) {
        return ProtocolHash.frame(
                "signature", sessionId, ProtocolHash.u32(round), ProtocolHash.u32(sender), payloadHash);
    }
}
