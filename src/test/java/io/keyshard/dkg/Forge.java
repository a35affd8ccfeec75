package io.keyshard.dkg;

import java.math.BigInteger;

/**
 * Test-only: what a malicious server holding its own identity key can do and a relay cannot:
 * sign any message it likes and HPKE-encrypt any share to any server. Used by the hostile tests.
 */
public final class Forge {
    private Forge() {
    }

    /** {@code m} signed by {@code keys} (the sender's own key, or a wrong one). */
    public static Round1Message sign(Round1Message m, IdentityKeys keys) {
        Round1Message unsigned = new Round1Message(m.sessionId(), m.sender(), m.commitments(), m.proofR(), m.proofZ(),
                m.chainCodeCommitment(), null);
        byte[] sig = Signatures.sign(keys, m.sessionId(), Round1Message.ROUND, m.sender(), unsigned.payloadHash());
        return new Round1Message(m.sessionId(), m.sender(), m.commitments(), m.proofR(), m.proofZ(),
                m.chainCodeCommitment(), sig);
    }

    public static Round2Message sign(Round2Message m, IdentityKeys keys) {
        Round2Message unsigned = new Round2Message(m.sessionId(), m.sender(), m.echo(), m.encryptedShares(),
                m.chainCodeReveal(), null);
        byte[] sig = Signatures.sign(keys, m.sessionId(), Round2Message.ROUND, m.sender(), unsigned.payloadHash());
        return new Round2Message(m.sessionId(), m.sender(), m.echo(), m.encryptedShares(), m.chainCodeReveal(), sig);
    }

    public static Round3Message sign(Round3Message r, IdentityKeys keys) {
        byte[] sig = Signatures.sign(keys, r.sessionId(), Round3Message.ROUND, r.sender(), r.resultHash());
        return new Round3Message(r.sessionId(), r.sender(), r.curve(), r.threshold(), r.rootPublicKey(), r.chainCode(),
                r.verificationShares(), r.transcriptHash(), sig);
    }

    /** Share {@code value} from {@code sender} sealed to {@code recipient} exactly as an honest sender would. */
    public static byte[] sealShare(SessionSetup setup, int sender, int recipient, BigInteger value) {
        return sealShare(setup, sender, recipient, Session.of(setup).curve().encodeScalar(value));
    }

    /** Any plaintext (of any length or value) sealed to {@code recipient} as a share from {@code sender}. */
    public static byte[] sealShare(SessionSetup setup, int sender, int recipient, byte[] plaintext) {
        Session s = Session.of(setup);
        return ShareEncryption.seal(s.sessionId(), sender, s.participant(recipient), plaintext);
    }
}
