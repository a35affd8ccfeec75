package io.keyshard.dkls;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Hash commitment {@code H(sid, sender, salt, message)} with a 32-byte random salt: the commit and
 * open of DKLs23 Protocol 3.6 (round 1 commits to R_i, round 2 opens it) and of the zero-sharing
 * seed agreement (Functionality 3.4). Binding to the session and the sender stops a commitment
 * being replayed in another session or by another party.
 */
public final class Commitment {
    /** Length of the salt and of the digest. */
    public static final int LENGTH = 32;

    private static final String TAG = "commit";

    /** A commitment and what opens it; the sender keeps this and sends {@link #digest()} first. */
    public record Opening(byte[] digest, byte[] salt, byte[] message) {}

    private Commitment() {}

    public static Opening commit(byte[] sessionId, int sender, byte[] message, SecureRandom random) {
        byte[] salt = new byte[LENGTH];
        random.nextBytes(salt);
        return new Opening(digest(sessionId, sender, salt, message), salt, message.clone());
    }

    /** Checks an opening against the digest received before; a mismatch aborts naming the sender. */
    public static void verify(byte[] sessionId, int sender, byte[] digest, byte[] salt, byte[] message) {
        if (digest == null || digest.length != LENGTH || salt == null || salt.length != LENGTH) {
            throw new ProtocolAbort(sender, Check.SHAPE, "a commitment and its salt are " + LENGTH + " bytes");
        }
        if (!MessageDigest.isEqual(digest, digest(sessionId, sender, salt, message))) {
            throw new ProtocolAbort(sender, Check.COMMITMENT, "the opened value is not the committed one");
        }
    }

    private static byte[] digest(byte[] sessionId, int sender, byte[] salt, byte[] message) {
        return Oracle.hash32(TAG, sessionId, Oracle.u32(sender), salt, message);
    }
}
