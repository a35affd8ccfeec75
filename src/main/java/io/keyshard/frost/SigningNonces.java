package io.keyshard.frost;

import io.keyshard.curve.Scalar;
import javax.security.auth.Destroyable;

/**
 * A signer's secret round-1 state (RFC 9591 5.1): the hiding and binding nonces and their
 * commitments. Signs once: {@link Round2#sign} destroys it before returning.
 */
public record SigningNonces(Scalar hiding, Scalar binding, SigningCommitments commitments) implements Destroyable {
    @Override
    public void destroy() {
        hiding.destroy();
        binding.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return hiding.isDestroyed() || binding.isDestroyed();
    }
}
