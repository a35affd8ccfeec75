package io.keyshard.dkg;

import java.math.BigInteger;

/**
 * Test-only: what a malicious server holding its own identity key can do and a relay cannot:
 * sign any message it likes and HPKE-encrypt any share to any server. Used by the hostile tests.
 */
public final class Forge {
    private Forge() {}

    /** {@code m} signed by {@code keys} (the sender's own key, or a wrong one). */
    public static <T extends SignedMessage> T sign(T m, IdentityKeys keys) {
        return Signatures.sign(keys, m);
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
