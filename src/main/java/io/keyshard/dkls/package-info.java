/**
 * Threshold ECDSA of Doerner, Kondi, Lee and shelat, "Threshold ECDSA in Three Rounds" (DKLs23,
 * IEEE S&amp;P 2024, ePrint 2023/765), over secp256k1, P-256, P-384 and P-521, as pure functions and
 * records: no I/O. 0xCarbon/DKLs23 and coinbase/cb-mpc were read as references.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link io.keyshard.dkls.Commitment}: salted hash commitments bound to session and sender.</li>
 * <li>{@link io.keyshard.dkls.DlogProof}, {@link io.keyshard.dkls.EncryptionProof}: the proofs of the
 * base OT (Schnorr, and an OR of Chaum-Pedersen proofs), Fiat-Shamir over the session.</li>
 * <li>{@link io.keyshard.dkls.EndemicOt}: κ = 256 base OTs per ordered pair (Zhou et al., ePrint
 * 2022/1525, Section 3), run once per pair of servers and curve; {@link io.keyshard.dkls.OtSeeds} is what a pair keeps.</li>
 * <li>KOS15 OT extension with its consistency check over GF(2^256), and correlated OT over Z_q
 * (package-private: used through {@link io.keyshard.dkls.Rvole}).</li>
 * <li>{@link io.keyshard.dkls.Rvole}: the two-party random VOLE of Functionality 3.5, with batch
 * ξ = |q| + 2·λ_s (λ_s = 80): 416 OTs for the 256-bit curves, 544 for P-384, 681 for P-521.</li>
 * <li>{@link io.keyshard.dkls.ZeroSharing}: Functionality 3.4 from pairwise seeds.</li>
 * <li>{@link io.keyshard.dkls.Signer}: Protocol 3.6, three rounds, one object per signer and
 * signature; {@link io.keyshard.dkls.SignMessages} are its messages.</li>
 * </ul>
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * // once per ordered pair (alice, bob), at key generation: bob is the base OT sender
 * EndemicOt.Sender s = new EndemicOt.Sender(g, setupId, bob, alice, random);        // at bob
 * EndemicOt.Receiver r = new EndemicOt.Receiver(g, setupId, alice, bob, delta, random); // at alice
 * OtSeeds bobSeeds = OtSeeds.forReceiver(s.finish(r.message(), Group.KAPPA));
 * OtSeeds aliceSeeds = OtSeeds.forSender(delta, r.finish(s.message()));
 * // per signature, at each signer
 * Signer me = new Signer(g, request, id, share, zeroSharing, seedsAsSender, seedsAsReceiver, random);
 * Signer.Round1 one = me.round1();          // broadcast one.broadcast(), send one.direct() to each peer
 * Map<Integer, MulResponse> two = me.round2(allCommits, requestsToMe);
 * Partial three = me.round3(responsesToMe); // broadcast
 * EcdsaSignature sig = me.finish(allPartials);
 * }</pre>
 * Every failed check throws {@link io.keyshard.dkls.ProtocolAbort} naming the peer and the
 * {@link io.keyshard.dkls.Check}; when {@link io.keyshard.dkls.Check#burnsSetup()} the pair's
 * {@link io.keyshard.dkls.OtSeeds} have been wiped and refuse further use: the pair signs again
 * only after a new base OT setup (the KOS15/DKLs19 selective-failure attacks recover a key from
 * repeated aborts over the same OTs). A session id must be fresh for every signature: it keys the
 * OT extension, the correlated OT's row hashes and the zero shares. The gadget vector is public and
 * one per curve (a random-oracle output of the curve's name), as the paper's public uniform vector.
 *
 * <h2>Departures from 0xCarbon/DKLs23</h2>
 * <ul>
 * <li>The base OT's h is hashed to the curve (try-and-increment): 0xCarbon computes h as
 * {@code H(sid, seed)·G}, whose logarithm the receiver knows, and such a receiver can compute
 * {@code s·(v - h)} as well as {@code s·v}, so it learns both of the sender's pads.</li>
 * <li>The multiplication check's challenges are drawn from the transcript including τ, so the
 * sender cannot choose τ knowing them.</li>
 * <li>The sender's proof is Fiat-Shamir rather than Fischlin.</li>
 * </ul>
 *
 * <h2>What is constant-time</h2>
 * Secret scalars (shares, r_i, φ_i, the VOLE inputs and outputs) are
 * {@link io.keyshard.curve.Scalar}s: fixed-width Montgomery arithmetic, and hash outputs reduced
 * by it; the multiplication's long vectors (the OT-derived values, τ, the check) use the same kind of
 * arithmetic, {@code ModQ} (64-bit limbs, products on 32-bit halves), with the receiver's choice bits as masks.
 * The KOS15 check multiplies secret rows by the public challenge through a table indexed by the
 * challenge. Multiplications of G, and of points used many times (h and z of a base OT batch), by a
 * secret read a {@link io.keyshard.curve.FixedBaseMultiplier} (a table of multiples per digit, every
 * entry scanned); one secret times many points (the base OT sender's {@code s·v}) a
 * {@link io.keyshard.curve.SharedScalarMultiplier} (the same digits, a table per point; on secp256k1 the
 * scalar split by the GLV endomorphism on fixed-width limbs, signs and parity fixed by masks); a batch of
 * fixed-base products keeps its sums affine, one shared inversion per row (Bouncy Castle's field arithmetic
 * and safegcd inversion; a step with equal x, negligible for random scalars, recomputes the batch in
 * projective coordinates: that one event is public); other points
 * a Montgomery ladder, through {@link io.keyshard.curve.Point} encodings.
 * As in the FROST package, the ladder takes a
 * {@link java.math.BigInteger} built from the scalar, and Bouncy Castle's point formulas are not
 * themselves constant-time. The receiver's choice
 * bits enter the OT extension and the correlated OT by masks. The base OT receiver computes both
 * {@code r·G} and {@code r·G + h} and both branches of its proof for every bit, then chooses
 * {@code v}, the order of the proof's commitments and its challenge and responses by masks: points
 * through {@link io.keyshard.curve.PointSelect} (a two-entry cache-safe table of affine coordinates in
 * fixed-width limbs, both entries read), scalars through {@link io.keyshard.curve.Scalar#select}, so no
 * branch or index follows the bit there. Still not constant-time: each choice bit is a boolean turned
 * into 0 or 1 once, by a {@code ?:} that the interpreter runs as a jump (compiled code need not), and, as
 * above, Bouncy Castle's point formulas (the receiver's products and sums) and the ladder's BigInteger
 * (not on the receiver's path). Received scalars are decoded through BigInteger (their values are known
 * to the sender).
 */
package io.keyshard.dkls;
