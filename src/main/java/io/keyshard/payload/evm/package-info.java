/**
 * What an EVM key signs, as pure functions: no I/O. The encoders are the project's own (RLP,
 * EIP-191, EIP-712 v4, EIP-1559) on Bouncy Castle's Keccak and the project's secp256k1, checked
 * against published vectors.
 *
 * <ul>
 * <li>{@link io.keyshard.payload.evm.Eip191}: the {@code personal_sign} digest of text or bytes.</li>
 * <li>{@link io.keyshard.payload.evm.TypedData} and {@link io.keyshard.payload.evm.Eip712}: the
 * {@code eth_signTypedData_v4} JSON read strictly, and its digest
 * {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))}.</li>
 * <li>{@link io.keyshard.payload.evm.Eip1559Transaction}: a type-2 transaction from
 * {@code eth_sendTransaction} JSON; its signing hash; the raw signed transaction and its hash.
 * {@link io.keyshard.payload.evm.SignedEip1559} decodes raw bytes back and recovers the sender.</li>
 * <li>{@link io.keyshard.payload.evm.EcRecover}: the key and address behind (digest, r, s, v), the
 * check that the signature made by the servers is the derived address's.</li>
 * <li>{@link io.keyshard.payload.evm.TransactionReview} and
 * {@link io.keyshard.payload.evm.TypedDataReview}: what is shown before signing, amounts as exact
 * decimals ({@link io.keyshard.payload.evm.EvmUnits}), the chain by name and its native coin
 * ({@link io.keyshard.payload.evm.EvmChain}), and a token call's recipient, spender and amount read
 * from the call data ({@link io.keyshard.payload.evm.TokenCall}) or a signed permit's
 * ({@link io.keyshard.payload.evm.TypedPermit}), and the site a sign-in message is for
 * ({@link io.keyshard.payload.evm.SiweMessage}).</li>
 * </ul>
 *
 * <pre>{@code
 * Eip1559Transaction tx = Eip1559Transaction.parse(json);
 * tx.checkFrom(derivedAddress);                  // refuses a payload of another account
 * show(tx.review());
 * EvmSignature sig = thresholdSign(tx.signingHash()).normalized();
 * byte[] raw = tx.signedEncoding(sig);
 * if (!EcRecover.sameAddress(SignedEip1559.decode(raw).sender(), derivedAddress)) { refuse }
 * }</pre>
 * Every refusal is an {@link java.lang.IllegalArgumentException} (exit code 2) whose message names
 * the field or rule.
 */
package io.keyshard.payload.evm;
