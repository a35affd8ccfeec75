/**
 * What a Solana (Ed25519) key signs, as pure functions: no I/O.
 * {@link io.keyshard.payload.solana.SolanaTransaction} reads a serialized transaction or a bare
 * message, legacy or v0, from bytes, base64 or base58, strictly (compact-u16 lengths in shortest
 * form, header counts against the keys, index bounds, the 1232-byte packet limit); finds the
 * signature slot of a key and refuses a key that is not a required signer; and puts a 64-byte
 * signature in that slot once it verifies over the message bytes (what Ed25519 signs, with no
 * prehash). {@link io.keyshard.payload.solana.SolanaReview} is what is shown before signing, with
 * each instruction in words by {@link io.keyshard.payload.solana.InstructionText}.
 *
 * <pre>{@code
 * SolanaTransaction tx = SolanaTransaction.parseText(base64OrBase58);
 * int slot = tx.signerSlot(publicKey);           // refuses a key that need not sign
 * show(tx.review());
 * byte[] signature = thresholdSign(tx.message().bytes());
 * byte[] signed = tx.withSignature(publicKey, signature).serialize();
 * }</pre>
 */
package io.keyshard.payload.solana;
