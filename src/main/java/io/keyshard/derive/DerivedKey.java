package io.keyshard.derive;

/**
 * The outcome of {@link PublicDerivation#derive}: the child key (public key, chain code, depth,
 * parent fingerprint, child number), the path taken and one line saying what was done, for the UI.
 */
public record DerivedKey(ExtendedPublicKey key, DerivationPath path, String description) {
}
