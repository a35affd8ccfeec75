package io.keyshard.derive;

import java.math.BigInteger;

/**
 * The outcome of {@link PublicDerivation#derive}: the child key (public key, chain code, depth,
 * parent fingerprint, child number), the path taken and one line saying what was done, for the UI.
 *
 * @param tweak the sum of every step's tweak modulo the group order, so that child = start + tweak·G
 *              for all three schemes: the servers add it to their shares (and the client to the
 *              verification shares) to sign for the child key. Public: it follows from the chain code.
 */
public record DerivedKey(ExtendedPublicKey key, DerivationPath path, String description, BigInteger tweak) {}
