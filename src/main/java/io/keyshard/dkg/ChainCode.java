package io.keyshard.dkg;

import java.util.List;

/**
 * The commit-reveal chain code: each server commits to a random 32-byte contribution in round 1
 * and reveals it in round 2, so none can steer the result after seeing the others'.
 */
final class ChainCode {
    static final int LENGTH = 32;

    private ChainCode() {}

    /** {@code H(c_i)}, bound to the session and the sender so a commitment cannot be copied. */
    static byte[] commit(byte[] sessionId, int sender, byte[] contribution) {
        return ProtocolHash.hash("chaincode-commit", sessionId, ProtocolHash.u32(sender), contribution);
    }

    /** {@code H(tag, c_1 ‖ … ‖ c_n)} with the contributions in ascending id order. */
    static byte[] combine(List<byte[]> contributionsInIdOrder) {
        return ProtocolHash.hash("chaincode", contributionsInIdOrder.toArray(new byte[0][]));
    }
}
