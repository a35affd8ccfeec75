/**
 * FROST threshold Schnorr signing (RFC 9591) over the project's curves, as pure functions and
 * records: no I/O. Generic over the {@link io.keyshard.frost.Ciphersuite}: FROST(Ed25519, SHA-512),
 * FROST(Ed448, SHAKE256), FROST(P-256, SHA-256), FROST(secp256k1, SHA-256) exactly as RFC 9591,
 * and the BIP-340 variant {@code FROST-secp256k1-SHA256-TR-v1} of the Zcash Foundation's
 * {@code frost-secp256k1-tr}. {@link io.keyshard.frost.Ciphersuite#forCurve} gives the suite the
 * product signs a curve with: EdDSA-compatible for Edwards keys, BIP-340 for Taproot keys. The
 * P-256 and secp256k1 suites make Schnorr signatures no ECDSA verifier accepts and exist as a
 * conformance check of the core.
 *
 * <h2>One signature</h2>
 * <pre>{@code
 * // every signer, round 1 (RFC 9591 5.1): keep nonces in memory only, send nonces.commitments()
 * SigningNonces nonces = Round1.commit(suite, keyPackage, secureRandom::nextBytes);
 * // coordinator: the commitments of at least t signers and the message
 * SigningPackage pkg = new SigningPackage(commitments, message);
 * // every signer, round 2 (5.2): checks the package, then spends the nonces (single use)
 * SignatureShare z = Round2.sign(suite, pkg, nonces, keyPackage);
 * // coordinator (5.3, 5.4): checks every share, names every bad signer, verifies before release
 * Signature sig = Aggregator.aggregate(suite, pkg, sharesById, publicKeyPackage);
 * byte[] wire = sig.encode(suite);
 * }</pre>
 * Received points and scalars are decoded with {@link io.keyshard.frost.SigningCommitments#decode}
 * and {@link io.keyshard.frost.SignatureShare#decode}, which refuse anything non-canonical, off the
 * curve, of small order or the identity, naming the sender. Every failure is a
 * {@link io.keyshard.frost.SigningException} (exit code 5) naming the
 * {@link io.keyshard.frost.SigningCheck} and the culprit identifiers (0 for the coordinator); its
 * message never holds a share, a nonce or a key.
 *
 * <h2>Derived and taproot keys</h2>
 * {@link io.keyshard.frost.Tweaks#derive} moves a key package and a public key package by a public
 * tweak δ (the key becomes {@code Y + δ·G}); {@link io.keyshard.frost.Tweaks#taproot} applies the
 * BIP-340 even-Y normalisation and the BIP-341 TapTweak (a null merkle root is BIP-86). Signing
 * with the BIP-340 suite normalises the key's Y again and negates the nonces when the group
 * commitment has odd Y, as {@code frost-secp256k1-tr} does.
 *
 * <h2>What is constant-time</h2>
 * <ul>
 * <li>Arithmetic on secret scalars (shares, nonces, signature shares, the tweaked shares) is in
 * {@link io.keyshard.curve.ScalarField}: fixed-width 32-bit limbs, Montgomery multiplication
 * (CIOS), additions and subtractions with masked corrections, conditional negation by masked
 * selection, and reduction of hash outputs (the nonces of 4.1) by Montgomery chunks. No branch,
 * loop bound or array index depends on a value; {@link io.keyshard.curve.Scalar#destroy} zeroes
 * the limbs. Tested against {@link java.math.BigInteger} for every suite's order.</li>
 * <li>Base multiplications of secret nonces go through {@link io.keyshard.curve.Curve#multiplyBase(io.keyshard.curve.Scalar)}:
 * the masked signed-radix-16 table for Edwards, fed the scalar's fixed-length encoding, and
 * Bouncy Castle's comb for the Weierstrass curves, which takes a {@link java.math.BigInteger}
 * built from the fixed-length encoding (no reduction) and turns it into fixed-width limbs.</li>
 * <li>Not constant-time, on purpose: everything public. Binding factors, the challenge, Lagrange
 * values, tweaks and every point operation on commitments, verification shares and signatures
 * (share verification, aggregation, verification) use variable-time curve code; the even-Y
 * decisions depend on public points. Decoding refuses a non-canonical scalar by branching on
 * the (public) outcome of a constant-time comparison.</li>
 * <li>A share held as a {@code dkg.SecretShare} enters as {@code share.scalar()}, a scalar of the
 * curve's own field and so of the suite's; {@code share.value()} is a BigInteger for tests and
 * public checks. The JIT gives no formal guarantee either way: this is best effort on the JVM.</li>
 * </ul>
 */
package io.keyshard.frost;
