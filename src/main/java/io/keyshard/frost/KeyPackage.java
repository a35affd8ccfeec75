package io.keyshard.frost;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import javax.security.auth.Destroyable;

/**
 * What one signer holds to sign with a key: its identifier, its secret share {@code x_i}, its
 * verification share {@code Y_i = x_i·G}, the group key and the threshold.
 */
public record KeyPackage(int identifier, Scalar signingShare, Point verifyingShare, Point groupKey, int minSigners)
        implements Destroyable {
    public KeyPackage {
        if (identifier <= 0) {
            throw new IllegalArgumentException("identifiers are positive, got " + identifier);
        }
        if (minSigners < 1) {
            throw new IllegalArgumentException("the threshold is at least 1, got " + minSigners);
        }
    }

    /** Zeroes the secret share. */
    @Override
    public void destroy() {
        signingShare.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return signingShare.isDestroyed();
    }
}
